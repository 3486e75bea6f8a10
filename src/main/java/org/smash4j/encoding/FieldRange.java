package org.smash4j.encoding;

/**
 * Where one field of the encoding lives: channels {@code [first, first + count)}, and how a value picks its
 * channel inside that range (a sentence with the layout's actual numbers, for {@code smash space}).
 */
public record FieldRange(EncodingField field, int first, int count, String indexRule) {
    public FieldRange {
        if (field == null) {
            throw new IllegalArgumentException("field is missing");
        }
        if (first < 0 || count < 1) {
            throw new IllegalArgumentException(
                    "field " + field.label() + " needs first >= 0 and count >= 1, got first=" + first
                            + ", count=" + count);
        }
    }

    /** One past the last channel of the field. */
    public int end() {
        return first + count;
    }

    /** Whether {@code channel} belongs to this field. */
    public boolean contains(int channel) {
        return channel >= first && channel < end();
    }
}
