package org.smash4j.search;

import org.smash4j.run.ScoredArchitecture;
import org.smash4j.run.Phase;

import org.junit.jupiter.api.Test;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureValidator;
import org.smash4j.space.Sampler;
import org.smash4j.util.RandomStreams;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.search.SearchFixtures.QUICK;
import static org.smash4j.search.SearchFixtures.sampledHistory;

/**
 * Each strategy against histories whose right answer is worked out by hand: which result is the base or
 * parent, when the base moves, who is in the population, and how often a tournament picks each rank.
 */
class StrategyTest {

    @Test
    void randomSamplingDrawsFromTheFinalLawWithTheIndexStream() {
        RandomSampling s = new RandomSampling(QUICK);
        Sampler sampler = new Sampler(QUICK);
        for (long i = 0; i < 20; i++) {
            Proposal p = s.propose(i, List.of(), RandomStreams.of(7, "random", i));
            assertEquals(sampler.sample(AnnealingState.finalState(QUICK), RandomStreams.of(7, "random", i)),
                    p.architecture());
            assertEquals(Phase.RANDOM, p.phase());
            assertNull(p.parent());
        }
        // The final state allows 7x7 kernels (the initial one only 3x3): some sample must use one.
        boolean sevenSeen = false;
        for (long i = 0; i < 50 && !sevenSeen; i++) {
            Architecture a = s.propose(i, List.of(), RandomStreams.of(1, "random", i)).architecture();
            sevenSeen = a.blocks().stream().flatMap(b -> b.ops().stream()).flatMap(o -> o.convs().stream())
                    .anyMatch(c -> c.kernelH() == 7 || c.kernelW() == 7);
        }
        assertTrue(sevenSeen, "no 7x7-capable kernel in 50 samples: not the final annealing state");
    }

    @Test
    void perturbBestKeepsTheBestResultBeforeThePhaseAsItsBase() {
        // Phase starts at 4. Before it: 0.5, 0.3, 0.3, 0.4 -> best is index 1 (earliest of the tie with 2).
        // Inside the phase, 4 and 5 are better (0.1, 0.05) but must not become the base.
        List<ScoredArchitecture> history = sampledHistory(0.5, 0.3, 0.3, 0.4, 0.1, 0.05);
        PerturbBest s = new PerturbBest(QUICK, 4, 0.05);
        for (long index = 4; index <= 6; index++) {
            Proposal p = s.propose(index, history.subList(0, (int) index), RandomStreams.of(3, "perturb", index));
            assertEquals(Long.valueOf(1), p.parent(), "index " + index);
            assertEquals(Phase.PERTURB, p.phase());
            assertChildOf(history.get(1).architecture(), p.architecture());
        }
    }

    @Test
    void hillClimbingMovesTheBaseOnlyOnStrictImprovement() {
        // Phase starts at 3; before it 0.5, 0.3, 0.4 -> base 1 (0.3).
        // Climb results: 3 -> 0.3 (equal: not accepted), 4 -> 0.35 (worse), 5 -> 0.2 (accepted), 6 -> 0.2 (equal).
        List<ScoredArchitecture> history = sampledHistory(0.5, 0.3, 0.4, 0.3, 0.35, 0.2, 0.2);
        HillClimbing s = new HillClimbing(QUICK, 3, 0.05);
        long[] expectedParent = {1, 1, 1, 5, 5}; // for proposals at indices 3..7
        for (long index = 3; index <= 7; index++) {
            Proposal p = s.propose(index, history.subList(0, (int) index), RandomStreams.of(3, "hill-climb", index));
            assertEquals(Long.valueOf(expectedParent[(int) index - 3]), p.parent(), "index " + index);
            assertEquals(Phase.HILL_CLIMB, p.phase());
            assertChildOf(history.get((int) (long) p.parent()).architecture(), p.architecture());
        }
    }

    @Test
    void evolutionStartsRandomThenPicksTheBestOfTheLivingPopulation() {
        // Phase starts at 2 with P = 4 and S = 4 (the tournament is the whole population).
        // Index 0 (0.01) is the best ever but not in the phase; 2..5 are the random initial population.
        List<ScoredArchitecture> history = sampledHistory(0.01, 0.9, 0.2, 0.1, 0.3, 0.4, 0.25, 0.35, 0.5);
        RegularizedEvolution s = new RegularizedEvolution(QUICK, 2, 4, 4, 0.05);
        for (long index = 2; index < 6; index++) {
            Proposal p = s.propose(index, history.subList(0, (int) index), RandomStreams.of(5, "evolution", index));
            assertEquals(Phase.RANDOM, p.phase(), "index " + index + " is in the initial population");
            assertNull(p.parent());
        }
        // index 6: population {2,3,4,5} -> 3 (0.1); 7: {3,4,5,6} -> 3;
        // 8: {4,5,6,7} -> 6 (0.25): 3 has died of age although it is the best of the phase; 9: {5,6,7,8} -> 6.
        long[] expectedParent = {3, 3, 6, 6};
        for (long index = 6; index <= 9; index++) {
            Proposal p = s.propose(index, history.subList(0, (int) index), RandomStreams.of(5, "evolution", index));
            assertEquals(Phase.EVOLUTION, p.phase());
            assertEquals(Long.valueOf(expectedParent[(int) index - 6]), p.parent(), "index " + index);
            assertChildOf(history.get((int) (long) p.parent()).architecture(), p.architecture());
        }
    }

    @Test
    void tournamentWinnerFrequenciesFollowFromDrawingDistinctMembers() {
        // P = 4, S = 2, population scores 0.1 < 0.2 < 0.3 < 0.4 (indices 4..7 in shuffled order).
        // Two distinct members of four: 6 pairs; the best wins the 3 pairs it is in (1/2), the second the
        // 2 pairs without the best (1/3), the third 1 pair (1/6), the worst never.
        List<ScoredArchitecture> history = sampledHistory(0.9, 0.9, 0.9, 0.9, 0.3, 0.1, 0.4, 0.2);
        RegularizedEvolution s = new RegularizedEvolution(QUICK, 0, 4, 2, 0.05);
        int[] wins = new int[8];
        int trials = 6000;
        for (int t = 0; t < trials; t++) {
            Proposal p = s.propose(8, history, RandomStreams.of(t, "evolution", 8));
            wins[(int) (long) p.parent()]++;
        }
        assertEquals(0, wins[6], "the worst member can never win a tournament of two distinct members");
        assertEquals(0.5, wins[5] / (double) trials, 0.025);
        assertEquals(1.0 / 3, wins[7] / (double) trials, 0.025);
        assertEquals(1.0 / 6, wins[4] / (double) trials, 0.02);
        assertEquals(trials, wins[4] + wins[5] + wins[6] + wins[7], "only living members can be parents");
    }

    @Test
    void proposalsArePureFunctionsOfIndexHistoryAndStream() {
        List<ScoredArchitecture> history = sampledHistory(0.5, 0.3, 0.4, 0.2, 0.6, 0.7);
        List<SearchStrategy> strategies = List.of(new RandomSampling(QUICK), new PerturbBest(QUICK, 2, 0.05),
                new HillClimbing(QUICK, 2, 0.05), new RegularizedEvolution(QUICK, 0, 3, 2, 0.05));
        for (SearchStrategy s : strategies) {
            Proposal first = s.propose(6, history, RandomStreams.of(11, s.name(), 6));
            Proposal again = s.propose(6, new ArrayList<>(history), RandomStreams.of(11, s.name(), 6));
            assertEquals(first, again, s.name());
            Proposal otherIndex = s.propose(6, history, RandomStreams.of(11, s.name(), 7));
            assertNotEquals(first.architecture(), otherIndex.architecture(), s.name() + ": the stream must matter");
        }
    }

    @Test
    void perturbationsAreValidAndAlwaysChangeSomething() {
        // p = 0.01 leaves most perturbations of a quick architecture unchanged; they must be drawn again.
        SplittableRandom rng = new SplittableRandom(4);
        Sampler sampler = new Sampler(QUICK);
        for (int t = 0; t < 200; t++) {
            List<ScoredArchitecture> history = List.of(SearchFixtures.scored(0, Phase.RANDOM,
                    sampler.sample(AnnealingState.finalState(QUICK), rng), 0.5, null));
            Proposal p = new HillClimbing(QUICK, 1, 0.01).propose(1, history, RandomStreams.of(t, "hill-climb", 1));
            assertTrue(ArchitectureValidator.isValid(p.architecture(), QUICK),
                    ArchitectureValidator.problems(p.architecture(), QUICK).toString());
            assertNotEquals(history.get(0).architecture(), p.architecture(), "trial " + t);
        }
    }

    @Test
    void refusesPhasesThatCannotWork() {
        assertEquals("a perturbation phase needs earlier results to take its base from, but it would start at"
                + " index 0; put a random phase before it",
                assertThrows(IllegalArgumentException.class, () -> new PerturbBest(QUICK, 0, 0.05)).getMessage());
        assertEquals("a hill-climbing phase needs earlier results to start from, but it would start at index 0;"
                + " put a random phase before it",
                assertThrows(IllegalArgumentException.class, () -> new HillClimbing(QUICK, 0, 0.05)).getMessage());
        assertEquals("hill-climb: perturbation probability must be in (0, 1], got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new HillClimbing(QUICK, 1, 0)).getMessage());
        assertEquals("evolution: tournament size must be in 1..20 (the population), got 21",
                assertThrows(IllegalArgumentException.class,
                        () -> new RegularizedEvolution(QUICK, 0, 20, 21, 0.05)).getMessage());
        assertEquals("the history holds 2 results, but a proposal for index 5 needs results 0..4",
                assertThrows(IllegalArgumentException.class, () -> new HillClimbing(QUICK, 1, 0.05)
                        .propose(5, sampledHistory(0.1, 0.2), new SplittableRandom(1))).getMessage());
    }

    /** A perturbation: valid, different from the base, with the base's bank sizes (never perturbed). */
    private static void assertChildOf(Architecture base, Architecture child) {
        assertTrue(ArchitectureValidator.isValid(child, QUICK), ArchitectureValidator.problems(child, QUICK).toString());
        assertNotEquals(base, child);
        for (int b = 0; b < 3; b++) {
            assertEquals(base.blocks().get(b).bankSize(), child.blocks().get(b).bankSize());
        }
    }
}
