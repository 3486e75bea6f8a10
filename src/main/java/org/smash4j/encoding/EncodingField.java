package org.smash4j.encoding;

/**
 * The fields of the encoding c, in channel order. Each field is a group of consecutive channels whose
 * offsets {@link EncodingLayout} owns; some exist only in some search spaces (see {@link #isOptional()}).
 * The original's gate and nonlinearity fields do not exist here: both features are out of scope.
 */
public enum EncodingField {
    /** One channel per bank slot: which bank this slice's input channels come from. */
    READS("reads"),
    /** One channel per bank slot: every bank the op writes. */
    WRITES("writes"),
    /** One channel per block. */
    BLOCK("block"),
    /** One channel per op width g = 1..k. */
    WIDTH("width"),
    /** Per encoded conv: height dilation 1..maxDilate, then width dilation 1..maxDilate. */
    DILATION("dilation"),
    /** Per encoded conv: kernel height, then kernel width, one channel per odd size 3..maxKernel (varKs only). */
    KERNEL("kernel"),
    /** One channel per conv W0..W3, set when the conv is active (VAR_OP only). */
    ACTIVE_CONVS("active convs"),
    /** Per encoded conv: one channel per allowed number of groups (varGroup only). */
    GROUPS("groups");

    private final String label;

    EncodingField(String label) {
        this.label = label;
    }

    /** Short human-readable name, as printed by {@code smash space}. */
    public String label() {
        return label;
    }

    /** Whether the field can be absent from a layout (it depends on varKs, the op mode or varGroup). */
    public boolean isOptional() {
        return this == KERNEL || this == ACTIVE_CONVS || this == GROUPS;
    }
}
