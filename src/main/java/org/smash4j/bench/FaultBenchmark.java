package org.smash4j.bench;

import org.smash4j.run.RunFiles;
import org.smash4j.train.Checkpoint;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * {@code smash bench faults}: does a run survive being killed? Each command of {@link #CASES} runs once
 * uninterrupted at the tiny preset (the reference), then again and again in child JVMs killed with SIGKILL at a
 * seeded random moment of its reference duration, resumed, and compared with the reference
 * ({@link RunComparison}). Also: single bit flips in a checkpoint must fail its checksum, and {@code --out} onto a
 * folder of user files must be refused with every file untouched.
 */
public final class FaultBenchmark {
    /** The commands killed, by name; the search and the experiment use the reference one-shot run. */
    public static final List<String> CASES = List.of("train-smash", "search", "run", "experiment");

    /**
     * @param work     an empty or missing folder for all runs
     * @param cases    which of {@link #CASES} to kill, in turn
     * @param kills    kills in all, spread over the cases
     * @param bitFlips single-bit corruptions of a checkpoint to check
     */
    public record Settings(Path work, List<String> cases, int kills, int bitFlips, long seed) {
        public Settings {
            cases = List.copyOf(cases);
            if (cases.isEmpty() || !CASES.containsAll(cases)) {
                throw new IllegalArgumentException("--cases must be some of " + CASES + ", got " + cases);
            }
            if (kills < 1 || bitFlips < 0) {
                throw new IllegalArgumentException("--kills must be >= 1 and --bit-flips >= 0");
            }
        }
    }

    /** One kill: when, whether the run had already finished, and whether the resumed folder equals the reference. */
    public record Kill(String command, double killedAfterSeconds, boolean finishedFirst, int resumeExit,
            List<String> differences) {
        public boolean identical() {
            return resumeExit == 0 && differences.isEmpty();
        }
    }

    /** All outcomes. */
    public record Result(Map<String, Double> referenceSeconds, List<Kill> kills, int bitFlips, int bitFlipsDetected,
            Map<String, Boolean> userFoldersUntouched) {
    }

    private final Settings s;
    private final PrintStream log;
    private final Random random;

    private FaultBenchmark(Settings settings, PrintStream log) {
        this.s = settings;
        this.log = log;
        this.random = new Random(settings.seed());
    }

    public static Result run(Settings settings, PrintStream log) throws IOException, InterruptedException {
        org.smash4j.run.RunFolder.requireFreshFolder(settings.work());
        return new FaultBenchmark(settings, log).run();
    }

    private Result run() throws IOException, InterruptedException {
        Path ref = s.work().resolve("reference");
        Map<String, Double> seconds = new TreeMap<>();
        // The one-shot run is the reference of train-smash and the --smash of the search and the experiment.
        List<String> needed = new ArrayList<>(List.of("train-smash"));
        s.cases().stream().filter(c -> !c.equals("train-smash")).forEach(needed::add);
        for (String c : needed) {
            long t0 = System.nanoTime();
            int exit = ChildJvm.run(start(c, ref.resolve(c)), logFile("reference-" + c));
            seconds.put(c, (System.nanoTime() - t0) / 1e9);
            if (exit != 0) {
                throw new IllegalStateException("the reference " + c + " run failed (exit " + exit + "); see "
                        + logFile("reference-" + c));
            }
            log.printf(Locale.ROOT, "reference %s: %.1f s%n", c, seconds.get(c));
        }
        List<Kill> kills = new ArrayList<>();
        for (int i = 0; i < s.kills(); i++) {
            String c = s.cases().get(i % s.cases().size());
            // The same folder name as the reference's: reports show it.
            Kill k = killAndResume(c, s.work().resolve("kills").resolve(Integer.toString(i)).resolve(c), ref.resolve(c),
                    seconds.get(c));
            log.printf(Locale.ROOT, "kill %d: %s after %.1f s%s: %s%n", i + 1, c, k.killedAfterSeconds(),
                    k.finishedFirst() ? " (had finished)" : "", k.identical() ? "identical" : k.differences());
            kills.add(k);
        }
        int detected = bitFlips(ref.resolve("train-smash").resolve(RunFiles.CHECKPOINT));
        Map<String, Boolean> untouched = new TreeMap<>();
        for (String c : s.cases()) {
            untouched.put(c, userFolderUntouched(c));
        }
        return new Result(seconds, kills, s.bitFlips(), detected, untouched);
    }

    private Kill killAndResume(String c, Path dir, Path reference, double referenceSeconds)
            throws IOException, InterruptedException {
        double after = referenceSeconds * (0.05 + 0.9 * random.nextDouble());
        String name = dir.getParent().getFileName() + "-" + c;
        Process p = ChildJvm.start(start(c, dir), logFile(name + "-killed"));
        boolean finished = p.waitFor((long) (after * 1000), TimeUnit.MILLISECONDS);
        if (!finished) {
            p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
            p.waitFor();
        }
        List<String> args = Files.exists(dir.resolve(RunFiles.RUN)) ? resume(c, dir) : start(c, dir);
        int exit = ChildJvm.run(args, logFile(name + "-resumed"));
        List<String> diff = exit == 0 ? RunComparison.differences(reference, dir)
                : List.of("resume exited with " + exit + " (see " + logFile(name + "-resumed") + ")");
        return new Kill(c, after, finished, exit, diff);
    }

    /** Flips one seeded random bit of a copy of {@code checkpoint} at a time; counts the copies refused. */
    private int bitFlips(Path checkpoint) throws IOException {
        byte[] original = Files.readAllBytes(checkpoint);
        Path copy = s.work().resolve("bit-flips").resolve(RunFiles.CHECKPOINT);
        Files.createDirectories(copy.getParent());
        int detected = 0;
        for (int i = 0; i < s.bitFlips(); i++) {
            byte[] b = original.clone();
            int bit = random.nextInt(b.length * 8);
            b[bit / 8] ^= (byte) (1 << (bit % 8));
            Files.write(copy, b);
            try {
                Checkpoint.verify(copy);
            } catch (IOException e) {
                detected++;
            }
        }
        log.printf(Locale.ROOT, "bit flips: %d of %d detected%n", detected, s.bitFlips());
        return detected;
    }

    /** {@code --out} onto a folder of the user's files: refused with exit 2, every file byte-identical. */
    private boolean userFolderUntouched(String c) throws IOException, InterruptedException {
        Path dir = s.work().resolve("user-files").resolve(c);
        Map<String, String> files = Map.of("model/weights.params", "my weights", "model/architecture.json", "{}",
                "report/report.html", "<p>mine</p>", "run.log", "my notes\n", "metrics.jsonl", "{\"mine\":1}\n");
        for (var e : files.entrySet()) {
            Files.createDirectories(dir.resolve(e.getKey()).getParent());
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        int exit = ChildJvm.run(start(c, dir), logFile("user-files-" + c));
        boolean same = exit == 2;
        for (var e : files.entrySet()) {
            same &= Files.readString(dir.resolve(e.getKey()), StandardCharsets.UTF_8).equals(e.getValue());
        }
        try (var walk = Files.walk(dir)) {
            same &= walk.filter(Files::isRegularFile).count() == files.size();
        }
        log.printf(Locale.ROOT, "--out onto user files, %s: exit %d, %s%n", c, exit, same ? "untouched" : "TOUCHED");
        return same;
    }

    private List<String> start(String c, Path dir) {
        String smash = s.work().resolve("reference").resolve("train-smash").toString();
        return switch (c) {
            case "train-smash" -> List.of("train-smash", "--preset", "tiny", "--data", "fashion-mnist", "--out",
                    dir.toString());
            case "search" -> List.of("search", "--smash", smash, "--out", dir.toString(), "--random", "6",
                    "--perturb", "2", "--hill-climb", "2");
            case "run" -> List.of("run", "--preset", "tiny", "--data", "fashion-mnist", "--out", dir.toString());
            case "experiment" -> List.of("experiment", "correlation", "--smash", smash, "--scale", "tiny", "--out",
                    dir.toString());
            default -> throw new IllegalArgumentException(c);
        };
    }

    /** How each command continues a folder that holds its run (the search and experiments: the same command). */
    private List<String> resume(String c, Path dir) {
        return switch (c) {
            case "train-smash" -> List.of("train-smash", "--resume", dir.toString());
            case "run" -> List.of("run", "--resume", dir.toString());
            default -> start(c, dir);
        };
    }

    private Path logFile(String name) throws IOException {
        Path logs = s.work().resolve("logs");
        Files.createDirectories(logs);
        return logs.resolve(name + ".log");
    }

    /** The table of a result, for the terminal. */
    public static String table(Result r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-12s %10s %6s %14s %10s %8s%n", "command", "reference", "kills",
                "finished first", "identical", "failed"));
        for (String c : r.referenceSeconds().keySet()) {
            List<Kill> ks = r.kills().stream().filter(k -> k.command().equals(c)).toList();
            if (ks.isEmpty()) {
                continue;
            }
            long identical = ks.stream().filter(Kill::identical).count();
            sb.append(String.format(Locale.ROOT, "%-12s %9.1fs %6d %14d %10d %8d%n", c, r.referenceSeconds().get(c),
                    ks.size(), ks.stream().filter(Kill::finishedFirst).count(), identical, ks.size() - identical));
        }
        sb.append(String.format(Locale.ROOT, "checkpoint bit flips detected: %d of %d%n", r.bitFlipsDetected(),
                r.bitFlips()));
        r.userFoldersUntouched().forEach((c, ok) -> sb.append(String.format(Locale.ROOT,
                "--out onto a folder of user files (%s): %s%n", c, ok ? "refused, untouched" : "TOUCHED")));
        return sb.toString();
    }
}
