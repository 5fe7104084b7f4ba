package com.careloop.reporting.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.platform.Figure;
import com.careloop.platform.PrintCharts;
import com.careloop.reporting.report.ReportViews.TableRow;
import com.careloop.reporting.report.ReportViews.TableView;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The charts of a report, drawn from its tables: intake by channel as bars, complaint causes as a Pareto, the
 * satisfaction campaigns as a trend line. The page gets an ECharts option, the PDF a PNG (PrintCharts) of the same
 * rows, so both show the table's numbers.
 */
@Component
class PeriodicReportCharts {

    enum Shape { BAR, PARETO, LINE }

    /** Which tables are drawn, and how. */
    static final Map<String, Shape> CHARTED = Map.of(
            "servicedesk.byChannel", Shape.BAR,
            "complaint.pareto", Shape.PARETO,
            "survey.campaigns", Shape.LINE);

    private final PrintCharts printCharts;
    private final MessageSource messages;
    private final JsonMapper json;

    PeriodicReportCharts(PrintCharts printCharts, MessageSource messages, JsonMapper json) {
        this.printCharts = printCharts;
        this.messages = messages;
        this.json = json;
    }

    static boolean charted(TableView t) {
        return CHARTED.containsKey(t.code()) && !t.rows().isEmpty();
    }

    /** PNG charts for the PDF, by table code. */
    Map<String, PrintCharts.Chart> print(List<TableView> tables, Locale locale) {
        Map<String, PrintCharts.Chart> charts = new LinkedHashMap<>();
        for (TableView t : tables) {
            if (!charted(t)) {
                continue;
            }
            List<String> labels = t.rows().stream().map(TableRow::label).toList();
            charts.put(t.code(), switch (CHARTED.get(t.code())) {
                case BAR -> printCharts.bar(t.title(), t.columns().get(0), labels,
                        List.of(new PrintCharts.Series(t.columns().get(0), column(t, 0))));
                case PARETO -> printCharts.pareto(t.title(), t.columns().get(0),
                        message("report.chart.cumulative", locale), labels, column(t, 0));
                case LINE -> printCharts.line(t.title(), message("report.chart.score", locale), labels,
                        scoreColumns(t).stream().map(i -> new PrintCharts.Series(t.columns().get(i), column(t, i))).toList());
            });
        }
        return charts;
    }

    /** ECharts options for the page, by table code. */
    Map<String, String> page(List<TableView> tables, Locale locale) {
        Map<String, String> charts = new LinkedHashMap<>();
        for (TableView t : tables) {
            if (!charted(t)) {
                continue;
            }
            List<String> labels = t.rows().stream().map(TableRow::label).toList();
            Map<String, Object> option = new LinkedHashMap<>();
            option.put("tooltip", Map.of("trigger", "axis"));
            option.put("legend", Map.of());
            option.put("xAxis", Map.of("type", "category", "data", labels));
            List<Object> series = new ArrayList<>();
            switch (CHARTED.get(t.code())) {
                case BAR -> {
                    option.put("yAxis", Map.of("type", "value"));
                    series.add(Map.of("name", t.columns().get(0), "type", "bar", "data", column(t, 0)));
                }
                case PARETO -> {
                    option.put("yAxis", List.of(Map.of("type", "value"), Map.of("type", "value", "max", 100)));
                    List<Double> counts = column(t, 0);
                    double total = counts.stream().mapToDouble(c -> c == null ? 0 : c).sum();
                    List<Double> cumulative = new ArrayList<>();
                    double running = 0;
                    for (Double c : counts) {
                        running += c == null ? 0 : c;
                        cumulative.add(total == 0 ? 0 : Math.round(running * 1000 / total) / 10.0);
                    }
                    series.add(Map.of("name", t.columns().get(0), "type", "bar", "data", counts));
                    series.add(Map.of("name", message("report.chart.cumulative", locale), "type", "line",
                            "yAxisIndex", 1, "data", cumulative));
                }
                case LINE -> {
                    option.put("yAxis", Map.of("type", "value", "scale", true));
                    for (int i : scoreColumns(t)) {
                        series.add(Map.of("name", t.columns().get(i), "type", "line", "data", column(t, i)));
                    }
                }
            }
            option.put("series", series);
            charts.put(t.code(), json.writeValueAsString(option));
        }
        return charts;
    }

    private static List<Integer> scoreColumns(TableView t) {
        List<Integer> columns = new ArrayList<>();
        for (int i = 0; i < t.units().size(); i++) {
            if (t.units().get(i) == Figure.Unit.SCORE) {
                columns.add(i);
            }
        }
        return columns.isEmpty() ? List.of(0) : columns;
    }

    private static List<Double> column(TableView t, int i) {
        return t.rows().stream().map(r -> {
            BigDecimal v = i < r.values().size() ? r.values().get(i) : null;
            return v == null ? null : v.doubleValue();
        }).toList();
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
