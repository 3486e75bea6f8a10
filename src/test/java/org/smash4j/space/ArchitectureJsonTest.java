package org.smash4j.space;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.space.HandBuiltArchitectures.QUICK;
import static org.smash4j.space.HandBuiltArchitectures.QUICK_VAR_OP;
import static org.smash4j.space.HandBuiltArchitectures.conv;
import static org.smash4j.space.HandBuiltArchitectures.inBlock0;
import static org.smash4j.space.HandBuiltArchitectures.op;
import static org.smash4j.space.HandBuiltArchitectures.plain;
import static org.smash4j.space.HandBuiltArchitectures.single;

/** The JSON shape, round trips of hand-written values, and the messages for malformed files. */
class ArchitectureJsonTest {

    /** A one-op block 0 in the exact documented shape, with blocks 1 and 2 empty. */
    private static final String SMALL_JSON = "{\"blocks\":["
            + "{\"bankSize\":2,\"ops\":[{\"reads\":[0,1],\"writes\":[2],\"width\":2,\"pattern\":\"SINGLE\","
            + "\"convs\":[{\"kernelH\":3,\"kernelW\":5,\"dilationH\":1,\"dilationW\":2,\"groups\":1}]}]},"
            + "{\"bankSize\":2,\"ops\":[]},"
            + "{\"bankSize\":2,\"ops\":[]}]}";

    private static final Architecture SMALL =
            inBlock0(2, single(List.of(0, 1), List.of(2), 2, conv(3, 5, 1, 2, 1)));

    private static final String QUICK_JSON = "{\"n\":8,\"nMax\":32,\"depth\":4,\"width\":2,\"bottleneck\":4,"
            + "\"maxBottleneck\":2,\"depthCompression\":2,\"maxDilate\":3,\"maxKernel\":7,\"maxGroups\":8,"
            + "\"opMode\":\"SINGLE\",\"varKs\":true,\"varGroup\":true,\"minBudget\":0.3,\"inChannels\":1,"
            + "\"resolution\":28,\"numClasses\":10}";

    /** The ops part of SMALL_JSON's first op with one field replaced, for the error tests. */
    private static String withOp(String op) {
        return "{\"blocks\":[{\"bankSize\":2,\"ops\":[]},{\"bankSize\":2,\"ops\":[" + op + "]},"
                + "{\"bankSize\":2,\"ops\":[]}]}";
    }

    private static final String CONV = "{\"kernelH\":3,\"kernelW\":3,\"dilationH\":1,\"dilationW\":1,\"groups\":1}";

    private static String message(Runnable r) {
        return assertThrows(InvalidJsonException.class, r::run).getMessage();
    }

    @Test
    void writesTheDocumentedShape() {
        assertEquals(SMALL_JSON, ArchitectureJson.toJson(SMALL));
        assertEquals(QUICK_JSON, ArchitectureJson.toJson(QUICK));
        assertEquals("{\"space\":" + QUICK_JSON + ",\"architecture\":" + SMALL_JSON + "}",
                ArchitectureJson.toJson(new ArchitectureDocument(QUICK, SMALL)));
        assertEquals("[" + SMALL_JSON + "," + SMALL_JSON + "]", ArchitectureJson.toJson(List.of(SMALL, SMALL)));
    }

    @Test
    void readsTheDocumentedShape() {
        assertEquals(SMALL, ArchitectureJson.readArchitecture(SMALL_JSON));
        assertEquals(QUICK, ArchitectureJson.readConfig(QUICK_JSON));
        // Field order and white space do not matter.
        String shuffled = "{ \"blocks\" : [ {\"ops\":[{\"convs\":[{\"groups\":1,\"dilationW\":2,\"dilationH\":1,"
                + "\"kernelW\":5,\"kernelH\":3}],\"pattern\":\"SINGLE\",\"width\":2,\"writes\":[2],\"reads\":[0,1]}],"
                + "\"bankSize\":2},\n{\"ops\":[],\"bankSize\":2},{\"bankSize\":2,\"ops\":[]} ] }";
        assertEquals(SMALL, ArchitectureJson.readArchitecture(shuffled));
    }

    @Test
    void enumsAreCaseInsensitive() {
        assertEquals(SMALL, ArchitectureJson.readArchitecture(SMALL_JSON.replace("\"SINGLE\"", "\"single\"")));
        assertEquals(SMALL, ArchitectureJson.readArchitecture(SMALL_JSON.replace("\"SINGLE\"", "\"Single\"")));
        SearchSpaceConfig varOp = ArchitectureJson.readConfig(QUICK_JSON.replace("\"SINGLE\"", "\"var_op\""));
        assertEquals(OpMode.VAR_OP, varOp.opMode());
        assertEquals(QUICK_VAR_OP, varOp);
    }

    @Test
    void roundTripsHandWrittenArchitectures() {
        for (Architecture a : List.of(SMALL, HandBuiltArchitectures.quickSingle(),
                HandBuiltArchitectures.quickVarOp(), HandBuiltArchitectures.paperDense())) {
            assertEquals(a, ArchitectureJson.readArchitecture(ArchitectureJson.toJson(a)));
            assertEquals(a, ArchitectureJson.readArchitecture(ArchitectureJson.toPrettyJson(a)));
        }
        List<Architecture> list = List.of(HandBuiltArchitectures.quickSingle(), SMALL);
        assertEquals(list, ArchitectureJson.readArchitectures(ArchitectureJson.toJson(list)));
        assertEquals(list, ArchitectureJson.readArchitectures(ArchitectureJson.toPrettyJson(list)));
        assertEquals(List.of(), ArchitectureJson.readArchitectures("[]"));
    }

    @Test
    void roundTripsConfigsAndDocuments() {
        for (SearchSpaceConfig c : List.of(Presets.tiny(), QUICK, QUICK_VAR_OP, Presets.paper())) {
            assertEquals(c, ArchitectureJson.readConfig(ArchitectureJson.toPrettyJson(c)));
        }
        ArchitectureDocument doc = new ArchitectureDocument(QUICK_VAR_OP, HandBuiltArchitectures.quickVarOp());
        assertEquals(doc, ArchitectureJson.readDocument(ArchitectureJson.toPrettyJson(doc)));
        assertEquals(doc, ArchitectureJson.readDocumentOrArchitecture(ArchitectureJson.toJson(doc), null));
        // A bare architecture is paired with the config given for it.
        assertEquals(doc, ArchitectureJson.readDocumentOrArchitecture(
                ArchitectureJson.toJson(HandBuiltArchitectures.quickVarOp()), QUICK_VAR_OP));
        // With both, the document's own space wins.
        assertEquals(doc, ArchitectureJson.readDocumentOrArchitecture(ArchitectureJson.toJson(doc), QUICK));
    }

    @Test
    void bareArchitectureNeedsAConfig() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ArchitectureJson.readDocumentOrArchitecture(SMALL_JSON, null));
        assertEquals("this is a bare architecture (it has 'blocks' but no 'space'), so a search-space config must"
                + " be given with it (a preset or a config file)", e.getMessage());
        assertEquals("neither an architecture (an object with field 'blocks') nor an architecture document (an"
                + " object with fields 'space' and 'architecture')",
                message(() -> ArchitectureJson.readDocumentOrArchitecture("{\"ops\":[]}", QUICK)));
    }

    @Test
    void unknownField() {
        String json = withOp("{\"reads\":[0,1],\"writes\":[3],\"widht\":2,\"pattern\":\"SINGLE\",\"convs\":["
                + CONV + "]}");
        assertEquals("unknown field 'widht' at blocks[1].ops[0] (did you mean 'width'? expected fields: reads,"
                + " writes, width, pattern, convs)", message(() -> ArchitectureJson.readArchitecture(json)));
        assertEquals("unknown field 'bankSise' at [1].blocks[0] (did you mean 'bankSize'? expected fields:"
                        + " bankSize, ops)",
                message(() -> ArchitectureJson.readArchitectures("[" + SMALL_JSON + ","
                        + SMALL_JSON.replaceFirst("bankSize", "bankSise") + "]")));
        assertEquals("unknown field 'colour' at the top level (expected fields: blocks)",
                message(() -> ArchitectureJson.readArchitecture("{\"blocks\":[],\"colour\":1}")));
    }

    @Test
    void missingField() {
        String json = withOp("{\"reads\":[0,1],\"width\":2,\"pattern\":\"SINGLE\",\"convs\":[" + CONV + "]}");
        assertEquals("missing field 'writes' at blocks[1].ops[0]",
                message(() -> ArchitectureJson.readArchitecture(json)));
        String noDilation = withOp("{\"reads\":[0,1],\"writes\":[3],\"width\":2,\"pattern\":\"SINGLE\",\"convs\":["
                + "{\"kernelH\":3,\"kernelW\":3,\"dilationH\":1,\"groups\":1}]}");
        assertEquals("missing field 'dilationW' at blocks[1].ops[0].convs[0]",
                message(() -> ArchitectureJson.readArchitecture(noDilation)));
        assertEquals("missing field 'blocks' at the top level", message(() -> ArchitectureJson.readArchitecture("{}")));
        assertEquals("missing field 'numClasses' at the top level",
                message(() -> ArchitectureJson.readConfig(QUICK_JSON.replace(",\"numClasses\":10", ""))));
        assertEquals("missing field 'architecture' at the top level",
                message(() -> ArchitectureJson.readDocument("{\"space\":" + QUICK_JSON + "}")));
    }

    @Test
    void nullFieldsAndElements() {
        assertEquals("field 'writes' is null at blocks[1].ops[0]", message(() -> ArchitectureJson.readArchitecture(
                withOp("{\"reads\":[0,1],\"writes\":null,\"width\":2,\"pattern\":\"SINGLE\",\"convs\":[" + CONV
                        + "]}"))));
        assertEquals("field 'pattern' is null at blocks[1].ops[0]", message(() -> ArchitectureJson.readArchitecture(
                withOp("{\"reads\":[0,1],\"writes\":[3],\"width\":2,\"pattern\":null,\"convs\":[" + CONV + "]}"))));
        assertEquals("null element at blocks[1].ops[0].reads[1]", message(() -> ArchitectureJson.readArchitecture(
                withOp("{\"reads\":[0,null],\"writes\":[3],\"width\":2,\"pattern\":\"SINGLE\",\"convs\":[" + CONV
                        + "]}"))));
        assertEquals("the JSON text is 'null', not a value", message(() -> ArchitectureJson.readArchitecture("null")));
    }

    @Test
    void wrongTypesAndValues() {
        assertEquals("bad value at blocks[1].ops[0].width: expected an integer (Cannot coerce Floating-point value"
                        + " (2.5) to `int` value)",
                message(() -> ArchitectureJson.readArchitecture(withOp("{\"reads\":[0,1],\"writes\":[3],"
                        + "\"width\":2.5,\"pattern\":\"SINGLE\",\"convs\":[" + CONV + "]}"))));
        assertTrue(message(() -> ArchitectureJson.readArchitecture(withOp("{\"reads\":[0,1],\"writes\":[3],"
                + "\"width\":\"2\",\"pattern\":\"SINGLE\",\"convs\":[" + CONV + "]}")))
                .startsWith("bad value at blocks[1].ops[0].width: expected an integer"));
        assertTrue(message(() -> ArchitectureJson.readArchitecture(withOp("{\"reads\":0,\"writes\":[3],"
                + "\"width\":2,\"pattern\":\"SINGLE\",\"convs\":[" + CONV + "]}")))
                .startsWith("bad value at blocks[1].ops[0].reads: expected an array"));
        assertEquals("bad value at blocks[1].ops[0].pattern: 'singel' is not one of [SINGLE, PARALLEL, SERIAL,"
                        + " SERIAL_PARALLEL, DOUBLE_SERIAL] (case-insensitive)",
                message(() -> ArchitectureJson.readArchitecture(withOp("{\"reads\":[0,1],\"writes\":[3],"
                        + "\"width\":2,\"pattern\":\"singel\",\"convs\":[" + CONV + "]}"))));
        assertEquals("bad value at opMode: 'var-op' is not one of [SINGLE, VAR_OP, BIG_OP] (case-insensitive)",
                message(() -> ArchitectureJson.readConfig(QUICK_JSON.replace("\"SINGLE\"", "\"var-op\""))));
    }

    @Test
    void duplicateFieldAndMalformedText() {
        assertEquals("duplicate field 'width' at blocks[1].ops[0]",
                message(() -> ArchitectureJson.readArchitecture(withOp("{\"reads\":[0,1],\"writes\":[3],"
                        + "\"width\":2,\"width\":4,\"pattern\":\"SINGLE\",\"convs\":[" + CONV + "]}"))));
        assertEquals("malformed JSON (line 1, column 12): Unexpected close marker '}': expected ']'",
                message(() -> ArchitectureJson.readArchitecture("{\"blocks\":[}")));
        assertTrue(message(() -> ArchitectureJson.readArchitecture(SMALL_JSON + " {}"))
                .contains("Trailing token"));
    }

    @Test
    void outOfRangeIntegerNamesTheField() {
        String m = message(() -> ArchitectureJson.readConfig(QUICK_JSON.replace("\"depth\":4",
                "\"depth\":99999999999")));
        assertTrue(m.startsWith("number out of range at depth: "), m);
        assertTrue(!m.contains("-1"), m);
    }

    @Test
    void configConstructorErrorsAreLocated() {
        assertEquals("invalid search space: maxKernel must be odd and >= 3, got 8 (at the top level)",
                message(() -> ArchitectureJson.readConfig(QUICK_JSON.replace("\"maxKernel\":7", "\"maxKernel\":8"))));
        assertEquals("invalid search space: maxKernel must be odd and >= 3, got 8 (at space)",
                message(() -> ArchitectureJson.readDocument("{\"space\":"
                        + QUICK_JSON.replace("\"maxKernel\":7", "\"maxKernel\":8") + ",\"architecture\":"
                        + SMALL_JSON + "}")));
    }

    @Test
    void readingWithAConfigValidates() {
        String badRead = ArchitectureJson.toJson(inBlock0(2, plain(List.of(0, 2), List.of(2), 2)));
        // Parsing alone accepts it (no config known) ...
        ArchitectureJson.readArchitecture(badRead);
        // ... parsing for a config rejects it.
        InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class,
                () -> ArchitectureJson.readArchitecture(badRead, QUICK));
        assertEquals("block 0, op 0: reads bank 2, which is not yet written (banks 0..1 are)", e.getMessage());
        // A document is always checked against its own space: PARALLEL is not allowed in SINGLE mode.
        String doc = "{\"space\":" + QUICK_JSON + ",\"architecture\":" + ArchitectureJson.toJson(inBlock0(2,
                op(List.of(0, 1), List.of(2), 2, ConvPattern.PARALLEL, ConvSpec.plain3x3(), ConvSpec.plain3x3())))
                + "}";
        e = assertThrows(InvalidArchitectureException.class, () -> ArchitectureJson.readDocument(doc));
        assertEquals("block 0, op 0: pattern PARALLEL is not allowed in op mode SINGLE (allowed: [SINGLE])",
                e.getMessage());
    }

    @Test
    void filesRoundTripAndNameThemselvesInErrors(@TempDir Path dir) throws IOException {
        Path archFile = dir.resolve("arch.json");
        Files.writeString(archFile, ArchitectureJson.toPrettyJson(HandBuiltArchitectures.quickSingle()));
        assertEquals(HandBuiltArchitectures.quickSingle(), ArchitectureJson.readArchitecture(archFile, QUICK));
        assertEquals(new ArchitectureDocument(QUICK, HandBuiltArchitectures.quickSingle()),
                ArchitectureJson.readDocumentOrArchitecture(archFile, QUICK));

        Path configFile = dir.resolve("space.json");
        Files.writeString(configFile, ArchitectureJson.toPrettyJson(QUICK));
        assertEquals(QUICK, ArchitectureJson.readConfig(configFile));

        Path listFile = dir.resolve("archs.json");
        List<Architecture> list = List.of(SMALL, HandBuiltArchitectures.quickSingle());
        Files.writeString(listFile, ArchitectureJson.toJson(list));
        assertEquals(list, ArchitectureJson.readArchitectures(listFile));

        Path docFile = dir.resolve("doc.json");
        ArchitectureDocument doc = new ArchitectureDocument(QUICK_VAR_OP, HandBuiltArchitectures.quickVarOp());
        Files.writeString(docFile, ArchitectureJson.toPrettyJson(doc));
        assertEquals(doc, ArchitectureJson.readDocument(docFile));
        assertEquals(doc, ArchitectureJson.readDocumentOrArchitecture(docFile, null));

        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, SMALL_JSON.replace("\"width\"", "\"widht\""));
        assertEquals(bad + ": unknown field 'widht' at blocks[0].ops[0] (did you mean 'width'? expected fields:"
                + " reads, writes, width, pattern, convs)", message(() -> {
                    try {
                        ArchitectureJson.readArchitecture(bad);
                    } catch (IOException io) {
                        throw new AssertionError(io);
                    }
                }));
        Path invalid = dir.resolve("invalid.json");
        Files.writeString(invalid, ArchitectureJson.toJson(inBlock0(2, plain(List.of(0, 1), List.of(3), 2))));
        InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class,
                () -> ArchitectureJson.readArchitecture(invalid, QUICK));
        assertEquals(invalid + ": block 0, op 0: allocates bank 3 but the next free bank is 2 (new banks must be"
                + " allocated in order, without skipping a bank)", e.getMessage());
    }

    @Test
    void documentRejectsAnInvalidPairing() {
        InvalidArchitectureException e = assertThrows(InvalidArchitectureException.class,
                () -> new ArchitectureDocument(QUICK, HandBuiltArchitectures.quickVarOp()));
        assertTrue(e.getMessage().startsWith("block 0, op 1: pattern SERIAL_PARALLEL is not allowed in op mode"
                + " SINGLE"), e.getMessage());
    }
}
