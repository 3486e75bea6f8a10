package org.smash4j.backend;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import org.smash4j.nn.Layers;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Float32 convolutions of this process's libtorch against float64 ones (which run on ATen's reference path, not
 * oneDNN): the output, the input gradient and the weight gradient under a dense random upstream gradient, on
 * the shapes this project runs (batch-50 main-network convs with 1x1 to 7x7 kernels, rectangular, dilated and
 * grouped; the HyperNet's batch-1 convs with many channels). Each float32 case is computed {@code repeats}
 * times, since the kernel bugs seen on this project's machines were not always repeatable.
 */
public final class ConvCheck {
    /**
     * Normwise relative error allowed. Correct float32 kernels stay near 1e-6 on these shapes; the bugs seen were
     * NaN or 20-40% off, so 1e-4 separates the two with margins of 100x and 1000x on any x86 CPU.
     */
    public static final double TOLERANCE = 1e-4;

    /** One convolution shape (stride 1, same padding, no bias, as everywhere in the project). */
    public record Case(String name, int batch, int in, int out, int height, int width, int kernelH, int kernelW,
            int dilationH, int dilationW, int groups) {
        @Override
        public String toString() {
            return String.format("%s: batch %d, %d->%d ch, %dx%d, kernel %dx%d, dilation %dx%d, groups %d", name,
                    batch, in, out, height, width, kernelH, kernelW, dilationH, dilationW, groups);
        }
    }

    /** The worst normwise relative error of each quantity over the repeats (NaN if any value was NaN). */
    public record CaseResult(String name, double output, double inputGradient, double weightGradient) {
        public boolean passed() {
            return output < TOLERANCE && inputGradient < TOLERANCE && weightGradient < TOLERANCE;
        }

        public double worst() {
            return passed() ? Math.max(output, Math.max(inputGradient, weightGradient)) : Double.NaN;
        }
    }

    /** All cases' results and the seconds spent in the float32 passes (a timing of this backend's convs). */
    public record Result(List<CaseResult> cases, double float32Seconds) {
        public boolean passed() {
            return cases.stream().allMatch(CaseResult::passed);
        }

        /** The largest error over every case and quantity; NaN when some value is NaN. */
        public double worstError() {
            double worst = 0;
            for (CaseResult c : cases) {
                for (double e : new double[] {c.output(), c.inputGradient(), c.weightGradient()}) {
                    if (Double.isNaN(e)) {
                        return Double.NaN;
                    }
                    worst = Math.max(worst, e);
                }
            }
            return worst;
        }
    }

    private ConvCheck() {
    }

    /** The project's conv shapes: the main networks' at batch 50 and the HyperNet's at batch 1. */
    public static List<Case> projectCases() {
        return List.of(
                new Case("stem 7x7", 50, 3, 32, 32, 32, 7, 7, 1, 1, 1),
                new Case("op 1x1 bottleneck", 50, 64, 64, 28, 28, 1, 1, 1, 1, 1),
                new Case("op 3x3", 50, 32, 32, 28, 28, 3, 3, 1, 1, 1),
                new Case("op 5x5 wide input", 50, 64, 32, 14, 14, 5, 5, 1, 1, 1),
                new Case("op 7x7", 50, 32, 32, 8, 8, 7, 7, 1, 1, 1),
                new Case("op 3x3 dilated", 50, 32, 32, 14, 14, 3, 3, 3, 2, 1),
                new Case("op 5x3 grouped", 50, 32, 32, 14, 14, 5, 3, 1, 1, 4),
                new Case("op 3x5 dilated grouped", 50, 16, 16, 7, 7, 3, 5, 1, 2, 2),
                new Case("transition 1x1", 50, 96, 64, 16, 16, 1, 1, 1, 1, 1),
                new Case("hypernet 3x3", 1, 190, 10, 2, 65, 3, 3, 1, 1, 1),
                new Case("hypernet 3x3 wide", 1, 190, 45, 4, 40, 3, 3, 1, 1, 1),
                new Case("hypernet 3x3 tall", 1, 134, 10, 4, 40, 3, 3, 1, 1, 1),
                new Case("hypernet 3x3 deep", 1, 99, 10, 8, 30, 3, 3, 1, 1, 1),
                new Case("hypernet output 1x1", 1, 128, 256, 4, 40, 1, 1, 1, 1, 1));
    }

    /** Runs every case, float64 once and float32 {@code repeats} times, with inputs drawn from {@code seed}. */
    public static Result run(List<Case> cases, int repeats, long seed) {
        List<CaseResult> results = new ArrayList<>();
        double seconds = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            Inputs in = Inputs.draw(c, new SplittableRandom(seed * 1_000_003L + i));
            Outputs reference = compute(c, in, DataType.FLOAT64);
            double out = 0;
            double dx = 0;
            double dw = 0;
            for (int r = 0; r < repeats; r++) {
                long t0 = System.nanoTime();
                Outputs o = compute(c, in, DataType.FLOAT32);
                seconds += (System.nanoTime() - t0) / 1e9;
                out = worse(out, relativeError(o.output(), reference.output()));
                dx = worse(dx, relativeError(o.inputGradient(), reference.inputGradient()));
                dw = worse(dw, relativeError(o.weightGradient(), reference.weightGradient()));
            }
            results.add(new CaseResult(c.toString(), out, dx, dw));
        }
        return new Result(results, seconds);
    }

    /** The larger error, NaN winning. */
    private static double worse(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) ? Double.NaN : Math.max(a, b);
    }

    /** sqrt(sum (a-e)^2 / sum e^2); NaN when any value is NaN or infinite. */
    public static double relativeError(double[] actual, double[] expected) {
        if (actual.length != expected.length) {
            throw new IllegalArgumentException("lengths differ: " + actual.length + " vs " + expected.length);
        }
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < actual.length; i++) {
            if (!Double.isFinite(actual[i])) {
                return Double.NaN;
            }
            double d = actual[i] - expected[i];
            diff += d * d;
            norm += expected[i] * expected[i];
        }
        return Math.sqrt(diff / norm);
    }

    private record Inputs(double[] x, double[] w, double[] upstream) {
        static Inputs draw(Case c, SplittableRandom rng) {
            double[] x = gaussian(rng, (long) c.batch() * c.in() * c.height() * c.width(), 1);
            // Scaled as an orthogonal-like init so outputs have unit order whatever the fan-in.
            double fanIn = (double) c.in() / c.groups() * c.kernelH() * c.kernelW();
            double[] w = gaussian(rng, (long) c.out() * (c.in() / c.groups()) * c.kernelH() * c.kernelW(),
                    1 / Math.sqrt(fanIn));
            double[] g = gaussian(rng, (long) c.batch() * c.out() * c.height() * c.width(), 1);
            return new Inputs(x, w, g);
        }

        private static double[] gaussian(SplittableRandom rng, long n, double scale) {
            double[] v = new double[Math.toIntExact(n)];
            for (int i = 0; i < v.length; i++) {
                v[i] = rng.nextGaussian() * scale;
            }
            return v;
        }
    }

    private record Outputs(double[] output, double[] inputGradient, double[] weightGradient) {
    }

    private static Outputs compute(Case c, Inputs in, DataType type) {
        try (NDManager m = NDManager.newBaseManager()) {
            NDArray x = tensor(m, in.x(), new Shape(c.batch(), c.in(), c.height(), c.width()), type);
            NDArray w = tensor(m, in.w(), new Shape(c.out(), c.in() / c.groups(), c.kernelH(), c.kernelW()), type);
            NDArray g = tensor(m, in.upstream(), new Shape(c.batch(), c.out(), c.height(), c.width()), type);
            x.setRequiresGradient(true);
            w.setRequiresGradient(true);
            double[] y;
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray out = Layers.conv(x, w, c.dilationH(), c.dilationW(), c.groups());
                gc.backward(out.mul(g).sum());
                y = doubles(out);
            }
            return new Outputs(y, doubles(x.getGradient()), doubles(w.getGradient()));
        }
    }

    private static NDArray tensor(NDManager m, double[] v, Shape shape, DataType type) {
        NDArray d = m.create(v, shape);
        return type == DataType.FLOAT64 ? d : d.toType(type, false);
    }

    private static double[] doubles(NDArray a) {
        return a.toType(DataType.FLOAT64, false).toDoubleArray();
    }
}
