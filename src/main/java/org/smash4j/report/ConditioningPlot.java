package org.smash4j.report;

import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.smash4j.train.ConditioningDiagnostics;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * The one-shot run's conditioning diagnostics ({@link ConditioningDiagnostics}) over training: whether the
 * HyperNet's output collapses to one tile and its weights stop depending on c. Fractions and weight distances
 * share the left axis (both lie in [0, 2]); the amplitude ratio, of another scale, has the right one.
 */
final class ConditioningPlot {
    private static final Color TILE = new Color(214, 39, 40);
    private static final Color NOISE = new Color(127, 127, 127);
    private static final Color SHUFFLE = new Color(31, 119, 180);
    private static final Color EPS = new Color(255, 127, 14);
    private static final Color AMPLITUDE = new Color(44, 160, 44);

    private ConditioningPlot() {
    }

    /** The chart, or null when no epoch record has a diagnostic (runs older than them). */
    static ReportPlots.Plot of(MetricsLog m) {
        List<Double> steps = new ArrayList<>();
        for (MetricsLog.Epoch e : m.epochs()) {
            steps.add((double) e.step());
        }
        if (m.epochs().stream().allMatch(e -> e.diagnostics().isEmpty())) {
            return null;
        }
        XYChart chart = ReportPlots.xyChart(ReportPlots.CHART_WIDTH, ReportPlots.CHART_HEIGHT,
                "One-shot conditioning diagnostics", "step", "fraction / weight distance");
        ToDoubleFunction<MetricsLog.Epoch> tile = e -> e.diagnostic(ConditioningDiagnostics.TILE_SHARE);
        ToDoubleFunction<MetricsLog.Epoch> eps = e -> e.diagnostic(ConditioningDiagnostics.EPS_LIMITED_HYPERNET);
        ToDoubleFunction<MetricsLog.Epoch> noise = e -> e.diagnostic(ConditioningDiagnostics.NOISE_CHANGE);
        ToDoubleFunction<MetricsLog.Epoch> shuffle = ConditioningPlot::meanShuffleChange;
        // The anchor's y must lie within the left axis's data: the first value any left-axis series has.
        double anchorY = Stream.of(tile, eps, noise, shuffle)
                .mapToDouble(f -> first(m, f)).filter(v -> !Double.isNaN(v)).findFirst().orElse(Double.NaN);
        ReportPlots.anchorXAxis(chart, steps.get(0), steps.get(steps.size() - 1), anchorY, true);
        add(chart, "tile share", steps, m, tile, TILE, SeriesMarkers.CIRCLE, 0);
        add(chart, "eps-limited", steps, m, eps, EPS, SeriesMarkers.SQUARE, 0);
        add(chart, "noise", steps, m, noise, NOISE, SeriesMarkers.TRIANGLE_DOWN, 0);
        add(chart, "shuffle", steps, m, shuffle, SHUFFLE, SeriesMarkers.DIAMOND, 0);
        if (add(chart, "amplitude (right)", steps, m, e -> e.diagnostic(ConditioningDiagnostics.AMPLITUDE),
                AMPLITUDE, SeriesMarkers.TRIANGLE_UP, 1)) {
            chart.setYAxisGroupTitle(1, "op output RMS / block input RMS");
            chart.getStyler().setYAxisGroupPosition(1, Styler.YAxisPosition.Right);
        }
        return ReportPlots.plot("oneshot-conditioning.png", chart, "One-shot conditioning diagnostics",
                "After each epoch, on a few fixed architectures: tile share, the share of the HyperNet output in"
                        + " one position-independent tile (1: collapsed, the weights ignore c); shuffle and noise,"
                        + " how far an op's normalised weights move when c's per-op values are shuffled (mean over"
                        + " the fields) and when the noise z is redrawn; eps-limited, the fraction of HyperNet"
                        + " weights whose Adam step is limited by eps; and (right axis) amplitude, the RMS of op"
                        + " outputs over that of their block's input.");
    }

    /** Mean of the record's shuffle changes over the fields it has, or NaN. */
    private static double meanShuffleChange(MetricsLog.Epoch e) {
        return e.diagnostics().entrySet().stream()
                .filter(x -> x.getKey().startsWith(ConditioningDiagnostics.SHUFFLE_PREFIX))
                .mapToDouble(x -> x.getValue()).average().orElse(Double.NaN);
    }

    private static double first(MetricsLog m, ToDoubleFunction<MetricsLog.Epoch> f) {
        return m.epochs().stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).findFirst().orElse(Double.NaN);
    }

    /** Adds the epochs' values of {@code f} (those that are numbers) on y axis {@code group}; false when none. */
    private static boolean add(XYChart chart, String name, List<Double> steps, MetricsLog m,
            ToDoubleFunction<MetricsLog.Epoch> f, Color color, Marker marker, int group) {
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < m.epochs().size(); i++) {
            double v = f.applyAsDouble(m.epochs().get(i));
            if (!Double.isNaN(v)) {
                xs.add(steps.get(i));
                ys.add(v);
            }
        }
        if (ys.isEmpty()) {
            return false;
        }
        ReportPlots.line(chart, name, xs, ys, color, 2f, marker);
        chart.getSeriesMap().get(name).setYAxisGroup(group);
        return true;
    }
}
