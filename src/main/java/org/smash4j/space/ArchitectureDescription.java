package org.smash4j.space;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plain-text, op-by-op summary that {@code ./smash describe} prints: what each op reads and writes, its
 * widths and convs, and its exact cost in the stand-alone network ({@link CostModel}). Meant to be read in a
 * terminal of 100 columns: every line is at most {@link #MAX_LINE} characters unless a read or write list is
 * unusually fragmented (lists are compressed to ranges such as {@code 0-7,9}).
 */
public final class ArchitectureDescription {
    /** Longest line the layout produces with ordinary read and write lists. */
    public static final int MAX_LINE = 98;

    // Column widths of the op table; the text before the cost columns is TEXT_WIDTH wide.
    private static final int OP = 3;
    private static final int READS = 10;
    private static final int WRITES = 16;
    private static final int CHANNELS = 4;
    private static final int ONE_BY_ONE = 9;
    private static final int PATTERN = 8;
    private static final int CONV = 16;
    private static final int TEXT_WIDTH = 2 + OP + 2 + READS + 2 + WRITES + 2 + CHANNELS + 2 + ONE_BY_ONE + 2
            + PATTERN + 2 + CONV;
    private static final int COST = 7;

    private ArchitectureDescription() {
    }

    /** Describes the architecture of {@code document} in its own space. */
    public static String describe(ArchitectureDocument document, NormStyle style) {
        return describe(document.architecture(), document.space(), style);
    }

    /**
     * Describes {@code architecture} of {@code config} with costs of its stand-alone network in {@code style}.
     *
     * @throws InvalidArchitectureException if the architecture is not valid for {@code config}
     */
    public static String describe(Architecture architecture, SearchSpaceConfig config, NormStyle style) {
        NetworkCost cost = CostModel.of(architecture, config, style); // validates
        SpaceGeometry g = config.geometry();
        int dims = config.spatialDims();
        StringBuilder sb = new StringBuilder();
        int totalSlices = 0;
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            totalSlices += g.budgetSlices(b);
        }
        line(sb, String.format(Locale.ROOT, "architecture: %d ops, %d of %d slices used; N=%d, D=%d, op mode %s",
                architecture.opCount(), architecture.usedSlices(config), totalSlices, config.n(),
                config.depthCompression(), config.opMode()));
        line(sb, String.format(Locale.ROOT, "costs of the stand-alone network with %s norm, input %d ch @%s,"
                + " %d classes", style, config.inChannels(), square(config.resolution(), dims), config.numClasses()));
        sb.append('\n');
        LayerCost stem = cost.stem();
        costLine(sb, String.format(Locale.ROOT, "stem: conv %s, %d -> %d ch @%s", square(7, dims),
                stem.inChannels(), stem.outChannels(), square(stem.resolution(), dims)), stem.params(), stem.macs());

        int[] slices = architecture.opSlices(config);
        int sliceIndex = 0;
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            Block block = architecture.blocks().get(b);
            BlockCost bc = cost.blocks().get(b);
            int bankChannels = bc.bankSize() * config.n();
            int blockSlices = 0;
            for (int o = 0; o < block.ops().size(); o++) {
                blockSlices += slices[sliceIndex + o];
            }
            sliceIndex += block.ops().size();
            sb.append('\n');
            line(sb, String.format(Locale.ROOT, "block %d  %s  bank size %d (%d ch)  initial banks %s (%d of %d"
                            + " input ch)  slices %d/%d", b, square(bc.resolution(), dims), bc.bankSize(), bankChannels,
                    range(0, bc.initialBanks() - 1), bc.initialBanks() * bankChannels, g.blockInput(b), blockSlices,
                    g.budgetSlices(b)));
            if (block.ops().isEmpty()) {
                line(sb, "  no ops: the initial banks pass through unchanged");
            } else {
                costLine(sb, row("op", "reads", "writes", "ch", "1x1", "pattern", "conv"), "params", "MACs");
                int written = bc.initialBanks();
                for (int o = 0; o < block.ops().size(); o++) {
                    Op op = block.ops().get(o);
                    OpCost oc = bc.ops().get(o);
                    List<String> convs = convCells(op);
                    costLine(sb, row(Integer.toString(o), ranges(op.reads()), writes(op.writes(), written),
                            Integer.toString(oc.outChannels()), oc.inChannels() + "->" + oc.bottleneckChannels(),
                            op.pattern().shortName(), convs.get(0)), human(oc.params()), human(oc.macs()));
                    for (int i = 1; i < convs.size(); i++) {
                        line(sb, row("", "", "", "", "", "", convs.get(i)));
                    }
                    for (int w : op.writes()) {
                        written = Math.max(written, w + 1);
                    }
                }
            }
            line(sb, String.format(Locale.ROOT, "  output: %d bank%s x %d ch = %d channels (at most %d)", bc.banks(),
                    bc.banks() == 1 ? "" : "s", bankChannels, bc.outputChannels(), g.maxBlockWidth(b)));
            if (b < cost.transitions().size()) {
                LayerCost t = cost.transitions().get(b);
                costLine(sb, String.format(Locale.ROOT, "%s: BN, ReLU, conv 1x1 %d -> %d ch @%s, avgpool 2",
                        t.name(), t.inChannels(), t.outChannels(), square(t.resolution(), dims)), t.params(), t.macs());
            }
        }
        sb.append('\n');
        LayerCost head = cost.head();
        costLine(sb, String.format(Locale.ROOT, "head: BN, ReLU, global average pool, linear %d -> %d classes",
                head.inChannels(), head.outChannels()), head.params(), head.macs());
        sb.append('\n');
        line(sb, String.format(Locale.ROOT, "total: %,d parameters (%s), %,d MACs per image (%s)", cost.params(),
                human(cost.params()), cost.macs(), human(cost.macs())));
        line(sb, "writes: 'add' sums into already-written banks, 'new' allocates banks; ch = op width in channels;");
        line(sb, "1x1 = n_in->n_b; conv = kernel h x w" + (config.spatialDims() == 3 ? " (on voxel grids h x h x w)"
                : "") + ", dilation (d), groups (g); MACs = multiply-accumulates");
        return sb.toString();
    }

    /**
     * A count with a unit suffix and three significant digits: 999, 1.23k, 45.6M, 789G.
     */
    public static String human(long value) {
        if (Math.abs(value) < 1000) {
            return Long.toString(value);
        }
        String[] units = {"k", "M", "G", "T", "P"};
        double v = value;
        int u = -1;
        do {
            v /= 1000.0;
            u++;
        } while (Math.abs(v) >= 999.5 && u < units.length - 1);
        double a = Math.abs(v);
        String digits = a < 9.995 ? String.format(Locale.ROOT, "%.2f", v)
                : a < 99.95 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.0f", v);
        return digits + units[u];
    }

    private static String row(String op, String reads, String writes, String channels, String oneByOne,
                              String pattern, String conv) {
        return "  " + padLeft(op, OP) + "  " + pad(reads, READS) + "  " + pad(writes, WRITES) + "  "
                + padLeft(channels, CHANNELS) + "  " + pad(oneByOne, ONE_BY_ONE) + "  " + pad(pattern, PATTERN)
                + "  " + conv;
    }

    private static List<String> convCells(Op op) {
        List<String> out = new ArrayList<>();
        List<Integer> active = op.pattern().activeIndices();
        for (int p = 0; p < active.size(); p++) {
            ConvSpec c = op.convs().get(p);
            out.add(String.format(Locale.ROOT, "W%d %dx%d d%dx%d g%d", active.get(p), c.kernelH(), c.kernelW(),
                    c.dilationH(), c.dilationW(), c.groups()));
        }
        return out;
    }

    /** "add 0-1 new 4" for a write list, given how many banks were written before the op. */
    private static String writes(List<Integer> writes, int written) {
        List<Integer> added = new ArrayList<>();
        List<Integer> allocated = new ArrayList<>();
        for (int w : writes) {
            (w < written ? added : allocated).add(w);
        }
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("add " + ranges(added));
        }
        if (!allocated.isEmpty()) {
            parts.add("new " + ranges(allocated));
        }
        return String.join(" ", parts);
    }

    /** Compresses ascending runs: [0,1,2,5,7,8] -> "0-2,5,7-8". Keeps the given order. */
    static String ranges(List<Integer> banks) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < banks.size()) {
            int j = i;
            while (j + 1 < banks.size() && banks.get(j + 1) == banks.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(banks.get(i));
            if (j > i) {
                sb.append('-').append(banks.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    private static String range(int from, int to) {
        return from == to ? Integer.toString(from) : from + ".." + to;
    }


    /** "32x32", or "32x32x32" on voxel grids. */
    private static String square(int r, int dims) {
        return dims == 3 ? r + "x" + r + "x" + r : r + "x" + r;
    }

    private static void costLine(StringBuilder sb, String text, long params, long macs) {
        costLine(sb, text, human(params), human(macs));
    }

    private static void costLine(StringBuilder sb, String text, String params, String macs) {
        line(sb, pad(text, TEXT_WIDTH) + "  " + padLeft(params, COST) + "  " + padLeft(macs, COST));
    }

    private static void line(StringBuilder sb, String text) {
        sb.append(text.stripTrailing()).append('\n');
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
