package org.smash4j.search;

import org.smash4j.space.AnnealingState;
import org.smash4j.space.Architecture;
import org.smash4j.space.Perturber;

import java.util.random.RandomGenerator;

/**
 * A perturbation that actually changes something. With a small p the perturber often returns its base
 * unchanged (every field is kept with probability 1-p), and scoring the base again would spend a whole
 * evaluation on nothing; the original did spend it. Here the perturbation is drawn again, from the same
 * random stream, until it differs from the base.
 */
final class Mutation {
    /** Enough for p = 0.01 on the smallest architectures; an unchanged result after that is returned as is. */
    static final int MAX_DRAWS = 100;

    private Mutation() {
    }

    static Architecture changed(Perturber perturber, Architecture base, double p, AnnealingState state,
                                RandomGenerator rng) {
        Architecture child = base;
        for (int i = 0; i < MAX_DRAWS && child.equals(base); i++) {
            child = perturber.perturb(base, p, state, rng);
        }
        return child;
    }

    /** Checks a perturbation probability, which must change something now and then. */
    static double checkProbability(double p, String strategy) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException(strategy + ": perturbation probability must be in (0, 1], got " + p);
        }
        return p;
    }
}
