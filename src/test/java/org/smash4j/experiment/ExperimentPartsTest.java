package org.smash4j.experiment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The plain-Java parts of the experiments, against hand-worked values. */
class ExperimentPartsTest {
    @TempDir
    Path tmp;

    private static ScoreRecord s(double error, double loss) {
        return new ScoreRecord(error, 0, loss, List.of(error), 0);
    }

    @Test
    void scorerVariantsParseAndBadNamesAreExplained() {
        assertEquals(1, ScorerVariant.parse("original").settings().noiseDraws());
        assertEquals(0, ScorerVariant.parse("original").settings().recalibrationBatches());
        assertEquals(3, ScorerVariant.parse("draws:3").settings().noiseDraws());
        assertEquals(5, ScorerVariant.parse("recal:5").settings().recalibrationBatches());
        ScorerVariant both = ScorerVariant.parse("Draws:2+recal:4");
        assertEquals("draws:2+recal:4", both.name());
        assertEquals(2, both.settings().noiseDraws());
        assertEquals(4, both.settings().recalibrationBatches());
        for (String bad : List.of("draws", "draws:0", "recal:x", "best", "draws:2+foo:1")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScorerVariant.parse(bad));
            assertTrue(e.getMessage().contains("original, draws:K, recal:B"), e.getMessage());
        }
    }

    @Test
    void selectionTakesEveryKthInScoreOrderFromTheBestWithTiesBrokenByLoss() {
        // errors: #0 .5, #1 .2, #2 .9, #3 .2 (lower loss than #1), #4 .7, #5 .1, #6 .3
        List<ScoreRecord> scores = List.of(s(.5, 1), s(.2, 2), s(.9, 1), s(.2, 1), s(.7, 1), s(.1, 1), s(.3, 1));
        // order: 5, 3, 1, 6, 0, 4, 2
        assertEquals(List.of(5, 6, 2), CorrelationExperiment.select(scores, 3));
        assertEquals(List.of(5, 1, 0, 2), CorrelationExperiment.select(scores, 2));
        assertEquals(List.of(5, 3, 1, 6, 0, 4, 2), CorrelationExperiment.select(scores, 1));
    }

    @Test
    void selectionSentenceUsesOrdinals() {
        assertEquals("architecture", CorrelationExperiment.ordinal(1));
        assertEquals("2nd", CorrelationExperiment.ordinal(2));
        assertEquals("3rd", CorrelationExperiment.ordinal(3));
        assertEquals("5th", CorrelationExperiment.ordinal(5));
        assertEquals("11th", CorrelationExperiment.ordinal(11));
        assertEquals("21st", CorrelationExperiment.ordinal(21));
    }

    @Test
    void trickSummaryCountsWinsTiesAndGapsByHand() {
        List<ScoreRecord> truth = List.of(s(.2, 1.0), s(.3, 1.0), s(.4, 1.0));
        List<List<ScoreRecord>> corrupted = new ArrayList<>();
        corrupted.add(List.of(s(.25, 1.1), s(.30, 1.2)));  // true best by error and loss; gaps .05 .10 / .1 .2
        corrupted.add(Arrays.asList(s(.30, 0.9), null));     // tie by error, worse loss; one unchanged; gap 0 / -.1
        corrupted.add(Arrays.asList(null, null));            // nothing changed: not counted
        TrickExperiment.KindResult k = TrickExperiment.summarise("width", truth, corrupted);
        assertEquals(2, k.architectures());
        assertEquals(1, k.trueBestByError());
        assertEquals(1, k.tiedByError());
        assertEquals(1, k.trueBestByLoss());
        assertEquals(3, k.unchanged());
        assertEquals((.05 + .10 + 0) / 3, k.meanErrorGap(), 1e-12);
        assertEquals((.1 + .2 - .1) / 3, k.meanLossGap(), 1e-12);
    }

    @Test
    void archGradientSummaryAveragesCurvesAndCountsWins() {
        ArchGradientExperiment.Config c = new ArchGradientExperiment.Config("x", 2, 2, 4, 0.05, 1, 0, "cpu");
        List<ArchGradientExperiment.Chain> chains = List.of(
                new ArchGradientExperiment.Chain(0, "random", List.of(.5, .4, .4), 1),
                new ArchGradientExperiment.Chain(0, "guided", List.of(.5, .5, .3), 1),
                new ArchGradientExperiment.Chain(1, "random", List.of(.6, .6, .6), 0),
                new ArchGradientExperiment.Chain(1, "guided", List.of(.6, .6, .6), 0));
        ArchGradientExperiment.Results r = ArchGradientExperiment.summarise(c, chains, List.of(-1.0, -2.0, 0.5),
                List.of(-0.1, -0.3, 0.2));
        assertEquals(List.of(.55, .5, .5), r.meanBestSoFar().get("random"));
        assertEquals(.45, r.meanFinalBest().get("guided"), 1e-12);
        assertEquals(1, r.guidedWins());
        assertEquals(0, r.randomWins());
        assertEquals(1, r.ties());
        assertEquals(1.0, r.predictionCorrelation(), 1e-12, "predicted and actual changes in the same order");
    }

    @Test
    void experimentsOfAPipelineRunGoIntoItsExperimentsFolderOthersNextToTheOneShotRun() throws Exception {
        Path pipeline = tmp.resolve("run");
        Files.createDirectories(pipeline.resolve("smash"));
        Files.writeString(pipeline.resolve("run.json"), "{\"command\":\"run\",\"seed\":0,\"config\":{}}");
        assertEquals(pipeline.toAbsolutePath().resolve("experiments/trick"),
                ExperimentFolder.defaultOut(pipeline.resolve("smash"), "trick"));
        Path alone = tmp.resolve("oneshot");
        Files.createDirectories(alone);
        assertEquals(tmp.resolve("oneshot-trick"), ExperimentFolder.defaultOut(alone, "trick"));
    }

    @Test
    void correlationAnalysisIsUndefinedForAConstantSampleAndKnownForAPerfectOne() {
        CorrelationAnalysis flat = CorrelationAnalysis.of(new double[]{.9, .9, .9, .9}, new double[]{.1, .2, .3, .4},
                0, 200);
        assertTrue(flat.coefficients().isEmpty());
        assertTrue(flat.undefined() != null);
        CorrelationAnalysis perfect = CorrelationAnalysis.of(new double[]{.1, .2, .3, .4, .5},
                new double[]{.2, .4, .6, .8, 1.0}, 0, 200);
        for (CorrelationAnalysis.Coefficient k : perfect.coefficients().values()) {
            assertEquals(1.0, k.estimate(), 1e-12);
        }
        assertEquals(2.0, perfect.fit().slope(), 1e-12);
    }
}
