package org.smash4j.experiment;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.smash4j.experiment.stats.LeastSquares;
import org.smash4j.report.ReportPlots;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The experiments' charts, made with XChart in the report's style. */
final class ExperimentPlots {
    static final Color[] COLORS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
            new Color(148, 103, 189), new Color(255, 127, 14), new Color(140, 86, 75), new Color(127, 127, 127)};

    private ExperimentPlots() {
    }

    /** Points (score, true error) of one or more groups, each with its least-squares line (paper Fig. 3 / 5a). */
    record Group(String name, double[] x, double[] y, LeastSquares fit) {
    }

    static ReportPlots.Plot scatter(String file, String title, String xTitle, String yTitle, List<Group> groups,
            String caption) {
        XYChart chart = new XYChartBuilder().width(640).height(440).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        ReportPlots.style(chart);
        int gi = 0;
        for (Group g : groups) {
            if (g.x().length == 0) {
                continue;
            }
            Color color = COLORS[gi++ % COLORS.length];
            XYSeries s = chart.addSeries(g.name(), percent(g.x()), percent(g.y()));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(color);
            if (g.fit() != null) {
                double lo = min(g.x());
                double hi = max(g.x());
                XYSeries line = chart.addSeries(g.name() + " fit", new double[]{lo * 100, hi * 100},
                        new double[]{g.fit().predict(lo) * 100, g.fit().predict(hi) * 100});
                line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                line.setMarker(SeriesMarkers.NONE);
                line.setLineColor(color);
                line.setShowInLegend(groups.size() > 1);
            }
        }
        chart.getStyler().setLegendVisible(groups.size() > 1);
        return ReportPlots.plot(file, chart, title, caption);
    }

    /** Values by rank with error bars (paper Fig. 5b). */
    static ReportPlots.Plot errorBars(String file, String title, String xTitle, String yTitle, double[] mean,
            double[] std, String caption) {
        XYChart chart = new XYChartBuilder().width(640).height(440).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        ReportPlots.style(chart);
        double[] x = new double[mean.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = i + 1;
        }
        XYSeries s = chart.addSeries("mean over seeds", x, percent(mean), percent(std));
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(COLORS[0]);
        chart.getStyler().setErrorBarsColor(COLORS[0]);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisDecimalPattern("0");
        return ReportPlots.plot(file, chart, title, caption);
    }

    /** Grouped bars: categories on x, one series per entry of {@code series}. */
    static ReportPlots.Plot bars(String file, String title, String xTitle, String yTitle, List<String> categories,
            Map<String, List<Double>> series, String caption) {
        CategoryChart chart = new CategoryChartBuilder().width(640).height(440).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        ReportPlots.style(chart);
        int i = 0;
        for (Map.Entry<String, List<Double>> e : series.entrySet()) {
            chart.addSeries(e.getKey(), categories, e.getValue()).setFillColor(COLORS[i++ % COLORS.length]);
        }
        chart.getStyler().setLegendVisible(series.size() > 1);
        return ReportPlots.plot(file, chart, title, caption);
    }

    /** Lines against a shared x. */
    static ReportPlots.Plot lines(String file, String title, String xTitle, String yTitle, double[] x,
            Map<String, double[]> series, String caption) {
        XYChart chart = new XYChartBuilder().width(640).height(440).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        ReportPlots.style(chart);
        int i = 0;
        for (Map.Entry<String, double[]> e : series.entrySet()) {
            XYSeries s = chart.addSeries(e.getKey(), x, percent(e.getValue()));
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineColor(COLORS[i % COLORS.length]);
            s.setMarkerColor(COLORS[i++ % COLORS.length]);
        }
        chart.getStyler().setXAxisDecimalPattern("0");
        return ReportPlots.plot(file, chart, title, caption);
    }

    static double[] percent(double[] v) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] * 100;
        }
        return out;
    }

    static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static List<Double> list(double[] v) {
        List<Double> out = new ArrayList<>(v.length);
        for (double d : v) {
            out.add(d);
        }
        return out;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            m = Math.min(m, d);
        }
        return m;
    }

    private static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double d : v) {
            m = Math.max(m, d);
        }
        return m;
    }
}
