package org.smash4j.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Writes reports of hand-made run folders ({@link SyntheticRun}) and checks them against the numbers worked out
 * by hand there: complete, half-finished, empty and damaged runs.
 */
class ReportWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b(src|href)\\s*=\\s*\"([^\"]*)\"",
            Pattern.CASE_INSENSITIVE);
    private static final double EPS = 1e-9;

    @TempDir
    Path tmp;

    @Test
    void completeRunHasEveryFileAndTheHandComputedNumbers() throws IOException {
        Path run = tmp.resolve("run");
        SyntheticRun.writeComplete(run);

        Path html = ReportWriter.write(run);

        Path report = run.resolve("report");
        assertEquals(report.resolve("report.html"), html);
        assertTrue(Files.isRegularFile(html));
        assertTrue(Files.isRegularFile(report.resolve("summary.json")));
        assertTrue(Files.isRegularFile(report.resolve("summary.md")));
        assertEquals(Set.of("oneshot-loss.png", "oneshot-error.png", "score-histogram.png", "score-vs-params.png",
                "score-vs-macs.png", "search-progress.png", "winner-architecture.png", "winner-loss.png",
                "winner-error.png", "test-error-comparison.png"), pngFiles(report.resolve("plots")));
        for (String name : pngFiles(report.resolve("plots"))) {
            BufferedImage image = ImageIO.read(report.resolve("plots").resolve(name).toFile());
            assertNotNull(image, name + " is not a readable PNG");
            assertTrue(image.getWidth() >= 400 && image.getHeight() >= 300, name + " is too small");
        }

        String text = Files.readString(html);
        List<String> dataUris = checkReferences(text, report);
        assertEquals(10, dataUris.size(), "one embedded image per plot");

        JsonNode s = JSON.readTree(report.resolve("summary.json").toFile());
        assertEquals("run", s.get("run").asText());
        assertEquals("fashion-mnist", s.get("dataSet").asText());
        assertEquals("quick", s.get("preset").asText());
        JsonNode seeds = s.get("seeds");
        assertEquals(List.of("run", "smash", "search", "final/rank-1", "final/rank-2", "baselines/random-1",
                "baselines/random-2"), fieldNames(seeds));
        assertEquals(List.of(7L, 11L, 13L, 17L, 19L, 23L, 29L), longs(seeds));

        JsonNode wall = s.get("wallTimes");
        assertEquals("2024-05-01T10:00:00Z", wall.get("started").asText());
        JsonNode stage = wall.get("stageSeconds");
        assertEquals(130.0, stage.get("smash").asDouble(), EPS, "100 s, then 30 s after the resume");
        assertEquals(10.0, stage.get("search").asDouble(), EPS);
        assertEquals(60.0, stage.get("final/rank-1").asDouble(), EPS);
        assertEquals(25.0, stage.get("final/rank-2").asDouble(), EPS);
        assertEquals(50.0, stage.get("baselines/random-1").asDouble(), EPS);
        assertEquals(55.0, stage.get("baselines/random-2").asDouble(), EPS);
        assertEquals(485.0, wall.get("totalSeconds").asDouble(), EPS, "10:00:00 to 10:08:05");

        JsonNode o = s.get("oneShot");
        assertEquals(3, o.get("epochs").asInt());
        assertEquals(6, o.get("steps").asLong());
        assertEquals(1.5, o.get("trainLoss").asDouble(), EPS);
        assertEquals(0.5, o.get("trainError").asDouble(), EPS);
        assertEquals(1.4, o.get("valLoss").asDouble(), EPS);
        assertEquals(0.45, o.get("valError").asDouble(), EPS);
        assertEquals(7, o.get("maxKernel").asInt());

        JsonNode search = s.get("search");
        assertEquals(5, search.get("architecturesScored").asInt());
        assertEquals(3, search.get("byPhase").get("random").asInt());
        assertEquals(2, search.get("byPhase").get("perturb").asInt());
        assertEquals(0.30, search.get("scoreMin").asDouble(), EPS);
        assertEquals(0.40, search.get("scoreMedian").asDouble(), EPS);
        assertEquals(0.50, search.get("scoreMax").asDouble(), EPS);
        assertEquals(0.32, search.get("ensembleError").asDouble(), EPS);

        JsonNode w = s.get("winner");
        assertEquals(3, w.get("index").asInt());
        assertEquals("perturb", w.get("phase").asText());
        assertEquals(0.30, w.get("score").asDouble(), EPS);
        assertEquals(0.02, w.get("scoreStd").asDouble(), EPS);
        assertEquals(61000, w.get("params").asLong());
        assertEquals(4100000, w.get("macs").asLong());
        assertEquals(3, w.get("standaloneEpochs").asInt());
        assertEquals(0.13, w.get("valError").asDouble(), EPS);
        assertEquals(0.12, w.get("testError").asDouble(), EPS);

        JsonNode baselines = s.get("baselines");
        assertEquals(2, baselines.size());
        assertEquals("random-1", baselines.get(0).get("name").asText());
        assertEquals(0.16, baselines.get(0).get("testError").asDouble(), EPS);
        assertEquals(SyntheticRun.EMPTY_PARAMS, baselines.get(0).get("params").asLong());
        assertEquals(SyntheticRun.EMPTY_MACS, baselines.get(0).get("macs").asLong());
        assertEquals("random-2", baselines.get(1).get("name").asText());
        assertEquals(0.19, baselines.get(1).get("testError").asDouble(), EPS);
        assertEquals(2, s.get("finals").size());
        assertEquals(0.18, s.get("finals").get(1).get("testError").asDouble(), EPS);

        assertEquals("0.35.1", s.get("versions").get("djl").asText());
        assertEquals(0, s.get("missing").size(), "nothing is missing: " + s.get("missing"));
        assertEquals(0, s.get("problems").size(), "nothing is damaged: " + s.get("problems"));

        // The top table: rank 1 is index 3 at 30.00%, all five ranked rows in score order.
        assertTrue(text.contains("<h3>Top 5 architectures</h3>"));
        assertEquals(List.of("3", "1", "0", "4", "2"), tableIndexColumn(text));
        String md = Files.readString(report.resolve("summary.md"));
        assertTrue(md.contains("| 1 | 3 | perturb | 30.00% | 2.00 pp | 61.0k | 4.10M | 3/2/3 |"), md);
        assertTrue(md.contains("| 5 | 2 | random | 50.00% | 3.00 pp | 6.15k | 2.89M | 0/0/0 |"), md);
        assertTrue(md.contains("| SMASH score min / median / max | 30.00% / 40.00% / 50.00% |"), md);
        assertTrue(md.contains("| random-1 | 6.15k | 2.89M | 2 | 17.00% | 16.00% |"), md);
        assertFalse(text.contains("This run is incomplete"));
    }

    @Test
    void halfFinishedRunSaysWhatIsMissingAndRanksFromResults() throws IOException {
        Path run = tmp.resolve("half");
        SyntheticRun.writeRunJson(run);
        SyntheticRun.writeSmash(run);
        SyntheticRun.writeSearch(run, false);

        Path html = ReportWriter.write(run);

        JsonNode s = JSON.readTree(run.resolve("report/summary.json").toFile());
        // Without ranking.json the winner is the lowest score in results.jsonl: index 3 (0.30).
        assertEquals(3, s.get("winner").get("index").asInt());
        assertTrue(s.get("winner").get("standaloneEpochs").isNull());
        assertTrue(s.get("winner").get("testError").isNull());
        assertEquals(0, s.get("baselines").size());
        String missing = s.get("missing").toString();
        assertTrue(missing.contains("search/ranking.json is missing"), missing);
        assertTrue(missing.contains("final/ has no rank-k run"), missing);
        // smash + search only: 10:00:00 -> search end 10:05:10.
        assertEquals(310.0, s.get("wallTimes").get("totalSeconds").asDouble(), EPS);

        String text = Files.readString(html);
        assertTrue(text.contains("This run is incomplete"));
        assertTrue(text.contains("The winner has not been trained stand-alone yet (final/rank-1 is missing)."));
        assertTrue(text.contains("No random baselines in this run"));
        assertEquals(List.of("3", "1", "0", "4", "2"), tableIndexColumn(text));
        checkReferences(text, run.resolve("report"));
        Set<String> plots = pngFiles(run.resolve("report/plots"));
        assertTrue(plots.contains("winner-architecture.png"), "the winner is drawn from results.jsonl");
        assertFalse(plots.contains("winner-loss.png"));
        assertFalse(plots.contains("winner-error.png"));
        assertFalse(plots.contains("test-error-comparison.png"));
    }

    @Test
    void runWithOnlyRunJsonStillGetsAReport() throws IOException {
        Path run = tmp.resolve("fresh");
        SyntheticRun.writeRunJson(run);

        Path html = ReportWriter.write(run);

        JsonNode s = JSON.readTree(run.resolve("report/summary.json").toFile());
        assertTrue(s.get("oneShot").isNull());
        assertTrue(s.get("search").isNull());
        assertTrue(s.get("winner").isNull());
        assertTrue(s.get("wallTimes").get("totalSeconds").isNull());
        assertEquals("fashion-mnist", s.get("dataSet").asText());
        String missing = s.get("missing").toString();
        assertTrue(missing.contains("smash/ is missing"), missing);
        assertTrue(missing.contains("search/ is missing"), missing);
        String text = Files.readString(html);
        assertTrue(text.contains("No one-shot training metrics"));
        assertTrue(text.contains("No architectures have been scored"));
        assertTrue(text.contains("No winner yet"));
        assertEquals(Set.of(), pngFiles(run.resolve("report/plots")));
        assertTrue(checkReferences(text, run.resolve("report")).isEmpty());
    }

    @Test
    void damagedLinesAreSkippedAndNamed() throws IOException {
        Path run = tmp.resolve("damaged");
        SyntheticRun.writeComplete(run);
        Path results = run.resolve("search/results.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(results));
        lines.add(2, "{not json");
        Files.write(results, lines);
        // A kill in the middle of a write leaves a torn last line.
        Files.writeString(run.resolve("smash/metrics.jsonl"), "{\"type\":\"epoch\",\"epo",
                java.nio.file.StandardOpenOption.APPEND);

        ReportWriter.write(run);

        JsonNode s = JSON.readTree(run.resolve("report/summary.json").toFile());
        assertEquals(5, s.get("search").get("architecturesScored").asInt(), "the five good lines are kept");
        assertEquals(3, s.get("oneShot").get("epochs").asInt());
        String problems = s.get("problems").toString();
        assertTrue(problems.contains("search/results.jsonl line 3 cannot be read; skipped: not valid JSON"), problems);
        assertTrue(problems.contains("smash/metrics.jsonl line 10 is incomplete"), problems);
    }

    @Test
    void staleWinnerPlotIsRemovedWhenTheRunLosesIt() throws IOException {
        Path run = tmp.resolve("rewrite");
        SyntheticRun.writeComplete(run);
        ReportWriter.write(run);
        assertTrue(Files.exists(run.resolve("report/plots/winner-error.png")));

        deleteTree(run.resolve("final"));
        ReportWriter.write(run);

        assertFalse(Files.exists(run.resolve("report/plots/winner-error.png")));
        assertTrue(Files.exists(run.resolve("report/plots/winner-architecture.png")));
    }

    @Test
    void experimentSectionsInTheRunFolderAppearInTheReportInNameOrder() throws IOException {
        Path run = tmp.resolve("with-experiments");
        SyntheticRun.writeComplete(run);
        SyntheticRun.write(run.resolve("experiments/trick/section.html"), "<section>TRICK-SECTION</section>\n");
        SyntheticRun.write(run.resolve("experiments/correlation/section.html"), "<section>CORR-SECTION</section>\n");
        Files.createDirectories(run.resolve("experiments/unfinished")); // no section yet: nothing shown

        String html = Files.readString(ReportWriter.write(run));

        int corr = html.indexOf("CORR-SECTION");
        int trick = html.indexOf("TRICK-SECTION");
        assertTrue(corr > 0 && trick > corr, "both sections, correlation first");
        assertTrue(html.indexOf("</main>") > trick);
    }

    @Test
    void missingRunFolderIsNamed() {
        Path nowhere = tmp.resolve("no-such-run");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ReportWriter.write(nowhere));
        assertTrue(e.getMessage().contains(nowhere.toString()), e.getMessage());
    }

    @Test
    void aFolderThatHoldsNoRunGetsNoReport() throws IOException {
        Path user = tmp.resolve("user-files");
        Files.createDirectories(user.resolve("report"));
        Files.writeString(user.resolve("report/report.html"), "mine");
        assertThrows(IllegalArgumentException.class, () -> ReportWriter.write(user));
        assertEquals("mine", Files.readString(user.resolve("report/report.html")));
        try (var files = Files.list(user.resolve("report"))) {
            assertEquals(1, files.count());
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Every src/href of the page is a PNG data URI that decodes to an image, or a relative link to a file that
     * exists next to the page; nothing is fetched from elsewhere. Returns the data URIs.
     */
    private static List<String> checkReferences(String html, Path reportDir) throws IOException {
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("<link"), "no external style sheets");
        assertFalse(html.contains("url("), "no CSS resources");
        List<String> data = new ArrayList<>();
        Matcher m = ATTRIBUTE.matcher(html);
        while (m.find()) {
            String value = m.group(2);
            if (value.startsWith("data:")) {
                assertTrue(value.startsWith("data:image/png;base64,"), "unexpected data URI " + value);
                byte[] png = Base64.getDecoder().decode(value.substring("data:image/png;base64,".length()));
                assertNotNull(ImageIO.read(new ByteArrayInputStream(png)), "a data URI is not a PNG");
                data.add(value);
            } else {
                assertFalse(value.contains(":"), "absolute reference " + value);
                assertTrue(Files.isRegularFile(reportDir.resolve(value)), "reference to a missing file " + value);
            }
        }
        return data;
    }

    /** The index column (2nd) of the top-architectures table. */
    private static List<String> tableIndexColumn(String html) {
        int start = html.indexOf("<th>rank</th><th>index</th>");
        assertTrue(start >= 0, "no top-architectures table");
        String table = html.substring(start, html.indexOf("</table>", start));
        Matcher m = Pattern.compile(
                "<tr(?: class=\"winner\")?><td class=\"num\">\\d+</td><td class=\"num\">(\\d+)</td>").matcher(table);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    private static Set<String> pngFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<Long> longs(JsonNode node) {
        List<Long> out = new ArrayList<>();
        node.elements().forEachRemaining(n -> out.add(n.asLong()));
        return out;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
