package org.smash4j.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The single place that decides whether an {@link Architecture} is a point of a {@link SearchSpaceConfig}'s
 * space. The sampler and perturber must only produce architectures this class accepts, and every consumer
 * (encoding, networks, cost model) may rely on its rules instead of re-checking them.
 *
 * <p>Rules (blocks and ops are counted from 0 in messages, as in the JSON arrays):
 * <ol>
 * <li>exactly 3 blocks; each block's bank size is one of {@link SearchSpaceConfig#bankSizeChoices(int)}; the
 *     block input fills banks {@code 0..R0-1}, {@code R0 = floor(in_b / (bs*N))};</li>
 * <li>every bank index is below the bank cap
 *     {@code min(R0 + floor(depth*k/bs), floor(maxBlockWidth_b / (bs*N)))};</li>
 * <li>per op: reads non-empty, strictly ascending, all already written, a whole number of slices; width a multiple
 *     of bs in {@code [bs, k]}; writes non-empty, without duplicates, at least one per output chunk, written banks
 *     first (ascending), then new banks allocated in order without skipping;</li>
 * <li>the slices of a block's ops fit its budget {@link SpaceGeometry#budgetSlices(int)};</li>
 * <li>the pattern is allowed by the op mode and the op holds one conv spec per active conv;</li>
 * <li>each conv: odd kernel sides in {@code [3, maxKernel]} (3 without varKs), dilation in
 *     {@code [1, maxDilation(kernel side)]} per dimension, groups one of the allowed values and dividing the conv's
 *     input and output channels.</li>
 * </ol>
 */
public final class ArchitectureValidator {
    private ArchitectureValidator() {
    }

    /**
     * Checks {@code architecture} against {@code config}.
     *
     * @throws InvalidArchitectureException listing every problem found
     */
    public static void validate(Architecture architecture, SearchSpaceConfig config) {
        List<String> problems = problems(architecture, config);
        if (!problems.isEmpty()) {
            throw new InvalidArchitectureException(problems);
        }
    }

    /** Whether {@code architecture} satisfies every rule of {@code config}. */
    public static boolean isValid(Architecture architecture, SearchSpaceConfig config) {
        return problems(architecture, config).isEmpty();
    }

    /**
     * Every rule {@code architecture} breaks, one message each, in block and op order; empty when valid. After
     * a problem the check goes on with a best guess of the bank state, so later messages may be consequences
     * of earlier ones; a block whose bank size is not allowed is not checked further.
     */
    public static List<String> problems(Architecture architecture, SearchSpaceConfig config) {
        if (architecture == null || config == null) {
            throw new IllegalArgumentException("validate needs an architecture and a config, got "
                    + (architecture == null ? "no architecture" : "no config"));
        }
        List<String> out = new ArrayList<>();
        int blocks = architecture.blocks().size();
        if (blocks != SearchSpaceConfig.BLOCKS) {
            out.add(String.format(Locale.ROOT,
                    "the architecture has %d block%s; it must have exactly 3 (full, half and quarter resolution)",
                    blocks, blocks == 1 ? "" : "s"));
            return out;
        }
        for (int b = 0; b < blocks; b++) {
            checkBlock(b, architecture.blocks().get(b), config, out);
        }
        return out;
    }

    private static void checkBlock(int b, Block block, SearchSpaceConfig c, List<String> out) {
        SpaceGeometry g = c.geometry();
        int bs = block.bankSize();
        List<Integer> bankSizes = c.bankSizeChoices(b);
        if (!bankSizes.contains(bs)) {
            out.add(String.format(Locale.ROOT, "block %d: bank size %d is not allowed (allowed bank sizes for"
                    + " this block: %s; a bank size not a multiple of D=%d needs at least D initial banks)",
                    b, bs, bankSizes, c.depthCompression()));
            return; // every later rule depends on the bank size
        }
        int bankChannels = bs * c.n();
        int initialBanks = g.blockInput(b) / bankChannels;
        int allocationLimit = initialBanks + c.depth() * c.k() / bs;
        int widthLimit = g.maxBlockWidth(b) / bankChannels;
        int cap = Math.min(allocationLimit, widthLimit);
        String capRule = String.format(Locale.ROOT,
                "min(R0 + floor(depth*k/bs), floor(maxBlockWidth/(bs*N))) = min(%d + %d, %d)",
                initialBanks, c.depth() * c.k() / bs, widthLimit);

        int written = initialBanks;
        int usedSlices = 0;
        int firstOverBudget = -1;
        int budget = g.budgetSlices(b);
        for (int o = 0; o < block.ops().size(); o++) {
            Op op = block.ops().get(o);
            String where = String.format(Locale.ROOT, "block %d, op %d", b, o);
            checkReads(where, op, bs, written, c, out);
            // A partial slice still occupies a whole encoding column, hence the ceiling.
            usedSlices += ceilDiv(op.reads().size() * bs, c.depthCompression());
            if (usedSlices > budget && firstOverBudget < 0) {
                firstOverBudget = o;
            }
            checkWidth(where, op, bs, c, out);
            written = checkWrites(where, op, bs, written, cap, capRule, out);
            checkPatternAndConvs(where, op, bs, c, out);
        }
        if (usedSlices > budget) {
            out.add(String.format(Locale.ROOT, "block %d: ops use %d slices, over the block's budget of %d"
                    + " slices (op %d is the first to go over; an op uses reads*bankSize/D slices)",
                    b, usedSlices, budget, firstOverBudget));
        }
    }

    private static void checkReads(String where, Op op, int bs, int written, SearchSpaceConfig c,
                                   List<String> out) {
        List<Integer> reads = op.reads();
        if (reads.isEmpty()) {
            out.add(where + ": reads no bank; an op must read at least one");
            return;
        }
        for (int i = 1; i < reads.size(); i++) {
            if (reads.get(i) <= reads.get(i - 1)) {
                out.add(where + ": reads " + reads + " are not strictly ascending");
                break;
            }
        }
        for (int r : reads) {
            if (r < 0) {
                out.add(where + ": reads bank " + r + ", which does not exist (bank indices start at 0)");
            } else if (r >= written) {
                out.add(String.format(Locale.ROOT, "%s: reads bank %d, which is not yet written (%s)",
                        where, r, writtenBanks(written)));
            }
        }
        int units = reads.size() * bs;
        int d = c.depthCompression();
        if (units % d != 0) {
            out.add(String.format(Locale.ROOT, "%s: reads %d bank%s of size %d = %d units of N, not a whole"
                    + " number of slices (with D=%d an op must read a multiple of %d units of N)",
                    where, reads.size(), reads.size() == 1 ? "" : "s", bs, units, d, d));
        }
    }

    private static void checkWidth(String where, Op op, int bs, SearchSpaceConfig c, List<String> out) {
        int w = op.width();
        String rule = String.format(Locale.ROOT,
                "an op's width must be a multiple of the bank size %d, from %d to k=%d", bs, bs, c.k());
        if (w < bs) {
            out.add(String.format(Locale.ROOT, "%s: width %d is below the bank size %d (%s)", where, w, bs, rule));
        } else if (w > c.k()) {
            out.add(String.format(Locale.ROOT, "%s: width %d is above k=%d (%s)", where, w, c.k(), rule));
        } else if (w % bs != 0) {
            out.add(String.format(Locale.ROOT, "%s: width %d is not a multiple of the bank size %d (%s)",
                    where, w, bs, rule));
        }
    }

    /** Checks the write list and returns the number of banks written after the op (best guess if invalid). */
    private static int checkWrites(String where, Op op, int bs, int written, int cap, String capRule,
                                   List<String> out) {
        List<Integer> writes = op.writes();
        if (writes.isEmpty()) {
            out.add(where + ": writes no bank; an op must write at least one");
            return written;
        }
        int chunks = Math.max(1, op.width() / bs);
        if (writes.size() < chunks) {
            // Fixes spec bug 14: the original could keep fewer writes than chunks (after a perturbed width) and
            // then silently dropped the trailing chunks of the op's output.
            out.add(String.format(Locale.ROOT, "%s: writes %d bank%s but its output has %d chunks (width %d /"
                    + " bank size %d); every chunk must be written to at least one bank",
                    where, writes.size(), writes.size() == 1 ? "" : "s", chunks, op.width(), bs));
        }
        Set<Integer> seen = new HashSet<>();
        int next = written;
        int lastExisting = -1;
        int firstNew = -1;
        for (int w : writes) {
            if (!seen.add(w)) {
                out.add(where + ": writes bank " + w + " twice");
                continue;
            }
            if (w < 0) {
                out.add(where + ": writes bank " + w + ", which does not exist (bank indices start at 0)");
            } else if (w < written) {
                if (firstNew >= 0) {
                    out.add(String.format(Locale.ROOT, "%s: writes already-written bank %d after newly allocated"
                            + " bank %d (writes %s; already-written banks come first, ascending, then new banks)",
                            where, w, firstNew, writes));
                } else if (w < lastExisting) {
                    out.add(String.format(Locale.ROOT, "%s: writes already-written banks out of order (%d after"
                            + " %d in writes %s; they must be ascending)", where, w, lastExisting, writes));
                }
                lastExisting = Math.max(lastExisting, w);
            } else {
                if (firstNew < 0) {
                    firstNew = w;
                }
                if (w > next) {
                    out.add(String.format(Locale.ROOT, "%s: allocates bank %d but the next free bank is %d (new"
                            + " banks must be allocated in order, without skipping a bank)", where, w, next));
                } else if (w >= cap) {
                    out.add(String.format(Locale.ROOT, "%s: writes bank %d, beyond the block's bank cap (bank"
                            + " indices must be < %s = %d)", where, w, capRule, cap));
                    next++;
                } else {
                    next++;
                }
            }
        }
        return next;
    }

    private static void checkPatternAndConvs(String where, Op op, int bs, SearchSpaceConfig c, List<String> out) {
        ConvPattern pattern = op.pattern();
        if (pattern == null) {
            out.add(where + ": has no conv pattern");
            return;
        }
        List<ConvPattern> allowed = allowedPatterns(c.opMode());
        if (!allowed.contains(pattern)) {
            out.add(String.format(Locale.ROOT, "%s: pattern %s is not allowed in op mode %s (allowed: %s)",
                    where, pattern, c.opMode(), allowed));
        }
        List<Integer> active = pattern.activeIndices();
        if (op.convs().size() != active.size()) {
            out.add(String.format(Locale.ROOT, "%s: pattern %s has %d active conv%s (%s) but %d conv spec%s"
                    + " given", where, pattern, active.size(), active.size() == 1 ? "" : "s", convNames(active),
                    op.convs().size(), op.convs().size() == 1 ? " is" : "s are"));
            return; // which spec belongs to which conv is unknown
        }
        int outChannels = op.width() * c.n();
        int inChannels = op.reads().size() * bs * c.n();
        // Only meaningful with a positive width; a bad width was reported already.
        int bottleneck = op.width() >= 1 && inChannels >= 1 ? c.bottleneckChannels(inChannels, op.width()) : 0;
        for (int p = 0; p < active.size(); p++) {
            int index = active.get(p);
            // W0 and W2 read the 1x1 output; W1 and W3 read the output of W0 and W2.
            int convIn = index == 0 || index == 2 ? bottleneck : outChannels;
            checkConv(where + ", conv W" + index, op.convs().get(p), convIn, outChannels, c, out);
        }
    }

    private static void checkConv(String where, ConvSpec conv, int inChannels, int outChannels,
                                  SearchSpaceConfig c, List<String> out) {
        int maxKernel = c.varKs() ? c.maxKernel() : 3;
        String kernelNote = c.varKs() ? "" : " (varKs is off: every kernel is 3x3)";
        checkKernel(where, "height", conv.kernelH(), maxKernel, kernelNote, out);
        checkKernel(where, "width", conv.kernelW(), maxKernel, kernelNote, out);
        checkDilation(where, "height", conv.dilationH(), conv.kernelH(), c, out);
        checkDilation(where, "width", conv.dilationW(), conv.kernelW(), c, out);
        int groups = conv.groups();
        List<Integer> choices = c.groupChoices();
        if (!choices.contains(groups)) {
            out.add(String.format(Locale.ROOT, "%s: groups %d is not one of the allowed groups %s", where, groups,
                    choices));
        }
        if (groups >= 1) {
            if (inChannels >= 1 && inChannels % groups != 0) {
                out.add(String.format(Locale.ROOT, "%s: groups %d does not divide the conv's %d input channels",
                        where, groups, inChannels));
            }
            if (outChannels >= 1 && outChannels % groups != 0) {
                out.add(String.format(Locale.ROOT, "%s: groups %d does not divide the conv's %d output channels",
                        where, groups, outChannels));
            }
        }
    }

    private static void checkKernel(String where, String side, int size, int maxKernel, String note,
                                    List<String> out) {
        if (size % 2 == 0) {
            out.add(String.format(Locale.ROOT, "%s: kernel %s %d is even; kernel sides must be odd in [3, %d]%s",
                    where, side, size, maxKernel, note));
        } else if (size < 3 || size > maxKernel) {
            out.add(String.format(Locale.ROOT, "%s: kernel %s %d is outside [3, %d]%s", where, side, size,
                    maxKernel, note));
        }
    }

    private static void checkDilation(String where, String side, int dilation, int kernel, SearchSpaceConfig c,
                                      List<String> out) {
        // maxDilation applies the original's kernel-dependent bound and also caps it by maxDilate (fixes spec
        // bug 11). Checking it per conv also rejects what the original's perturbation produced when it re-drew a
        // kernel without re-drawing its dilation, e.g. 7x7 with dilation 3 (fixes spec bug 13).
        int max = c.maxDilation(kernel);
        if (dilation < 1 || dilation > max) {
            out.add(String.format(Locale.ROOT, "%s: dilation %s %d is outside [1, %d] (the largest dilation for"
                    + " kernel size %d with maxDilate=%d)", where, side, dilation, max, kernel, c.maxDilate()));
        }
    }

    /** The conv patterns an op may use in {@code mode}. */
    public static List<ConvPattern> allowedPatterns(OpMode mode) {
        switch (mode) {
            case SINGLE:
                return List.of(ConvPattern.SINGLE);
            case BIG_OP:
                return List.of(ConvPattern.DOUBLE_SERIAL);
            case VAR_OP:
                return List.of(ConvPattern.values());
            default:
                throw new IllegalArgumentException("unknown op mode " + mode);
        }
    }

    private static String writtenBanks(int written) {
        return written == 1 ? "only bank 0 is" : "banks 0.." + (written - 1) + " are";
    }

    private static String convNames(List<Integer> indices) {
        List<String> names = new ArrayList<>();
        for (int i : indices) {
            names.add("W" + i);
        }
        return String.join(", ", names);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }
}
