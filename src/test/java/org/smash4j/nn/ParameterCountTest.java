package org.smash4j.nn;

import org.junit.jupiter.api.Test;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.CostModel;
import org.smash4j.space.NormStyle;
import org.smash4j.space.Presets;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.util.RandomStreams;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The stand-alone network holds exactly as many trainable scalars as the cost model (whose counts are checked
 * by hand in CostModelTest) says, for sampled architectures in every norm style and op mode, on images and on
 * voxel grids.
 */
class ParameterCountTest {
    @Test
    void networkMatchesCostModel() {
        SearchSpaceConfig[] spaces = {Presets.tiny(), Presets.quick(), TestArchitectures.tinyVarOp(),
                Presets.quick().toBuilder().optOpMode(org.smash4j.space.OpMode.BIG_OP).build(),
                Presets.tiny().toBuilder().optSpatialDims(3).build(),
                TestArchitectures.tinyVarOp().toBuilder().optSpatialDims(3).build()};
        for (SearchSpaceConfig c : spaces) {
            Sampler sampler = new Sampler(c);
            for (int i = 0; i < 4; i++) {
                Architecture a = sampler.sample(AnnealingState.finalState(c), RandomStreams.of(1, "count", i));
                for (NormStyle style : NormStyle.values()) {
                    try (StandaloneNetwork net = new StandaloneNetwork(c, a, style, Placement.cpu(), 0)) {
                        assertEquals(CostModel.params(a, c, style), net.parameters().count(null), style + " " + i);
                    }
                }
            }
        }
    }
}
