package org.smash4j.encoding;

/**
 * Which field of c the "trick" experiment (paper section 4.1) corrupts: the per-op values of ONE field are
 * shuffled among the ops of an architecture, while every other field and the geometry of the marks (which
 * columns and rows each op covers) stay those of the true architecture. If the HyperNet really reads c,
 * scores with the corrupted c should be worse.
 *
 * <p>What moves between ops ("the per-op value"), and how a donor's value is placed in a recipient op:
 * <ul>
 *   <li>{@link #DILATION}: the (height, width) dilation of each active conv, in ascending conv order. The
 *       recipient's j-th active conv gets the donor's (j mod a)-th pair, a = the donor's number of active convs
 *       (in SINGLE mode: W0 gets the donor's W0).</li>
 *   <li>{@link #KERNEL}: the (height, width) kernel size of each active conv, placed like DILATION. Needs varKs.</li>
 *   <li>{@link #GROUPS}: the groups of each active conv, placed like DILATION. Needs varGroup.</li>
 *   <li>{@link #WIDTH}: the op width g.</li>
 *   <li>{@link #READS}: the list of read banks. The recipient keeps its own read regions (one per read, spec
 *       3.1); its p-th region is marked with the donor's (p mod r)-th read bank, r = the donor's read count.</li>
 *   <li>{@link #WRITES}: the set of written banks, marked over the recipient's whole region.</li>
 * </ul>
 * Values are compared (to decide whether moving them changes anything) as these lists. The active-conv field
 * is never corrupted, so a recipient marks exactly its own active convs.
 */
public enum CorruptionKind {
    DILATION(EncodingField.DILATION),
    KERNEL(EncodingField.KERNEL),
    GROUPS(EncodingField.GROUPS),
    WIDTH(EncodingField.WIDTH),
    READS(EncodingField.READS),
    WRITES(EncodingField.WRITES);

    private final EncodingField field;

    CorruptionKind(EncodingField field) {
        this.field = field;
    }

    /** The field of c whose channels this corruption changes (and no other). */
    public EncodingField field() {
        return field;
    }

    /** Whether c has this field in {@code layout}, i.e. whether the corruption can change anything. */
    public boolean appliesTo(EncodingLayout layout) {
        return layout.has(field);
    }
}
