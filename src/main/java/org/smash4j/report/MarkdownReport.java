package org.smash4j.report;

import org.smash4j.run.RunFiles;
import java.util.List;
import java.util.Map;

/**
 * Writes summary.md: the numbers of summary.json and the top-10 table as readable Markdown, with links to the
 * plots in {@code plots/} (relative, so the file reads well in a repository browser or an editor's preview).
 */
final class MarkdownReport {
    private MarkdownReport() {
    }

    static String render(ReportParts p) {
        RunSummary s = p.summary();
        StringBuilder m = new StringBuilder();
        m.append("# SMASH run report: ").append(cell(s.run())).append("\n\n");
        m.append("Data set **").append(cell(Formats.text(s.dataSet()))).append("**, preset **")
                .append(cell(Formats.text(s.preset()))).append("**. The full report with plots is `")
                .append(RunFiles.REPORT_HTML).append("`.\n\n");
        if (!s.missing().isEmpty()) {
            m.append("**This run is incomplete.** Not there yet:\n\n");
            for (String x : s.missing()) {
                m.append("- ").append(x).append('\n');
            }
            m.append('\n');
        }
        if (!s.problems().isEmpty() || !p.notes().isEmpty()) {
            m.append("**Could not be read or drawn:**\n\n");
            for (String x : s.problems()) {
                m.append("- ").append(x).append('\n');
            }
            for (String x : p.notes()) {
                m.append("- ").append(x).append('\n');
            }
            m.append('\n');
        }

        m.append("## One-shot training\n\n");
        RunSummary.OneShot o = s.oneShot();
        if (o == null) {
            m.append("_Not run: smash/metrics.jsonl is missing or empty._\n\n");
        } else {
            m.append("| | |\n|---|---|\n");
            row(m, "epochs / steps", o.epochs() + " / " + o.steps());
            row(m, "final train loss / error", Formats.number(o.trainLoss()) + " / " + Formats.percent(o.trainError()));
            row(m, "final validation loss / error", Formats.number(o.valLoss()) + " / "
                    + Formats.percent(o.valError()));
            m.append('\n');
            images(m, p.oneShotPlots());
        }

        m.append("## Architecture search\n\n");
        RunSummary.Search r = s.search();
        if (r == null) {
            m.append("_No architectures have been scored._\n\n");
        } else {
            m.append("| | |\n|---|---|\n");
            row(m, "architectures scored", Integer.toString(r.architecturesScored()));
            StringBuilder phases = new StringBuilder();
            for (Map.Entry<String, Integer> e : r.byPhase().entrySet()) {
                phases.append(phases.length() == 0 ? "" : ", ").append(e.getValue()).append(' ').append(e.getKey());
            }
            if (phases.length() > 0) {
                row(m, "by phase", phases.toString());
            }
            row(m, "SMASH score min / median / max", Formats.percent(r.scoreMin()) + " / "
                    + Formats.percent(r.scoreMedian()) + " / " + Formats.percent(r.scoreMax()));
            if (r.ensembleError() != null) {
                row(m, "ensemble error", Formats.percent(r.ensembleError()));
            }
            m.append('\n');
            m.append("### Top ").append(p.top().size()).append(" architectures\n\n")
                    .append("| rank | index | phase | SMASH score | std | params | MACs | ops per block |\n")
                    .append("|---:|---:|---|---:|---:|---:|---:|---:|\n");
            for (RankedRow row : p.top()) {
                m.append("| ").append(row.rank()).append(" | ").append(row.index()).append(" | ")
                        .append(cell(row.phase().isEmpty() ? Formats.UNKNOWN : row.phase())).append(" | ")
                        .append(Formats.percent(row.score())).append(" | ").append(Formats.points(row.scoreStd()))
                        .append(" | ").append(Formats.count(row.params())).append(" | ")
                        .append(Formats.count(row.macs())).append(" | ")
                        .append(ReportParts.opsPerBlock(row.architecture())).append(" |\n");
            }
            m.append('\n');
            images(m, p.searchPlots());
        }

        m.append("## The winner\n\n");
        RunSummary.Winner w = s.winner();
        if (w == null) {
            m.append("_No winner yet._\n\n");
        } else {
            m.append("| | |\n|---|---|\n");
            row(m, "index", w.index() + (w.phase() == null ? "" : " (" + w.phase() + ")"));
            row(m, "SMASH score", Formats.percent(w.score())
                    + (w.scoreStd() == null ? "" : " ± " + Formats.points(w.scoreStd())));
            row(m, "found by", w.evaluator() == null ? "unknown evaluator" : "the " + w.evaluator() + " evaluator");
            row(m, "parameters / MACs", Formats.count(w.params()) + " / " + Formats.count(w.macs()));
            row(m, "stand-alone validation / test error", w.standaloneEpochs() == null ? "not trained yet"
                    : Formats.percent(w.valError()) + " / " + Formats.percent(w.testError())
                    + (w.testTop5Error() == null ? "" : " (top-5 " + Formats.percent(w.testTop5Error()) + ")") + " after "
                    + Formats.plural(w.standaloneEpochs(), "epoch"));
            m.append('\n');
        }
        if (p.diagram() != null) {
            images(m, List.of(p.diagram()));
        }
        images(m, p.winnerTrainingPlots());
        trained(m, "Final runs", s.finals());
        trained(m, "Random baselines", s.baselines());
        if (p.comparisonPlot() != null) {
            images(m, List.of(p.comparisonPlot()));
        }
        TransferReport.markdownSection(m, p);

        m.append("## Wall times, seeds, versions\n\n| stage | time |\n|---|---:|\n");
        for (Map.Entry<String, Double> e : s.wallTimes().stageSeconds().entrySet()) {
            m.append("| ").append(cell(e.getKey())).append(" | ").append(Formats.seconds(e.getValue())).append(" |\n");
        }
        m.append("| **start to last stage end** | ").append(Formats.seconds(s.wallTimes().totalSeconds()))
                .append(" |\n\n");
        if (!s.seeds().isEmpty()) {
            m.append("| run | seed |\n|---|---:|\n");
            s.seeds().forEach((k, v) -> m.append("| ").append(cell(k)).append(" | ").append(v).append(" |\n"));
            m.append('\n');
        }
        if (!s.versions().isEmpty()) {
            m.append("| tool | version |\n|---|---|\n");
            s.versions().forEach((k, v) -> m.append("| ").append(cell(k)).append(" | ").append(cell(v)).append(" |\n"));
            m.append('\n');
        }
        return m.toString();
    }

    private static void trained(StringBuilder m, String title, List<RunSummary.Trained> runs) {
        if (runs.isEmpty()) {
            return;
        }
        m.append("### ").append(title).append("\n\n| run | params | MACs | epochs | validation error | test error |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (RunSummary.Trained t : runs) {
            m.append("| ").append(cell(t.name())).append(" | ").append(Formats.count(t.params())).append(" | ")
                    .append(Formats.count(t.macs())).append(" | ").append(Formats.text(t.epochs())).append(" | ")
                    .append(Formats.percent(t.valError())).append(" | ").append(Formats.percent(t.testError()))
                    .append(" |\n");
        }
        m.append('\n');
    }

    private static void images(StringBuilder m, List<ReportPlots.Plot> plots) {
        for (ReportPlots.Plot plot : plots) {
            m.append("![").append(plot.title()).append("](").append(RunFiles.PLOTS_DIR).append('/')
                    .append(plot.file()).append(")\n\n");
        }
    }

    static void row(StringBuilder m, String key, String value) {
        m.append("| ").append(cell(key)).append(" | ").append(cell(value)).append(" |\n");
    }

    /** A table cell cannot hold a '|' or a line break. */
    static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace('\n', ' ');
    }
}
