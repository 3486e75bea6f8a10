package org.smash4j.search;

import org.smash4j.run.ScoredArchitecture;
import org.smash4j.run.Phase;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.search.SearchFixtures.QUICK;

/** Phases laid end to end, the original's defaults, and plans that are refused. */
class SearchPlanTest {

    @Test
    void theOriginalPlanIsRandom500Perturb100HillClimb100() {
        SearchPlan plan = SearchPlan.original(QUICK);
        assertEquals(700, plan.size());
        assertEquals(List.of(
                Map.of("strategy", "random", "start", 0L, "count", 500L),
                Map.of("strategy", "perturb", "start", 500L, "count", 100L, "probability", 0.05),
                Map.of("strategy", "hill-climb", "start", 600L, "count", 100L, "probability", 0.05)),
                plan.describe());
        assertEquals("random", plan.stageAt(0).strategy().name());
        assertEquals("random", plan.stageAt(499).strategy().name());
        assertEquals("perturb", plan.stageAt(500).strategy().name());
        assertEquals("perturb", plan.stageAt(599).strategy().name());
        assertEquals("hill-climb", plan.stageAt(600).strategy().name());
        assertEquals("hill-climb", plan.stageAt(699).strategy().name());
        assertEquals("index 700 is outside the plan, which has 700 results",
                assertThrows(IllegalArgumentException.class, () -> plan.stageAt(700)).getMessage());
    }

    @Test
    void evolutionDefaultsAndDescription() {
        SearchPlan plan = SearchPlan.builder(QUICK).random(10).evolution(50).build();
        assertEquals(60, plan.size());
        assertEquals(Map.of("strategy", "evolution", "start", 10L, "count", 50L, "population", 20, "tournament", 5,
                "probability", 0.05), plan.describe().get(1));
        RegularizedEvolution evolution = (RegularizedEvolution) plan.stageAt(10).strategy();
        assertEquals(20, evolution.population());
        assertEquals("random 10, then evolution 50 {population=20, probability=0.05, tournament=5}", plan.toString());
    }

    @Test
    void eachPhaseLearnsWhereItStarts() {
        // The perturbation phase at 3..4 must take its base from results 0..2 only.
        SearchPlan plan = SearchPlan.builder(QUICK).random(3).perturbBest(2, 0.05).build();
        List<ScoredArchitecture> history = new java.util.ArrayList<>(SearchFixtures.sampledHistory(0.4, 0.2, 0.3));
        history.add(SearchFixtures.scored(3, Phase.PERTURB, history.get(0).architecture(), 0.01, 1L));
        assertEquals(Long.valueOf(1), plan.propose(1, 3, history.subList(0, 3)).parent());
        assertEquals(Long.valueOf(1), plan.propose(1, 4, history).parent());
    }

    @Test
    void refusesPlansThatCannotRun() {
        assertEquals("a perturbation phase needs earlier results to take its base from, but it would start at index 0;"
                + " put a random phase before it", assertThrows(IllegalArgumentException.class,
                        () -> SearchPlan.builder(QUICK).perturbBest(10, 0.05)).getMessage());
        assertEquals("an evolution phase of 20 results with population 20 would never evolve: its first 20 results"
                + " are the random initial population, so it needs more than that",
                assertThrows(IllegalArgumentException.class, () -> SearchPlan.builder(QUICK).evolution(20)).getMessage());
        assertEquals("a search phase needs at least one result, got 0",
                assertThrows(IllegalArgumentException.class, () -> SearchPlan.builder(QUICK).random(0)).getMessage());
        assertEquals("a search plan needs at least one phase",
                assertThrows(IllegalArgumentException.class, () -> SearchPlan.builder(QUICK).build()).getMessage());
        assertTrue(SearchPlan.builder(QUICK).random(1).hillClimb(1, 1.0).build().size() == 2);
    }
}
