package org.smash4j.space;

import org.junit.jupiter.api.Test;
import org.smash4j.util.RandomStreams;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 seeded samples per preset and annealing end (2,000 for paper, whose architectures are large; SamplerTest
 * checks 10,000 paper samples with its own rule checker) pass the validator, written independently of the sampler,
 * and survive a JSON round trip as equal values; the same seed gives the same samples.
 */
class SampleRoundTripTest {
    @Test
    void samplesAreValidAndRoundTripThroughJson() {
        for (String preset : Presets.NAMES) {
            SearchSpaceConfig c = Presets.byName(preset);
            Sampler sampler = new Sampler(c);
            for (AnnealingState state : List.of(AnnealingState.initialState(), AnnealingState.finalState(c))) {
                int count = preset.equals("paper") ? 2_000 : 10_000;
                for (int i = 0; i < count; i++) {
                    Architecture a = sampler.sample(state, RandomStreams.of(7, "sample", i));
                    List<String> problems = ArchitectureValidator.problems(a, c);
                    assertTrue(problems.isEmpty(), preset + " sample " + i + ": " + problems);
                    assertEquals(a, ArchitectureJson.readArchitecture(ArchitectureJson.toJson(a), c),
                            preset + " sample " + i);
                }
            }
            Architecture first = sampler.sample(AnnealingState.finalState(c), RandomStreams.of(7, "sample", 0));
            assertEquals(first, sampler.sample(AnnealingState.finalState(c), RandomStreams.of(7, "sample", 0)));
        }
    }
}
