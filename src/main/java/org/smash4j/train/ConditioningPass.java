package org.smash4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.smash4j.encoding.CorruptionKind;
import org.smash4j.encoding.Encoder;
import org.smash4j.encoding.Encoding;
import org.smash4j.encoding.EncodingLayout;
import org.smash4j.encoding.Noise;
import org.smash4j.nn.HyperNet;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Parameters;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.Block;
import org.smash4j.space.Op;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.util.RandomStreams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tensor side of {@link ConditioningDiagnostics}: samples the diagnostic architectures, runs the HyperNet and
 * the network on them, and hands plain float arrays to the record's formulas. Every tensor lives in an
 * {@link NDScope}; nothing records gradients.
 */
final class ConditioningPass {
    private ConditioningPass() {
    }

    /** Where an op's 1x1 weight sits in Wg (rows from rowStart, columns from 0) and its slice columns of c. */
    private record OpSlice(int rowStart, int inputs, int outputs, int firstSlice, int slices) {
    }

    /** Wg as plain floats, row-major. */
    private record Generated(float[] values, int columns) {
        float[] op(OpSlice s) {
            float[] w = new float[s.inputs() * s.outputs()];
            for (int r = 0; r < s.inputs(); r++) {
                System.arraycopy(values, (s.rowStart() + r) * columns, w, r * s.outputs(), s.outputs());
            }
            return w;
        }
    }

    /** See {@link ConditioningDiagnostics#compute}. */
    static ConditioningDiagnostics compute(OneShotNetwork net, AnnealingState state, long seed, int architectures,
            Adam adam, ConditioningDiagnostics.Probe probe) {
        if (architectures < 1) {
            throw new IllegalArgumentException("diagnostics need at least one architecture, got " + architectures);
        }
        SearchSpaceConfig config = net.config();
        Sampler sampler = new Sampler(config);
        EncodingLayout layout = new EncodingLayout(config);
        double tile = 0;
        double noise = 0;
        double amplitude = 0;
        Map<CorruptionKind, double[]> shuffle = new LinkedHashMap<>(); // kind -> {sum, architectures}
        for (int i = 0; i < architectures; i++) {
            Architecture arch = sampler.sample(state, RandomStreams.of(seed, "diagnostics", i));
            Encoding c = net.encode(arch);
            float[] z = Noise.draw(c.height(), c.width(), RandomStreams.of(seed, "diagnostics-noise", i));
            float[] redrawn = Noise.draw(c.height(), c.width(), RandomStreams.of(seed, "diagnostics-redraw", i));
            List<OpSlice> ops = opSlices(arch, c, config);
            try (NDScope scope = new NDScope()) {
                NDArray y = net.hyperNet().forward(net.hyperInput(z, c));
                tile += ConditioningDiagnostics.tileShare(floats(y), (int) y.getShape().get(1));
                NDArray wg = HyperNet.toWeightMatrix(y, config);
                Generated truth = generated(wg);
                noise += mean(distances(ops, truth, generate(net, c, redrawn)), null);
                for (CorruptionKind kind : CorruptionKind.values()) {
                    if (!kind.appliesTo(layout)) {
                        continue;
                    }
                    int[] donors = Encoder.corruptionDonors(arch, config, kind,
                            RandomStreams.of(seed, "diagnostics-shuffle/" + ConditioningDiagnostics.name(kind), i));
                    double d = shuffleChange(net, arch, ops, c, z, truth, kind, donors);
                    if (!Double.isNaN(d)) {
                        double[] acc = shuffle.computeIfAbsent(kind, k -> new double[2]);
                        acc[0] += d;
                        acc[1]++;
                    }
                }
                amplitude += probe == null ? Double.NaN : amplitude(net, arch, wg, probe);
            }
        }
        Map<String, Double> byKind = new LinkedHashMap<>();
        shuffle.forEach((k, acc) -> byKind.put(ConditioningDiagnostics.name(k), acc[0] / acc[1]));
        return new ConditioningDiagnostics(tile / architectures, noise / architectures, byKind,
                adam == null ? Double.NaN : adam.epsLimitedFraction(Parameters.Group.HYPERNET),
                adam == null ? Double.NaN : adam.epsLimitedFraction(Parameters.Group.MAIN),
                amplitude / architectures);
    }

    /**
     * Mean change of the moved ops' weights when {@code kind} is shuffled by {@code donors}: NaN when no op's own
     * columns of c change.
     */
    static double shuffleChange(OneShotNetwork net, Architecture arch, Encoding c, float[] z, CorruptionKind kind,
            int[] donors) {
        try (NDScope scope = new NDScope()) {
            List<OpSlice> ops = opSlices(arch, c, net.config());
            return shuffleChange(net, arch, ops, c, z, generate(net, c, z), kind, donors);
        }
    }

    private static double shuffleChange(OneShotNetwork net, Architecture arch, List<OpSlice> ops, Encoding c,
            float[] z, Generated truth, CorruptionKind kind, int[] donors) {
        Encoding corrupted = Encoder.encodeCorrupted(arch, net.config(), net.rowMarking(), kind, donors);
        boolean[] moved = movedOps(ops, c, corrupted);
        boolean any = false;
        for (boolean m : moved) {
            any |= m;
        }
        return any ? mean(distances(ops, truth, generate(net, corrupted, z)), moved) : Double.NaN;
    }

    /** Unit-norm distance of every op's 1x1 weight between (a, za) and (b, zb), in execution order. */
    static double[] opWeightDistances(OneShotNetwork net, Architecture arch, Encoding a, float[] za, Encoding b,
            float[] zb) {
        try (NDScope scope = new NDScope()) {
            return distances(opSlices(arch, a, net.config()), generate(net, a, za), generate(net, b, zb));
        }
    }

    /** An op moved when its own columns of c (all channels and rows) differ between the two encodings. */
    private static boolean[] movedOps(List<OpSlice> ops, Encoding a, Encoding b) {
        float[] va = a.values();
        float[] vb = b.values();
        boolean[] moved = new boolean[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            OpSlice s = ops.get(i);
            for (int ch = 0; ch < a.channels() && !moved[i]; ch++) {
                for (int row = 0; row < a.height() && !moved[i]; row++) {
                    for (int col = s.firstSlice(); col < s.firstSlice() + s.slices(); col++) {
                        int at = a.index(ch, row, col);
                        moved[i] |= va[at] != vb[at];
                    }
                }
            }
        }
        return moved;
    }

    private static List<OpSlice> opSlices(Architecture arch, Encoding c, SearchSpaceConfig config) {
        int[] first = c.opFirstSlices();
        int[] slices = arch.opSlices(config);
        int sliceChannels = config.geometry().sliceChannels();
        List<OpSlice> out = new ArrayList<>();
        int i = 0;
        for (Block b : arch.blocks()) {
            for (Op op : b.ops()) {
                int inputs = op.reads().size() * b.bankSize() * config.n();
                out.add(new OpSlice(first[i] * sliceChannels, inputs, config.bottleneckChannels(inputs, op.width()),
                        first[i], slices[i]));
                i++;
            }
        }
        return out;
    }

    private static double[] distances(List<OpSlice> ops, Generated a, Generated b) {
        double[] d = new double[ops.size()];
        for (int i = 0; i < d.length; i++) {
            d[i] = ConditioningDiagnostics.unitDistance(a.op(ops.get(i)), b.op(ops.get(i)));
        }
        return d;
    }

    private static Generated generate(OneShotNetwork net, Encoding c, float[] z) {
        return generated(net.generateWeights(c, z));
    }

    private static Generated generated(NDArray wg) {
        return new Generated(floats(wg), (int) wg.getShape().get(1));
    }

    /** Mean op-to-block-input RMS ratio of one architecture on the probe images (eval mode). */
    private static double amplitude(OneShotNetwork net, Architecture arch, NDArray wg,
            ConditioningDiagnostics.Probe probe) {
        List<Double> ratios = new ArrayList<>();
        double[] inputRms = {Double.NaN};
        int[] lastBlock = {-1};
        net.optOpObserver((block, op, blockInput, opOutput) -> {
            if (block != lastBlock[0]) { // every op of a block sees the same input: its RMS once per block
                lastBlock[0] = block;
                inputRms[0] = ConditioningDiagnostics.rms(floats(blockInput));
            }
            ratios.add(ConditioningDiagnostics.rms(floats(opOutput)) / inputRms[0]);
        });
        try {
            NDArray f = net.parameters().manager().create(probe.pixels(),
                    new Shape(probe.shape()));
            net.forward(f.toType(net.parameters().placement().dataType(), false), arch, wg, false);
        } finally {
            net.optOpObserver(null);
        }
        return mean(ratios.stream().mapToDouble(Double::doubleValue).toArray(), null);
    }

    private static float[] floats(NDArray a) {
        return a.toType(DataType.FLOAT32, false).toFloatArray();
    }

    private static double mean(double[] values, boolean[] mask) {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < values.length; i++) {
            if (mask == null || mask[i]) {
                sum += values[i];
                n++;
            }
        }
        return n == 0 ? Double.NaN : sum / n;
    }
}
