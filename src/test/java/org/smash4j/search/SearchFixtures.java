package org.smash4j.search;

import org.smash4j.run.ScoredArchitecture;
import org.smash4j.run.Score;
import org.smash4j.run.Phase;

import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.Block;
import org.smash4j.space.ConvPattern;
import org.smash4j.space.ConvSpec;
import org.smash4j.space.Op;
import org.smash4j.space.Presets;
import org.smash4j.space.Sampler;
import org.smash4j.space.SearchSpaceConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Hand-made architectures and histories shared by the search tests. */
public final class SearchFixtures {
    private SearchFixtures() {
    }

    public static final SearchSpaceConfig QUICK = Presets.quick();

    /**
     * quick with every block at bank size 2 and no ops. Its stand-alone cost was counted by hand in
     * CostModelTest: stem 1568 + transitions 1600 + 2400 + head 586 = 6154 parameters;
     * 1,229,312 + 1,204,224 + 451,584 + 480 = 2,885,600 MACs.
     */
    public static final Architecture EMPTY = new Architecture(List.of(new Block(2, List.of()), new Block(2, List.of()),
            new Block(2, List.of())));
    public static final long EMPTY_PARAMS = 6154;
    public static final long EMPTY_MACS = 2_885_600;

    /** Block 0 (bs 2, R0 = 2) reads banks 0,1 and writes new bank 2 with a 3x5 d1x2 conv; blocks 1, 2 empty. */
    public static final Architecture SMALL = new Architecture(List.of(
            new Block(2, List.of(new Op(List.of(0, 1), List.of(2), 2, ConvPattern.SINGLE,
                    List.of(new ConvSpec(3, 5, 1, 2, 1))))),
            new Block(2, List.of()), new Block(2, List.of())));
    public static final String SMALL_JSON = "{\"blocks\":["
            + "{\"bankSize\":2,\"ops\":[{\"reads\":[0,1],\"writes\":[2],\"width\":2,\"pattern\":\"SINGLE\","
            + "\"convs\":[{\"kernelH\":3,\"kernelW\":5,\"dilationH\":1,\"dilationW\":2,\"groups\":1}]}]},"
            + "{\"bankSize\":2,\"ops\":[]},{\"bankSize\":2,\"ops\":[]}]}";

    /** A result with a one-draw score. */
    public static ScoredArchitecture scored(long index, Phase phase, Architecture a, double error, Long parent) {
        return new ScoredArchitecture(index, phase, a, Score.ofDraws(List.of(error), Double.NaN, 0), 0, 0, parent);
    }

    /** A history of distinct sampled quick architectures with the given scores, all marked random. */
    public static List<ScoredArchitecture> sampledHistory(double... errors) {
        Sampler sampler = new Sampler(QUICK);
        SplittableRandom rng = new SplittableRandom(99);
        List<ScoredArchitecture> out = new ArrayList<>();
        for (int i = 0; i < errors.length; i++) {
            out.add(scored(i, Phase.RANDOM, sampler.sample(AnnealingState.finalState(QUICK), rng), errors[i], null));
        }
        return out;
    }
}
