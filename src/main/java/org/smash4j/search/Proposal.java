package org.smash4j.search;

import org.smash4j.run.Phase;

import org.smash4j.space.Architecture;

/**
 * The next architecture a {@link SearchStrategy} wants scored, with where it came from.
 *
 * @param architecture the architecture to score
 * @param phase        the kind of step that produced it
 * @param parent       index of the result it was derived from, or null for a fresh random sample
 */
public record Proposal(Architecture architecture, Phase phase, Long parent) {
    public Proposal {
        if (architecture == null) {
            throw new IllegalArgumentException("a proposal needs an architecture");
        }
        if (phase == null) {
            throw new IllegalArgumentException("a proposal needs a phase");
        }
        if (parent != null && parent < 0) {
            throw new IllegalArgumentException("parent index must be >= 0, got " + parent);
        }
    }
}
