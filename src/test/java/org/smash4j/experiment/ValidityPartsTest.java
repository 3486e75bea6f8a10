package org.smash4j.experiment;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;
import org.smash4j.encoding.Encoder;
import org.smash4j.encoding.Encoding;
import org.smash4j.experiment.stats.Correlation;
import org.smash4j.nn.HyperNetShape;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Placement;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.CostModel;
import org.smash4j.space.NormStyle;
import org.smash4j.space.Presets;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.train.HyperNetEvaluator;
import org.smash4j.train.WeightSharingEvaluator;
import org.smash4j.util.RandomStreams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parts of the validity experiment: constant-c baseline, noise ceiling, predictors, random matching, sizes. */
class ValidityPartsTest {

    @Test
    void constantEncodingScorerReallyIgnoresTheArchitecture() {
        ScorerVariant v = ScorerVariant.parse("constc+recal:5");
        assertTrue(v.constantEncoding());
        assertEquals(5, v.settings().recalibrationBatches());
        assertFalse(ScorerVariant.parse("recal:5").constantEncoding());
        SearchSpaceConfig space = Presets.tiny();
        // Two different architectures with as many slices: with their true c the HyperNet generates different
        // weights, with the unmarked c exactly the same ones.
        Sampler sampler = new Sampler(space);
        AnnealingState end = AnnealingState.finalState(space);
        Architecture a = sampler.sample(end, RandomStreams.of(1, "t", 0));
        Architecture b = null;
        for (int i = 1; i < 500 && b == null; i++) {
            Architecture x = sampler.sample(end, RandomStreams.of(1, "t", i));
            if (x.usedSlices(space) == a.usedSlices(space) && !x.equals(a)) {
                b = x;
            }
        }
        assertNotNull(b, "no second architecture with as many slices");
        try (OneShotNetwork net = new OneShotNetwork(space, new HyperNetShape(2, 2, List.of(1, 1, 1)),
                Placement.of("cpu"), 0)) {
            Encoding ca = net.encode(a);
            float[] z = new float[ca.height() * ca.width()];
            Arrays.fill(z, 0.5f);
            float[] trueA = weights(net, ca, z);
            float[] trueB = weights(net, net.encode(b), z);
            assertFalse(Arrays.equals(trueA, trueB), "true encodings must give different weights");
            assertArrayEquals(weights(net, Encoder.unmarked(a, space), z), weights(net, Encoder.unmarked(b, space), z));
        }
    }

    private static float[] weights(OneShotNetwork net, Encoding c, float[] z) {
        NDArray w = net.generateWeights(c, z);
        float[] out = w.toFloatArray();
        w.close();
        return out;
    }

    @Test
    void noiseCeilingByHand() {
        // Differences 0.01, -0.01, 0.02, 0: sum of squares 6e-4; seed sd = sqrt(6e-4 / 4 / 2) = 0.00866.
        List<GroundTruth.Pair> pairs = List.of(new GroundTruth.Pair(0, 0.10, 0.09), new GroundTruth.Pair(1, 0.12, 0.13),
                new GroundTruth.Pair(2, 0.15, 0.13), new GroundTruth.Pair(3, 0.20, 0.20));
        // All errors 0.10, 0.12, 0.15, 0.20: mean 0.1425, sample variance (0.0425^2 + 0.0225^2 + 0.0075^2
        // + 0.0575^2) / 3 = 0.005675 / 3 = 0.0018917, sd 0.043493.
        GroundTruth.NoiseCeiling n = GroundTruth.NoiseCeiling.of(pairs, new double[] {0.10, 0.12, 0.15, 0.20}, 0,
                1000);
        assertEquals(Math.sqrt(6e-4 / 8), n.seedSd(), 1e-12);
        assertEquals(Math.sqrt(0.005675 / 3), n.acrossSd(), 1e-12);
        assertEquals(1 - (6e-4 / 8) / (0.005675 / 3), n.reliability(), 1e-12);
        // Ranks of both runs: (1, 2, 3, 4) and (1, 2.5, 2.5, 4) -> rho from the tied ranks.
        assertEquals(Correlation.spearman(new double[] {0.10, 0.12, 0.15, 0.20}, new double[] {0.09, 0.13, 0.13, 0.20}),
                n.spearman().estimate(), 1e-12);
    }

    @Test
    void predictorsIncludeBaselinesAndThePairedDifferenceOfIdenticalPredictorsIsZero() {
        List<CorrelationExperiment.Row> rows = new ArrayList<>();
        double[] truth = {0.30, 0.25, 0.20, 0.15, 0.10, 0.12};
        for (int i = 0; i < truth.length; i++) {
            // Both scores equal the truth; params grow with i (bigger = better, except the last pair).
            java.util.Map<String, ScoreRecord> s = new java.util.LinkedHashMap<>();
            s.put("a", new ScoreRecord(truth[i], 0, 1, List.of(truth[i]), 0));
            s.put("b", new ScoreRecord(truth[i], 0, 1, List.of(truth[i]), 0));
            rows.add(new CorrelationExperiment.Row(i, 1000 + i, 5000 - i, s,
                    new TrueError(truth[i], 0, 0, 0)));
        }
        rows.add(new CorrelationExperiment.Row(99, 1, 1, rows.get(0).scores(), null));
        Predictors p = Predictors.of(rows, List.of("a", "b"), 0, 500);
        assertEquals(List.of("a", "b", Predictors.PARAMS, Predictors.MACS), new ArrayList<>(p.correlations().keySet()));
        assertEquals(6, p.correlations().get("a").n(), "only trained candidates count");
        assertEquals(1.0, p.correlations().get("a").coefficients().get("Spearman rho").estimate(), 1e-12);
        // -params = -(1000+i): ranks 6,5,4,3,2,1; truth ranks 6,5,4,3,1,2; d = 0,0,0,0,1,-1, so
        // rho = 1 - 6*sum(d^2)/(n(n^2-1)) = 1 - 6*2/(6*35) = 0.943.
        assertEquals(1 - 6.0 * 2 / (6 * 35), p.correlations().get(Predictors.PARAMS).coefficients().get("Spearman rho")
                .estimate(), 1e-12);
        CorrelationAnalysis.Coefficient same = p.versusFirst().get("b");
        assertEquals(0, same.estimate(), 0);
        assertEquals(0, same.lower(), 0);
        assertEquals(0, same.upper(), 0);
    }

    @Test
    void randomBaselinesMatchTheTopArchitecturesInSizeAndAreDistinct() {
        SearchSpaceConfig space = Presets.quick();
        Sampler sampler = new Sampler(space);
        List<Architecture> targets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            targets.add(sampler.sample(AnnealingState.finalState(space), RandomStreams.of(5, "targets", i)));
        }
        List<Architecture> matched = SearchVsRandom.matched(space, 0, targets);
        assertEquals(3, matched.size());
        assertEquals(3, matched.stream().distinct().count());
        for (int i = 0; i < 3; i++) {
            double p = CostModel.params(targets.get(i), space, NormStyle.SANDWICH);
            double q = CostModel.params(matched.get(i), space, NormStyle.SANDWICH);
            assertTrue(Math.abs(q - p) <= SearchVsRandom.TOLERANCE * p, "target " + p + " matched by " + q);
        }
        assertEquals(matched, SearchVsRandom.matched(space, 0, targets), "same seed, same baselines");
    }

    @Test
    void aWeightSharingRunIsScoredWithPerBatchStatisticsFirstAndWithoutTheConstantEncodingBaseline() {
        List<String> ws = ValidityScale.scorers(WeightSharingEvaluator.NAME);
        assertEquals("original", ws.get(0), "Bender et al.'s per-batch BN statistics order the picks");
        assertTrue(ws.stream().map(ScorerVariant::parse).noneMatch(ScorerVariant::constantEncoding), ws.toString());
        List<String> hn = ValidityScale.scorers(HyperNetEvaluator.NAME);
        assertTrue(hn.stream().map(ScorerVariant::parse).anyMatch(ScorerVariant::constantEncoding), hn.toString());
        assertEquals(hn, CorrelationExperiment.Config.forScale("validity", "run", 0, "cpu").scorers());
    }

    @Test
    void validityScaleMeetsTheIssueMinimumsAndItsDocumentation() throws Exception {
        CorrelationExperiment.Config c = CorrelationExperiment.Config.forScale("validity", "run", 0, "cpu");
        assertTrue(ValidityScale.ONE_SHOT_STEPS >= 4000, "one-shot >= 4,000 steps");
        assertTrue(ValidityScale.ONE_SHOT_TRAIN >= 27_000, "on >= 27,000 images");
        assertEquals(ValidityScale.ONE_SHOT_TRAIN, Math.round(ValidityScale.ONE_SHOT_TRAIN_IMAGES * 0.9));
        assertTrue(c.architectures() >= 40, ">= 40 architectures scored");
        assertTrue(c.trainedCount() >= 16, ">= 16 trained");
        assertTrue(c.epochs() >= 3, ">= 3 epochs");
        assertEquals(ValidityScale.CANDIDATE_TRAIN, Math.round(c.trainLimit() * 0.9));
        assertTrue(ValidityScale.CANDIDATE_TRAIN >= 9000, "on >= 9,000 images");
        assertEquals(0, c.testLimit(), "full test set");
        assertEquals("sample", c.selection());
        // The README states the same sizes.
        String readme = Files.readString(Path.of("README.md"));
        for (String fact : List.of(String.format("%,d one-shot steps", ValidityScale.ONE_SHOT_STEPS),
                String.format("%,d training images", ValidityScale.ONE_SHOT_TRAIN),
                c.architectures() + " architectures scored", c.trainedCount() + " trained",
                String.format("%d epochs on %,d images", c.epochs(), ValidityScale.CANDIDATE_TRAIN),
                ValidityScale.REPEATS + " trained twice")) {
            assertTrue(readme.contains(fact), "README must say '" + fact + "'");
        }
    }
}
