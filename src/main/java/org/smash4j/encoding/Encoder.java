package org.smash4j.encoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

import org.smash4j.space.Architecture;
import org.smash4j.space.Block;
import org.smash4j.space.ConvSpec;
import org.smash4j.space.Op;
import org.smash4j.space.SearchSpaceConfig;

/**
 * Turns an {@link Architecture} into its encoding c (spec 3.1), and builds the deliberately corrupted encodings
 * of the "trick" experiment. c is where the HyperNet learns what each op is: every slice an op's 1x1 weights
 * come from carries the op's whole definition, so the generated weights can depend on it.
 *
 * <p>Where the marks go: ops take consecutive slices over all blocks in order; an op with first slice S0 that
 * reads banks rd (bank size bs, width g) gives its p-th read a region of columns
 * [S0 + floor(p*bs/D), S0 + ceil((p*bs + bs)/D)) and rows [0, min(k, ceil(n_b/N))), n_b being its 1x1-conv
 * output channels. In that region the read channel of that bank and every op-level field (writes, block, width
 * and, per active conv, dilation, kernel, active flag, groups) are +1; everything else stays -1.
 */
public final class Encoder {
    private Encoder() {
    }

    /** The encoding c of {@code arch} in the search space {@code config}. */
    public static Encoding encode(Architecture arch, SearchSpaceConfig config) {
        return encode(arch, config, RowMarking.USED_UNITS);
    }

    /** The encoding c of {@code arch} with the rows of each op marked by {@code marking}. */
    public static Encoding encode(Architecture arch, SearchSpaceConfig config, RowMarking marking) {
        EncodingLayout layout = new EncodingLayout(config);
        List<PlacedOp> ops = place(arch, config, marking);
        List<OpMarks> marks = new ArrayList<>(ops.size());
        for (PlacedOp p : ops) {
            marks.add(OpMarks.of(p));
        }
        return paint(layout, ops, marks);
    }

    /**
     * The encoding of {@code arch} with the per-op values of {@code kind}'s field shuffled among its ops (see
     * {@link CorruptionKind} for what moves), using donors from {@link #corruptionDonors}.
     */
    public static Encoding encodeCorrupted(Architecture arch, SearchSpaceConfig config, CorruptionKind kind,
                                           RandomGenerator rng) {
        return encodeCorrupted(arch, config, RowMarking.USED_UNITS, kind, rng);
    }

    /** {@link #encodeCorrupted(Architecture, SearchSpaceConfig, CorruptionKind, RandomGenerator)} with a row marking. */
    public static Encoding encodeCorrupted(Architecture arch, SearchSpaceConfig config, RowMarking marking,
                                           CorruptionKind kind, RandomGenerator rng) {
        return encodeCorrupted(arch, config, marking, kind, corruptionDonors(arch, config, kind, rng));
    }

    /**
     * The encoding of the "constant c" baseline: the shape of {@code arch}'s encoding (its width and op slices),
     * every value -1. A HyperNet fed it sees nothing of the architecture but how many slices it has, so the
     * generated weights of any two architectures with as many slices are the same.
     */
    public static Encoding unmarked(Architecture arch, SearchSpaceConfig config) {
        Encoding c = encode(arch, config);
        float[] v = new float[c.channels() * c.height() * c.width()];
        Arrays.fill(v, -1f);
        return new Encoding(c.channels(), c.height(), c.width(), v, c.opFirstSlices());
    }

    /**
     * The encoding of {@code arch} where op i (over all blocks, in order) shows the {@code kind} value of op
     * {@code donorOfOp[i]} and its own everything else, in its own regions. {@code donorOfOp} must be a
     * permutation of the op indices.
     */
    public static Encoding encodeCorrupted(Architecture arch, SearchSpaceConfig config, CorruptionKind kind,
                                           int[] donorOfOp) {
        return encodeCorrupted(arch, config, RowMarking.USED_UNITS, kind, donorOfOp);
    }

    /** {@link #encodeCorrupted(Architecture, SearchSpaceConfig, CorruptionKind, int[])} with a row marking. */
    public static Encoding encodeCorrupted(Architecture arch, SearchSpaceConfig config, RowMarking marking,
                                           CorruptionKind kind, int[] donorOfOp) {
        EncodingLayout layout = new EncodingLayout(config);
        requireField(layout, kind);
        List<PlacedOp> ops = place(arch, config, marking);
        checkPermutation(donorOfOp, ops.size());
        List<OpMarks> marks = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            marks.add(OpMarks.of(ops.get(i)).takeFrom(kind, ops.get(donorOfOp[i]).op()));
        }
        return paint(layout, ops, marks);
    }

    /**
     * A random donor permutation for {@code kind}: entry i is the op whose value op i receives. As many ops as
     * possible receive a value different from their own (see {@link ValueShuffle#donors}); with all values
     * equal, or fewer than two ops, nothing can move and the permutation is the identity.
     */
    public static int[] corruptionDonors(Architecture arch, SearchSpaceConfig config, CorruptionKind kind,
                                         RandomGenerator rng) {
        requireField(new EncodingLayout(config), kind);
        List<Object> values = new ArrayList<>();
        for (Block b : arch.blocks()) {
            for (Op op : b.ops()) {
                values.add(valueOf(kind, op));
            }
        }
        return ValueShuffle.donors(values, rng);
    }

    /** The per-op value that {@code kind} shuffles, in the form used to tell equal values apart. */
    static Object valueOf(CorruptionKind kind, Op op) {
        return switch (kind) {
            case DILATION -> op.convs().stream().map(c -> List.of(c.dilationH(), c.dilationW())).toList();
            case KERNEL -> op.convs().stream().map(c -> List.of(c.kernelH(), c.kernelW())).toList();
            case GROUPS -> op.convs().stream().map(ConvSpec::groups).toList();
            case WIDTH -> op.width();
            case READS -> op.reads();
            // Only which banks are written shows in c, not the order.
            case WRITES -> List.copyOf(new TreeSet<>(op.writes()));
        };
    }

    private static void requireField(EncodingLayout layout, CorruptionKind kind) {
        if (!kind.appliesTo(layout)) {
            String why = switch (kind.field()) {
                case KERNEL -> "kernel sizes are encoded only with varKs";
                case GROUPS -> "groups are encoded only with varGroup";
                default -> "the field is missing";
            };
            throw new IllegalArgumentException("cannot corrupt " + kind + ": this search space's c has no "
                    + kind.field().label() + " field (" + why + ")");
        }
    }

    private static void checkPermutation(int[] donorOfOp, int opCount) {
        if (donorOfOp == null || donorOfOp.length != opCount) {
            throw new IllegalArgumentException("donor list must have one entry per op (" + opCount + "), got "
                    + (donorOfOp == null ? "none" : donorOfOp.length));
        }
        boolean[] seen = new boolean[opCount];
        for (int d : donorOfOp) {
            if (d < 0 || d >= opCount || seen[d]) {
                throw new IllegalArgumentException("donor list " + Arrays.toString(donorOfOp)
                        + " is not a permutation of the op indices 0.." + (opCount - 1));
            }
            seen[d] = true;
        }
    }

    /** Where each op's marks go: its first slice, marked rows, and one column range per read. */
    private record PlacedOp(int block, int opInBlock, Op op, int firstSlice, int slices, int rows,
                            int[] colFrom, int[] colTo) {
        String where() {
            return where(block, opInBlock);
        }

        static String where(int block, int opInBlock) {
            return String.format(Locale.ROOT, "block %d, op %d", block, opInBlock);
        }
    }

    private static List<PlacedOp> place(Architecture arch, SearchSpaceConfig config, RowMarking marking) {
        if (arch.blocks().size() != SearchSpaceConfig.BLOCKS) {
            throw new IllegalArgumentException(
                    "an architecture has exactly 3 blocks, got " + arch.blocks().size());
        }
        int d = config.depthCompression();
        int n = config.n();
        int k = config.k();
        List<PlacedOp> out = new ArrayList<>();
        int s0 = 0;
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            Block block = arch.blocks().get(b);
            int bs = block.bankSize();
            if (bs < 1 || bs > k) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "block %d: bank size %d is outside 1..k=%d", b, bs, k));
            }
            for (int i = 0; i < block.ops().size(); i++) {
                Op op = block.ops().get(i);
                String where = PlacedOp.where(b, i);
                int reads = op.reads().size();
                if (reads == 0) {
                    throw new IllegalArgumentException(where + ": reads no bank");
                }
                if (reads * bs % d != 0) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "%s: reads %d banks of size %d, i.e. %d units of N, not a multiple of D=%d:"
                                    + " its input does not fill whole slices", where, reads, bs, reads * bs, d));
                }
                if (op.width() < 1 || op.width() > k) {
                    throw new IllegalArgumentException(
                            String.format(Locale.ROOT, "%s: op width %d is outside 1..k=%d", where, op.width(), k));
                }
                if (op.convs().size() != op.pattern().activeCount()) {
                    throw new IllegalArgumentException(String.format(Locale.ROOT,
                            "%s: pattern %s has %d active convs but the op lists %d conv specs", where,
                            op.pattern(), op.pattern().activeCount(), op.convs().size()));
                }
                int bottleneck = config.bottleneckChannels(reads * bs * n, op.width());
                // Spec bug 10: USED_UNITS marks every row whose output units the 1x1 conv uses (row h holds units
                // [h*N, (h+1)*N), used iff h*N < n_b); OP_WIDTH marks rows < g as the original.
                int rows = marking.rows(k, n, op.width(), bottleneck);
                int[] from = new int[reads];
                int[] to = new int[reads];
                for (int p = 0; p < reads; p++) {
                    int sub = p * bs;
                    from[p] = s0 + sub / d;
                    // Fixes spec bug 9: a true ceiling; the original's floor + remainder over-reached for D > 2.
                    to[p] = s0 + ceilDiv(sub + bs, d);
                }
                int slices = reads * bs / d;
                out.add(new PlacedOp(b, i, op, s0, slices, rows, from, to));
                s0 += slices;
            }
        }
        return out;
    }

    private static Encoding paint(EncodingLayout layout, List<PlacedOp> ops, List<OpMarks> marks) {
        int channels = layout.channelCount();
        int height = layout.height();
        PlacedOp last = ops.isEmpty() ? null : ops.get(ops.size() - 1);
        int used = last == null ? 0 : last.firstSlice() + last.slices();
        // Fixes spec bug 15: one spare column beyond the S used slices, so c always has room past the last op.
        int width = used + 1;
        float[] v = new float[channels * height * width];
        Arrays.fill(v, -1f);
        int[] firstSlices = new int[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            PlacedOp p = ops.get(i);
            firstSlices[i] = p.firstSlice();
            OpMarks m = marks.get(i);
            int[] opChannels;
            int[] readChannels = new int[p.colFrom().length];
            try {
                opChannels = m.opLevelChannels(layout);
                for (int r = 0; r < readChannels.length; r++) {
                    readChannels[r] = layout.readChannel(m.regionBanks().get(r));
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(p.where() + ": " + e.getMessage(), e);
            }
            for (int r = 0; r < readChannels.length; r++) {
                for (int ch : opChannels) {
                    mark(v, height, width, ch, p.rows(), p.colFrom()[r], p.colTo()[r]);
                }
                mark(v, height, width, readChannels[r], p.rows(), p.colFrom()[r], p.colTo()[r]);
            }
        }
        return new Encoding(channels, height, width, v, firstSlices);
    }

    private static void mark(float[] v, int height, int width, int ch, int rows, int colFrom, int colTo) {
        for (int row = 0; row < rows; row++) {
            int base = (ch * height + row) * width;
            Arrays.fill(v, base + colFrom, base + colTo, 1f);
        }
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /** The marks of one conv: its index (0..3) and the values its fields show. */
    private record ConvMarks(int conv, int dilationH, int dilationW, int kernelH, int kernelW, int groups) {
    }

    /**
     * What one op shows in c, field by field; for a corrupted c one field comes from a donor op.
     *
     * @param regionBanks the bank marked in each read region, in read order
     */
    private record OpMarks(List<Integer> regionBanks, List<Integer> writes, int block, int width,
                           List<ConvMarks> convs) {
        static OpMarks of(PlacedOp p) {
            Op op = p.op();
            List<Integer> active = op.pattern().activeIndices();
            List<ConvMarks> convs = new ArrayList<>(active.size());
            for (int j = 0; j < active.size(); j++) {
                ConvSpec c = op.convs().get(j);
                convs.add(new ConvMarks(active.get(j), c.dilationH(), c.dilationW(), c.kernelH(), c.kernelW(),
                        c.groups()));
            }
            return new OpMarks(op.reads(), op.writes(), p.block(), op.width(), convs);
        }

        /** These marks with {@code kind}'s field shown as in {@code donor} (rules in {@link CorruptionKind}). */
        OpMarks takeFrom(CorruptionKind kind, Op donor) {
            switch (kind) {
                case READS: {
                    List<Integer> banks = new ArrayList<>(regionBanks.size());
                    for (int p = 0; p < regionBanks.size(); p++) {
                        banks.add(donor.reads().get(p % donor.reads().size()));
                    }
                    return new OpMarks(banks, writes, block, width, convs);
                }
                case WRITES:
                    return new OpMarks(regionBanks, donor.writes(), block, width, convs);
                case WIDTH:
                    return new OpMarks(regionBanks, writes, block, donor.width(), convs);
                default: {
                    List<ConvMarks> out = new ArrayList<>(convs.size());
                    for (int j = 0; j < convs.size(); j++) {
                        ConvMarks own = convs.get(j);
                        ConvSpec d = donor.convs().get(j % donor.convs().size());
                        out.add(switch (kind) {
                            case DILATION -> new ConvMarks(own.conv(), d.dilationH(), d.dilationW(),
                                    own.kernelH(), own.kernelW(), own.groups());
                            case KERNEL -> new ConvMarks(own.conv(), own.dilationH(), own.dilationW(),
                                    d.kernelH(), d.kernelW(), own.groups());
                            case GROUPS -> new ConvMarks(own.conv(), own.dilationH(), own.dilationW(),
                                    own.kernelH(), own.kernelW(), d.groups());
                            default -> throw new IllegalStateException("unhandled corruption " + kind);
                        });
                    }
                    return new OpMarks(regionBanks, writes, block, width, out);
                }
            }
        }

        /** Channels set over the op's whole region: every field except the per-region read bank. */
        int[] opLevelChannels(EncodingLayout layout) {
            List<Integer> ch = new ArrayList<>();
            for (int w : writes) {
                ch.add(layout.writeChannel(w));
            }
            ch.add(layout.blockChannel(block));
            ch.add(layout.widthChannel(width));
            // Inactive convs get no marks: their fields stay -1.
            for (ConvMarks c : convs) {
                ch.add(layout.dilationHChannel(c.conv(), c.dilationH()));
                ch.add(layout.dilationWChannel(c.conv(), c.dilationW()));
                if (layout.has(EncodingField.KERNEL)) {
                    ch.add(layout.kernelHChannel(c.conv(), c.kernelH()));
                    ch.add(layout.kernelWChannel(c.conv(), c.kernelW()));
                }
                if (layout.has(EncodingField.ACTIVE_CONVS)) {
                    ch.add(layout.activeConvChannel(c.conv()));
                }
                if (layout.has(EncodingField.GROUPS)) {
                    ch.add(layout.groupsChannel(c.conv(), c.groups()));
                }
            }
            return ch.stream().mapToInt(Integer::intValue).toArray();
        }
    }
}
