package org.smash4j.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.smash4j.report.ReportPlots.Plot;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

import static org.smash4j.report.ReportPlots.AXIS_ANCHOR;
import static org.smash4j.report.ReportPlots.CHART_HEIGHT;
import static org.smash4j.report.ReportPlots.CHART_WIDTH;
import static org.smash4j.report.ReportPlots.PERCENT;
import static org.smash4j.report.ReportPlots.STEP;
import static org.smash4j.report.ReportPlots.STEP_AVERAGE;
import static org.smash4j.report.ReportPlots.STEP_FEW;
import static org.smash4j.report.ReportPlots.TEST;
import static org.smash4j.report.ReportPlots.TRAIN;
import static org.smash4j.report.ReportPlots.VALIDATION;
import static org.smash4j.report.ReportPlots.anchorXAxis;
import static org.smash4j.report.ReportPlots.line;
import static org.smash4j.report.ReportPlots.plot;
import static org.smash4j.report.ReportPlots.xyChart;

/**
 * The report's training curves: the one-shot (SMASH) network's loss and error, and the winner's stand-alone
 * training. Each method returns null (or no plots) when there is nothing to plot, so the report can say what is
 * missing instead of showing an empty frame.
 */
final class TrainingCharts {
    static {
        ReportWriter.ensureHeadless();
    }

    private TrainingCharts() {
    }

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
            ToDoubleFunction<MetricsLog.Step> stepValue,
            ToDoubleFunction<MetricsLog.Epoch> trainValue,
            ToDoubleFunction<MetricsLog.Epoch> valValue, boolean percent) {
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
        addIfAny(error, "test top-5", x, m, MetricsLog.Epoch::testTop5Error, TEST, SeriesMarkers.CROSS);
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

    /** The first number any of {@code fields} has in the epochs, or NaN. */
    @SafeVarargs
    private static double firstValue(MetricsLog m, ToDoubleFunction<MetricsLog.Epoch>... fields) {
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
        return Stream.of(a, b).flatMap(List::stream).mapToDouble(Double::doubleValue).min()
                .orElse(0);
    }

    private static double max(List<Double> a, List<Double> b) {
        return Stream.of(a, b).flatMap(List::stream).mapToDouble(Double::doubleValue).max()
                .orElse(1);
    }

    private static void addIfAny(XYChart chart, String name, List<Double> x, MetricsLog m,
            ToDoubleFunction<MetricsLog.Epoch> value, Color color, Marker marker) {
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
}
