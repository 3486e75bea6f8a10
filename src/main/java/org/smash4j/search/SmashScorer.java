package org.smash4j.search;

import org.smash4j.run.Score;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.smash4j.data.Batch;
import org.smash4j.data.BatchStream;
import org.smash4j.data.EvaluationBatches;
import org.smash4j.data.ImageDataset;
import org.smash4j.data.Normalization;
import org.smash4j.encoding.Encoding;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Placement;
import org.smash4j.space.Architecture;
import org.smash4j.train.OneShotEvaluator;
import org.smash4j.util.RandomStreams;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SMASH score (spec 6): the top-1 error on the held-out validation split of an architecture whose 1x1 weights
 * the trained HyperNet generates. As in the original, one noise draw z is kept for all batches and BN uses the
 * running statistics accumulated over random architectures during training. Two options go beyond the original:
 * averaging over K noise draws (mean and standard deviation reported), and recalibrating BN statistics for each
 * architecture on a few training batches before scoring (spec bug 19). A weight-sharing network (stored 1x1
 * weights, no noise) scores the same way; by default it normalises with each validation batch's own BN statistics,
 * as Bender et al. evaluate sub-architectures of a shared network ({@link Settings#batchStatistics}).
 *
 * <p>It also keeps the original's running "ensemble error": the error of summing every scored architecture's
 * log-probabilities. The running sums are persisted next to results.jsonl so a resumed search continues it.
 */
public final class SmashScorer implements SliceScorer {
    /** Recomputations of non-finite generated weights or batch outputs before the result is taken as it is. */
    static final int RETRIES = 2;

    /**
     * Scoring options.
     *
     * @param batchStatistics whether BN normalises each validation batch with its own statistics (training-mode BN,
     *                        the running statistics untouched) instead of running ones; null (also in run.json files
     *                        written before it existed): the evaluator's default (weight sharing yes, the HyperNet no)
     *                        unless BN is recalibrated
     */
    public record Settings(int noiseDraws, int recalibrationBatches, int batchSize, Boolean batchStatistics) {
        public Settings {
            if (noiseDraws < 1 || recalibrationBatches < 0 || batchSize < 1) {
                throw new IllegalArgumentException("noise draws must be >= 1, recalibration batches >= 0, batch >= 1");
            }
            if (Boolean.TRUE.equals(batchStatistics) && recalibrationBatches > 0) {
                throw new IllegalArgumentException("BN recalibration estimates statistics for the scored batches; "
                        + "per-batch statistics replace them: choose one");
            }
        }

        public Settings(int noiseDraws, int recalibrationBatches, int batchSize) {
            this(noiseDraws, recalibrationBatches, batchSize, null);
        }

        /** Whether a network of {@code evaluator} scores with per-batch BN statistics under these settings. */
        public boolean usesBatchStatistics(OneShotEvaluator evaluator) {
            return batchStatistics != null ? batchStatistics
                    : recalibrationBatches == 0 && evaluator.scoresWithBatchStatistics();
        }

        /** The original: one draw, running statistics from training, batch 100. */
        public static Settings original() {
            return new Settings(1, 0, org.smash4j.train.SpecDefaults.EVAL_BATCH);
        }
    }

    private final OneShotNetwork net;
    private final ImageDataset validation;
    private final ImageDataset recalibration;
    private final Normalization normalization;
    private final Placement placement;
    private final long seed;
    private final Settings settings;
    private final boolean batchStatistics;
    private final RunningEnsemble ensemble;
    private long weightRetries;
    private long batchRetries;

    /**
     * @param recalibration training images for BN recalibration (unused when settings ask for none)
     * @param ensembleFile  where the running ensemble is kept, or null to keep it in memory only
     */
    public SmashScorer(OneShotNetwork net, ImageDataset validation, ImageDataset recalibration,
            Normalization normalization, Placement placement, long seed, Settings settings, Path ensembleFile)
            throws IOException {
        this.net = net;
        this.validation = validation;
        this.recalibration = recalibration;
        this.normalization = normalization;
        this.placement = placement;
        this.seed = seed;
        this.settings = settings;
        this.batchStatistics = settings.usesBatchStatistics(OneShotEvaluator.of(net));
        this.ensemble = new RunningEnsemble(validation, ensembleFile);
    }

    @Override
    public Score score(Architecture arch, long index) {
        long t0 = System.nanoTime();
        Evaluated e = evaluate(arch, index, validation);
        addToEnsemble(e.logProbs(), index);
        return Score.ofDraws(e.errors(), e.loss(), (System.nanoTime() - t0) / 1e9)
                .withEnsembleError(ensembleError());
    }

    /** The encoding c the scored network reads for {@code arch}. */
    public Encoding encode(Architecture arch) {
        return net.encode(arch);
    }

    @Override
    public int validationSize() {
        return validation.size();
    }

    @Override
    public Slice scoreSlice(Architecture arch, long index, int from, int to) {
        if (from < 0 || to > validation.size() || from >= to) {
            throw new IllegalArgumentException("slice [" + from + ", " + to + ") of " + validation.size() + " images");
        }
        long t0 = System.nanoTime();
        ImageDataset part = from == 0 && to == validation.size() ? validation
                : validation.select(java.util.stream.IntStream.range(from, to).toArray(), validation.name());
        Evaluated e = evaluate(arch, index, part);
        return new Slice(from, to, e.wrong(), e.lossSum(), (System.nanoTime() - t0) / 1e9, e.logProbs());
    }

    @Override
    public Score combine(Architecture arch, long index, List<Slice> slices) {
        int images = 0;
        long[] wrong = new long[settings.noiseDraws()];
        double lossSum = 0;
        double seconds = 0;
        for (Slice sl : slices) {
            if (sl.from() != images) {
                throw new IllegalArgumentException("slices must cover the images in order from 0; got one from "
                        + sl.from() + " after " + images);
            }
            images = sl.to();
            for (int k = 0; k < wrong.length; k++) {
                wrong[k] += sl.wrongPerDraw()[k];
            }
            lossSum += sl.lossSum();
            seconds += sl.seconds();
        }
        Evaluated whole = new Evaluated(wrong, lossSum, images, null);
        Score score = Score.ofDraws(whole.errors(), whole.loss(), seconds);
        if (images < validation.size()) {
            return score.withPartialImages(images);
        }
        float[] logProbs = new float[validation.size() * validation.classCount()];
        int at = 0;
        for (Slice sl : slices) {
            System.arraycopy(sl.logProbs(), 0, logProbs, at, sl.logProbs().length);
            at += sl.logProbs().length;
        }
        addToEnsemble(logProbs, index);
        return score.withEnsembleError(ensembleError());
    }

    /**
     * The score of {@code arch} when the HyperNet reads encoding {@code c} (which may be corrupted, for the trick
     * experiment) instead of the true one. The noise draws depend on {@code index} only, so the same index gives
     * the true and a corrupted encoding the same z. It does not enter the running ensemble.
     */
    public Score scoreWith(Architecture arch, Encoding c, long index) {
        long t0 = System.nanoTime();
        Evaluated e = evaluate(arch, c, index, validation);
        return Score.ofDraws(e.errors(), e.loss(), (System.nanoTime() - t0) / 1e9);
    }

    @Override
    public void restore(Architecture arch, long index, Score recorded) {
        if (index <= ensemble.lastIndex() || recorded.partial()) {
            return; // already in the persisted ensemble, or a partial score, which never joins it
        }
        // The process died after the result line was written but before the ensemble was saved: recompute.
        addToEnsemble(evaluate(arch, index, validation).logProbs(), index);
    }

    /** Wrong answers per noise draw, the loss summed over images and draws, log-probabilities averaged over draws. */
    private record Evaluated(long[] wrong, double lossSum, int images, float[] logProbs) {
        List<Double> errors() {
            List<Double> out = new ArrayList<>();
            for (long w : wrong) {
                out.add((double) w / images);
            }
            return out;
        }

        double loss() {
            return lossSum / ((double) images * wrong.length);
        }
    }

    private Evaluated evaluate(Architecture arch, long index, ImageDataset data) {
        return evaluate(arch, net.encode(arch), index, data);
    }

    private Evaluated evaluate(Architecture arch, Encoding c, long index, ImageDataset data) {
        int classes = data.classCount();
        float[] logProbs = new float[data.size() * classes];
        long[] wrongPerDraw = new long[settings.noiseDraws()];
        double lossSum = 0;
        // Recalibration overwrites the running statistics and per-batch statistics update them: both restore them.
        Map<String, NDArray> savedStats = settings.recalibrationBatches() > 0 || batchStatistics ? saveBnStatistics()
                : null;
        try (NDManager manager = NDManager.newBaseManager(placement.device())) {
            for (int k = 0; k < settings.noiseDraws(); k++) {
                try (NDScope scope = new NDScope()) {
                    String noise = "score-noise/" + k;
                    NDArray wg = net.weightsFor(arch, c, RandomStreams.of(seed, noise, index));
                    // libtorch now and then returns non-finite values that recomputing does not repeat (see
                    // TrainingLoop); a NaN weight would put the architecture at chance, so such work is redone.
                    for (int attempt = 0; attempt < RETRIES && !finite(wg); attempt++) {
                        weightRetries++;
                        wg = net.weightsFor(arch, c, RandomStreams.of(seed, noise, index)); // the same z again
                    }
                    if (settings.recalibrationBatches() > 0) {
                        recalibrateOrReuse(arch, c, wg, manager, index, k);
                    }
                    long wrong = 0;
                    int at = 0;
                    try (BatchStream stream = EvaluationBatches.of(data, normalization, settings.batchSize())) {
                        while (stream.hasNext()) {
                            Batch b = stream.next();
                            try (NDScope inner = new NDScope()) {
                                NDArray x = images(manager, b);
                                float[] v = logProbabilities(x, arch, wg);
                                for (int attempt = 0; attempt < RETRIES && !finite(v); attempt++) {
                                    batchRetries++;
                                    v = logProbabilities(x, arch, wg);
                                }
                                int[] labels = b.labels();
                                for (int i = 0; i < b.size(); i++) {
                                    int best = 0;
                                    for (int j = 1; j < classes; j++) {
                                        if (v[i * classes + j] > v[i * classes + best]) {
                                            best = j;
                                        }
                                    }
                                    wrong += best != labels[i] ? 1 : 0;
                                    lossSum -= v[i * classes + labels[i]];
                                    for (int j = 0; j < classes; j++) {
                                        logProbs[at + i * classes + j] += v[i * classes + j] / settings.noiseDraws();
                                    }
                                }
                                at += b.size() * classes;
                            }
                        }
                    }
                    wrongPerDraw[k] = wrong;
                }
            }
        } finally {
            if (savedStats != null) {
                restoreBnStatistics(savedStats);
            }
        }
        return new Evaluated(wrongPerDraw, lossSum, data.size(), logProbs);
    }

    private float[] logProbabilities(NDArray x, Architecture arch, NDArray wg) {
        return net.forward(x, arch, wg, batchStatistics).logSoftmax(1).toType(DataType.FLOAT32, false)
                .toFloatArray();
    }

    private static boolean finite(NDArray a) {
        return a.isNaN().logicalOr(a.isInfinite()).none().getBoolean();
    }

    private static boolean finite(float[] v) {
        for (float f : v) {
            if (!Float.isFinite(f)) {
                return false;
            }
        }
        return true;
    }

    /** Weight generations redone because they came out non-finite, since this scorer was made. */
    public long weightRetries() {
        return weightRetries;
    }

    /** Validation batches recomputed because their outputs came out non-finite. */
    public long batchRetries() {
        return batchRetries;
    }

    private final RecalibrationCache recalibrated = new RecalibrationCache(256);
    private long recalibrations;

    /** BN recalibrations run (not served from the cache) since this scorer was made. */
    public long recalibrations() {
        return recalibrations;
    }

    private void recalibrateOrReuse(Architecture arch, Encoding c, NDArray wg, NDManager manager, long index,
            int draw) {
        float[] values = c.values();
        Map<String, NDArray> kept = recalibrated.find(arch, values, index, draw);
        if (kept != null) {
            kept.forEach((name, v) -> net.parameters().assign(name, v));
            return;
        }
        recalibrate(arch, wg, manager, index);
        recalibrated.keep(arch, values, index, draw, saveBnStatistics());
    }

    /** Re-estimates BN statistics for this architecture as the plain average over a few training batches. */
    private void recalibrate(Architecture arch, NDArray wg, NDManager manager, long index) {
        recalibrations++;
        resetBnStatistics();
        ImageDataset subset = recalibration.randomSubset(Math.min(recalibration.size(),
                settings.recalibrationBatches() * settings.batchSize()), seed + index);
        try (BatchStream stream = EvaluationBatches.of(subset, normalization, settings.batchSize())) {
            int i = 0;
            while (stream.hasNext()) {
                Batch b = stream.next();
                net.setBnMomentum((float) i / (i + 1));
                try (NDScope inner = new NDScope()) {
                    net.forward(images(manager, b), arch, wg, true);
                }
                i++;
            }
        } finally {
            net.setBnMomentum(org.smash4j.nn.Layers.BN_MOMENTUM);
        }
    }

    private Map<String, NDArray> saveBnStatistics() {
        Map<String, NDArray> saved = new LinkedHashMap<>();
        for (Map.Entry<String, NDArray> e : net.parameters().buffers().entrySet()) {
            NDArray copy = e.getValue().duplicate();
            NDScope.unregister(copy);
            saved.put(e.getKey(), copy);
        }
        return saved;
    }

    private void resetBnStatistics() {
        for (Map.Entry<String, NDArray> e : net.parameters().buffers().entrySet()) {
            NDArray a = e.getValue();
            a.set(new ai.djl.ndarray.index.NDIndex("..."), e.getKey().endsWith("runVar") ? 1f : 0f);
        }
    }

    private void restoreBnStatistics(Map<String, NDArray> saved) {
        for (Map.Entry<String, NDArray> e : saved.entrySet()) {
            net.parameters().assign(e.getKey(), e.getValue());
            e.getValue().close();
        }
    }

    private NDArray images(NDManager manager, Batch b) {
        NDArray f = manager.create(b.pixelBuffer(), new Shape(b.shape()));
        return f.toType(placement.dataType(), false);
    }

    private void addToEnsemble(float[] logProbs, long index) {
        ensemble.add(logProbs, index);
    }

    /** Error of the ensemble of every architecture scored so far (NaN before the first). */
    public double ensembleError() {
        return ensemble.error();
    }
}
