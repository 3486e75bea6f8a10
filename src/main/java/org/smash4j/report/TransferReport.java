package org.smash4j.report;

import org.smash4j.run.RunFiles;
import org.smash4j.run.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.smash4j.space.DataShape;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.run.AtomicFiles;
import org.smash4j.util.Versions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Transfer results beside the source's: the report of a transfer run folder (report.html, summary.md,
 * summary.json in RUN/report/, like a pipeline's), and the section of a pipeline report that lists the transfers
 * of its winner found in RUN/transfers/. Both show the same comparison table: the architecture trained on its
 * source data, then on each target.
 */
final class TransferReport {
    private TransferReport() {
    }

    /** One row of the comparison: a stand-alone training of the architecture on some data. */
    record Row(String label, String dataSet, String input, RunSummary.Trained trained) {
    }

    /** Writes the report of the transfer run folder {@code dir}; returns report.html. */
    static Path write(Path dir) throws IOException {
        TransferRun t = TransferRun.read(dir);
        Path reportDir = dir.resolve(RunFiles.REPORT_DIR);
        Files.createDirectories(reportDir);
        AtomicFiles.writeString(reportDir.resolve(RunFiles.REPORT_SUMMARY), summaryJson(t));
        AtomicFiles.writeString(reportDir.resolve(ReportWriter.SUMMARY_MD), markdown(t));
        Path html = reportDir.resolve(RunFiles.REPORT_HTML);
        AtomicFiles.writeString(html, html(t));
        return html;
    }

    /** The source's row, then the transfer's. */
    static List<Row> rows(TransferRun t) {
        List<Row> rows = new ArrayList<>();
        TransferRun.Source s = t.source();
        if (s != null) {
            rows.add(new Row("source: " + sourceLabel(s), s.dataSet(), input(s.dataSet(), s.space()), s.result()));
        }
        rows.add(new Row("transfer: " + t.name(), t.dataSet(), input(t.dataSet(), t.space()), t.result()));
        return rows;
    }

    /** The pipeline's winner (final/rank-1) on its data, then each transfer in RUN/transfers/. */
    static List<Row> rows(ReportParts p) {
        List<Row> rows = new ArrayList<>();
        RunSummary s = p.summary();
        RunSummary.Trained winner = s.finals().stream().filter(f -> f.name().equals("rank-1")).findFirst()
                .orElse(null);
        rows.add(new Row("winner (final/rank-1)", s.dataSet(), input(s.dataSet(), p.contents().space()), winner));
        for (TransferRun t : p.transfers()) {
            rows.add(new Row(RunFiles.TRANSFERS_DIR + "/" + t.name(), t.dataSet(), input(t.dataSet(), t.space()),
                    t.result()));
        }
        return rows;
    }

    // ---------------------------------------------------------------- HTML

    /** The pipeline report's section; nothing when the run has no transfers. */
    static void htmlSection(StringBuilder h, ReportParts p) {
        if (p.transfers().isEmpty()) {
            return;
        }
        h.append("<h2>Transfers of the winner</h2>\n<p>The winner's architecture trained from scratch on other data")
                .append(" (<code>smash transfer</code>, folders in <code>").append(RunFiles.TRANSFERS_DIR)
                .append("/</code>), its space fitted to each data set's channels, resolution and classes.</p>\n");
        htmlTable(h, rows(p));
    }

    private static String html(TransferRun t) {
        StringBuilder h = new StringBuilder();
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>SMASH transfer: ")
                .append(HtmlReport.esc(t.name())).append("</title>\n<style>\n").append(HtmlReport.css())
                .append("</style>\n</head>\n<body>\n<main>\n<h1>SMASH transfer report</h1>\n<p class=\"sub\">Run folder")
                .append(" <code>").append(HtmlReport.esc(t.name())).append("</code> &middot; data set <b>")
                .append(HtmlReport.esc(Formats.text(t.dataSet()))).append("</b> &middot; report made ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS)).append(" by smash4j ")
                .append(HtmlReport.esc(Versions.smash4j())).append("</p>\n");
        notes(h, "missing", "This transfer is incomplete.", t.missing());
        notes(h, "problems", "Could not be read:", t.problems());
        h.append("<h2>Result beside the source</h2>\n");
        htmlTable(h, rows(t));
        h.append("<h2>Where the architecture came from</h2>\n<table class=\"kv\">\n");
        provenance(t).forEach((k, v) -> HtmlReport.kv(h, k, v));
        h.append("</table>\n<h2>Training, epoch by epoch</h2>\n<table>\n<tr><th>epoch</th><th>train loss</th>")
                .append("<th>train error</th><th>validation error</th><th>test error</th><th>time</th></tr>\n");
        for (MetricsLog.Epoch e : t.metrics().epochs()) {
            h.append("<tr>").append(HtmlReport.td(Integer.toString(e.epoch())))
                    .append(HtmlReport.td(Formats.number(e.trainLoss())))
                    .append(HtmlReport.td(Formats.percent(e.trainError())))
                    .append(HtmlReport.td(Formats.percent(e.valError())))
                    .append(HtmlReport.td(Formats.percent(e.testError())))
                    .append(HtmlReport.td(Formats.seconds(e.elapsedSeconds()))).append("</tr>\n");
        }
        h.append("</table>\n<h2>Seed and versions</h2>\n<table class=\"kv\">\n");
        HtmlReport.kv(h, "seed", Formats.text(t.info() == null ? null : t.info().seed()));
        if (t.info() != null) {
            t.info().versions().forEach((k, v) -> HtmlReport.kv(h, k, v));
        }
        h.append("</table>\n<footer>Also written: <a href=\"").append(RunFiles.REPORT_SUMMARY).append("\">")
                .append(RunFiles.REPORT_SUMMARY).append("</a> and <a href=\"").append(ReportWriter.SUMMARY_MD)
                .append("\">").append(ReportWriter.SUMMARY_MD).append("</a>.</footer>\n</main>\n</body>\n</html>\n");
        return h.toString();
    }

    private static void htmlTable(StringBuilder h, List<Row> rows) {
        h.append("<table>\n<tr><th>run</th><th>data set</th><th>input</th><th>params</th><th>MACs</th>")
                .append("<th>epochs</th><th>validation error</th><th>test error</th></tr>\n");
        for (Row r : rows) {
            RunSummary.Trained t = r.trained();
            h.append("<tr><td>").append(HtmlReport.esc(r.label())).append("</td><td>")
                    .append(HtmlReport.esc(Formats.text(r.dataSet()))).append("</td><td>")
                    .append(HtmlReport.esc(r.input())).append("</td>")
                    .append(HtmlReport.td(Formats.count(t == null ? null : t.params())))
                    .append(HtmlReport.td(Formats.count(t == null ? null : t.macs())))
                    .append(HtmlReport.td(t == null ? "not trained" : Formats.text(t.epochs())))
                    .append(HtmlReport.td(Formats.percent(t == null ? null : t.valError())))
                    .append(HtmlReport.td(Formats.percent(t == null ? null : t.testError()))).append("</tr>\n");
        }
        h.append("</table>\n");
    }

    private static void notes(StringBuilder h, String css, String title, List<String> items) {
        if (items.isEmpty()) {
            return;
        }
        h.append("<div class=\"").append(css).append("\"><b>").append(title).append("</b><ul>\n");
        items.forEach(x -> h.append("<li>").append(HtmlReport.esc(x)).append("</li>\n"));
        h.append("</ul></div>\n");
    }

    // ---------------------------------------------------------------- Markdown

    /** The pipeline summary.md's section; nothing when the run has no transfers. */
    static void markdownSection(StringBuilder m, ReportParts p) {
        if (p.transfers().isEmpty()) {
            return;
        }
        m.append("## Transfers of the winner\n\n");
        markdownTable(m, rows(p));
    }

    private static String markdown(TransferRun t) {
        StringBuilder m = new StringBuilder();
        m.append("# SMASH transfer report: ").append(MarkdownReport.cell(t.name())).append("\n\n");
        for (String x : t.missing()) {
            m.append("- not there yet: ").append(x).append('\n');
        }
        for (String x : t.problems()) {
            m.append("- could not be read: ").append(x).append('\n');
        }
        m.append(t.missing().isEmpty() && t.problems().isEmpty() ? "" : "\n");
        m.append("## Result beside the source\n\n");
        markdownTable(m, rows(t));
        m.append("## Where the architecture came from\n\n| | |\n|---|---|\n");
        provenance(t).forEach((k, v) -> MarkdownReport.row(m, k, v));
        m.append('\n');
        return m.toString();
    }

    private static void markdownTable(StringBuilder m, List<Row> rows) {
        m.append("| run | data set | input | params | MACs | epochs | validation error | test error |\n")
                .append("|---|---|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            RunSummary.Trained t = r.trained();
            m.append("| ").append(MarkdownReport.cell(r.label())).append(" | ")
                    .append(MarkdownReport.cell(Formats.text(r.dataSet()))).append(" | ").append(r.input())
                    .append(" | ").append(Formats.count(t == null ? null : t.params())).append(" | ")
                    .append(Formats.count(t == null ? null : t.macs())).append(" | ")
                    .append(t == null ? "not trained" : Formats.text(t.epochs())).append(" | ")
                    .append(Formats.percent(t == null ? null : t.valError())).append(" | ")
                    .append(Formats.percent(t == null ? null : t.testError())).append(" |\n");
        }
        m.append('\n');
    }

    // ---------------------------------------------------------------- shared

    /** Provenance, key to text, in the order shown. */
    private static Map<String, String> provenance(TransferRun t) {
        Map<String, String> p = new LinkedHashMap<>();
        TransferRun.Source s = t.source();
        if (s == null) {
            p.put("source", "not recorded");
            return p;
        }
        p.put("source run (from this folder)", Formats.text(s.path()));
        p.put("source run (absolute, when transferred)", Formats.text(s.absolutePath()));
        p.put("source kind", Formats.text(s.kind()));
        p.put("architecture read from", Formats.text(s.architectureFile()));
        if (s.index() != null) {
            p.put("search index / SMASH score", "#" + s.index() + " / " + Formats.percent(s.score()));
        }
        p.put("input and classes", input(s.dataSet(), s.space()) + " (" + Formats.text(s.dataSet()) + ") -> "
                + input(t.dataSet(), t.space()) + " (" + Formats.text(t.dataSet()) + ")");
        p.put("preset of lengths and data sizes", Formats.text(t.preset()));
        p.put("planned epochs", Formats.text(t.plannedEpochs()));
        return p;
    }

    private static String input(String dataSet, SearchSpaceConfig space) {
        return space == null ? Formats.UNKNOWN : DataShape.of(dataSet, space).describe();
    }

    private static String sourceLabel(TransferRun.Source s) {
        return Formats.text(s.kind()) + (s.index() == null ? "" : " #" + s.index()) + " in " + Formats.text(s.path());
    }

    private static String summaryJson(TransferRun t) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("run", t.name());
        doc.put("dataSet", t.dataSet());
        doc.put("input", input(t.dataSet(), t.space()));
        doc.put("preset", t.preset());
        doc.put("seed", t.info() == null ? null : t.info().seed());
        doc.put("transfer", t.result());
        doc.put("source", t.source());
        doc.put("versions", t.info() == null ? Map.of() : t.info().versions());
        doc.put("missing", t.missing());
        doc.put("problems", t.problems());
        try {
            return Json.MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the transfer summary as JSON", e);
        }
    }
}
