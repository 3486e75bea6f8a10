package org.smash4j.report;

import org.knowm.xchart.BitmapEncoder;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The look of the report's charts (sizes, colours, fonts, axis formats) and their rendering to PNG. The charts
 * themselves are in {@link TrainingCharts} and {@link SearchCharts}; the experiments style and render theirs
 * here too, so that all plots look alike. Error fractions are shown as percentages, counts with k/M/G suffixes.
 */
public final class ReportPlots {
    /** Chart size: two side by side fill the report's width at about their natural size. */
    static final int CHART_WIDTH = 620;
    static final int CHART_HEIGHT = 420;

    // Series colours, shared by the charts so that train, validation, test and each search phase look the same
    // wherever they appear.
    static final Color STEP = new Color(31, 119, 180, 70);
    static final Color STEP_FEW = new Color(31, 119, 180, 150);
    static final Color STEP_AVERAGE = new Color(31, 119, 180);
    static final Color TRAIN = new Color(40, 40, 40);
    static final Color VALIDATION = new Color(214, 39, 40);
    static final Color TEST = new Color(148, 103, 189);
    static final Color WINNER = new Color(214, 39, 40);
    static final Color BASELINE = new Color(140, 140, 140);
    static final Color FINAL = new Color(31, 119, 180);
    static final Map<String, Color> PHASE_COLORS = Map.of(
            "random", new Color(31, 119, 180, 170),
            "perturb", new Color(255, 127, 14, 190),
            "hill-climb", new Color(44, 160, 44, 190),
            "evolution", new Color(148, 103, 189, 190));
    static final Color OTHER_PHASE = new Color(127, 127, 127, 170);

    /** Axis labels: error fractions as percentages, counts with k/M/G suffixes. */
    static final Function<Double, String> PERCENT = v -> String.format(Locale.ROOT, "%.1f%%", v * 100);
    static final Function<Double, String> HUMAN = v -> ArchitectureDescription.human(Math.round(v));
    /** Name of the hidden series added by {@link #anchorXAxis}. */
    static final String AXIS_ANCHOR = "x axis anchor";

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

    /** A styled line chart. */
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

    /** Adds a line series in {@code color}, its markers in the same colour. */
    static void line(XYChart chart, String name, List<Double> x, List<Double> y, Color color, float width,
            Marker marker) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineWidth(width);
        s.setMarker(marker);
        s.setMarkerColor(color);
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
