package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import org.smash4j.space.Architecture;
import org.smash4j.space.Block;
import org.smash4j.space.ConvSpec;
import org.smash4j.space.NormStyle;
import org.smash4j.space.Op;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.space.SpaceGeometry;

/**
 * A network built from one architecture with its own weights, trained normally (spec section 7). It runs the
 * same {@link MemoryBankExecutor} as the one-shot network; every 1x1 conv has the width the one-shot network
 * gives it ({@link SearchSpaceConfig#bottleneckChannels}), so the trained network is the searched one.
 */
public final class StandaloneNetwork implements AutoCloseable {
    private final SearchSpaceConfig config;
    private final SpaceGeometry geometry;
    private final Architecture arch;
    private final NormStyle style;
    private final Parameters params;
    private final MemoryBankExecutor executor;
    private final int[] blockWidths = new int[SearchSpaceConfig.BLOCKS];

    public StandaloneNetwork(SearchSpaceConfig config, Architecture arch, NormStyle style, Placement placement,
            long seed) {
        this.config = config;
        this.geometry = config.geometry();
        this.arch = arch;
        this.style = style;
        this.params = new Parameters(placement);
        this.executor = new MemoryBankExecutor(config.n());
        ModelParts parts = new ModelParts(params, seed);
        int dims = config.spatialDims();
        parts.conv("stem.w", dims, geometry.stemChannels(), config.inChannels(), 7, 7);
        int n = config.n();
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            Block block = arch.blocks().get(b);
            int bs = block.bankSize();
            for (int o = 0; o < block.ops().size(); o++) {
                Op op = block.ops().get(o);
                String p = opName(b, o);
                int nIn = op.reads().size() * bs * n;
                int nb = config.bottleneckChannels(nIn, op.width());
                int nOut = op.width() * n;
                if (style != NormStyle.WEIGHT_NORM) {
                    parts.batchNorm(p + ".bnIn", nIn);
                }
                parts.conv(p + ".w1x1", dims, nb, nIn, 1, 1);
                if (style == NormStyle.SANDWICH) {
                    parts.batchNorm(p + ".bnB", nb);
                }
                for (int j : op.pattern().activeIndices()) {
                    ConvSpec c = op.conv(j);
                    int in = j % 2 == 0 ? nb : nOut;
                    if (style == NormStyle.FULL) {
                        parts.batchNorm(p + ".conv" + j + ".bn", in);
                    }
                    parts.conv(p + ".conv" + j + ".w", dims, nOut, in / c.groups(), c.kernelH(), c.kernelW());
                }
            }
            blockWidths[b] = MemoryBankExecutor.bankCount(block, geometry.blockInput(b), n) * bs * n;
            if (b < SearchSpaceConfig.BLOCKS - 1) {
                parts.batchNorm("transition" + b + ".bn", blockWidths[b]);
                parts.conv("transition" + b + ".w", dims, geometry.blockInput(b + 1), blockWidths[b], 1, 1);
            }
        }
        parts.batchNorm("head.bn", blockWidths[2]);
        parts.linear("head.fc", config.numClasses(), blockWidths[2]);
    }

    static String opName(int block, int op) {
        return "block" + block + ".op" + op;
    }

    public SearchSpaceConfig config() {
        return config;
    }

    public Architecture architecture() {
        return arch;
    }

    public NormStyle style() {
        return style;
    }

    public Parameters parameters() {
        return params;
    }

    /** Channels of block b's output. */
    public int blockWidth(int b) {
        return blockWidths[b];
    }

    /** Class scores (unnormalised logits). */
    public NDArray forward(NDArray x, boolean training) {
        NDArray out = Layers.conv(Layers.channelsLast(x), params.get("stem.w"));
        if (style == NormStyle.WEIGHT_NORM) {
            out = Layers.relu(out); // as in the one-shot net; the BN styles start every op with BN-ReLU instead
        }
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            final int blockIndex = b;
            out = executor.run(arch.blocks().get(b), out, (o, op, input) -> op(blockIndex, o, op, input, training));
            out = b < SearchSpaceConfig.BLOCKS - 1 ? transition(b, out, training) : head(out, training);
        }
        return out;
    }

    private NDArray op(int block, int o, Op op, NDArray input, boolean training) {
        String p = opName(block, o);
        NDArray w = params.get(p + ".w1x1");
        NDArray h;
        if (style == NormStyle.WEIGHT_NORM) {
            h = Layers.relu(Layers.conv(input, Layers.weightNormalize(w)));
        } else {
            h = Layers.conv(Layers.relu(bn(p + ".bnIn", input, training)), w);
            if (style == NormStyle.SANDWICH) {
                h = bn(p + ".bnB", h, training);
            }
        }
        NDArray reluH = style == NormStyle.WEIGHT_NORM ? h : null;
        return MemoryBankExecutor.combine(op.pattern(), h, (j, t) -> {
            ConvSpec c = op.conv(j);
            NDArray pre = style == NormStyle.FULL ? bn(p + ".conv" + j + ".bn", t, training) : t;
            // h of the weight-norm style is already ReLU'd (idempotent, so the second ReLU is skipped).
            NDArray act = pre == reluH ? pre : Layers.relu(pre);
            return Layers.conv(act, params.get(p + ".conv" + j + ".w"), c.dilationH(), c.dilationW(), c.groups());
        });
    }

    private NDArray transition(int b, NDArray x, boolean training) {
        String p = "transition" + b;
        return Layers.avgPool2(Layers.conv(Layers.relu(bn(p + ".bn", x, training)), params.get(p + ".w")));
    }

    private NDArray head(NDArray x, boolean training) {
        NDArray y = Layers.globalAvgPool(Layers.relu(bn("head.bn", x, training)));
        return Layers.linear(y, params.get("head.fc.w"), params.get("head.fc.b"));
    }

    private NDArray bn(String p, NDArray x, boolean training) {
        return Layers.batchNorm(x, params.get(p + ".gamma"), params.get(p + ".beta"), params.get(p + ".runMean"),
                params.get(p + ".runVar"), training);
    }

    /**
     * Copies the one-shot network's weights for this architecture into this network: the generated 1x1 weights
     * (normalised, so a BN style starts from the same filters), the shared-conv slices, and the stem, transition
     * and head tensors sliced to this network's widths. In {@link NormStyle#WEIGHT_NORM} style the two networks
     * then compute the same function ("searched == trained").
     */
    public void copyFrom(OneShotNetwork oneShot, NDArray wg) {
        if (!oneShot.config().equals(config)) {
            throw new IllegalArgumentException("the one-shot network was built for another search space");
        }
        Parameters src = oneShot.parameters();
        params.assign("stem.w", src.get("stem.w"));
        int n = config.n();
        int[] slices = arch.opSlices(config);
        int global = 0;
        int row = 0;
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            Block block = arch.blocks().get(b);
            for (int o = 0; o < block.ops().size(); o++) {
                Op op = block.ops().get(o);
                String p = opName(b, o);
                int nIn = op.reads().size() * block.bankSize() * n;
                int nb = config.bottleneckChannels(nIn, op.width());
                params.assign(p + ".w1x1", Layers.weightNormalize(OneShotNetwork.opWeight(wg, row, nIn, nb,
                        config.spatialDims())));
                row += slices[global++] * geometry.sliceChannels();
                for (int j : op.pattern().activeIndices()) {
                    int in = j % 2 == 0 ? nb : op.width() * n;
                    params.assign(p + ".conv" + j + ".w", oneShot.sharedSlice(b, j, op.conv(j), in, op.width() * n));
                }
            }
            if (b < SearchSpaceConfig.BLOCKS - 1) {
                copyBn(src, "transition" + b + ".bn", blockWidths[b]);
                params.assign("transition" + b + ".w", src.get("transition" + b + ".w")
                        .get(new NDIndex(":, 0:{}", blockWidths[b])));
            }
        }
        copyBn(src, "head.bn", blockWidths[2]);
        params.assign("head.fc.w", src.get("head.fc.w").get(new NDIndex(":, 0:{}", blockWidths[2])));
        params.assign("head.fc.b", src.get("head.fc.b"));
    }

    private void copyBn(Parameters src, String p, int channels) {
        NDIndex first = new NDIndex("0:{}", channels);
        for (String s : new String[] {".gamma", ".beta", ".runMean", ".runVar"}) {
            params.assign(p + s, src.get(p + s).get(first));
        }
    }

    @Override
    public void close() {
        params.close();
    }
}
