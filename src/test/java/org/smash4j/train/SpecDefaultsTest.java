package org.smash4j.train;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The defaults against the numbers of the spec (section 7), typed here independently of SpecDefaults. */
class SpecDefaultsTest {
    @Test
    void theDefaultsAreTheSpecs() {
        assertEquals(50, SpecDefaults.BATCH);
        assertEquals(1e-3, SpecDefaults.ONE_SHOT_LR);
        assertEquals(0.1, SpecDefaults.STANDALONE_LR);
        assertEquals(0.9, SpecDefaults.MOMENTUM);
        assertEquals(1e-4, SpecDefaults.WEIGHT_DECAY);
        assertEquals(100, SpecDefaults.EVAL_BATCH);
        assertEquals(1e4, SpecDefaults.MAX_LOSS);
        // picocli parses the option defaults from text: they must read back as the same numbers.
        assertEquals(50, Integer.parseInt(SpecDefaults.BATCH_TEXT));
        assertEquals(1e-3, Double.parseDouble(SpecDefaults.ONE_SHOT_LR_TEXT));
        assertEquals(0.1, Double.parseDouble(SpecDefaults.STANDALONE_LR_TEXT));
    }

    @Test
    void theStandardStandaloneConfigCarriesThem() {
        DataSpec data = new DataSpec("fashion-mnist", null, 10, 10, 0.1, 0);
        StandaloneRunConfig c = StandaloneRunConfig.standard(null, data, 1, 0, "cpu", 0, 1);
        assertEquals(50, c.batchSize());
        assertEquals(0.1, c.learningRate());
        assertEquals(0.9, c.momentum());
        assertEquals(1e-4, c.weightDecay());
        assertEquals(100, c.evalBatch());
        assertEquals(1e4, c.maxLoss());
    }
}
