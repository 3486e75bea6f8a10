package org.smash4j.encoding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.smash4j.space.OpMode;
import org.smash4j.space.SearchSpaceConfig;

/**
 * The channel layout of the encoding c (spec 3.1): the one place that knows at which channel each field and
 * each value lands. Everything else (the encoder, the network, tests, the CLI) asks it by name, so a layout
 * change happens here only.
 *
 * <p>With P encoded convs (1 in SINGLE mode, else 4: conv p = W0..W3), M bank slots, k = N_max/N, the odd
 * kernel sizes 3..maxKernel (nKs of them) and the group choices Gs, the fields are, in channel order: reads (M),
 * writes (M), block (3), width (k), dilation (2*maxDilate*P), kernel (2*nKs*P, varKs only), active convs
 * (4, VAR_OP only), groups (|Gs|*P, varGroup only). Immutable.
 */
public final class EncodingLayout {
    private final int maxBanks;
    private final int k;
    private final int encodedConvs;
    private final int maxDilate;
    private final List<Integer> kernelSizes;
    private final List<Integer> groupChoices;
    private final OpMode opMode;
    private final Map<EncodingField, FieldRange> fields = new EnumMap<>(EncodingField.class);
    private final int channelCount;

    /** The layout of c for the search space {@code config}. */
    public EncodingLayout(SearchSpaceConfig config) {
        this.maxBanks = config.geometry().maxBanks();
        this.k = config.k();
        this.opMode = config.opMode();
        this.encodedConvs = opMode.encodedConvs();
        this.maxDilate = config.maxDilate();
        this.kernelSizes = List.copyOf(config.kernelSizes());
        this.groupChoices = List.copyOf(config.groupChoices());

        int next = 0;
        next = add(EncodingField.READS, next, maxBanks,
                String.format(Locale.ROOT, "bank r (0..%d) -> %d + r", maxBanks - 1, next));
        next = add(EncodingField.WRITES, next, maxBanks,
                String.format(Locale.ROOT, "bank w (0..%d) -> %d + w", maxBanks - 1, next));
        next = add(EncodingField.BLOCK, next, SearchSpaceConfig.BLOCKS,
                String.format(Locale.ROOT, "block b (0..2) -> %d + b", next));
        next = add(EncodingField.WIDTH, next, k,
                String.format(Locale.ROOT, "width g (1..%d) -> %d + g - 1", k, next));
        int dilStride = 2 * maxDilate;
        next = add(EncodingField.DILATION, next, dilStride * encodedConvs,
                String.format(Locale.ROOT, "%s height d -> %d%s + d - 1, width d -> %d%s + %d + d - 1 (d in 1..%d)",
                        convRange(), next, convTerm(dilStride), next, convTerm(dilStride), maxDilate, maxDilate));
        if (config.varKs()) {
            // Fixes spec bug 3: the stride comes from the FINAL maxKernel, so later fields never move while the
            // kernel size is annealed. Fixes spec bug 4 (second half): one channel per odd size 3..maxKernel,
            // not a hard-coded 3.
            int nKs = kernelSizes.size();
            next = add(EncodingField.KERNEL, next, 2 * nKs * encodedConvs,
                    String.format(Locale.ROOT,
                            "%s kernel height kh -> %d%s + kh/2 - 1, width kw -> %d%s + %d + kw/2 - 1 (sizes %s)",
                            convRange(), next, convTerm(2 * nKs), next, convTerm(2 * nKs), nKs, kernelSizes));
        }
        if (opMode == OpMode.VAR_OP) {
            next = add(EncodingField.ACTIVE_CONVS, next, 4,
                    String.format(Locale.ROOT, "active conv p (0..3 = W0..W3) -> %d + p", next));
        }
        if (config.varGroup()) {
            // Fixes spec bug 4 (first half): groups land at their own index, with no -1 shift into the kernel field.
            int nG = groupChoices.size();
            next = add(EncodingField.GROUPS, next, nG * encodedConvs,
                    String.format(Locale.ROOT, "%s groups G -> %d%s + index of G in %s",
                            convRange(), next, convTerm(nG), groupChoices));
        }
        this.channelCount = next;
    }

    private int add(EncodingField field, int first, int count, String rule) {
        fields.put(field, new FieldRange(field, first, count, rule));
        return first + count;
    }

    private String convRange() {
        return encodedConvs == 1 ? "conv W0:" : "conv p (0..3):";
    }

    private String convTerm(int stride) {
        return encodedConvs == 1 ? "" : " + p*" + stride;
    }

    /** C_c: the number of channels of c. */
    public int channelCount() {
        return channelCount;
    }

    /** Rows of c: k = N_max / N. Row h stands for 1x1-conv output units [h*N, (h+1)*N). */
    public int height() {
        return k;
    }

    /** M: bank slots per block, the size of the read and of the write field. */
    public int maxBanks() {
        return maxBanks;
    }

    /** P: convs whose fields are encoded (1 in SINGLE mode, else 4). */
    public int encodedConvs() {
        return encodedConvs;
    }

    /** Whether the layout has {@code field} (kernel, active convs and groups are optional). */
    public boolean has(EncodingField field) {
        return fields.containsKey(field);
    }

    /** Where {@code field} lives, or empty if this layout has no such field. */
    public Optional<FieldRange> field(EncodingField field) {
        return Optional.ofNullable(fields.get(field));
    }

    /** Every present field, in channel order; together they cover channels 0..channelCount()-1 exactly. */
    public List<FieldRange> fields() {
        return Collections.unmodifiableList(new ArrayList<>(fields.values()));
    }

    /** The field that {@code channel} belongs to. */
    public EncodingField fieldOf(int channel) {
        for (FieldRange r : fields.values()) {
            if (r.contains(channel)) {
                return r.field();
            }
        }
        throw new IllegalArgumentException(
                "channel " + channel + " is outside the layout's " + channelCount + " channels");
    }

    /** Channel marking that a slice reads bank {@code bank}. */
    public int readChannel(int bank) {
        return require(EncodingField.READS).first() + checkBank(bank, "read");
    }

    /** Channel marking that the op writes bank {@code bank}. */
    public int writeChannel(int bank) {
        return require(EncodingField.WRITES).first() + checkBank(bank, "write");
    }

    /** Channel of block {@code block} (0..2). */
    public int blockChannel(int block) {
        if (block < 0 || block >= SearchSpaceConfig.BLOCKS) {
            throw new IllegalArgumentException("block index " + block + " is outside 0..2");
        }
        return require(EncodingField.BLOCK).first() + block;
    }

    /** Channel of op width {@code g} (units of N, 1..k). */
    public int widthChannel(int g) {
        if (g < 1 || g > k) {
            throw new IllegalArgumentException("op width " + g + " is outside 1..k=" + k);
        }
        return require(EncodingField.WIDTH).first() + g - 1;
    }

    /** Channel of height dilation {@code d} of conv {@code conv}. */
    public int dilationHChannel(int conv, int d) {
        return dilationBase(conv) + checkDilation(d) - 1;
    }

    /** Channel of width dilation {@code d} of conv {@code conv}. */
    public int dilationWChannel(int conv, int d) {
        return dilationBase(conv) + maxDilate + checkDilation(d) - 1;
    }

    /** Channel of kernel height {@code ks} of conv {@code conv} (varKs only). */
    public int kernelHChannel(int conv, int ks) {
        return kernelBase(conv) + kernelIndex(ks);
    }

    /** Channel of kernel width {@code ks} of conv {@code conv} (varKs only). */
    public int kernelWChannel(int conv, int ks) {
        return kernelBase(conv) + kernelSizes.size() + kernelIndex(ks);
    }

    /**
     * Channel set when conv {@code conv} is active (VAR_OP only). Fixes spec bug 5: the original wrote -1 into a
     * buffer already full of -1, so the op's conv pattern never reached the HyperNet; here it is marked +1.
     */
    public int activeConvChannel(int conv) {
        FieldRange r = require(EncodingField.ACTIVE_CONVS);
        if (conv < 0 || conv > 3) {
            throw new IllegalArgumentException("conv index " + conv + " is outside 0..3 (W0..W3)");
        }
        return r.first() + conv;
    }

    /** Channel of {@code groups} groups of conv {@code conv} (varGroup only). */
    public int groupsChannel(int conv, int groups) {
        FieldRange r = require(EncodingField.GROUPS);
        int idx = groupChoices.indexOf(groups);
        if (idx < 0) {
            throw new IllegalArgumentException("groups " + groups + " is not one of the allowed " + groupChoices);
        }
        return r.first() + checkConv(conv) * groupChoices.size() + idx;
    }

    /** A table of the fields (name, first channel, count, index rule) for {@code smash space}. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "encoding c: %d channels x %d rows (k) x (S+1) columns, "
                + "%d encoded conv%s, values -1 (off) / +1 (on)%n", channelCount, k, encodedConvs,
                encodedConvs == 1 ? "" : "s"));
        sb.append(String.format(Locale.ROOT, "%-13s %5s %5s  %s%n", "field", "first", "count", "index rule"));
        for (FieldRange r : fields.values()) {
            sb.append(String.format(Locale.ROOT, "%-13s %5d %5d  %s%n", r.field().label(), r.first(), r.count(),
                    r.indexRule()));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return describe();
    }

    private FieldRange require(EncodingField field) {
        FieldRange r = fields.get(field);
        if (r == null) {
            String why = switch (field) {
                case KERNEL -> "it exists only with varKs";
                case ACTIVE_CONVS -> "it exists only in VAR_OP mode";
                case GROUPS -> "it exists only with varGroup";
                default -> "it is always present";
            };
            throw new IllegalArgumentException("this layout has no " + field.label() + " field: " + why);
        }
        return r;
    }

    private int checkBank(int bank, String what) {
        if (bank < 0 || bank >= maxBanks) {
            throw new IllegalArgumentException(
                    what + " bank " + bank + " is outside the " + maxBanks + " bank slots 0.." + (maxBanks - 1));
        }
        return bank;
    }

    private int checkConv(int conv) {
        if (conv < 0 || conv >= encodedConvs) {
            throw new IllegalArgumentException("conv W" + conv + " is not encoded: " + opMode + " mode encodes "
                    + (encodedConvs == 1 ? "only W0" : "W0..W3"));
        }
        return conv;
    }

    private int checkDilation(int d) {
        if (d < 1 || d > maxDilate) {
            throw new IllegalArgumentException("dilation " + d + " is outside 1..maxDilate=" + maxDilate);
        }
        return d;
    }

    private int dilationBase(int conv) {
        return require(EncodingField.DILATION).first() + checkConv(conv) * 2 * maxDilate;
    }

    private int kernelBase(int conv) {
        return require(EncodingField.KERNEL).first() + checkConv(conv) * 2 * kernelSizes.size();
    }

    private int kernelIndex(int ks) {
        int idx = kernelSizes.indexOf(ks);
        if (idx < 0) {
            throw new IllegalArgumentException("kernel size " + ks + " is not one of the odd sizes " + kernelSizes);
        }
        // The position among the odd sizes 3, 5, 7, ... is the spec's ks/2 - 1.
        return idx;
    }
}
