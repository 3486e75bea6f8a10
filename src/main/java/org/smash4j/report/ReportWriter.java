package org.smash4j.report;

import org.smash4j.run.RunFiles;
import org.smash4j.run.ScoredArchitecture;

import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureDescription;
import org.smash4j.space.ArchitectureValidator;
import org.smash4j.space.NormStyle;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.run.AtomicFiles;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Makes the report of a pipeline run folder: {@code RUN/report/report.html} (self-contained: plots are embedded as
 * data URIs and there is no external CSS, script or font), {@code summary.json}, {@code summary.md} and the PNG
 * plots in {@code RUN/report/plots/}. It only reads the run folder, so it can be re-made at any time; each part the
 * run has not produced yet is reported as missing rather than failing.
 */
public final class ReportWriter {
    /** Rows of the ranking table. */
    public static final int TOP = 10;
    public static final String SUMMARY_MD = "summary.md";

    static {
        ensureHeadless();
    }

    private ReportWriter() {
    }

    /**
     * The report never opens a window, and a server has no display: AWT must start headless. Set before the
     * first AWT class initialises; a value the user set explicitly is kept.
     */
    static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /**
     * Writes the report of {@code runDir} into {@code runDir/report/}: a pipeline run's, with a section for the
     * transfers in {@code runDir/transfers/}; or, for a {@code smash transfer} run, its result beside the source's.
     *
     * @return the path of report.html
     * @throws IllegalArgumentException if {@code runDir} is not a run folder (no run.json, nor smash/ or search/
     *                                  holding one: the report is written only into folders a run owns, never
     *                                  among the user's files)
     * @throws IOException              if the report files cannot be written
     */
    public static Path write(Path runDir) throws IOException {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("run folder " + runDir + " does not exist or is not a folder");
        }
        if (!Files.isRegularFile(runDir.resolve(RunFiles.RUN))
                && !Files.isRegularFile(runDir.resolve(RunFiles.SMASH_DIR).resolve(RunFiles.RUN))
                && !Files.isRegularFile(runDir.resolve(RunFiles.SEARCH_DIR).resolve(RunFiles.RUN))) {
            throw new org.smash4j.run.RunFolderException(runDir + " is not a run folder (no " + RunFiles.RUN
                    + "); the report is written only into a run's own folder");
        }
        RunInfo info = Files.isDirectory(runDir) ? new RunReader(runDir).readInfo(runDir, "") : null;
        if (info != null && TransferRun.COMMAND.equals(info.command())) {
            return TransferReport.write(runDir);
        }
        RunContents contents = RunContents.read(runDir);
        ReportParts parts = build(contents);
        Path reportDir = runDir.resolve(RunFiles.REPORT_DIR);
        Path plotsDir = reportDir.resolve(RunFiles.PLOTS_DIR);
        Files.createDirectories(plotsDir);
        Set<String> written = new HashSet<>();
        for (ReportPlots.Plot p : parts.allPlots()) {
            byte[] png = p.png();
            AtomicFiles.write(plotsDir.resolve(p.file()), out -> out.write(png));
            written.add(p.file());
        }
        // A plot the run no longer supports (say, its data was deleted) must not linger from an earlier report.
        try (Stream<Path> old = Files.list(plotsDir)) {
            for (Path p : old.toList()) {
                if (p.getFileName().toString().endsWith(".png") && !written.contains(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
        AtomicFiles.writeString(reportDir.resolve(RunFiles.REPORT_SUMMARY), parts.summary().toJson());
        AtomicFiles.writeString(reportDir.resolve(SUMMARY_MD), MarkdownReport.render(parts));
        Path html = reportDir.resolve(RunFiles.REPORT_HTML);
        AtomicFiles.writeString(html, HtmlReport.render(parts));
        return html;
    }

    /** Works out every part of the report. */
    static ReportParts build(RunContents c) {
        RunSummary summary = RunSummary.of(c);
        List<RankedRow> rows = Leaderboard.rows(c);
        List<String> notes = new ArrayList<>();

        List<ReportPlots.Plot> oneShot = new ArrayList<>();
        addIfPresent(oneShot, TrainingCharts.oneShotLoss(c.smashMetrics()));
        addIfPresent(oneShot, TrainingCharts.oneShotError(c.smashMetrics()));
        addIfPresent(oneShot, ConditioningPlot.of(c.smashMetrics()));

        List<ReportPlots.Plot> search = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        List<SearchCharts.ScorePoint> points = new ArrayList<>();
        if (!c.results().isEmpty()) {
            for (ScoredArchitecture r : c.results()) {
                scores.add(r.error());
                points.add(new SearchCharts.ScorePoint(Math.toIntExact(r.index()), r.phase().jsonName(), r.error(),
                        r.params(), r.macs()));
            }
        } else {
            for (RankedRow r : rows) {
                scores.add(r.score());
                points.add(new SearchCharts.ScorePoint(r.index(), r.phase(), r.score(), r.params(), r.macs()));
            }
        }
        Integer winnerIndex = rows.isEmpty() ? null : rows.get(0).index();
        addIfPresent(search, SearchCharts.scoreHistogram(scores));
        addIfPresent(search, SearchCharts.scoreVsParams(points, winnerIndex));
        addIfPresent(search, SearchCharts.scoreVsMacs(points, winnerIndex));
        addIfPresent(search, SearchCharts.searchProgress(c.results()));

        // The winner: rank 1 of the search; without a search, what final/rank-1 trained.
        TrainedModel winnerRun = c.winnerTraining();
        Architecture winner = rows.isEmpty() ? null : rows.get(0).architecture();
        SearchSpaceConfig space = c.space();
        if (winner == null && winnerRun != null && winnerRun.document() != null) {
            winner = winnerRun.document().architecture();
            space = winnerRun.document().space();
        }
        ReportPlots.Plot diagram = null;
        String description = null;
        if (winner != null && space == null) {
            notes.add("the winner's architecture cannot be drawn: no search-space configuration was found"
                    + " (search/ranking.json, final/rank-1/model/architecture.json or smash/run.json)");
        } else if (winner != null) {
            List<String> problems = ArchitectureValidator.problems(winner, space);
            if (!problems.isEmpty()) {
                notes.add("the winner's architecture is not valid for the run's search space, so it is not drawn: "
                        + String.join("; ", problems));
            } else {
                String title = String.format(Locale.ROOT, "Winner%s: %d ops, %d of %d encoding slices (N = %d, D = %d)",
                        rows.isEmpty() ? "" : " #" + rows.get(0).index(), winner.opCount(),
                        winner.usedSlices(space), fullSlices(space), space.n(), space.depthCompression());
                diagram = new ReportPlots.Plot("winner-architecture.png", "Architecture of the winner",
                        "Memory banks (columns) and ops (rows, in execution order) of each block, as in Figure 1 of"
                                + " the paper: a circle marks a bank the op reads; a square a bank it writes, orange"
                                + " when it adds into a bank already written, green when it allocates a new one."
                                + " Each row ends with the op's output channels and its conv (kernel height x"
                                + " width, dilation d, groups g).",
                        png(ArchitectureDiagram.render(winner, space, title)), true);
                description = ArchitectureDescription.describe(winner, space, normStyle(winnerRun));
            }
        }
        List<ReportPlots.Plot> winnerTraining = winnerRun == null ? List.of()
                : TrainingCharts.winnerTraining(winnerRun.metrics(), winnerRun.name());

        List<SearchCharts.TestError> testErrors = new ArrayList<>();
        for (RunSummary.Trained t : summary.finals()) {
            if (t.testError() != null) {
                testErrors.add(new SearchCharts.TestError(t.name(), true, t.testError()));
            }
        }
        int finalsWithTest = testErrors.size();
        for (RunSummary.Trained t : summary.baselines()) {
            if (t.testError() != null) {
                testErrors.add(new SearchCharts.TestError(t.name(), false, t.testError()));
            }
        }
        ReportPlots.Plot comparison = finalsWithTest > 0 && testErrors.size() > finalsWithTest
                ? SearchCharts.finalComparison(testErrors) : null;
        return new ReportParts(c, summary, rows.subList(0, Math.min(TOP, rows.size())), oneShot, search, winner,
                diagram, description, winnerTraining, comparison, notes, TransferRun.readAll(c.runDir()));
    }

    private static NormStyle normStyle(TrainedModel run) {
        if (run != null && run.normStyle() != null) {
            try {
                return NormStyle.valueOf(run.normStyle().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // An unknown name falls back to the stand-alone default below.
            }
        }
        return NormStyle.SANDWICH;
    }

    private static int fullSlices(SearchSpaceConfig space) {
        int s = 0;
        for (int b = 0; b < SearchSpaceConfig.BLOCKS; b++) {
            s += space.geometry().budgetSlices(b);
        }
        return s;
    }

    private static void addIfPresent(List<ReportPlots.Plot> list, ReportPlots.Plot p) {
        if (p != null) {
            list.add(p);
        }
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot encode an image as PNG", e);
        }
    }
}
