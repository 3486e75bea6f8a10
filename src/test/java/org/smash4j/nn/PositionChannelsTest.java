package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import org.junit.jupiter.api.Test;
import org.smash4j.encoding.Encoder;
import org.smash4j.encoding.Encoding;
import org.smash4j.encoding.EncodingLayout;
import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.Presets;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.util.RandomStreams;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PositionChannelsTest {

    @Test
    void oneHotRowsAndOffsetsWithinOpsByHand() {
        // k = 2 rows, 4 columns; op 0 owns column 0, op 1 columns 1-2, column 3 is the spare.
        float[] v = PositionChannels.of(2, 4, new int[] {0, 1}, 3);
        float p = 1f;
        float m = -1f;
        float[] expected = {
            p, p, p, p, /* row channel 0 */ m, m, m, m,
            m, m, m, m, /* row channel 1 */ p, p, p, p,
            p, p, m, m, /* offset 0 */ p, p, m, m,
            m, m, p, m, /* offset 1 */ m, m, p, m,
            m, m, m, m, /* offset 2 */ m, m, m, m,
            m, m, m, m, /* offset 3+ */ m, m, m, m};
        assertArrayEquals(expected, v);
        assertEquals(6, PositionChannels.count(2));
    }

    @Test
    void offsetsBeyondTheLastChannelShareIt() {
        float[] v = PositionChannels.of(1, 7, new int[] {0}, 6);
        int plane = 7;
        // Offsets 3, 4 and 5 all light the last offset channel (channel 1 + 3 = 4).
        for (int col = 3; col < 6; col++) {
            assertEquals(1f, v[4 * plane + col]);
        }
        assertEquals(-1f, v[4 * plane + 6], "spare column");
    }

    @Test
    void networkReadsThemAfterZAndC() {
        SearchSpaceConfig space = Presets.tiny();
        HyperNetShape shape = new HyperNetShape(2, 2, List.of(1, 1, 1));
        Architecture arch = new Sampler(space).sample(AnnealingState.finalState(space), RandomStreams.of(3, "a", 0));
        try (OneShotNetwork plain = new OneShotNetwork(space, shape, Placement.of("cpu"), 0);
                OneShotNetwork positional = new OneShotNetwork(space, shape, Placement.of("cpu"), 0, true)) {
            int c = new EncodingLayout(space).channelCount();
            assertEquals(1 + c, plain.hyperNet().inChannels());
            assertEquals(1 + c + PositionChannels.count(space.k()), positional.hyperNet().inChannels());
            Encoding enc = positional.encode(arch);
            float[] z = new float[enc.height() * enc.width()];
            Arrays.fill(z, 0.1f);
            NDArray input = positional.hyperInput(z, enc);
            float[] all = input.toFloatArray();
            int plane = enc.height() * enc.width();
            assertArrayEquals(enc.values(), Arrays.copyOfRange(all, plane, plane + c * plane));
            assertArrayEquals(PositionChannels.of(enc.height(), enc.width(), enc.opFirstSlices(), enc.usedSlices()),
                    Arrays.copyOfRange(all, plane + c * plane, all.length));
            NDArray wg = positional.generateWeights(enc, z);
            assertEquals(plain.generateWeights(Encoder.encode(arch, space), z).getShape(), wg.getShape());
            assertThrows(IllegalStateException.class, () -> positional.hyperInput(z, enc.values(), enc.channels(),
                    enc.height(), enc.width()));
        }
    }
}
