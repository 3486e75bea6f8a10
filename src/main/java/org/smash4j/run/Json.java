package org.smash4j.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The JSON mapper for run-folder files (metrics, run descriptions, checkpoint headers). */
public final class Json {
    /** Pretty-printing, lenient mapper; architecture files use the strict mapper of the space package. */
    public static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
    /** One-line mapper for JSON-lines files. */
    public static final ObjectMapper LINE = new ObjectMapper();

    private Json() {
    }
}
