package org.smash4j.search;

import org.smash4j.run.RunFiles;
import org.smash4j.run.ResultsFile;
import org.smash4j.run.Ranking;
import org.smash4j.run.ScoredArchitecture;
import org.smash4j.run.RankedArchitecture;
import org.smash4j.run.Phase;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureJson;
import org.smash4j.space.ArchitectureValidator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.search.SearchFixtures.EMPTY;
import static org.smash4j.search.SearchFixtures.EMPTY_MACS;
import static org.smash4j.search.SearchFixtures.EMPTY_PARAMS;
import static org.smash4j.search.SearchFixtures.QUICK;

/**
 * The runner's files and its resume: a search killed after k results (or with a torn line) and resumed
 * ends with byte-identical results.jsonl and ranking.json, without scoring anything twice.
 */
class SearchRunnerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long SEED = 42;

    /** Every strategy in one short plan: random 12, perturb 6, hill-climb 10, evolution 14 (P 6, S 3). */
    private static SearchPlan plan() {
        return SearchPlan.builder(QUICK).random(12).perturbBest(6, 0.05).hillClimb(10, 0.05)
                .evolution(14, 6, 3, 0.05).build();
    }

    /** Three noisy draws per score, so the scores, their spread and the running ensemble all vary. */
    private static TargetConvScorer scorer() {
        return new TargetConvScorer(3, 0.02, 5);
    }

    @Test
    void aKilledSearchResumesToTheSameFiles(@TempDir Path tmp) throws IOException {
        Path whole = tmp.resolve("whole");
        SearchRunner.Summary reference = new SearchRunner(plan(), scorer(), SEED).run(whole);
        assertTrue(reference.complete());
        assertEquals(42, reference.results().size());

        for (int k : new int[]{1, 12, 15, 20, 29, 41}) {
            Path killed = tmp.resolve("killed-" + k);
            TargetConvScorer first = scorer();
            SearchRunner.Summary part = new SearchRunner(plan(), first, SEED).stopAfter(k).run(killed);
            assertFalse(part.complete());
            assertFalse(Files.exists(killed.resolve(RunFiles.RANKING)), "a killed run wrote no ranking");
            assertEquals(LongStream.range(0, k).boxed().toList(), first.scoredIndices);

            TargetConvScorer second = scorer();
            SearchRunner.Summary resumed = new SearchRunner(plan(), second, SEED).run(killed);
            assertEquals(k, resumed.replayed());
            assertTrue(resumed.complete());
            assertEquals(LongStream.range(k, 42).boxed().toList(), second.scoredIndices,
                    "the resumed run scores exactly the missing results");
            assertEquals(LongStream.range(0, k).boxed().toList(), second.restoredIndices,
                    "the scorer's running state is rebuilt from every recorded result");
            assertSameFiles(whole, killed);
        }
    }

    @Test
    void aTornLastLineIsDroppedAndWrittenAgain(@TempDir Path tmp) throws IOException {
        Path whole = tmp.resolve("whole");
        new SearchRunner(plan(), scorer(), SEED).run(whole);
        List<String> lines = Files.readAllLines(whole.resolve(RunFiles.RESULTS));

        Path torn = tmp.resolve("torn");
        Files.createDirectories(torn);
        int k = 17;
        String kept = String.join("\n", lines.subList(0, k)) + "\n";
        Files.writeString(torn.resolve(RunFiles.RESULTS), kept + lines.get(k).substring(0, 40));
        TargetConvScorer s = scorer();
        assertEquals(k, new SearchRunner(plan(), s, SEED).run(torn).replayed());
        assertEquals(k, s.scoredIndices.get(0), "the torn result is scored again");
        assertSameFiles(whole, torn);
    }

    @Test
    void resumingWithOtherSettingsIsRefused(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        new SearchRunner(plan(), scorer(), SEED).stopAfter(20).run(dir);
        Files.writeString(dir.resolve(RunFiles.RESULTS), "{\"index\":20,\"pha", StandardOpenOption.APPEND);
        byte[] before = Files.readAllBytes(dir.resolve(RunFiles.RESULTS));

        ResumeMismatchException seed = assertThrows(ResumeMismatchException.class,
                () -> new SearchRunner(plan(), scorer(), SEED + 1).run(dir));
        assertTrue(seed.getMessage().startsWith("cannot resume: result 0 does not replay: the recorded architecture"
                + " differs from the one the plan proposes now"), seed.getMessage());
        assertTrue(seed.getMessage().endsWith("The search's settings (seed, plan, search space) must be the ones it"
                + " was started with; to search with other settings, start a new search folder"), seed.getMessage());

        // Same random phase, but the perturbation phase starts later: result 12 was a perturbation, now random.
        long base = bestBefore(Files.readAllLines(dir.resolve(RunFiles.RESULTS)), 12);
        SearchPlan longer = SearchPlan.builder(QUICK).random(14).perturbBest(6, 0.05).build();
        ResumeMismatchException phase = assertThrows(ResumeMismatchException.class,
                () -> new SearchRunner(longer, scorer(), SEED).run(dir));
        assertTrue(phase.getMessage().startsWith("cannot resume: result 12 does not replay: phase 'perturb' was"
                + " recorded, the plan now gives 'random'; parent " + base + " was recorded, the plan now gives null;"
                + " the recorded architecture differs from the one the plan proposes now ("), phase.getMessage());

        SearchPlan shorter = SearchPlan.builder(QUICK).random(12).perturbBest(6, 0.05).build();
        ResumeMismatchException tooMany = assertThrows(ResumeMismatchException.class,
                () -> new SearchRunner(shorter, scorer(), SEED).run(dir));
        assertTrue(tooMany.getMessage().contains("holds 20 results, but the plan (random 12, then perturb 6"
                + " {probability=0.05}) has only 18"), tooMany.getMessage());
        assertArrayEquals(before, Files.readAllBytes(dir.resolve(RunFiles.RESULTS)),
                "a refused resume leaves the results untouched, torn line included");
    }

    @Test
    void resultLinesFieldByField(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        new SearchRunner(plan(), scorer(), SEED).run(dir);
        List<String> lines = Files.readAllLines(dir.resolve(RunFiles.RESULTS));
        assertEquals(42, lines.size());
        double ensembleSum = 0;
        for (int i = 0; i < lines.size(); i++) {
            JsonNode o = JSON.readTree(lines.get(i));
            assertEquals(List.of("index", "phase", "architecture", "score", "scores", "scoreStd", "loss", "params",
                    "macs", "seconds", "ensembleError", "parent"), names(o), "line " + i);
            assertEquals(i, o.get("index").longValue());
            String expectedPhase = i < 12 ? "random" : i < 18 ? "perturb" : i < 28 ? "hill-climb"
                    : i < 34 ? "random" : "evolution"; // evolution's first P = 6 are its random population
            assertEquals(expectedPhase, o.get("phase").asText(), "line " + i);
            Architecture a = ArchitectureJson.readArchitecture(o.get("architecture").toString());
            assertTrue(ArchitectureValidator.isValid(a, QUICK), "line " + i);
            // The synthetic scorer's three draws are distance + 0.02 * N(0,1); score is their mean.
            double distance = TargetConvScorer.distance(a);
            assertEquals(3, o.get("scores").size());
            double mean = 0;
            for (JsonNode d : o.get("scores")) {
                assertEquals(distance, d.doubleValue(), 0.02 * 6, "a draw more than 6 std from its distance");
                mean += d.doubleValue() / 3;
            }
            assertEquals(mean, o.get("score").doubleValue(), 1e-12);
            assertTrue(o.get("scoreStd").doubleValue() > 0 && o.get("scoreStd").doubleValue() < 0.1);
            assertEquals(2 * distance, o.get("loss").doubleValue(), 1e-12);
            assertEquals(0.5 + i % 3, o.get("seconds").doubleValue(), "the scorer's own time is written");
            ensembleSum += o.get("score").doubleValue();
            assertEquals(ensembleSum / (i + 1), o.get("ensembleError").doubleValue(), 1e-12);
            assertTrue(o.get("params").longValue() > EMPTY_PARAMS, "ops add parameters to the empty network");
            assertTrue(o.get("macs").longValue() > EMPTY_MACS);
            JsonNode parent = o.get("parent");
            if (expectedPhase.equals("random")) {
                assertTrue(parent.isNull(), "line " + i);
            } else {
                assertTrue(parent.isIntegralNumber() && parent.longValue() < i, "line " + i);
            }
            if (expectedPhase.equals("perturb")) {
                assertEquals(bestBefore(lines, 12), parent.longValue(), "perturbations share the best random base");
            }
        }
    }

    @Test
    void rankingSortsDistinctArchitecturesByScore(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        SearchRunner.Summary summary = new SearchRunner(plan(), scorer(), SEED).run(dir);
        Ranking.Document doc = Ranking.read(dir.resolve(RunFiles.RANKING));
        assertEquals(QUICK, doc.space());
        List<ScoredArchitecture> results = summary.results();
        Set<Architecture> distinct = results.stream().map(ScoredArchitecture::architecture).collect(Collectors.toSet());
        assertEquals(distinct.size(), doc.ranked().size());
        for (int i = 0; i < doc.ranked().size(); i++) {
            RankedArchitecture r = doc.ranked().get(i);
            assertEquals(i + 1, r.rank());
            ScoredArchitecture source = results.get((int) r.index());
            assertEquals(source.architecture(), r.architecture());
            assertEquals(source.error(), r.score());
            assertEquals(source.params(), r.params());
            if (i > 0) {
                assertTrue(doc.ranked().get(i - 1).score() <= r.score(), "sorted ascending at rank " + (i + 1));
            }
        }
        double lowest = results.stream().mapToDouble(ScoredArchitecture::error).min().orElseThrow();
        assertEquals(lowest, doc.ranked().get(0).score());
        assertEquals(summary.best().index(), doc.ranked().get(0).index());
    }

    @Test
    void aDuplicateReusesTheEarlierScore(@TempDir Path tmp) throws IOException {
        // A strategy that always proposes the empty architecture: result 0 is scored, 1 and 2 are duplicates.
        SearchPlan plan = SearchPlan.builder(QUICK).add(3, start -> constant("constant", EMPTY), Map.of()).build();
        TargetConvScorer s = new TargetConvScorer(2, 0.1, 3);
        Path dir = tmp.resolve("run");
        new SearchRunner(plan, s, 0).run(dir);
        assertEquals(List.of(0L), s.scoredIndices, "only the first occurrence is scored");
        List<String> lines = Files.readAllLines(dir.resolve(RunFiles.RESULTS));
        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(EMPTY_PARAMS, first.get("params").longValue(), "params counted by hand in CostModelTest");
        assertEquals(EMPTY_MACS, first.get("macs").longValue(), "MACs counted by hand in CostModelTest");
        assertEquals(0.5, first.get("seconds").doubleValue());
        for (int i = 1; i < 3; i++) {
            JsonNode dup = JSON.readTree(lines.get(i));
            for (String f : List.of("architecture", "score", "scores", "scoreStd", "loss", "params", "macs",
                    "ensembleError")) {
                assertEquals(first.get(f), dup.get(f), "line " + i + " field " + f);
            }
            assertEquals(0.0, dup.get("seconds").doubleValue(), "no time was spent on a duplicate");
        }
        Ranking.Document doc = Ranking.read(dir.resolve(RunFiles.RANKING));
        assertEquals(1, doc.ranked().size(), "an architecture is ranked once");
        assertEquals(0, doc.ranked().get(0).index());

        // Resuming after the duplicate: the recorded duplicate is not restored into the scorer's state.
        Path part = tmp.resolve("part");
        new SearchRunner(plan, new TargetConvScorer(2, 0.1, 3), 0).stopAfter(2).run(part);
        TargetConvScorer resumed = new TargetConvScorer(2, 0.1, 3);
        new SearchRunner(plan, resumed, 0).run(part);
        assertEquals(List.of(0L), resumed.restoredIndices);
        assertEquals(List.of(), resumed.scoredIndices);
        assertSameFiles(dir, part);
    }

    @Test
    void anInvalidProposalIsCaughtBeforeItIsScored(@TempDir Path tmp) {
        // Block 0 reads bank 2, which is not written yet: a strategy bug that must not reach the scorer.
        Architecture broken = ArchitectureJson.readArchitecture(SearchFixtures.SMALL_JSON.replace("\"reads\":[0,1]",
                "\"reads\":[0,2]"));
        SearchPlan plan = SearchPlan.builder(QUICK).add(1, start -> constant("broken", broken), Map.of()).build();
        TargetConvScorer s = scorer();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new SearchRunner(plan, s, 0).run(tmp.resolve("run")));
        assertEquals("strategy 'broken' proposed an invalid architecture for result 0: block 0, op 0: reads bank 2,"
                + " which is not yet written (banks 0..1 are)", e.getMessage());
        assertEquals(List.of(), s.scoredIndices);
    }

    @Test
    void progressShowsTheBestScore(@TempDir Path tmp) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SearchRunner.Summary s = new SearchRunner(plan(), scorer(), SEED)
                .progressTo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run(tmp.resolve("run"));
        String shown = bytes.toString(StandardCharsets.UTF_8);
        // The bar is always redrawn for the last result, with the final best.
        assertTrue(shown.contains("search [########################] 42/42"), shown);
        assertTrue(shown.contains(String.format(java.util.Locale.ROOT, "evolution  best %.4f (#%d)",
                s.best().error(), s.best().index())), shown);
    }

    @Test
    void rankingCanBeWrittenOnTheWay(@TempDir Path tmp) throws IOException {
        Path dir = tmp.resolve("run");
        new SearchRunner(plan(), scorer(), SEED).rankingEvery(10).stopAfter(25).run(dir);
        // Written after results 10 and 20, not at 25 (the run stopped as if killed): it ranks results 0..19.
        List<ScoredArchitecture> first20 = ResultsFile.read(dir.resolve(RunFiles.RESULTS), QUICK).results()
                .subList(0, 20);
        assertEquals(Ranking.toJson(QUICK, first20), Files.readString(dir.resolve(RunFiles.RANKING)));
        assertEquals(20, Ranking.rank(first20).size(), "twenty distinct architectures");
    }

    /** A strategy that always proposes {@code a}. */
    private static SearchStrategy constant(String name, Architecture a) {
        return new SearchStrategy() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Proposal propose(long index, List<ScoredArchitecture> history, RandomGenerator rng) {
                return new Proposal(a, Phase.RANDOM, null);
            }
        };
    }

    private static long bestBefore(List<String> lines, int end) throws IOException {
        long best = -1;
        double lowest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < end; i++) {
            double v = JSON.readTree(lines.get(i)).get("score").doubleValue();
            if (v < lowest) {
                lowest = v;
                best = i;
            }
        }
        return best;
    }

    private static List<String> names(JsonNode o) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static void assertSameFiles(Path expected, Path actual) throws IOException {
        for (String f : List.of(RunFiles.RESULTS, RunFiles.RANKING)) {
            List<String> want = Files.readAllLines(expected.resolve(f));
            List<String> got = Files.readAllLines(actual.resolve(f));
            for (int i = 0; i < Math.min(want.size(), got.size()); i++) {
                assertEquals(want.get(i), got.get(i), f + " line " + (i + 1) + " differs in " + actual.getFileName());
            }
            assertEquals(want.size(), got.size(), f + " line count in " + actual.getFileName());
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
        }
    }
}
