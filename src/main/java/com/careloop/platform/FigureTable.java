package com.careloop.platform;

import java.math.BigDecimal;
import java.util.List;

/**
 * A table a module contributes to dashboards and reports (see {@link FigureSource}): requests by channel, complaint
 * causes in Pareto order, on-time rates per department, figures per agent. The title is the message
 * {@code table.<code>}; column headings and row labels are {@link Text}s rendered in the reader's language.
 *
 * @param columns headings of the value columns (the row label column has none)
 * @param units   how each value column reads (same length as columns)
 */
public record FigureTable(String code, List<Text> columns, List<Figure.Unit> units, List<Row> rows) {

    public FigureTable {
        columns = List.copyOf(columns);
        units = List.copyOf(units);
        rows = List.copyOf(rows);
        if (columns.size() != units.size()) {
            throw new IllegalArgumentException("one unit per column");
        }
    }

    /**
     * One row: a label, values in column order (null: nothing to measure), the list behind the row.
     *
     * @param key a stable key of what the row is about, so rows from several modules can be joined: {@code user:17},
     *            {@code department:4}, {@code customer:88}, {@code channel:PHONE}; null when not joinable
     */
    public record Row(String key, Text label, List<BigDecimal> values, String drillDown) {

        public Row {
            values = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(values));
        }
    }

    public String titleKey() {
        return "table." + code;
    }
}
