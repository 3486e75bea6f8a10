package org.smash4j.backend;

import org.smash4j.run.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Chooses the kernel setting ({@link IsaCandidate}) for this machine: the fastest one whose float32 convolutions
 * match float64 ({@link ConvCheck}), each candidate checked in its own child JVM because both settings are read
 * when libtorch loads. The verdict is cached per CPU model, vector flags and library versions, so the check runs
 * once per machine; {@code SMASH_ISA=NAME} overrides it and {@code --recheck} redoes it.
 */
public final class IsaSelection {
    /** Raise when the check's cases or rules change, so cached verdicts are redone. */
    static final int CHECK_VERSION = 1;
    /** A candidate within this fraction of the fastest correct one is preferred when it comes earlier. */
    static final double TIE = 0.05;
    /** Environment variable naming a candidate to use without checking. */
    public static final String OVERRIDE_VAR = "SMASH_ISA";
    /** Environment variable the launcher sets to the verdict's one-line description, recorded in run.json. */
    public static final String VERDICT_VAR = "SMASH_ISA_VERDICT";

    /** The outcome of one candidate's child process. */
    public record Probe(IsaCandidate candidate, boolean passed, double worstError, double float32Seconds,
            List<ConvCheck.CaseResult> cases, String failure) {
        static Probe of(IsaCandidate c, ConvCheck.Result r) {
            return new Probe(c, r.passed(), r.worstError(), r.float32Seconds(), r.cases(), null);
        }

        static Probe crashed(IsaCandidate c, String why) {
            return new Probe(c, false, Double.NaN, Double.NaN, List.of(), why);
        }
    }

    /**
     * The chosen setting and how it was reached.
     *
     * @param source  "checked" (probes run now), "cached" (read from an earlier check) or "override" (SMASH_ISA)
     * @param correct whether the chosen candidate passed the check (false only when none did)
     */
    public record Verdict(IsaCandidate chosen, boolean correct, String source, String cpu, String libraries,
            String checkedAt, List<Probe> probes) {
        /** One line: what was chosen, why, and the per-candidate timings. */
        public String line() {
            StringBuilder sb = new StringBuilder("smash: kernels ").append(chosen.describe());
            sb.append(switch (source) {
                case "override" -> ", set by " + OVERRIDE_VAR;
                case "cached" -> ", checked " + checkedAt.substring(0, 10) + " on this CPU";
                default -> ", checked now";
            });
            if (!correct) {
                sb.append(" -- WARNING: no setting passed the float32 conv check; this is the least wrong");
            }
            if (!probes.isEmpty()) {
                sb.append("; conv check");
                for (Probe p : probes) {
                    sb.append(' ').append(p.candidate().name()).append(' ').append(p.passed()
                            ? String.format(Locale.ROOT, "%.2fs", p.float32Seconds()) : "FAILED");
                }
            }
            return sb.append(" [").append(cpu).append(']').toString();
        }
    }

    private final CpuInfo cpu;
    private final String libraries;
    private final Path cacheDir;
    private final Function<IsaCandidate, Probe> prober;

    /**
     * @param prober runs one candidate's check (a child JVM in production, a stand-in in tests)
     */
    IsaSelection(CpuInfo cpu, String libraries, Path cacheDir, Function<IsaCandidate, Probe> prober) {
        this.cpu = cpu;
        this.libraries = libraries;
        this.cacheDir = cacheDir;
        this.prober = prober;
    }

    /** The selection for this machine and this classpath's libraries, probing with child JVMs. */
    public static IsaSelection forThisMachine() {
        return new IsaSelection(CpuInfo.current(), libraryVersions(), defaultCacheDir(), ChildProbe::run);
    }

    /** DJL and libtorch versions of the classpath, read without loading libtorch. */
    static String libraryVersions() {
        Properties p = new Properties();
        try (InputStream in = IsaSelection.class.getResourceAsStream("/pytorch-engine.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // falls through to "unknown"
        }
        return "djl " + p.getProperty("djl_version", "unknown") + ", libtorch "
                + p.getProperty("pytorch_version", "unknown");
    }

    /** $SMASH_CACHE_DIR, else $XDG_CACHE_HOME/smash4j, else ~/.cache/smash4j. */
    static Path defaultCacheDir() {
        String own = System.getenv("SMASH_CACHE_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("smash4j");
    }

    /** The cache file of this CPU and these libraries. */
    Path cacheFile() {
        String text = cpu.model() + "|" + cpu.vectorFlags() + "|" + libraries + "|check " + CHECK_VERSION;
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return cacheDir.resolve("isa-" + HexFormat.of().formatHex(h, 0, 8) + ".json");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The verdict: the override if {@code overrideName} is set, else the cached one unless {@code recheck},
     * else a fresh check of every candidate (written to the cache).
     */
    public Verdict resolve(String overrideName, boolean recheck, PrintStream log) throws IOException {
        List<IsaCandidate> candidates = IsaCandidate.forCpu(cpu);
        if (overrideName != null && !overrideName.isBlank()) {
            IsaCandidate c = candidates.stream().filter(x -> x.name().equals(overrideName.trim())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(OVERRIDE_VAR + "=" + overrideName
                            + " is not a setting this CPU can run; choose one of "
                            + candidates.stream().map(IsaCandidate::name).toList()));
            return new Verdict(c, true, "override", cpu.toString(), libraries, Instant.now().toString(), List.of());
        }
        Path file = cacheFile();
        if (!recheck && Files.isRegularFile(file)) {
            try {
                Verdict v = Json.MAPPER.readValue(file.toFile(), Verdict.class);
                return new Verdict(v.chosen(), v.correct(), "cached", v.cpu(), v.libraries(), v.checkedAt(),
                        v.probes());
            } catch (IOException e) {
                log.println("smash: ignoring an unreadable kernel-check cache " + file + " (" + e.getMessage() + ")");
            }
        }
        log.println("smash: checking float32 convolutions against float64 for " + candidates.size()
                + " kernel settings on " + cpu + " (once per machine) ...");
        List<Probe> probes = new ArrayList<>();
        for (IsaCandidate c : candidates) {
            Probe p = prober.apply(c);
            log.printf(Locale.ROOT, "smash:   %-62s %s%n", c.describe(), p.passed()
                    ? String.format(Locale.ROOT, "correct (worst error %.1e), convs %.2f s", p.worstError(),
                            p.float32Seconds())
                    : "WRONG: " + failureText(p));
            probes.add(p);
        }
        Verdict v = choose(probes);
        Files.createDirectories(cacheDir);
        Path tmp = Files.createTempFile(cacheDir, "isa", ".tmp");
        Json.MAPPER.writeValue(tmp.toFile(), v);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return v;
    }

    private static String failureText(Probe p) {
        if (p.failure() != null) {
            return p.failure();
        }
        for (ConvCheck.CaseResult c : p.cases()) {
            if (!c.passed()) {
                return String.format(Locale.ROOT, "%s: errors output %.2g, input gradient %.2g, weight gradient %.2g",
                        c.name(), c.output(), c.inputGradient(), c.weightGradient());
            }
        }
        return "failed";
    }

    /**
     * The fastest correct candidate, except that an earlier (wider) one within {@link #TIE} of it is preferred, so
     * timing noise does not flip the choice. When none is correct, the least wrong one, flagged.
     */
    Verdict choose(List<Probe> probes) {
        double fastest = probes.stream().filter(Probe::passed).mapToDouble(Probe::float32Seconds).min()
                .orElse(Double.NaN);
        String now = Instant.now().toString();
        if (!Double.isNaN(fastest)) {
            for (Probe p : probes) {
                if (p.passed() && p.float32Seconds() <= fastest * (1 + TIE)) {
                    return new Verdict(p.candidate(), true, "checked", cpu.toString(), libraries, now, probes);
                }
            }
        }
        Probe least = probes.get(probes.size() - 1);
        for (Probe p : probes) {
            if (Double.isFinite(p.worstError()) && !(p.worstError() >= least.worstError())) {
                least = p;
            }
        }
        return new Verdict(least.candidate(), false, "checked", cpu.toString(), libraries, now, probes);
    }

    /**
     * {@code java org.smash4j.backend.IsaSelection [--recheck] (--shell | --properties FILE)}: prints the verdict
     * line on standard error and either shell {@code export} lines for the launcher or a properties file for the
     * Maven build.
     */
    public static void main(String[] args) throws IOException {
        boolean recheck = false;
        boolean shell = false;
        Path properties = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--recheck" -> recheck = true;
                case "--shell" -> shell = true;
                case "--properties" -> properties = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        Verdict v;
        try {
            v = forThisMachine().resolve(System.getenv(OVERRIDE_VAR), recheck, System.err);
        } catch (IllegalArgumentException e) {
            System.err.println("smash: " + e.getMessage());
            System.exit(2);
            return;
        }
        System.err.println(v.line());
        Map<String, String> env = v.chosen().environment();
        if (shell) {
            env.forEach((k, val) -> System.out.println("export " + k + "=" + val));
            System.out.println("export " + VERDICT_VAR + "='" + v.line().replace("'", "") + "'");
        }
        if (properties != null) {
            Properties p = new Properties();
            env.forEach((k, val) -> p.setProperty("smash.env." + k, val));
            p.setProperty("smash.env." + VERDICT_VAR, v.line());
            Files.createDirectories(properties.toAbsolutePath().getParent());
            try (var out = Files.newOutputStream(properties)) {
                p.store(out, "written by org.smash4j.backend.IsaSelection");
            }
        }
    }
}
