package com.careloop.platform;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import com.careloop.platform.print.PrintFonts;

import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.DefaultCategoryDataset;
import org.springframework.stereotype.Component;

/**
 * Charts for printouts (ADR 0011): JFreeChart drawn headless into a PNG of fixed size with the print font, so Chinese
 * labels show and the same data gives the same image. Pages keep ECharts; a print template shows a chart with
 * {@code <img class="chart" th:src="${chart.dataUri()}" th:width="${chart.width()}"/>}. Labels arrive rendered in
 * the reader's language (the caller's {@link Texts}); values are numbers, a missing value ({@code null}) is a gap.
 *
 * <pre>{@code
 * Chart causes = printCharts.pareto(title, countLabel, cumulativeLabel, causeLabels, counts);
 * Chart trend = printCharts.line(title, axisLabel, monthLabels, List.of(new Series(indexLabel, indexes)));
 * }</pre>
 */
@Component
public class PrintCharts {

    /** Logical size in CSS pixels (96 dpi: 680 px ≈ 180 mm, the A4 text width); the image has twice the pixels. */
    public static final int WIDTH = 680;
    public static final int HEIGHT = 300;
    private static final int SCALE = 2;

    /** Fixed colours in series order, so a figure keeps its colour from one report to the next. */
    private static final Color[] COLOURS = {new Color(0x3B6FB6), new Color(0xE08A2E), new Color(0x4E9A52),
            new Color(0xC0392B), new Color(0x7D5BA6), new Color(0x2E9CA6), new Color(0x8C6D46), new Color(0x666666)};

    /** A named row of values, one per category or period ({@code null}: no value). */
    public record Series(String name, List<? extends Number> values) {
        public Series {
            values = List.copyOf(values.stream().map(v -> v == null ? Double.NaN : v).toList());
        }
    }

    /** A rendered chart: PNG bytes and the logical size to show it at. */
    public record Chart(byte[] png, int width, int height) {

        /** For {@code <img src>} in a print template (openhtmltopdf and browsers read data URIs). */
        public String dataUri() {
            return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
        }
    }

    /** Bars per category, one bar per series side by side. */
    public Chart bar(String title, String valueAxis, List<String> categories, List<Series> bars) {
        CategoryPlot plot = barPlot(valueAxis, categories, bars);
        return draw(title, plot, bars.size() > 1);
    }

    /**
     * A Pareto chart: the counts as bars, largest first as given, and the cumulative share in percent as a line on a
     * second axis (0–100 %), e.g. complaint causes.
     */
    public Chart pareto(String title, String countAxis, String cumulativeLabel, List<String> categories,
                        List<? extends Number> counts) {
        double total = counts.stream().mapToDouble(c -> c == null ? 0 : c.doubleValue()).sum();
        double running = 0;
        Double[] cumulative = new Double[counts.size()];
        for (int i = 0; i < counts.size(); i++) {
            running += counts.get(i) == null ? 0 : counts.get(i).doubleValue();
            cumulative[i] = total == 0 ? 0 : running * 100 / total;
        }
        CategoryPlot plot = barPlot(countAxis, categories, List.of(new Series(countAxis, counts)));
        NumberAxis percent = new NumberAxis(cumulativeLabel);
        percent.setRange(0, 100);
        percent.setNumberFormatOverride(new DecimalFormat("0'%'", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        plot.setRangeAxis(1, percent);
        plot.setDataset(1, dataset(categories, List.of(new Series(cumulativeLabel, List.of(cumulative)))));
        plot.mapDatasetToRangeAxis(1, 1);
        LineAndShapeRenderer line = lineRenderer(1);
        plot.setRenderer(1, line);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        return draw(title, plot, true);
    }

    /** Lines over periods (a trend), one line per series, with points. */
    public Chart line(String title, String valueAxis, List<String> periods, List<Series> lines) {
        CategoryPlot plot = new CategoryPlot(dataset(periods, lines), categoryAxis(), valueAxis(valueAxis),
                lineRenderer(0));
        return draw(title, plot, lines.size() > 1);
    }

    private CategoryPlot barPlot(String valueAxis, List<String> categories, List<Series> bars) {
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        renderer.setMaximumBarWidth(0.12);
        return new CategoryPlot(dataset(categories, bars), categoryAxis(), valueAxis(valueAxis), renderer);
    }

    private static LineAndShapeRenderer lineRenderer(int firstColour) {
        LineAndShapeRenderer renderer = new LineAndShapeRenderer(true, true);
        for (int i = 0; i < COLOURS.length; i++) {
            renderer.setSeriesPaint(i, COLOURS[(firstColour + i) % COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        return renderer;
    }

    private static CategoryAxis categoryAxis() {
        CategoryAxis axis = new CategoryAxis();
        axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        axis.setMaximumCategoryLabelLines(2);
        return axis;
    }

    private static NumberAxis valueAxis(String label) {
        NumberAxis axis = new NumberAxis(label);
        // the same digits whatever the server's default locale
        axis.setNumberFormatOverride(NumberFormat.getNumberInstance(Locale.ROOT));
        return axis;
    }

    private static DefaultCategoryDataset dataset(List<String> categories, List<Series> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("series " + s.name() + " has " + s.values().size()
                        + " values for " + categories.size() + " categories");
            }
            for (int i = 0; i < categories.size(); i++) {
                double v = s.values().get(i).doubleValue();
                data.addValue(Double.isNaN(v) ? null : v, s.name(), categories.get(i));
            }
        }
        return data;
    }

    private Chart draw(String title, CategoryPlot plot, boolean legend) {
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart(title, PrintFonts.awt(Font.PLAIN, 14), plot, legend);
        theme().apply(chart);
        if (title == null || title.isBlank()) {
            chart.setTitle((TextTitle) null);
        }
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        BufferedImage image = chart.createBufferedImage(WIDTH * SCALE, HEIGHT * SCALE, WIDTH, HEIGHT, null);
        ByteArrayOutputStream png = new ByteArrayOutputStream(32 * 1024);
        try {
            ChartUtils.writeBufferedImageAsPNG(png, image);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Chart(png.toByteArray(), WIDTH, HEIGHT);
    }

    /** White, flat, the print font everywhere; the series colours fixed. */
    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("careloop-print");
        theme.setExtraLargeFont(PrintFonts.awt(Font.PLAIN, 15));
        theme.setLargeFont(PrintFonts.awt(Font.PLAIN, 12));
        theme.setRegularFont(PrintFonts.awt(Font.PLAIN, 11));
        theme.setSmallFont(PrintFonts.awt(Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xCCCCCC));
        theme.setDomainGridlinePaint(new Color(0xCCCCCC));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setDrawingSupplier(new DefaultDrawingSupplier(COLOURS, new Paint[] {Color.WHITE},
                DefaultDrawingSupplier.DEFAULT_OUTLINE_PAINT_SEQUENCE, DefaultDrawingSupplier.DEFAULT_STROKE_SEQUENCE,
                DefaultDrawingSupplier.DEFAULT_OUTLINE_STROKE_SEQUENCE, DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        return theme;
    }
}
