package org.smash4j.report;

import org.smash4j.run.ScoredArchitecture;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.smash4j.space.ArchitectureDescription;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The report's charts, drawn by XChart and encoded as PNG. Each method takes what it plots and returns null when
 * there is nothing to plot, so the report can say what is missing instead of showing an empty frame. Error
 * fractions are shown as percentages, counts with k/M/G suffixes.
 */
public final class ReportPlots {
    /** Chart size: two side by side fill the report's width at about their natural size. */
    static final int CHART_WIDTH = 620;
    static final int CHART_HEIGHT = 420;

    private static final Color STEP = new Color(31, 119, 180, 70);
    private static final Color STEP_FEW = new Color(31, 119, 180, 150);
    private static final Color STEP_AVERAGE = new Color(31, 119, 180);
    private static final Color TRAIN = new Color(40, 40, 40);
    private static final Color VALIDATION = new Color(214, 39, 40);
    private static final Color TEST = new Color(148, 103, 189);
    private static final Color WINNER = new Color(214, 39, 40);
    private static final Color BASELINE = new Color(140, 140, 140);
    private static final Color FINAL = new Color(31, 119, 180);
    private static final Map<String, Color> PHASE_COLORS = Map.of(
            "random", new Color(31, 119, 180, 170),
            "perturb", new Color(255, 127, 14, 190),
            "hill-climb", new Color(44, 160, 44, 190),
            "evolution", new Color(148, 103, 189, 190));
    private static final Color OTHER_PHASE = new Color(127, 127, 127, 170);
    private static final Function<Double, String> PERCENT = v -> String.format(Locale.ROOT, "%.1f%%", v * 100);
    private static final String AXIS_ANCHOR = "x axis anchor";
    private static final Function<Double, String> HUMAN = v -> ArchitectureDescription.human(Math.round(v));

    static {
        ReportWriter.ensureHeadless();
    }

    private ReportPlots() {
    }

    /**
     * A chart as PNG, with what the report says about it.
     *
     * @param wide whether it needs the page's full width (else two fit side by side)
     */
    public record Plot(String file, String title, String caption, byte[] png, boolean wide) {
    }

    // ---------------------------------------------------------------- one-shot training

    /** Step loss with its moving average, and the epochs' train and validation loss, against epochs. */
    static Plot oneShotLoss(MetricsLog m) {
        XYChart chart = curves(m, "One-shot training: loss", "loss", MetricsLog.Step::loss,
                MetricsLog.Epoch::trainLoss, MetricsLog.Epoch::valLoss, false);
        return chart == null ? null : plot("oneshot-loss.png", chart, "One-shot training: loss",
                "Loss of the SMASH network per step (a new random architecture each step), its moving average,"
                        + " and per epoch the mean training loss and the validation loss.");
    }

    /** Step error with its moving average, and the epochs' train and validation error, against epochs. */
    static Plot oneShotError(MetricsLog m) {
        XYChart chart = curves(m, "One-shot training: error", "error", MetricsLog.Step::error,
                MetricsLog.Epoch::trainError, MetricsLog.Epoch::valError, true);
        return chart == null ? null : plot("oneshot-error.png", chart, "One-shot training: error",
                "Classification error per step, its moving average, and per epoch the mean training error and"
                        + " the validation error (mean over a random architecture per batch).");
    }

    private static XYChart curves(MetricsLog m, String title, String yTitle,
            java.util.function.ToDoubleFunction<MetricsLog.Step> stepValue,
            java.util.function.ToDoubleFunction<MetricsLog.Epoch> trainValue,
            java.util.function.ToDoubleFunction<MetricsLog.Epoch> valValue, boolean percent) {
        List<Double> sx = new ArrayList<>();
        List<Double> sy = new ArrayList<>();
        for (MetricsLog.Step s : m.steps()) {
            double v = stepValue.applyAsDouble(s);
            if (!Double.isNaN(s.epoch()) && !Double.isNaN(v)) {
                sx.add(s.epoch());
                sy.add(v);
            }
        }
        List<Double> ex = new ArrayList<>();
        List<Double> train = new ArrayList<>();
        List<Double> vx = new ArrayList<>();
        List<Double> val = new ArrayList<>();
        for (MetricsLog.Epoch e : m.epochs()) {
            if (!Double.isNaN(trainValue.applyAsDouble(e))) {
                ex.add((double) e.epoch());
                train.add(trainValue.applyAsDouble(e));
            }
            if (!Double.isNaN(valValue.applyAsDouble(e))) {
                vx.add((double) e.epoch());
                val.add(valValue.applyAsDouble(e));
            }
        }
        if (sx.isEmpty() && ex.isEmpty() && vx.isEmpty()) {
            return null;
        }
        XYChart chart = xyChart(CHART_WIDTH, CHART_HEIGHT, title, "epoch", yTitle);
        List<Double> allX = new ArrayList<>(sx);
        allX.addAll(ex);
        anchorXAxis(chart, min(allX, vx), max(allX, vx), !sy.isEmpty() ? sy.get(0) : !train.isEmpty() ? train.get(0)
                : val.get(0), false);
        if (percent) {
            chart.getStyler().setyAxisTickLabelsFormattingFunction(PERCENT);
        }
        if (!sx.isEmpty()) {
            // Faint when there are many steps (the moving average carries the trend), clear when there are few.
            line(chart, "per step", sx, sy, sx.size() > 200 ? STEP : STEP_FEW, 1f, SeriesMarkers.NONE);
            int window = Math.min(200, Math.max(1, Math.round(sx.size() / 20f)));
            if (window >= 2) {
                List<Double> avg = movingAverage(sy, window);
                line(chart, "mean of " + window + " steps", sx.subList(window - 1, sx.size()), avg,
                        STEP_AVERAGE, 2f, SeriesMarkers.NONE);
            }
        }
        if (!ex.isEmpty()) {
            line(chart, "train (epoch)", ex, train, TRAIN, 1.5f, SeriesMarkers.CIRCLE);
        }
        if (!vx.isEmpty()) {
            line(chart, "validation", vx, val, VALIDATION, 2f, SeriesMarkers.DIAMOND);
        }
        return chart;
    }

    /**
     * Trailing mean over {@code window} values: entry i is the mean of values i..i+window-1, so it belongs to
     * the x of value i+window-1 and never looks ahead.
     */
    static List<Double> movingAverage(List<Double> values, int window) {
        List<Double> out = new ArrayList<>();
        double sum = 0;
        for (int i = 0; i < values.size(); i++) {
            sum += values.get(i);
            if (i >= window) {
                sum -= values.get(i - window);
            }
            if (i >= window - 1) {
                out.add(sum / window);
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- search

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
        ordered.sort(java.util.Comparator.comparingLong(ScoredArchitecture::index));
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

    // ---------------------------------------------------------------- stand-alone training

    /**
     * The winner's stand-alone training as two charts side by side: loss (train, validation, test) and error
     * (train, validation, test) per epoch. Two charts rather than one with two y axes, which would invite
     * comparing a loss with an error.
     */
    static List<Plot> winnerTraining(MetricsLog m, String name) {
        if (m.epochs().isEmpty()) {
            return List.of();
        }
        XYChart loss = xyChart(CHART_WIDTH, CHART_HEIGHT, "Winner (" + name + ") stand-alone: loss", "epoch", "loss");
        XYChart error = xyChart(CHART_WIDTH, CHART_HEIGHT, "Winner (" + name + ") stand-alone: error", "epoch",
                "error");
        error.getStyler().setyAxisTickLabelsFormattingFunction(PERCENT);
        List<Double> x = new ArrayList<>();
        for (MetricsLog.Epoch e : m.epochs()) {
            x.add((double) e.epoch());
        }
        anchorXAxis(loss, min(x, List.of()), max(x, List.of()), firstValue(m, MetricsLog.Epoch::trainLoss,
                MetricsLog.Epoch::valLoss, MetricsLog.Epoch::testLoss), true);
        anchorXAxis(error, min(x, List.of()), max(x, List.of()), firstValue(m, MetricsLog.Epoch::trainError,
                MetricsLog.Epoch::valError, MetricsLog.Epoch::testError), true);
        addIfAny(loss, "train (epoch mean)", x, m, MetricsLog.Epoch::trainLoss, TRAIN, SeriesMarkers.CIRCLE);
        addIfAny(loss, "validation", x, m, MetricsLog.Epoch::valLoss, VALIDATION, SeriesMarkers.DIAMOND);
        addIfAny(loss, "test", x, m, MetricsLog.Epoch::testLoss, TEST, SeriesMarkers.TRIANGLE_UP);
        addIfAny(error, "train (epoch mean)", x, m, MetricsLog.Epoch::trainError, TRAIN, SeriesMarkers.CIRCLE);
        addIfAny(error, "validation", x, m, MetricsLog.Epoch::valError, VALIDATION, SeriesMarkers.DIAMOND);
        addIfAny(error, "test", x, m, MetricsLog.Epoch::testError, TEST, SeriesMarkers.TRIANGLE_UP);
        List<Plot> out = new ArrayList<>();
        if (loss.getSeriesMap().keySet().stream().anyMatch(k -> !k.equals(AXIS_ANCHOR))) {
            out.add(plot("winner-loss.png", loss, "Stand-alone training of the winner: loss",
                    "The best-scored architecture trained from scratch (final/" + name + "): mean training loss per"
                            + " epoch and the validation and test loss after each epoch."));
        }
        if (error.getSeriesMap().keySet().stream().anyMatch(k -> !k.equals(AXIS_ANCHOR))) {
            out.add(plot("winner-error.png", error, "Stand-alone training of the winner: error",
                    "Training error (mean over the epoch), validation and test error after each epoch of final/"
                            + name + "."));
        }
        return out;
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

    // ---------------------------------------------------------------- helpers

    static XYChart xyChart(int width, int height, String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        style(chart);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return chart;
    }

    /** The report's look: white background, light grid, legend below the plot. */
    public static void style(Chart<? extends AxesChartStyler, ?> chart) {
        AxesChartStyler s = chart.getStyler();
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(180, 180, 180));
        s.setPlotGridLinesColor(new Color(225, 225, 225));
        s.setChartTitleBoxVisible(false);
        s.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        s.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        s.setLegendBorderColor(new Color(200, 200, 200));
        // Below the plot area: a legend inside it would hide points, whatever corner it takes.
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setAntiAlias(true);
    }

    /**
     * Adds a hidden first series spanning [minX, maxX]. XChart checks whether the chart's x values, in the order
     * the series were added, are equally spaced (every step, epoch or index is), and if so picks its ticks among
     * those values and crowds their labels into each other; a first series of two points breaks that pattern, so
     * the usual round ticks (0, 50, 100...) are used. It is drawn in a fully transparent colour and is not in the
     * legend; its y value lies inside the data, so it changes no axis range. An axis of whole numbers (epochs,
     * indices) gets whole-number ticks only: epoch 1.5 means nothing there.
     */
    static void anchorXAxis(XYChart chart, double minX, double maxX, double y, boolean wholeNumbers) {
        if (wholeNumbers) {
            chart.getStyler().setXAxisDecimalPattern("0");
        }
        if (!(maxX > minX) || Double.isNaN(y)) {
            return;
        }
        XYSeries s = chart.addSeries(AXIS_ANCHOR, List.of(minX, maxX), List.of(y, y));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineColor(new Color(0, 0, 0, 0));
        s.setShowInLegend(false);
    }

    /** The first number any of {@code fields} has in the epochs, or NaN. */
    @SafeVarargs
    private static double firstValue(MetricsLog m, java.util.function.ToDoubleFunction<MetricsLog.Epoch>... fields) {
        for (MetricsLog.Epoch e : m.epochs()) {
            for (var f : fields) {
                if (!Double.isNaN(f.applyAsDouble(e))) {
                    return f.applyAsDouble(e);
                }
            }
        }
        return Double.NaN;
    }

    private static double min(List<Double> a, List<Double> b) {
        return java.util.stream.Stream.of(a, b).flatMap(List::stream).mapToDouble(Double::doubleValue).min()
                .orElse(0);
    }

    private static double max(List<Double> a, List<Double> b) {
        return java.util.stream.Stream.of(a, b).flatMap(List::stream).mapToDouble(Double::doubleValue).max()
                .orElse(1);
    }

    static void line(XYChart chart, String name, List<Double> x, List<Double> y, Color color, float width,
            Marker marker) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineWidth(width);
        s.setMarker(marker);
        s.setMarkerColor(color);
    }

    private static void addIfAny(XYChart chart, String name, List<Double> x, MetricsLog m,
            java.util.function.ToDoubleFunction<MetricsLog.Epoch> value, Color color, Marker marker) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < m.epochs().size(); i++) {
            double v = value.applyAsDouble(m.epochs().get(i));
            if (!Double.isNaN(v)) {
                xs.add(x.get(i));
                ys.add(v);
            }
        }
        if (!ys.isEmpty()) {
            line(chart, name, xs, ys, color, 2f, marker);
        }
    }

    /** Renders a chart to a narrow plot (the experiments' plots are made this way too). */
    public static Plot plot(String file, Chart<?, ?> chart, String title, String caption) {
        int legendWidth = 0;
        for (var series : chart.getSeriesMap().values()) {
            if (series.isShowInLegend()) {
                legendWidth += 40 + 7 * series.getName().length(); // marker, gaps, about 7 px a character
            }
        }
        if (legendWidth > chart.getWidth() - 60) {
            // The row would not fit below the plot (XChart does not wrap it): stack the entries on the right.
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
            chart.getStyler().setLegendLayout(Styler.LegendLayout.Vertical);
        }
        try {
            return new Plot(file, title, caption, BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG),
                    false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode plot " + file + " as PNG", e);
        }
    }
}
