package org.smash4j.train;

import org.smash4j.data.ImageDataset;
import org.smash4j.data.Normalization;
import org.smash4j.encoding.CorruptionKind;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.space.AnnealingState;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How much the one-shot network's generated weights depend on the architecture encoding c (issue 10). Reviewers
 * found the HyperNet's output collapsing to one position-independent weight tile: Wg is then the same tile
 * repeated, every op gets the same 1x1 weights whatever c says, and SMASH scores cannot rank architectures by
 * anything c describes. These numbers show whether and when that happens, and point at the suspected causes:
 * <ul>
 *   <li>{@code tileShare}: share of the energy of the HyperNet output Y [C, k, S+1] in its mean tile m[c] (the
 *       mean over the P = k(S+1) positions): P sum_c m[c]^2 / sum_{c,p} Y[c,p]^2. 1 means every position holds
 *       the same tile (total collapse); a HyperNet that reads c puts energy into what differs between
 *       positions.</li>
 *   <li>{@code shuffle.<kind>}: mean, over the ops whose own columns of c change when the values of one field
 *       are shuffled among the ops ({@link CorruptionKind}, as the trick experiment does), of the distance
 *       between the op's unit-norm 1x1 weights from the true and from the shuffled c (same z). Unit norm
 *       because the network divides each op's weight by its norm. 0: the field is ignored; up to 2.</li>
 *   <li>{@code noiseChange}: the same distance between weights from noise z and a fresh z' (same c), mean over
 *       all ops: the yardstick. Shuffle changes no bigger than it mean c matters no more than noise.</li>
 *   <li>{@code epsLimitedHyperNet}, {@code epsLimitedOther}: fraction of parameter elements, HyperNet and the
 *       rest, whose Adam step is eps-limited (sqrt(v/(1 - beta2^t)) < eps). There the step is about lr*g/eps
 *       instead of about lr: an eps (1e-4, chosen for float16) above the gradient scale all but freezes those
 *       weights, a suspected cause of the collapse.</li>
 *   <li>{@code opToInputAmplitude}: RMS of each op's output (before it is written to banks) over the RMS of its
 *       block's input, on one batch of validation images in eval mode, mean over ops. Ops far quieter than
 *       the activations they are added to barely change the loss, so little gradient reaches their weights
 *       and, through the HyperNet, little reaches what it reads from c.</li>
 * </ul>
 * Each number except the eps fractions is the mean over a few architectures; architecture i, its noise z, the
 * redrawn z' and its shuffles come from the streams ("diagnostics", i), ("diagnostics-noise", i),
 * ("diagnostics-redraw", i) and ("diagnostics-shuffle/KIND", i) of the run's seed: the same at every validation,
 * so the curves compare like with like, and nothing is drawn from the training's streams, so computing them
 * changes no training result. A number that cannot be computed is NaN and left out of {@link #toMap()}.
 *
 * @param shuffleChange by corruption kind (lower case), only kinds that apply to the layout and moved an op
 */
public record ConditioningDiagnostics(double tileShare, double noiseChange, Map<String, Double> shuffleChange,
        double epsLimitedHyperNet, double epsLimitedOther, double opToInputAmplitude) {
    public static final int DEFAULT_ARCHITECTURES = 4;
    /** Validation images forwarded for the amplitude ratio: one batch, enough for a stable RMS. */
    public static final int PROBE_IMAGES = 50;
    public static final String TILE_SHARE = "tileShare";
    public static final String NOISE_CHANGE = "noiseChange";
    public static final String SHUFFLE_PREFIX = "shuffle.";
    public static final String EPS_LIMITED_HYPERNET = "epsLimitedHyperNet";
    public static final String EPS_LIMITED_OTHER = "epsLimitedOther";
    public static final String AMPLITUDE = "opToInputAmplitude";

    public ConditioningDiagnostics {
        shuffleChange = Collections.unmodifiableMap(new LinkedHashMap<>(shuffleChange));
    }

    /**
     * A batch of normalised images [images, channels, height, width] to measure op amplitudes on; voxel grids have
     * a depth (0 for images) before the height.
     */
    public record Probe(float[] pixels, int images, int channels, int height, int width, int depth) {
        public Probe {
            if (images < 1 || pixels.length != images * channels * Math.max(depth, 1) * height * width) {
                throw new IllegalArgumentException("a probe of " + images + " images of " + channels + "x" + height
                        + "x" + width + " needs that many pixels, got " + pixels.length);
            }
            pixels = pixels.clone();
        }

        /** A probe of images. */
        public Probe(float[] pixels, int images, int channels, int height, int width) {
            this(pixels, images, channels, height, width, 0);
        }

        /** The tensor shape: NCHW, or NCDHW for voxel grids. */
        public long[] shape() {
            return depth > 0 ? new long[] {images, channels, depth, height, width}
                    : new long[] {images, channels, height, width};
        }

        /** A copy of the pixels, [image][channel][row][column]. */
        @Override
        public float[] pixels() {
            return pixels.clone();
        }

        /** The first {@code maxImages} images of {@code data}, normalised; null without images. */
        public static Probe of(ImageDataset data, Normalization norm, int maxImages) {
            if (data == null || data.size() == 0 || maxImages < 1) {
                return null;
            }
            int n = Math.min(maxImages, data.size());
            byte[] bytes = new byte[n * data.imageSize()];
            for (int i = 0; i < n; i++) {
                data.copyImage(i, bytes, i * data.imageSize());
            }
            // Voxel grids normalise as images of depth*height rows (one table per channel either way).
            return new Probe(norm.apply(bytes, data.depth() * data.height(), data.width()), n, data.channels(),
                    data.height(), data.width(), data.spatialDims() == 3 ? data.depth() : 0);
        }
    }

    /**
     * Computes every diagnostic.
     *
     * @param state         the annealing state the architectures are sampled at
     * @param seed          the run's seed (the diagnostics' streams derive from it)
     * @param architectures how many architectures to average over
     * @param adam          the optimiser, for the eps fractions (null: NaN)
     * @param probe         images for the amplitude ratio (null: NaN)
     */
    public static ConditioningDiagnostics compute(OneShotNetwork net, AnnealingState state, long seed,
            int architectures, Adam adam, Probe probe) {
        return ConditioningPass.compute(net, state, seed, architectures, adam, probe);
    }

    /** "dilation", "kernel"...: the kind as metric names and stream names spell it. */
    public static String name(CorruptionKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------- the formulas, on plain arrays

    /**
     * Share of the energy of y, laid out [channel][position] ({@code channels} rows of P positions), in its
     * position-independent mean tile: P sum_c m[c]^2 / sum y^2, m[c] = mean_p y[c][p]. NaN for an all-zero y.
     */
    public static double tileShare(float[] y, int channels) {
        if (channels < 1 || y.length % channels != 0) {
            throw new IllegalArgumentException(y.length + " values are not " + channels + " equal rows");
        }
        int positions = y.length / channels;
        double tileEnergy = 0;
        double total = 0;
        for (int c = 0; c < channels; c++) {
            double sum = 0;
            for (int p = 0; p < positions; p++) {
                double v = y[c * positions + p];
                sum += v;
                total += v * v;
            }
            double m = sum / positions;
            tileEnergy += m * m;
        }
        return total == 0 ? Double.NaN : positions * tileEnergy / total;
    }

    /** ||a/||a|| - b/||b|||| (Frobenius): 0 for proportional arrays, up to 2; NaN when either is all zeros. */
    public static double unitDistance(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("arrays of " + a.length + " and " + b.length + " values");
        }
        double na = Math.sqrt(sumOfSquares(a));
        double nb = Math.sqrt(sumOfSquares(b));
        if (na == 0 || nb == 0) {
            return Double.NaN;
        }
        double d = 0;
        for (int i = 0; i < a.length; i++) {
            double diff = a[i] / na - b[i] / nb;
            d += diff * diff;
        }
        return Math.sqrt(d);
    }

    /**
     * Fraction of the elements of Adam's second moments {@code v} (after {@code steps} steps) whose bias-corrected
     * root sqrt(v/(1 - beta2^steps)) is below eps; NaN before the first step or without elements.
     */
    public static double epsLimitedFraction(List<float[]> v, long steps, double beta2, double eps) {
        if (steps < 1) {
            return Double.NaN;
        }
        double bc2 = 1 - Math.pow(beta2, steps);
        long limited = 0;
        long total = 0;
        for (float[] a : v) {
            for (float x : a) {
                limited += Math.sqrt(x / bc2) < eps ? 1 : 0;
            }
            total += a.length;
        }
        return total == 0 ? Double.NaN : (double) limited / total;
    }

    /** Root mean square; NaN without values. */
    public static double rms(float[] a) {
        return a.length == 0 ? Double.NaN : Math.sqrt(sumOfSquares(a) / a.length);
    }

    private static double sumOfSquares(float[] a) {
        double s = 0;
        for (float x : a) {
            s += (double) x * x;
        }
        return s;
    }

    // ---------------------------------------------------------------- metric names

    /** The flat metrics of metrics.jsonl; NaN values are left out. */
    public Map<String, Double> toMap() {
        Map<String, Double> m = new LinkedHashMap<>();
        put(m, TILE_SHARE, tileShare);
        put(m, NOISE_CHANGE, noiseChange);
        shuffleChange.forEach((kind, v) -> put(m, SHUFFLE_PREFIX + kind, v));
        put(m, EPS_LIMITED_HYPERNET, epsLimitedHyperNet);
        put(m, EPS_LIMITED_OTHER, epsLimitedOther);
        put(m, AMPLITUDE, opToInputAmplitude);
        return m;
    }

    private static void put(Map<String, Double> m, String name, double v) {
        if (!Double.isNaN(v)) {
            m.put(name, v);
        }
    }

    /** Whether {@code name} is one of these metrics (the report picks them out of the epoch records with it). */
    public static boolean isMetric(String name) {
        return name.startsWith(SHUFFLE_PREFIX) || List.of(TILE_SHARE, NOISE_CHANGE, EPS_LIMITED_HYPERNET,
                EPS_LIMITED_OTHER, AMPLITUDE).contains(name);
    }

    /** A one-line meaning of a metric, for tables. */
    public static String meaning(String name) {
        if (name.startsWith(SHUFFLE_PREFIX)) {
            return "op weight change when c's " + name.substring(SHUFFLE_PREFIX.length())
                    + " values are shuffled among ops (0: ignored)";
        }
        return switch (name) {
            case TILE_SHARE -> "share of HyperNet output energy in one position-independent tile (1: collapsed)";
            case NOISE_CHANGE -> "op weight change when the noise z is redrawn (the yardstick for shuffles)";
            case EPS_LIMITED_HYPERNET -> "fraction of HyperNet weights whose Adam step is eps-limited";
            case EPS_LIMITED_OTHER -> "fraction of other weights whose Adam step is eps-limited";
            case AMPLITUDE -> "RMS of op outputs over RMS of their block's input";
            default -> "";
        };
    }
}
