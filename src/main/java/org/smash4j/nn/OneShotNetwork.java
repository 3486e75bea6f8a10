package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.smash4j.encoding.Encoder;
import org.smash4j.encoding.Encoding;
import org.smash4j.encoding.EncodingLayout;
import org.smash4j.encoding.Noise;
import org.smash4j.encoding.RowMarking;
import org.smash4j.space.Architecture;
import org.smash4j.space.Block;
import org.smash4j.space.ConvSpec;
import org.smash4j.space.Op;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.space.SpaceGeometry;
import org.smash4j.util.RandomStreams;

/**
 * The SMASH network (spec section 4): a stem, three memory-bank blocks whose ops use HyperNet-generated,
 * weight-normalised 1x1 convs followed by per-block shared learned convs sliced to each op's kernel size,
 * groups and width, transitions with sliced BN and 1x1 conv, and a BN-ReLU-pool-FC head. The HyperNet and
 * every learned tensor live in one {@link Parameters}, the HyperNet in its own optimiser group.
 *
 * <p>The same network serves weight sharing (Bender et al. 2018, {@link #weightSharing}): there the 1x1 weights
 * are not generated but stored, as one learned matrix laid out like a generated Wg and tall enough for the largest
 * architecture ({@link StoredWeights}), from which every architecture takes its ops' slices exactly as it takes them
 * from a generated Wg. Where Wg comes from ({@link #weightsFor}) is the only difference between the two.
 */
public final class OneShotNetwork implements AutoCloseable {
    private final SearchSpaceConfig config;
    private final SpaceGeometry geometry;
    private final Parameters params;
    private final HyperNet hyperNet;
    private final NDArray storedWeights;
    private UsedParts usedParts;
    private final MemoryBankExecutor executor;
    private final int sharedKernel;
    private float bnMomentum = Layers.BN_MOMENTUM;
    private RowMarking rowMarking = RowMarking.USED_UNITS;
    private final boolean positionChannels;
    private OpObserver opObserver;

    /** Sees every op's output during {@link #forward}, for diagnostics; none by default, so training pays nothing. */
    @FunctionalInterface
    public interface OpObserver {
        /** Op {@code op} of block {@code block} wrote {@code opOutput} (width*N channels) from {@code blockInput}. */
        void observe(int block, int op, NDArray blockInput, NDArray opOutput);
    }

    /**
     * @param encodingChannels channels of the architecture encoding c
     * @param seed             initial weights depend on this seed only
     * @param positionChannels whether the HyperNet also reads {@link PositionChannels} (the original does not)
     */
    public OneShotNetwork(SearchSpaceConfig config, int encodingChannels, HyperNetShape hyperShape,
            Placement placement, long seed, boolean positionChannels) {
        this(config, placement, seed, java.util.Objects.requireNonNull(hyperShape, "HyperNet shape"), encodingChannels,
                positionChannels);
    }

    /** @param hyperShape the HyperNet's shape, or null for stored 1x1 weights (weight sharing) */
    private OneShotNetwork(SearchSpaceConfig config, Placement placement, long seed, HyperNetShape hyperShape,
            int encodingChannels, boolean positionChannels) {
        this.config = config;
        this.geometry = config.geometry();
        this.params = new Parameters(placement);
        this.executor = new MemoryBankExecutor(config.n());
        this.positionChannels = positionChannels;
        if (hyperShape != null) {
            int position = positionChannels ? PositionChannels.count(config.k()) : 0;
            this.hyperNet = new HyperNet(config, encodingChannels + position, hyperShape, params,
                    RandomStreams.of(seed, "init:hypernet"));
            this.storedWeights = null;
        } else {
            this.hyperNet = null;
            this.storedWeights = StoredWeights.create(config, params, seed);
        }
        ModelParts parts = new ModelParts(params, seed);
        int dims = config.spatialDims();
        parts.conv("stem.w", dims, geometry.stemChannels(), config.inChannels(), 7, 7);
        this.sharedKernel = config.varKs() ? config.maxKernel() : 3;
        int nMax = config.nMax();
        int wideIn = config.maxBottleneck() * nMax;
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            for (int j = 0; j < config.opMode().sharedConvs(); j++) {
                // W0 and W2 read the 1x1 output (up to maxBottleneck*N_max), W1 and W3 read an op output (<= N_max).
                parts.conv(sharedName(b, j), dims, nMax, j % 2 == 0 ? wideIn : nMax, sharedKernel, sharedKernel);
            }
            if (b < SearchSpaceConfig.BLOCKS - 1) {
                parts.batchNorm("transition" + b + ".bn", geometry.maxBlockWidth(b));
                parts.conv("transition" + b + ".w", dims, geometry.blockInput(b + 1), geometry.maxBlockWidth(b), 1,
                        1);
            }
        }
        parts.batchNorm("head.bn", geometry.maxBlockWidth(2));
        parts.linear("head.fc", config.numClasses(), geometry.maxBlockWidth(2));
    }

    public OneShotNetwork(SearchSpaceConfig config, int encodingChannels, HyperNetShape hyperShape,
            Placement placement, long seed) {
        this(config, encodingChannels, hyperShape, placement, seed, false);
    }

    /** A one-shot network for {@code config} whose HyperNet reads the standard encoding layout. */
    public OneShotNetwork(SearchSpaceConfig config, HyperNetShape hyperShape, Placement placement, long seed) {
        this(config, hyperShape, placement, seed, false);
    }

    /** The same, with or without {@link PositionChannels}. */
    public OneShotNetwork(SearchSpaceConfig config, HyperNetShape hyperShape, Placement placement, long seed,
            boolean positionChannels) {
        this(config, new EncodingLayout(config).channelCount(), hyperShape, placement, seed, positionChannels);
    }

    /**
     * A weight-sharing network (Bender et al. 2018): this network with stored 1x1 weights instead of a HyperNet;
     * every other tensor is created exactly as in a HyperNet network of the same seed.
     */
    public static OneShotNetwork weightSharing(SearchSpaceConfig config, Placement placement, long seed) {
        return new OneShotNetwork(config, placement, seed, null, 0, false);
    }

    /** Whether the 1x1 weights are stored (weight sharing) rather than generated by a HyperNet. */
    public boolean storesWeights() {
        return storedWeights != null;
    }

    /**
     * Wg for {@code arch}: generated by the HyperNet from its encoding and a noise draw z from {@code noise}, or
     * the stored matrix (which takes no noise; {@code noise} may then be null).
     */
    public NDArray weightsFor(Architecture arch, java.util.random.RandomGenerator noise) {
        return storesWeights() ? StoredWeights.check(storedWeights, arch, config)
                : weightsFor(arch, encode(arch), noise);
    }

    /**
     * The same with an explicit encoding c (e.g. a corrupted one); a weight-sharing network reads no encoding, so
     * c does not change its weights.
     */
    public NDArray weightsFor(Architecture arch, Encoding c, java.util.random.RandomGenerator noise) {
        return storesWeights() ? StoredWeights.check(storedWeights, arch, config)
                : generateWeights(c, Noise.draw(c.height(), c.width(), noise));
    }

    /** Records the parts of the trainable tensors each later {@link #forward} reads into {@code parts} (null: no). */
    public OneShotNetwork optUsedParts(UsedParts parts) {
        this.usedParts = parts;
        return this;
    }

    /** Sets which rows of an op's slices its encoding marks (default {@link RowMarking#USED_UNITS}). */
    public OneShotNetwork optRowMarking(RowMarking marking) {
        this.rowMarking = marking;
        return this;
    }

    public RowMarking rowMarking() {
        return rowMarking;
    }

    /** Sets the observer of op outputs (null: none). */
    public OneShotNetwork optOpObserver(OpObserver observer) {
        this.opObserver = observer;
        return this;
    }

    /** The encoding c this network reads for {@code arch}. */
    public Encoding encode(Architecture arch) {
        return Encoder.encode(arch, config, rowMarking);
    }

    /** Generates Wg for an encoded architecture and a noise draw z of the encoding's height x width. */
    public NDArray generateWeights(Encoding c, float[] noise) {
        return HyperNet.toWeightMatrix(hyperNet().forward(hyperInput(noise, c)), config);
    }

    /** Whether the HyperNet reads {@link PositionChannels} after z and c. */
    public boolean positionChannels() {
        return positionChannels;
    }

    /**
     * The HyperNet input for noise z and encoding c: [1, 1 + C_c (+ position channels), k, S+1], z first, then c's
     * values (exposed so experiments can take dE/dc from it: channels 1..C_c are c).
     */
    public NDArray hyperInput(float[] noise, Encoding c) {
        float[] values = c.values();
        if (!positionChannels) {
            return hyperInput(noise, values, c.channels(), c.height(), c.width());
        }
        float[] position = PositionChannels.of(c.height(), c.width(), c.opFirstSlices(), c.usedSlices());
        float[] all = new float[values.length + position.length];
        System.arraycopy(values, 0, all, 0, values.length);
        System.arraycopy(position, 0, all, values.length, position.length);
        return rawInput(noise, all, c.channels() + PositionChannels.count(c.height()), c.height(), c.width());
    }

    public SearchSpaceConfig config() {
        return config;
    }

    public Parameters parameters() {
        return params;
    }

    /** The HyperNet; a weight-sharing network has none and says so. */
    public HyperNet hyperNet() {
        if (hyperNet == null) {
            throw new IllegalStateException("this is a weight-sharing network: its 1x1 weights are stored, not "
                    + "generated by a HyperNet");
        }
        return hyperNet;
    }

    /**
     * Runs the HyperNet on noise z and encoding c (both laid out [channel][row][column], height k, width S+1)
     * and returns the generated weight matrix Wg (see {@link HyperNet#toWeightMatrix}).
     */
    public NDArray generateWeights(float[] noise, float[] encoding, int encodingChannels, int height, int width) {
        NDArray input = hyperInput(noise, encoding, encodingChannels, height, width);
        return HyperNet.toWeightMatrix(hyperNet().forward(input), config);
    }

    /**
     * The HyperNet input [1, 1 + C_c, k, S+1] from raw encoding values (tests feed arbitrary +-1 values); only for a
     * network without position channels, which need the ops' slices ({@link #hyperInput(float[], Encoding)}).
     */
    public NDArray hyperInput(float[] noise, float[] encoding, int encodingChannels, int height, int width) {
        if (positionChannels) {
            throw new IllegalStateException("this HyperNet also reads position channels; pass the Encoding");
        }
        return rawInput(noise, encoding, encodingChannels, height, width);
    }

    private NDArray rawInput(float[] noise, float[] encoding, int encodingChannels, int height, int width) {
        int plane = height * width;
        if (noise.length != plane || encoding.length != encodingChannels * plane) {
            throw new IllegalArgumentException("noise/encoding sizes do not match " + encodingChannels + "x"
                    + height + "x" + width);
        }
        float[] all = new float[noise.length + encoding.length];
        System.arraycopy(noise, 0, all, 0, noise.length);
        System.arraycopy(encoding, 0, all, noise.length, encoding.length);
        NDArray f = params.manager().create(all, new Shape(1, encodingChannels + 1, height, width));
        NDArray t = f.toType(params.placement().dataType(), false);
        return t;
    }

    /** Generates weights from an explicit HyperNet input (for gradient experiments on c). */
    public NDArray generateWeights(NDArray hyperInput) {
        return HyperNet.toWeightMatrix(hyperNet().forward(hyperInput), config);
    }

    /** Class scores (unnormalised logits) of a batch under architecture {@code arch} with weights wg. */
    public NDArray forward(NDArray x, Architecture arch, NDArray wg, boolean training) {
        return forward(x, arch, wg, training, null);
    }

    /** The same with path dropout: {@code paths[b]} is block b's {@link PathMask} (null: every path kept). */
    public NDArray forward(NDArray x, Architecture arch, NDArray wg, boolean training, PathMask[] paths) {
        NDArray out = Layers.relu(Layers.conv(Layers.channelsLast(x), read("stem.w", null)));
        int[][] opRows = opRows(arch);
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            Block block = arch.blocks().get(b);
            int[] rows = opRows[b];
            final int blockIndex = b;
            final NDArray blockInput = out;
            out = executor.run(block, out, (o, op, input) -> observed(blockIndex, o, blockInput,
                    op(blockIndex, op, input, wg, rows[o])), paths == null ? null : paths[b]);
            out = b < SearchSpaceConfig.BLOCKS - 1 ? transition(b, out, training) : head(out, training);
        }
        return out;
    }

    /** The first row of Wg of every op, by block and op: ops take consecutive slices over all blocks. */
    int[][] opRows(Architecture arch) {
        int[] slices = arch.opSlices(config);
        int sliceChannels = geometry.sliceChannels();
        int[][] rows = new int[SearchSpaceConfig.BLOCKS][];
        int global = 0;
        int rowStart = 0;
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            rows[b] = new int[arch.blocks().get(b).ops().size()];
            for (int o = 0; o < rows[b].length; o++) {
                rows[b][o] = rowStart;
                rowStart += slices[global++] * sliceChannels;
            }
        }
        return rows;
    }

    private NDArray op(int block, Op op, NDArray input, NDArray wg, int rowStart) {
        int nch = (int) input.getShape().get(1);
        int nb = config.bottleneckChannels(nch, op.width());
        if (usedParts != null && wg == storedWeights) {
            usedParts.record(StoredWeights.NAME, opWeightIndex(rowStart, nch, nb));
        }
        NDArray w = opWeight(wg, rowStart, nch, nb, config.spatialDims());
        NDArray h = Layers.relu(Layers.conv(input, Layers.weightNormalize(w)));
        int out = op.width() * config.n();
        // Pre-activation ReLU before every shared conv, except that W0 and W2 read h, which is already ReLU'd
        // (ReLU is idempotent; skipping it saves a full pass over the op's widest tensor, forward and backward).
        return MemoryBankExecutor.combine(op.pattern(), h,
                (j, t) -> sharedConv(block, j, op.conv(j), t == h ? t : Layers.relu(t), out));
    }

    private NDArray observed(int block, int op, NDArray blockInput, NDArray output) {
        if (opObserver != null) {
            opObserver.observe(block, op, blockInput, output);
        }
        return output;
    }

    /**
     * The op's generated 1x1 weight [nb, nch, 1, 1] (voxel grids: 1x1x1), before normalisation: rows of Wg, first
     * nb columns.
     */
    static NDArray opWeight(NDArray wg, int rowStart, int nch, int nb, int dims) {
        return wg.get(opWeightIndex(rowStart, nch, nb)).transpose(1, 0).reshape(Layers.convShape(dims, nb, nch, 1, 1));
    }

    private static NDIndex opWeightIndex(int rowStart, int nch, int nb) {
        return new NDIndex("{}:{}, 0:{}", rowStart, rowStart + nch, nb);
    }

    /** Tensor {@code name}, or its slice at {@code index} (null: whole), recorded in the used parts if asked. */
    private NDArray read(String name, NDIndex index) {
        if (usedParts != null) {
            usedParts.record(name, index);
        }
        NDArray t = params.get(name);
        return index == null ? t : t.get(index);
    }

    private NDArray sharedConv(int block, int j, ConvSpec spec, NDArray x, int out) {
        return Layers.conv(x, sharedSlice(block, j, spec, (int) x.getShape().get(1), out), spec.dilationH(),
                spec.dilationW(), spec.groups());
    }

    /**
     * The slice of shared conv W_j of a block that an op uses: the first {@code out} filters, the first
     * in/groups input columns (every group reuses the same columns) and the centred kh x kw window (voxel
     * grids: kh x kh x kw).
     */
    NDArray sharedSlice(int block, int j, ConvSpec spec, int in, int out) {
        int r0h = (sharedKernel - spec.kernelH()) / 2;
        int r0w = (sharedKernel - spec.kernelW()) / 2;
        String depth = config.spatialDims() == 3 ? r0h + ":" + (r0h + spec.kernelH()) + ", " : "";
        return read(sharedName(block, j), new NDIndex("0:{}, 0:{}, " + depth + "{}:{}, {}:{}", out,
                in / spec.groups(), r0h, r0h + spec.kernelH(), r0w, r0w + spec.kernelW()));
    }

    private static String sharedName(int block, int j) {
        return "block" + block + ".W" + j;
    }

    private NDArray transition(int b, NDArray x, boolean training) {
        String p = "transition" + b;
        NDArray y = Layers.relu(bn(p + ".bn", x, training));
        NDArray w = read(p + ".w", new NDIndex(":, 0:{}", x.getShape().get(1)));
        return Layers.avgPool2(Layers.conv(y, w));
    }

    private NDArray head(NDArray x, boolean training) {
        NDArray y = Layers.globalAvgPool(Layers.relu(bn("head.bn", x, training)));
        NDArray w = read("head.fc.w", new NDIndex(":, 0:{}", x.getShape().get(1)));
        return Layers.linear(y, w, read("head.fc.b", null));
    }

    private NDArray bn(String p, NDArray x, boolean training) {
        if (usedParts != null) {
            usedParts.record(p + ".gamma", new NDIndex("0:{}", x.getShape().get(1)));
            usedParts.record(p + ".beta", new NDIndex("0:{}", x.getShape().get(1)));
        }
        return Layers.batchNorm(x, params.get(p + ".gamma"), params.get(p + ".beta"), params.get(p + ".runMean"),
                params.get(p + ".runVar"), training, bnMomentum);
    }

    /**
     * Sets the fraction of BN running statistics kept per training-mode forward (0.9 during training). BN
     * recalibration sets it to i/(i+1) for the i-th batch, which makes the running statistics the plain average
     * over the recalibration batches.
     */
    public void setBnMomentum(float momentum) {
        this.bnMomentum = momentum;
    }

    /** Size of the kernel window the shared convs are stored with (the final max kernel, or 3). */
    int sharedKernel() {
        return sharedKernel;
    }

    @Override
    public void close() {
        params.close();
    }
}
