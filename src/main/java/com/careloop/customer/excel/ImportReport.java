package com.careloop.customer.excel;

import java.util.List;

import com.careloop.platform.excel.RowError;

/**
 * The outcome of an import: how many data rows the file had, what was imported (row -> record) and
 * every refused row with its column and reason. A row with any error is imported not at all.
 */
public record ImportReport(String kind, int rows, int imported, List<Imported> created, List<RowError> errors) implements java.io.Serializable {

    public record Imported(int row, long id, String code) implements java.io.Serializable {
    }

    public int refusedRows() {
        return (int) errors.stream().mapToInt(RowError::row).distinct().count();
    }
}
