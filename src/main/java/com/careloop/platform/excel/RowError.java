package com.careloop.platform.excel;

/** One reason a row of an import was refused: the row as Excel numbers it, the column, why. */
public record RowError(int row, String column, String reason) implements java.io.Serializable {
}
