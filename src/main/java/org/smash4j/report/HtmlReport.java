package org.smash4j.report;

import org.smash4j.run.RunFiles;
import org.smash4j.util.Versions;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes report.html: one self-contained page (inline CSS, plots as base64 data URIs, no script, no external
 * font or link other than the summary files next to it) that opens offline in any browser. Missing parts of a
 * half-finished run are stated where they would appear.
 */
public final class HtmlReport {
    private static final String CSS = """
            body { font-family: "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; color: #222; margin: 0;
                   background: #f4f5f7; line-height: 1.45; }
            main { max-width: 1200px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
            h1 { font-size: 26px; margin: 0 0 4px; }
            h2 { font-size: 20px; border-bottom: 2px solid #e3e6ea; padding-bottom: 4px; margin-top: 36px; }
            h3 { font-size: 16px; margin: 22px 0 8px; }
            .sub { color: #666; margin: 0 0 12px; font-size: 14px; }
            code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
            pre { background: #f6f8fa; border: 1px solid #e1e4e8; padding: 10px 12px; overflow-x: auto; }
            table { border-collapse: collapse; font-size: 14px; margin: 6px 0 12px; }
            th, td { border: 1px solid #dde1e6; padding: 4px 10px; text-align: left; vertical-align: top; }
            th { background: #f0f2f5; font-weight: 600; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.winner td { background: #fff4e5; }
            table.kv th { width: 260px; }
            .missing { background: #fff8e1; border-left: 4px solid #f0b400; padding: 8px 14px; margin: 10px 0; }
            .problems { background: #fdecea; border-left: 4px solid #d93025; padding: 8px 14px; margin: 10px 0; }
            .missing ul, .problems ul { margin: 4px 0; padding-left: 20px; }
            .absent { color: #8a6d00; font-style: italic; }
            figure { margin: 14px 0 22px; }
            figure img { max-width: 100%; height: auto; border: 1px solid #e3e6ea; }
            figcaption { color: #555; font-size: 13px; margin-top: 4px; max-width: 900px; }
            .grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 0 20px; }
            .diagram { overflow-x: auto; }
            .diagram img { max-width: none; }
            footer { margin-top: 36px; color: #666; font-size: 13px; }
            """;

    private HtmlReport() {
    }

    static String render(ReportParts p) {
        RunSummary s = p.summary();
        StringBuilder h = new StringBuilder(1 << 20);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>SMASH report: ").append(esc(s.run())).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<main>\n");
        h.append("<h1>SMASH run report</h1>\n<p class=\"sub\">Run folder <code>").append(esc(s.run()))
                .append("</code> &middot; data set <b>").append(esc(Formats.text(s.dataSet())))
                .append("</b> &middot; preset <b>").append(esc(Formats.text(s.preset())))
                .append("</b> &middot; report made ").append(esc(Instant.now().truncatedTo(ChronoUnit.SECONDS)
                        .toString())).append(" by smash4j ").append(esc(Versions.smash4j())).append("</p>\n");
        status(h, p);
        summary(h, s);
        oneShot(h, p);
        search(h, p);
        winner(h, p);
        baselines(h, p);
        TransferReport.htmlSection(h, p);
        experiments(h, p);
        runDetails(h, s);
        h.append("<footer>Also written: <a href=\"").append(RunFiles.REPORT_SUMMARY).append("\">")
                .append(RunFiles.REPORT_SUMMARY).append("</a> and <a href=\"").append(ReportWriter.SUMMARY_MD)
                .append("\">").append(ReportWriter.SUMMARY_MD).append("</a>; the plots are also in <code>")
                .append(RunFiles.PLOTS_DIR).append("/</code>. This report only reads the run folder and can be")
                .append(" re-made at any time.</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void status(StringBuilder h, ReportParts p) {
        List<String> missing = p.summary().missing();
        if (!missing.isEmpty()) {
            h.append("<div class=\"missing\"><b>This run is incomplete.</b> Not there yet:<ul>\n");
            for (String m : missing) {
                h.append("<li>").append(esc(m)).append("</li>\n");
            }
            h.append("</ul></div>\n");
        }
        if (!p.summary().problems().isEmpty() || !p.notes().isEmpty()) {
            h.append("<div class=\"problems\"><b>Could not be read or drawn:</b><ul>\n");
            for (String m : p.summary().problems()) {
                h.append("<li>").append(esc(m)).append("</li>\n");
            }
            for (String m : p.notes()) {
                h.append("<li>").append(esc(m)).append("</li>\n");
            }
            h.append("</ul></div>\n");
        }
    }

    private static void summary(StringBuilder h, RunSummary s) {
        h.append("<h2>Summary</h2>\n<table class=\"kv\">\n");
        kv(h, "data set", Formats.text(s.dataSet()));
        kv(h, "search-space preset", Formats.text(s.preset()));
        RunSummary.OneShot o = s.oneShot();
        kv(h, "one-shot training", o == null ? "not run"
                : Formats.plural(o.epochs(), "epoch") + ", " + Formats.plural(o.steps(), "step"));
        if (o != null) {
            kv(h, "one-shot final train loss / error", Formats.number(o.trainLoss()) + " / "
                    + Formats.percent(o.trainError()));
            kv(h, "one-shot final validation loss / error", Formats.number(o.valLoss()) + " / "
                    + Formats.percent(o.valError()));
        }
        RunSummary.Search r = s.search();
        kv(h, "architectures scored", r == null ? "none" : Integer.toString(r.architecturesScored()));
        if (r != null) {
            kv(h, "SMASH score min / median / max", Formats.percent(r.scoreMin()) + " / "
                    + Formats.percent(r.scoreMedian()) + " / " + Formats.percent(r.scoreMax()));
        }
        RunSummary.Winner w = s.winner();
        if (w == null) {
            kv(h, "winner", "none yet");
        } else {
            kv(h, "winner", "#" + w.index() + (w.phase() == null ? "" : " (" + w.phase() + ")") + ", SMASH score "
                    + Formats.percent(w.score()) + (w.scoreStd() == null ? "" : " ± " + Formats.points(w.scoreStd())));
            kv(h, "found by", w.evaluator() == null ? "unknown evaluator" : "the " + w.evaluator() + " evaluator");
            kv(h, "winner size", Formats.count(w.params()) + " parameters, " + Formats.count(w.macs())
                    + " MACs per image");
            kv(h, "winner stand-alone validation / test error", w.standaloneEpochs() == null
                    ? "not trained yet" : Formats.percent(w.valError()) + " / " + Formats.percent(w.testError())
                    + (w.testTop5Error() == null ? "" : " (top-5 " + Formats.percent(w.testTop5Error()) + ")")
                    + " after " + Formats.plural(w.standaloneEpochs(), "epoch"));
        }
        if (!s.baselines().isEmpty()) {
            StringBuilder b = new StringBuilder();
            for (RunSummary.Trained t : s.baselines()) {
                b.append(b.length() == 0 ? "" : ", ").append(t.name()).append(' ')
                        .append(Formats.percent(t.testError()));
            }
            kv(h, "random baselines' test error", b.toString());
        }
        kv(h, "total wall time", Formats.seconds(s.wallTimes().totalSeconds()));
        h.append("</table>\n");
    }

    private static void oneShot(StringBuilder h, ReportParts p) {
        h.append("<h2>One-shot training (SMASH network)</h2>\n");
        if (p.oneShotPlots().isEmpty()) {
            absent(h, "No one-shot training metrics: smash/metrics.jsonl is missing or empty.");
            return;
        }
        figures(h, p.oneShotPlots());
    }

    private static void search(StringBuilder h, ReportParts p) {
        h.append("<h2>Architecture search</h2>\n");
        RunSummary.Search r = p.summary().search();
        if (r == null) {
            absent(h, "No architectures have been scored: search/results.jsonl and search/ranking.json are missing"
                    + " or empty.");
            return;
        }
        StringBuilder phases = new StringBuilder();
        for (Map.Entry<String, Integer> e : r.byPhase().entrySet()) {
            phases.append(phases.length() == 0 ? " (" : ", ").append(e.getValue()).append(' ').append(e.getKey());
        }
        if (phases.length() > 0) {
            phases.append(')');
        }
        h.append("<p>").append(r.architecturesScored()).append(" architectures scored").append(esc(phases.toString()))
                .append(". The SMASH score is the validation error with weights generated by the HyperNet;")
                .append(" lower is better.");
        if (r.ensembleError() != null) {
            h.append(" Error of the ensemble of all scored architectures: ")
                    .append(Formats.percent(r.ensembleError())).append('.');
        }
        h.append("</p>\n");
        figures(h, p.searchPlots());
        h.append("<h3>Top ").append(p.top().size()).append(" architectures</h3>\n");
        h.append("<table>\n<tr><th>rank</th><th>index</th><th>phase</th><th>SMASH score</th><th>std</th>")
                .append("<th>params</th><th>MACs</th><th>ops per block</th></tr>\n");
        for (RankedRow row : p.top()) {
            h.append(row.rank() == 1 ? "<tr class=\"winner\">" : "<tr>")
                    .append(td(Integer.toString(row.rank()))).append(td(Integer.toString(row.index())))
                    .append("<td>").append(esc(row.phase().isEmpty() ? Formats.UNKNOWN : row.phase())).append("</td>")
                    .append(td(Formats.percent(row.score()))).append(td(Formats.points(row.scoreStd())))
                    .append(td(Formats.count(row.params()))).append(td(Formats.count(row.macs())))
                    .append(td(ReportParts.opsPerBlock(row.architecture()))).append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void winner(StringBuilder h, ReportParts p) {
        h.append("<h2>The winner</h2>\n");
        if (p.winnerArchitecture() == null) {
            absent(h, "No winner yet: nothing has been ranked or trained.");
            return;
        }
        if (p.diagram() != null) {
            h.append("<div class=\"diagram\">");
            figure(h, p.diagram());
            h.append("</div>\n");
        }
        if (p.description() != null) {
            h.append("<details><summary>Layers and costs of the stand-alone network</summary>\n<pre>")
                    .append(esc(p.description())).append("</pre></details>\n");
        }
        h.append("<h3>Stand-alone training</h3>\n");
        if (!p.winnerTrainingPlots().isEmpty()) {
            figures(h, p.winnerTrainingPlots());
        } else if (p.contents().winnerTraining() == null) {
            absent(h, "The winner has not been trained stand-alone yet (final/rank-1 is missing).");
        } else {
            absent(h, "final/rank-1 has no finished epoch yet.");
        }
        List<RunSummary.Trained> finals = p.summary().finals();
        if (!finals.isEmpty()) {
            trainedTable(h, finals, "final run");
        }
    }

    private static void baselines(StringBuilder h, ReportParts p) {
        h.append("<h2>Searched vs random architectures</h2>\n");
        List<RunSummary.Trained> baselines = p.summary().baselines();
        if (baselines.isEmpty()) {
            absent(h, "No random baselines in this run (baselines/ is optional).");
            return;
        }
        if (p.comparisonPlot() != null) {
            figure(h, p.comparisonPlot());
        } else {
            absent(h, "No comparison chart yet: it needs a test error of final/rank-k and of a baseline.");
        }
        trainedTable(h, baselines, "baseline");
    }

    private static void trainedTable(StringBuilder h, List<RunSummary.Trained> runs, String what) {
        h.append("<table>\n<tr><th>").append(esc(what)).append("</th><th>params</th><th>MACs</th><th>epochs</th>")
                .append("<th>validation error</th><th>test error</th><th>test loss</th></tr>\n");
        for (RunSummary.Trained t : runs) {
            h.append("<tr><td>").append(esc(t.name())).append("</td>").append(td(Formats.count(t.params())))
                    .append(td(Formats.count(t.macs()))).append(td(Formats.text(t.epochs())))
                    .append(td(Formats.percent(t.valError()))).append(td(Formats.percent(t.testError())))
                    .append(td(Formats.number(t.testLoss()))).append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void runDetails(StringBuilder h, RunSummary s) {
        h.append("<h2>Seeds, wall times and versions</h2>\n<div class=\"grid\">\n<div>\n<h3>Wall times</h3>\n")
                .append("<table>\n<tr><th>stage</th><th>time</th></tr>\n");
        for (Map.Entry<String, Double> e : s.wallTimes().stageSeconds().entrySet()) {
            h.append("<tr><td>").append(esc(e.getKey())).append("</td>").append(td(Formats.seconds(e.getValue())))
                    .append("</tr>\n");
        }
        h.append("<tr><th>start to last stage end</th>").append(td(Formats.seconds(s.wallTimes().totalSeconds())))
                .append("</tr>\n</table>\n<h3>Seeds</h3>\n<table>\n<tr><th>run</th><th>seed</th></tr>\n");
        for (Map.Entry<String, Long> e : s.seeds().entrySet()) {
            h.append("<tr><td>").append(esc(e.getKey())).append("</td>").append(td(Long.toString(e.getValue())))
                    .append("</tr>\n");
        }
        h.append("</table>\n</div>\n<div>\n<h3>Versions</h3>\n");
        if (s.versions().isEmpty()) {
            absent(h, "No versions recorded (no run.json could be read).");
        } else {
            h.append("<table>\n");
            for (Map.Entry<String, String> e : s.versions().entrySet()) {
                kv(h, e.getKey(), e.getValue());
            }
            h.append("</table>\n");
        }
        h.append("</div>\n</div>\n");
    }

    /** The style sheet of every smash4j page (experiment pages reuse it). */
    public static String css() {
        return CSS;
    }

    /** Sections written by experiments run on this run's one-shot network (RUN/experiments/NAME/section.html). */
    private static void experiments(StringBuilder h, ReportParts p) {
        Path dir = p.contents().runDir().resolve(RunFiles.EXPERIMENTS_DIR);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var list = Files.list(dir)) {
            for (Path e : list.sorted().toList()) {
                Path section = e.resolve(RunFiles.EXPERIMENT_SECTION);
                if (Files.isRegularFile(section)) {
                    h.append(Files.readString(section));
                }
            }
        } catch (java.io.IOException e) {
            absent(h, "the experiment sections in " + dir + " cannot be read: " + e.getMessage());
        }
    }

    /** Narrow plots two to a row, wide ones on their own below them. */
    public static void figures(StringBuilder h, List<ReportPlots.Plot> plots) {
        if (plots.stream().anyMatch(x -> !x.wide())) {
            h.append("<div class=\"grid\">\n");
            plots.stream().filter(x -> !x.wide()).forEach(x -> figure(h, x));
            h.append("</div>\n");
        }
        plots.stream().filter(ReportPlots.Plot::wide).forEach(x -> figure(h, x));
    }

    private static void figure(StringBuilder h, ReportPlots.Plot plot) {
        h.append("<figure><img src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(plot.png()))
                .append("\" alt=\"").append(esc(plot.title())).append("\"><figcaption>")
                .append(esc(plot.caption())).append("</figcaption></figure>\n");
    }

    private static void absent(StringBuilder h, String text) {
        h.append("<p class=\"absent\">").append(esc(text)).append("</p>\n");
    }

    static void kv(StringBuilder h, String key, String value) {
        h.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(value)).append("</td></tr>\n");
    }

    static String td(String text) {
        return "<td class=\"num\">" + esc(text) + "</td>";
    }

    /** Escapes text for HTML element content and double-quoted attribute values. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
