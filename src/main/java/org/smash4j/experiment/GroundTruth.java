package org.smash4j.experiment;

import org.smash4j.run.RunFiles;
import org.smash4j.experiment.stats.Bootstrap;
import org.smash4j.experiment.stats.ConfidenceInterval;
import org.smash4j.experiment.stats.Correlation;
import org.smash4j.experiment.stats.Summary;
import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureDocument;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.run.RunFolder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The true errors a correlation experiment compares scores with: candidates trained from scratch, optionally
 * taken from another correlation experiment on the same architectures and candidate settings (so that several
 * one-shot networks are judged on one set of trained candidates, the expensive part), and a few candidates trained
 * a second time with another seed, which measures how far the ground truth itself can rank (the noise ceiling).
 */
final class GroundTruth {
    static final String REPEAT_KEY = "repeat/";
    /** The ledger key of the candidates a correlation is computed on, recorded once they are chosen. */
    static final String CANDIDATES_KEY = "candidates";

    /** The indices of the candidates a correlation experiment computes its correlation on. */
    record CandidateSet(List<Integer> indices) {
    }

    private final Ledger ledger;
    private final Ledger reused;
    /** The reused experiment's candidates: its trained architectures less its search-against-random picks. */
    private final List<Integer> reusedCandidates;
    private final CandidateTraining training;
    private final CandidateTraining repeatTraining;
    private final SearchSpaceConfig space;
    private final Path dir;
    private final PrintStream progress;

    /**
     * @param reusedDir a correlation experiment whose trained candidates are taken, or null; it must have drawn the
     *                  same architectures and trained them with the same settings (checked)
     */
    GroundTruth(Path dir, Ledger ledger, Path reusedDir, CandidateTraining training, SearchSpaceConfig space,
            PrintStream progress) throws IOException {
        this.dir = dir;
        this.ledger = ledger;
        this.training = training;
        this.repeatTraining = new CandidateTraining(training.epochs(), training.data(), training.seed() + 1,
                training.device());
        this.space = space;
        this.progress = progress;
        CorrelationExperiment.Config other = reusedDir == null ? null : check(reusedDir, training, space);
        this.reused = reusedDir == null ? null : new Ledger(RunFolder.open(reusedDir));
        this.reusedCandidates = reusedDir == null ? null : candidatesOf(reusedDir, reused, other, new HashSet<>());
    }

    /** The configuration of the experiment in {@code reusedDir}, checked to have drawn and trained like this one. */
    private static CorrelationExperiment.Config check(Path reusedDir, CandidateTraining training,
            SearchSpaceConfig space) throws IOException {
        if (!Files.isRegularFile(reusedDir.resolve(RunFiles.RUN))) {
            throw new IllegalArgumentException("--ground-truth " + reusedDir + " is not an experiment folder");
        }
        RunFolder run = RunFolder.open(reusedDir);
        if (!CorrelationExperiment.NAME.equals(ExperimentFolder.experimentOf(reusedDir))) {
            throw new IllegalArgumentException("--ground-truth " + reusedDir + " is not a correlation experiment");
        }
        CorrelationExperiment.Config other = run.config(ExperimentFolder.COMMAND_PREFIX + CorrelationExperiment.NAME,
                CorrelationExperiment.Config.class);
        SearchSpaceConfig otherSpace = OneShotSource.configOf(Path.of(other.smashRun())).space();
        CandidateTraining otherTraining = new CandidateTraining(other.epochs(),
                CorrelationExperiment.candidateData(OneShotSource.configOf(Path.of(other.smashRun())).data(), other),
                other.seed(), other.device());
        List<String> why = new ArrayList<>();
        if (!otherSpace.equals(space)) {
            why.add("another search space");
        }
        if (!Objects.equals(otherTraining, training)) {
            why.add("other candidate training (" + otherTraining + " vs " + training + ")");
        }
        if (other.seed() != training.seed() || other.architectures() < 1) {
            why.add("another architecture seed");
        }
        if (!why.isEmpty()) {
            throw new IllegalArgumentException("--ground-truth " + reusedDir + " cannot be reused: " + why);
        }
        return other;
    }

    private static CorrelationExperiment.Config configOf(Path dir) throws IOException {
        return RunFolder.open(dir).config(ExperimentFolder.COMMAND_PREFIX + CorrelationExperiment.NAME,
                CorrelationExperiment.Config.class);
    }

    /**
     * The candidates of the experiment in {@code dir}: recorded in its ledger, or, in experiments written before
     * they were, chosen again the way its configuration chose them (its own ground truth's, the first samples, or
     * every k-th by its first scorer). Its search-against-random picks are trained too but are not candidates: they
     * were chosen by score, and would bias a correlation that reuses them.
     */
    private static List<Integer> candidatesOf(Path dir, Ledger ledger, CorrelationExperiment.Config c,
            Set<Path> seen) throws IOException {
        CandidateSet recorded = ledger.get(CANDIDATES_KEY, CandidateSet.class);
        if (recorded != null) {
            return recorded.indices();
        }
        if (c.groundTruth() != null) {
            Path g = Path.of(c.groundTruth());
            if (!seen.add(g.toAbsolutePath().normalize()) || !Files.isRegularFile(g.resolve(RunFiles.RUN))) {
                throw new IllegalArgumentException("--ground-truth " + dir + " took its candidates from " + g
                        + ", which is gone, and predates the record of its candidates; it cannot be reused");
            }
            return candidatesOf(g, new Ledger(RunFolder.open(g)), configOf(g), seen);
        }
        return c.chooseCandidates(() -> {
            ScorerVariant first = ScorerVariant.parse(c.scorers().get(0));
            List<ScoreRecord> scores = new ArrayList<>();
            for (int i = 0; i < c.architectures(); i++) {
                ScoreRecord s = ledger.get(CorrelationExperiment.scoreKey(first, i), ScoreRecord.class);
                if (s == null) {
                    throw new IllegalArgumentException("--ground-truth " + dir + " has not scored its architectures"
                            + " yet");
                }
                scores.add(s);
            }
            return scores;
        });
    }

    /** The reused experiment's candidates that it has trained, in index order (empty without one). */
    List<Integer> reusedIndices(int architectures) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < architectures && reused != null; i++) {
            if (reusedCandidates.contains(i) && reused.has(CorrelationExperiment.trainKey(i))) {
                out.add(i);
            }
        }
        return out;
    }

    /** Records the candidates of this experiment once chosen (so that experiments reusing it take exactly these). */
    List<Integer> record(List<Integer> candidates) {
        return ledger.computeIfAbsent(CANDIDATES_KEY, CandidateSet.class, () -> new CandidateSet(candidates))
                .indices();
    }

    /** The true error of architecture {@code i}: recorded, reused, or trained now. */
    TrueError of(int i, Architecture arch) {
        String key = CorrelationExperiment.trainKey(i);
        return ledger.computeIfAbsent(key, TrueError.class, () -> {
            TrueError t = reused == null ? null : reused.get(key, TrueError.class);
            return t != null ? t : training.train(dir.resolve("candidates/arch-" + i),
                    new ArchitectureDocument(space, arch), progress);
        });
    }

    /** The true error of {@code arch} trained a second time, with the candidate seed + 1. */
    TrueError repeat(int i, Architecture arch) {
        String key = REPEAT_KEY + i;
        return ledger.computeIfAbsent(key, TrueError.class, () -> {
            TrueError t = reused == null ? null : reused.get(key, TrueError.class);
            return t != null ? t : repeatTraining.train(dir.resolve("candidates/arch-" + i + "-seed2"),
                    new ArchitectureDocument(space, arch), progress);
        });
    }

    /** One candidate trained twice. */
    record Pair(int index, double first, double second) {
    }

    /**
     * How reproducible the true errors are: the Spearman correlation between the two trainings of the repeated
     * candidates (with a bootstrap interval), the seed-to-seed standard deviation of one candidate's error
     * (sd of the differences / sqrt 2), the standard deviation of the true errors across all trained candidates,
     * and the reliability 1 - seedSd^2 / acrossSd^2: the share of the spread between candidates that is not seed
     * noise. A score cannot be expected to correlate with the true error better than the true error repeats.
     */
    record NoiseCeiling(List<Pair> pairs, CorrelationAnalysis.Coefficient spearman, double seedSd,
            double acrossSd, double reliability) {
        static NoiseCeiling of(List<Pair> pairs, double[] allErrors, long seed, int resamples) {
            double[] a = pairs.stream().mapToDouble(Pair::first).toArray();
            double[] b = pairs.stream().mapToDouble(Pair::second).toArray();
            double[] diff = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                diff[i] = a[i] - b[i];
            }
            double seedSd = a.length < 2 ? Double.NaN : Math.sqrt(sumSquares(diff) / a.length / 2);
            double acrossSd = allErrors.length < 2 ? Double.NaN : Summary.sampleStd(allErrors);
            CorrelationAnalysis.Coefficient rho = null;
            if (a.length >= 3 && Correlation.undefinedReason(a, b).isEmpty()) {
                ConfidenceInterval ci = Bootstrap.withSeed(seed).withResamples(resamples).percentile(a, b,
                        Correlation.Measure.SPEARMAN);
                rho = new CorrelationAnalysis.Coefficient(ci.estimate(), ci.lower(), ci.upper(), ci.resamples(),
                        ci.skipped());
            }
            return new NoiseCeiling(pairs, rho, seedSd, acrossSd, 1 - seedSd * seedSd / (acrossSd * acrossSd));
        }

        void addTo(ExperimentPage page) {
            page.paragraph(String.format(java.util.Locale.ROOT, "Noise ceiling: %d candidates were trained a second"
                    + " time with another seed. Seed-to-seed Spearman rho of their test errors: %s. One candidate's"
                    + " test error varies by %s (sd) from seed to seed; the true errors of the candidates spread by %s"
                    + " (sd), so %.0f%% of that spread is not seed noise (reliability). A score cannot rank the"
                    + " candidates better than their true errors repeat.", pairs.size(), spearman == null ? "undefined"
                    : String.format(java.util.Locale.ROOT, "%.3f [%.3f, %.3f]", spearman.estimate(), spearman.lower(),
                    spearman.upper()), ExperimentPage.pct(seedSd), ExperimentPage.pct(acrossSd), 100 * reliability));
            List<List<String>> t = new ArrayList<>();
            t.add(List.of("#", "test error (seed 1)", "test error (seed 2)"));
            for (Pair p : pairs) {
                t.add(List.of(Integer.toString(p.index()), ExperimentPage.pct(p.first()), ExperimentPage.pct(p.second())));
            }
            page.table(t);
        }

        private static double sumSquares(double[] v) {
            double s = 0;
            for (double d : v) {
                s += d * d;
            }
            return s;
        }
    }
}
