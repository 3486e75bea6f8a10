package org.smash4j.cli;

import org.smash4j.encoding.EncodingLayout;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.space.SearchSpaceSize;
import org.smash4j.space.SpaceGeometry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.util.Locale;

/** {@code smash space}: what a preset's search space contains, how big it is, and how c is laid out. */
@Command(name = "space", mixinStandardHelpOptions = true,
        description = "Print a search space: its settings, per-block budgets, its size and the channel layout "
                + "of the architecture encoding c.")
final class SpaceCommand implements Runnable {
    @Mixin
    SpaceOptions space;

    @Override
    public void run() {
        print(space.config(), space.preset, System.out);
    }

    static void print(SearchSpaceConfig c, String name, PrintStream out) {
        SpaceGeometry g = c.geometry();
        out.printf(Locale.ROOT, "Search space '%s'%n", name);
        out.printf(Locale.ROOT, "  N=%d  N_max=%d (k=%d)  depth=%d  width=%d  bottleneck=%d  max_bottleneck=%d  D=%d%n",
                c.n(), c.nMax(), c.k(), c.depth(), c.width(), c.bottleneck(), c.maxBottleneck(),
                c.depthCompression());
        out.printf(Locale.ROOT, "  ops: %s; kernels %s%s; max dilation %d; groups %s%n",
                c.opMode().name().toLowerCase(Locale.ROOT), c.kernelSizes(),
                c.varKs() ? " per dimension (non-square allowed)" : " (fixed 3x3)", c.maxDilate(),
                c.groupChoices());
        out.printf(Locale.ROOT, "  input %dx%dx%d, %d classes; block budget fraction ~ U(%.2f, max budget)%n",
                c.inChannels(), c.resolution(), c.resolution(), c.numClasses(), c.minBudget());
        out.println();
        out.println("  block  resolution  input ch  budget (1x1 input ch)  slices  max width  bank sizes");
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            int r = g.blockResolution(b);
            out.printf(Locale.ROOT, "  %-5d  %-10s  %-8d  %-21d  %-6d  %-9d  %s%n", b, r + "x" + r,
                    g.blockInput(b), g.budgetChannels(b), g.budgetSlices(b), g.maxBlockWidth(b),
                    c.bankSizeChoices(b));
        }
        SearchSpaceSize size = SearchSpaceSize.of(c);
        out.printf(Locale.ROOT, "%nSize: %s distinct architectures (10^%.2f; blocks 10^%.2f x 10^%.2f x 10^%.2f), "
                + "counted exactly: the support of the sampler at the end of annealing%n", abbreviate(size.total()),
                size.log10Total(), size.log10Block(0), size.log10Block(1), size.log10Block(2));
        out.println();
        EncodingLayout layout = new EncodingLayout(c);
        out.printf(Locale.ROOT, "Encoding c: %d channels x %d rows x (S+1) columns, S <= %d slices of %d input "
                + "channels%n", layout.channelCount(), layout.height(), g.fullSlices(), g.sliceChannels());
        out.println(layout.describe());
    }

    /** A big integer as its leading digits and digit count, e.g. "3.623e88"; small ones in full. */
    static String abbreviate(java.math.BigInteger v) {
        String d = v.toString();
        return d.length() <= 15 ? String.format(Locale.ROOT, "%,d", v)
                : d.charAt(0) + "." + d.substring(1, 4) + "e" + (d.length() - 1);
    }
}
