package org.smash4j.experiment;

import org.smash4j.run.RunFiles;
import org.smash4j.report.HtmlReport;
import org.smash4j.report.ReportPlots;
import org.smash4j.run.AtomicFiles;
import org.smash4j.run.Json;
import org.smash4j.util.Versions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes what an experiment shows: results.json, its plots as PNG in plots/, section.html (a report section with
 * the plots embedded, which the pipeline report includes when the experiment lives in RUN/experiments/) and
 * experiment.html, a self-contained page holding that section.
 */
final class ExperimentPage {
    private final String title;
    private final StringBuilder body = new StringBuilder();
    private final List<ReportPlots.Plot> plots = new ArrayList<>();

    ExperimentPage(String title) {
        this.title = title;
    }

    ExperimentPage paragraph(String text) {
        body.append("<p>").append(HtmlReport.esc(text)).append("</p>\n");
        return this;
    }

    /** A table; the first row is the header. */
    ExperimentPage table(List<List<String>> rows) {
        body.append("<table>\n");
        for (int r = 0; r < rows.size(); r++) {
            body.append("<tr>");
            for (String cell : rows.get(r)) {
                String tag = r == 0 ? "th" : "td";
                body.append('<').append(tag).append('>').append(HtmlReport.esc(cell)).append("</").append(tag)
                        .append('>');
            }
            body.append("</tr>\n");
        }
        body.append("</table>\n");
        return this;
    }

    ExperimentPage plot(ReportPlots.Plot plot) {
        if (plot != null) {
            plots.add(plot);
        }
        return this;
    }

    /** Writes every file into {@code dir}; returns the page's path. */
    Path write(Path dir, Object results) throws IOException {
        AtomicFiles.writeString(dir.resolve(RunFiles.EXPERIMENT_RESULTS), Json.MAPPER.writeValueAsString(results));
        Path plotDir = dir.resolve(RunFiles.PLOTS_DIR);
        Files.createDirectories(plotDir);
        for (ReportPlots.Plot p : plots) {
            byte[] png = p.png();
            AtomicFiles.write(plotDir.resolve(p.file()), out -> out.write(png));
        }
        StringBuilder section = new StringBuilder();
        section.append("<section class=\"experiment\">\n<h2>").append(HtmlReport.esc(title)).append("</h2>\n")
                .append(body);
        HtmlReport.figures(section, plots);
        section.append("<p class=\"sub\">Folder <code>").append(HtmlReport.esc(dir.toString()))
                .append("</code>: results.json, plots/, ledger.jsonl.</p>\n</section>\n");
        AtomicFiles.writeString(dir.resolve(RunFiles.EXPERIMENT_SECTION), section.toString());
        String page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + HtmlReport.esc(title) + "</title>\n<style>\n" + HtmlReport.css() + "</style>\n</head>\n<body>\n<main>\n"
                + "<h1>smash4j experiment</h1>\n" + section
                + "<footer>smash4j " + HtmlReport.esc(Versions.smash4j()) + "</footer>\n</main>\n</body>\n</html>\n";
        Path html = dir.resolve(RunFiles.EXPERIMENT_PAGE);
        AtomicFiles.writeString(html, page);
        return html;
    }

    static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", v * 100);
    }

    static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
