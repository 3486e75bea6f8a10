package org.smash4j.search;

import org.smash4j.run.RunFiles;
import org.smash4j.run.ResultsFile;
import org.smash4j.run.Ranking;
import org.smash4j.run.ScoredArchitecture;
import org.smash4j.run.Score;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Sampler;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.search.SearchFixtures.QUICK;

/** Successive halving against hand-computed rounds and a synthetic per-image scorer whose full scores are known. */
class SuccessiveHalvingTest {
    @TempDir
    Path tmp;

    @Test
    void roundsGrowByEtaUpToTheWholeSet() {
        assertArrayEquals(new int[] {112, 334, 1000}, SuccessiveHalving.rounds(1000, new SuccessiveHalving.Settings(3,
                100)));
        assertArrayEquals(new int[] {1, 2, 4, 8}, SuccessiveHalving.rounds(8, new SuccessiveHalving.Settings(2, 1)));
        assertArrayEquals(new int[] {50}, SuccessiveHalving.rounds(50, new SuccessiveHalving.Settings(3, 100)));
        assertArrayEquals(new int[] {100, 300, 900}, SuccessiveHalving.rounds(900, new SuccessiveHalving.Settings(3,
                100)));
        assertThrows(IllegalArgumentException.class, () -> new SuccessiveHalving.Settings(1, 10));
    }

    private static List<SuccessiveHalving.Candidate> candidates(int n) {
        Sampler sampler = new Sampler(QUICK);
        List<SuccessiveHalving.Candidate> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new SuccessiveHalving.Candidate(i, sampler.sample(AnnealingState.finalState(QUICK),
                    new java.util.SplittableRandom(i))));
        }
        return out;
    }

    @Test
    void survivorsGetTheirFullScoreAndTheOthersTheRoundThatDroppedThem() {
        List<SuccessiveHalving.Candidate> cs = candidates(27);
        ImageCoinScorer halving = new ImageCoinScorer(900);
        List<Score> scores = SuccessiveHalving.run(cs, halving, new SuccessiveHalving.Settings(3, 100), null);
        ImageCoinScorer full = new ImageCoinScorer(900);
        int[] byImages = new int[901];
        for (int i = 0; i < cs.size(); i++) {
            Score s = scores.get(i);
            SuccessiveHalving.Candidate c = cs.get(i);
            int n = s.partial() ? s.partialImages() : 900;
            byImages[n]++;
            // The score on the first n images, computed independently in one slice.
            long wrong = full.scoreSlice(c.architecture(), c.index(), 0, n).wrongPerDraw()[0];
            assertEquals((double) wrong / n, s.error(), 0, "candidate " + i);
        }
        assertEquals(18, byImages[100], "27 -> 9 survive round 1");
        assertEquals(6, byImages[300], "9 -> 3 survive round 2");
        assertEquals(3, byImages[900], "3 scored on the whole set");
        assertEquals(27 * 100 + 9 * 200 + 3 * 600, halving.imagesScored, "each image of a survivor scored once");
        // Every survivor beat every candidate it dropped on the images that round had.
        for (int i = 0; i < cs.size(); i++) {
            for (int j = 0; j < cs.size(); j++) {
                Score a = scores.get(i);
                Score b = scores.get(j);
                if (!a.partial() && b.partial() && b.partialImages() == 100) {
                    long wa = full.scoreSlice(cs.get(i).architecture(), cs.get(i).index(), 0, 100).wrongPerDraw()[0];
                    assertTrue(wa / 100.0 <= b.error(), i + " survived but scored worse than " + j + " on round 1");
                }
            }
        }
    }

    @Test
    void aSearchWithHalvingRecordsPartialScoresAndPerturbsAWholeSetWinnerAndResumesExactly() throws Exception {
        SearchPlan plan = SearchPlan.builder(QUICK).random(27, new SuccessiveHalving.Settings(3, 30))
                .perturbBest(6, 0.05).build();
        Path whole = tmp.resolve("whole");
        SearchRunner.Summary s = new SearchRunner(plan, new ImageCoinScorer(270), 5).run(whole);
        List<ScoredArchitecture> h = s.results();
        assertEquals(33, h.size());
        long partial = h.subList(0, 27).stream().filter(r -> r.score().partial()).count();
        assertTrue(partial >= 20, "most random samples are dropped early: " + partial);
        assertFalse(s.best().score().partial(), "the best is a whole-set score");
        for (ScoredArchitecture r : h.subList(27, 33)) {
            assertFalse(h.get(r.parent().intValue()).score().partial(), "perturb-best starts from a whole-set score");
        }
        // Killed after 10 random results were written: the resume scores the phase again and continues exactly.
        Path killed = tmp.resolve("killed");
        new SearchRunner(plan, new ImageCoinScorer(270), 5).stopAfter(10).run(killed);
        new SearchRunner(plan, new ImageCoinScorer(270), 5).run(killed);
        assertEquals(Files.readString(whole.resolve(RunFiles.RESULTS)),
                Files.readString(killed.resolve(RunFiles.RESULTS)));
        List<ScoredArchitecture> read = ResultsFile.read(whole.resolve(RunFiles.RESULTS), QUICK).results();
        assertEquals(h.get(0).score(), read.get(0).score(), "partialImages survives the round trip");
        assertEquals(Ranking.toJson(QUICK, h), Files.readString(whole.resolve(RunFiles.RANKING)));
        assertFalse(h.get((int) Ranking.rank(h).get(0).index()).score().partial(),
                "the ranking starts with whole-set scores");
    }

    @Test
    void aPhaseWithDuplicatesIsHalvedOnceAndDuplicatesReuseTheFirstScore() throws Exception {
        // A space with few architectures: fixed 3x3 kernels, one group, dilation 1.
        org.smash4j.space.SearchSpaceConfig tiny = org.smash4j.space.Presets.tiny().toBuilder().optMaxKernel(3)
                .optVarKs(false).optVarGroup(false).optMaxDilate(1).optDepth(1).build();
        SearchPlan plan = SearchPlan.builder(tiny).random(80, new SuccessiveHalving.Settings(2, 4)).build();
        ImageCoinScorer scorer = new ImageCoinScorer(32);
        SearchRunner.Summary s = new SearchRunner(plan, scorer, 3).run(tmp.resolve("dups"));
        long distinct = s.results().stream().map(ScoredArchitecture::architecture).distinct().count();
        org.junit.jupiter.api.Assumptions.assumeTrue(distinct < 80, "the tiny space gave no duplicate in 80 samples");
        assertEquals(distinct, scorer.firstSlices, "every distinct architecture's first slice is scored once");
        for (ScoredArchitecture r : s.results()) {
            ScoredArchitecture first = s.results().stream().filter(x -> x.architecture().equals(r.architecture()))
                    .findFirst().orElseThrow();
            assertEquals(first.error(), r.error(), 0, "result " + r.index() + " reuses #" + first.index());
        }
    }

    @Test
    void onlyHistoryIndependentPhasesCanBeHalved() {
        SearchPlan plan = SearchPlan.builder(QUICK).random(3).perturbBest(3, 0.05).hillClimb(3, 0.05).evolution(30)
                .build();
        assertNull(plan.stages().get(0).halving());
        assertTrue(plan.stages().get(0).strategy().independentOfHistory());
        for (SearchPlan.Stage s : plan.stages().subList(1, 4)) {
            assertFalse(s.strategy().independentOfHistory(), s.strategy().name());
        }
        SearchPlan halved = SearchPlan.builder(QUICK).random(3, new SuccessiveHalving.Settings(2, 5)).build();
        assertEquals(new SuccessiveHalving.Settings(2, 5), halved.stages().get(0).halving());
        assertEquals(java.util.Map.of("halvingEta", 2, "halvingMinImages", 5), halved.stages().get(0).settings());
    }
}
