package org.smash4j.report;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.smash4j.report.ReportPlots.Plot;
import org.smash4j.run.ScoredArchitecture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToLongFunction;

import static org.smash4j.report.ReportPlots.BASELINE;
import static org.smash4j.report.ReportPlots.CHART_HEIGHT;
import static org.smash4j.report.ReportPlots.CHART_WIDTH;
import static org.smash4j.report.ReportPlots.FINAL;
import static org.smash4j.report.ReportPlots.HUMAN;
import static org.smash4j.report.ReportPlots.OTHER_PHASE;
import static org.smash4j.report.ReportPlots.PERCENT;
import static org.smash4j.report.ReportPlots.PHASE_COLORS;
import static org.smash4j.report.ReportPlots.STEP_AVERAGE;
import static org.smash4j.report.ReportPlots.TRAIN;
import static org.smash4j.report.ReportPlots.WINNER;
import static org.smash4j.report.ReportPlots.anchorXAxis;
import static org.smash4j.report.ReportPlots.line;
import static org.smash4j.report.ReportPlots.plot;
import static org.smash4j.report.ReportPlots.style;
import static org.smash4j.report.ReportPlots.xyChart;

/**
 * The report's search charts: the distribution of SMASH scores, score against cost, the search's progress, and
 * the stand-alone test errors of searched against random architectures. Each method returns null when there is
 * nothing to plot, so the report can say what is missing instead of showing an empty frame.
 */
final class SearchCharts {
    static {
        ReportWriter.ensureHeadless();
    }

    private SearchCharts() {
    }

    /** Histogram of the SMASH scores. */
    static Plot scoreHistogram(List<Double> scores) {
        if (scores.isEmpty()) {
            return null;
        }
        double min = scores.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = scores.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        if (max - min < 1e-9) {
            // All equal: one bar of width 1 percentage point around them.
            min -= 0.005;
            max += 0.005;
        }
        int bins = Math.max(5, Math.min(30, (int) Math.ceil(Math.sqrt(scores.size()))));
        double width = (max - min) / bins;
        int[] counts = new int[bins];
        for (double s : scores) {
            counts[Math.min(bins - 1, (int) ((s - min) / width))]++;
        }
        List<String> labels = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < bins; i++) {
            labels.add(String.format(Locale.ROOT, "%.1f", (min + (i + 0.5) * width) * 100));
            values.add(counts[i]);
        }
        CategoryChart chart = new CategoryChartBuilder().width(CHART_WIDTH).height(CHART_HEIGHT)
                .title("SMASH scores of " + scores.size() + " architecture" + (scores.size() == 1 ? "" : "s"))
                .xAxisTitle("SMASH score: validation error with generated weights (%, bin centre)")
                .yAxisTitle("architectures").build();
        style(chart);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.96);
        chart.getStyler().setYAxisDecimalPattern("#");
        if (bins > 12) {
            chart.getStyler().setXAxisLabelRotation(60);
        }
        CategorySeries s = chart.addSeries("architectures", labels, values);
        s.setFillColor(STEP_AVERAGE);
        return plot("score-histogram.png", chart, "Distribution of SMASH scores",
                "How many scored architectures fall in each score bin (" + bins + " bins of "
                        + String.format(Locale.ROOT, "%.2f", width * 100) + " percentage points).");
    }

    /** A point to scatter: an architecture's score, its cost, and its phase. */
    record ScorePoint(int index, String phase, double score, long params, long macs) {
    }

    /** SMASH score against stand-alone parameters, by phase, winner highlighted. */
    static Plot scoreVsParams(List<ScorePoint> points, Integer winnerIndex) {
        return scoreVs(points, winnerIndex, ScorePoint::params, "parameters", "score-vs-params.png",
                "SMASH score vs parameters",
                "Each point is a scored architecture; x is its stand-alone parameter count. The winner (best"
                        + " score) is the red diamond.");
    }

    /** SMASH score against stand-alone MACs per image, by phase, winner highlighted. */
    static Plot scoreVsMacs(List<ScorePoint> points, Integer winnerIndex) {
        return scoreVs(points, winnerIndex, ScorePoint::macs, "multiply-accumulates per image", "score-vs-macs.png",
                "SMASH score vs compute",
                "Each point is a scored architecture; x is its stand-alone compute in multiply-accumulates (MACs)"
                        + " per image (FLOPs are about twice that). The winner is the red diamond.");
    }

    private static Plot scoreVs(List<ScorePoint> points, Integer winnerIndex, ToLongFunction<ScorePoint> x,
            String xTitle, String file, String title, String caption) {
        Map<String, List<ScorePoint>> byPhase = new LinkedHashMap<>();
        ScorePoint winner = null;
        for (ScorePoint p : points) {
            if (x.applyAsLong(p) < 0) {
                continue;
            }
            byPhase.computeIfAbsent(p.phase().isEmpty() ? "unknown" : p.phase(), k -> new ArrayList<>()).add(p);
            if (winnerIndex != null && p.index() == winnerIndex) {
                winner = p;
            }
        }
        if (byPhase.isEmpty()) {
            return null;
        }
        XYChart chart = xyChart(CHART_WIDTH, CHART_HEIGHT, title, xTitle, "SMASH score");
        chart.getStyler().setyAxisTickLabelsFormattingFunction(PERCENT);
        chart.getStyler().setxAxisTickLabelsFormattingFunction(HUMAN);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        chart.getStyler().setMarkerSize(7);
        for (Map.Entry<String, List<ScorePoint>> e : byPhase.entrySet()) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (ScorePoint p : e.getValue()) {
                xs.add((double) x.applyAsLong(p));
                ys.add(p.score());
            }
            XYSeries s = chart.addSeries(e.getKey() + " (" + xs.size() + ")", xs, ys);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(PHASE_COLORS.getOrDefault(e.getKey(), OTHER_PHASE));
        }
        if (winner != null) {
            XYSeries s = chart.addSeries("winner #" + winner.index(), List.of((double) x.applyAsLong(winner)),
                    List.of(winner.score()));
            s.setMarker(SeriesMarkers.DIAMOND);
            s.setMarkerColor(WINNER);
        }
        return plot(file, chart, title, caption);
    }

    /** Score of each result in search order, the best so far, and the running ensemble error. */
    static Plot searchProgress(List<ScoredArchitecture> results) {
        if (results.isEmpty()) {
            return null;
        }
        XYChart chart = xyChart(CHART_WIDTH, CHART_HEIGHT, "Search progress", "result index (order scored)",
                "error");
        chart.getStyler().setyAxisTickLabelsFormattingFunction(PERCENT);
        chart.getStyler().setMarkerSize(7);
        List<ScoredArchitecture> ordered = new ArrayList<>(results);
        ordered.sort(Comparator.comparingLong(ScoredArchitecture::index));
        List<Double> xs = new ArrayList<>();
        List<Double> best = new ArrayList<>();
        List<Double> ex = new ArrayList<>();
        List<Double> ensemble = new ArrayList<>();
        double bestSoFar = Double.POSITIVE_INFINITY;
        for (ScoredArchitecture r : ordered) {
            bestSoFar = Math.min(bestSoFar, r.error());
            xs.add((double) r.index());
            best.add(bestSoFar);
            if (!Double.isNaN(r.score().ensembleError())) {
                ex.add((double) r.index());
                ensemble.add(r.score().ensembleError());
            }
        }
        anchorXAxis(chart, xs.get(0), xs.get(xs.size() - 1), best.get(0), true);
        // Lines first, so that the points are drawn on top of them.
        line(chart, "best so far", xs, best, WINNER, 2f, SeriesMarkers.NONE);
        if (!ex.isEmpty()) {
            line(chart, "ensemble", ex, ensemble, TRAIN, 1.5f, SeriesMarkers.NONE);
        }
        Map<String, List<ScoredArchitecture>> byPhase = new LinkedHashMap<>();
        for (ScoredArchitecture r : results) {
            byPhase.computeIfAbsent(r.phase().jsonName(), k -> new ArrayList<>()).add(r);
        }
        for (Map.Entry<String, List<ScoredArchitecture>> e : byPhase.entrySet()) {
            List<Double> px = new ArrayList<>();
            List<Double> py = new ArrayList<>();
            for (ScoredArchitecture r : e.getValue()) {
                px.add((double) r.index());
                py.add(r.error());
            }
            XYSeries s = chart.addSeries(e.getKey() + " (" + px.size() + ")", px, py);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(PHASE_COLORS.getOrDefault(e.getKey(), OTHER_PHASE));
        }
        return plot("search-progress.png", chart, "Search progress",
                "SMASH score of each architecture in the order it was scored, coloured by search phase; the best"
                        + " score so far; and the error of the ensemble of all architectures scored so far.");
    }

    /** A stand-alone run's final test error, for the comparison chart. */
    record TestError(String name, boolean searched, double testError) {
    }

    /** Test error of the searched architectures (final/rank-k) next to the random baselines. */
    static Plot finalComparison(List<TestError> runs) {
        if (runs.isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<Double> searched = new ArrayList<>();
        List<Double> random = new ArrayList<>();
        for (TestError r : runs) {
            names.add(r.name());
            searched.add(r.searched() ? r.testError() : 0.0);
            random.add(r.searched() ? 0.0 : r.testError());
        }
        CategoryChart chart = new CategoryChartBuilder().width(CHART_WIDTH).height(CHART_HEIGHT)
                .title("Test error: searched vs random architectures").xAxisTitle("stand-alone run")
                .yAxisTitle("test error").build();
        style(chart);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setyAxisTickLabelsFormattingFunction(PERCENT);
        chart.getStyler().setYAxisMin(0.0);
        if (names.size() > 6) {
            chart.getStyler().setXAxisLabelRotation(45);
        }
        CategorySeries a = chart.addSeries("searched (final/rank-k)", names, searched);
        a.setFillColor(FINAL);
        CategorySeries b = chart.addSeries("random baselines", names, random);
        b.setFillColor(BASELINE);
        return plot("test-error-comparison.png", chart, "Searched vs random architectures",
                "Test error at the last epoch of each stand-alone run: the best-ranked architectures (blue) and"
                        + " random architectures of similar size trained the same way (grey).");
    }
}
