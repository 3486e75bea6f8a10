package org.smash4j.space;

/**
 * An architecture together with the search space it belongs to: the self-contained form that saved models,
 * result files and {@code describe} use, so that a file can be read without knowing which preset made it.
 * Always valid: the constructor checks the architecture against the space.
 *
 * @param space        the search space configuration
 * @param architecture an architecture of that space
 */
public record ArchitectureDocument(SearchSpaceConfig space, Architecture architecture) {
    public ArchitectureDocument {
        if (space == null || architecture == null) {
            throw new IllegalArgumentException("an architecture document needs both a space and an architecture,"
                    + " got " + (space == null ? "no space" : "no architecture"));
        }
        ArchitectureValidator.validate(architecture, space);
    }
}
