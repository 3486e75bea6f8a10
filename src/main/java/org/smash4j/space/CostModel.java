package org.smash4j.space;

import java.util.ArrayList;
import java.util.List;

/**
 * Exact trainable-parameter count and compute of the STAND-ALONE network of an architecture (the network trained
 * from scratch, spec section 7), for each {@link NormStyle}. The original's counts were rough (spec bug 29); these
 * are exact, and the stand-alone network code is tested against them.
 *
 * <p><b>Compute is counted in multiply-accumulates (MACs) per image</b>, of the convs and the linear layer only:
 * a conv costs {@code H*W*c_out*(c_in/groups)*kh*kw} (stride 1, padding keeps the size, every output position
 * counted), the linear layer {@code C*classes}. On voxel grids ({@link SearchSpaceConfig#spatialDims} 3) every
 * kernel and every feature map has a third axis as long as its height: a conv costs
 * {@code H*H*W*c_out*(c_in/groups)*kh*kh*kw} and the stem's kernel is 7x7x7. BN, ReLU, pooling, bias additions and bank additions cost nothing.
 * Parameters count every conv weight, the linear weight and bias, and BN gamma and beta (2 per channel); BN running
 * statistics are not parameters, and no conv has a bias.
 *
 * <p>The network counted, with N the base unit, R the input resolution and in_b the block inputs:
 * <ul>
 * <li>stem: conv 7x7 (7x7x7), no bias, inChannels -> in_0 at R;</li>
 * <li>block b at R>>b, bank size bs: banks = max(max written index + 1, R0), output C_b = banks*bs*N;</li>
 * <li>op (n_in = reads*bs*N, n_b = bottleneckChannels(n_in, width), n_out = width*N): a 1x1 conv
 *     n_in -> n_b, then each active conv, W0/W2 reading n_b and W1/W3 reading n_out channels, all writing n_out;
 *     SANDWICH adds BN(n_in) and BN(n_b), FULL adds BN(n_in) and a BN on each active conv's input, WEIGHT_NORM
 *     adds nothing (its 1x1 weight is divided by its norm, without a gain);</li>
 * <li>transition after blocks 0 and 1: BN(C_b), conv 1x1 C_b -> in_{b+1} at R>>b, then avgpool 2;</li>
 * <li>head: BN(C_2), global average pool, linear C_2 -> numClasses with bias.</li>
 * </ul>
 */
public final class CostModel {
    private static final int STEM_KERNEL = 7;

    private CostModel() {
    }

    /**
     * The cost of {@code architecture}'s stand-alone network in {@code style}.
     *
     * @throws InvalidArchitectureException if the architecture is not valid for {@code config}
     */
    public static NetworkCost of(Architecture architecture, SearchSpaceConfig config, NormStyle style) {
        if (style == null) {
            throw new IllegalArgumentException("a norm style is needed (SANDWICH, FULL or WEIGHT_NORM)");
        }
        ArchitectureValidator.validate(architecture, config);
        SpaceGeometry g = config.geometry();
        int res = config.resolution();
        int dims = config.spatialDims();

        long stemParams = (long) g.blockInput(0) * config.inChannels() * power(STEM_KERNEL, dims);
        LayerCost stem = new LayerCost("stem", config.inChannels(), g.blockInput(0), res, stemParams,
                stemParams * power(res, dims));

        List<BlockCost> blocks = new ArrayList<>();
        List<LayerCost> transitions = new ArrayList<>();
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            BlockCost block = blockCost(b, architecture.blocks().get(b), config, style);
            blocks.add(block);
            if (b + 1 < SearchSpaceConfig.BLOCKS) {
                int in = block.outputChannels();
                int out = g.blockInput(b + 1);
                long convParams = (long) in * out;
                int r = g.blockResolution(b); // the 1x1 conv runs before the pooling
                transitions.add(new LayerCost("transition " + b + "->" + (b + 1), in, out, r,
                        2L * in + convParams, convParams * power(r, dims)));
            }
        }
        int last = blocks.get(SearchSpaceConfig.BLOCKS - 1).outputChannels();
        long fcWeights = (long) last * config.numClasses();
        LayerCost head = new LayerCost("head", last, config.numClasses(), 1,
                2L * last + fcWeights + config.numClasses(), fcWeights);
        return new NetworkCost(style, stem, blocks, transitions, head);
    }

    /** Shorthand for {@code of(architecture, config, style).params()}. */
    public static long params(Architecture architecture, SearchSpaceConfig config, NormStyle style) {
        return of(architecture, config, style).params();
    }

    /** Shorthand for {@code of(architecture, config, style).macs()}; the norm style does not change it. */
    public static long macs(Architecture architecture, SearchSpaceConfig config) {
        return of(architecture, config, NormStyle.SANDWICH).macs();
    }

    /**
     * Banks of block {@code b} at its end: max(max written index + 1, R0), R0 = floor(in_b / (bs*N)). Assumes a
     * valid architecture.
     */
    public static int bankCount(Block block, int b, SearchSpaceConfig config) {
        int banks = config.geometry().blockInput(b) / (block.bankSize() * config.n());
        for (Op op : block.ops()) {
            for (int w : op.writes()) {
                banks = Math.max(banks, w + 1);
            }
        }
        return banks;
    }

    /** Weights of a 2-D conv without bias: {@code out * (in/groups) * kh * kw}. */
    public static long convParams(ConvSpec conv, int inChannels, int outChannels) {
        return convParams(conv, inChannels, outChannels, 2);
    }

    /** Weights of a conv without bias in {@code dims} dimensions; 3-D kernels are kh x kh x kw. */
    public static long convParams(ConvSpec conv, int inChannels, int outChannels, int dims) {
        long window = (long) conv.kernelH() * conv.kernelW() * (dims == 3 ? conv.kernelH() : 1);
        return (long) outChannels * (inChannels / conv.groups()) * window;
    }

    /** Positions of a map (or cells of a kernel) of side {@code side} in {@code dims} dimensions. */
    private static long power(int side, int dims) {
        return dims == 3 ? (long) side * side * side : (long) side * side;
    }

    private static BlockCost blockCost(int b, Block block, SearchSpaceConfig c, NormStyle style) {
        int bs = block.bankSize();
        int r = c.geometry().blockResolution(b);
        // Input channels beyond a whole number of banks are dropped (spec 1.4, bug 16): they cost nothing.
        int initial = c.geometry().blockInput(b) / (bs * c.n());
        List<OpCost> ops = new ArrayList<>();
        for (int o = 0; o < block.ops().size(); o++) {
            ops.add(opCost(b, o, block.ops().get(o), bs, r, c, style));
        }
        int banks = bankCount(block, b, c);
        return new BlockCost(b, r, bs, initial, banks, banks * bs * c.n(), ops);
    }

    private static OpCost opCost(int b, int o, Op op, int bs, int resolution, SearchSpaceConfig c, NormStyle style) {
        int nIn = op.reads().size() * bs * c.n();
        int nOut = op.width() * c.n();
        int nB = c.bottleneckChannels(nIn, op.width());
        long weights = (long) nIn * nB;
        long bnChannels = 0;
        if (style != NormStyle.WEIGHT_NORM) {
            bnChannels += nIn; // BN before the 1x1 conv
        }
        if (style == NormStyle.SANDWICH) {
            bnChannels += nB; // BN after the 1x1 conv
        }
        List<Integer> active = op.pattern().activeIndices();
        for (int p = 0; p < active.size(); p++) {
            int index = active.get(p);
            int convIn = index == 0 || index == 2 ? nB : nOut;
            weights += convParams(op.convs().get(p), convIn, nOut, c.spatialDims());
            if (style == NormStyle.FULL) {
                bnChannels += convIn; // BN before each active conv
            }
        }
        long macs = weights * power(resolution, c.spatialDims());
        // Fixes spec bug 29: the original's count_params was a ballpark (1 BN parameter per channel, 100 classes
        // hard-coded); BN has two trainable parameters per channel, gamma and beta.
        return new OpCost(b, o, nIn, nB, nOut, resolution, weights + 2 * bnChannels, macs);
    }
}
