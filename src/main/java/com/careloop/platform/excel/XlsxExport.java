package com.careloop.platform.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAccessor;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A streaming export: rows are flushed to a temporary file every {@value #WINDOW} rows (SXSSF), so
 * memory stays flat however many rows a report has. Use in try-with-resources; {@link #close()}
 * writes the workbook to the stream and deletes the temporary files.
 *
 * <pre>{@code
 * try (var xlsx = XlsxExport.open(out, "客户", List.of("编号", "名称"))) {
 *     rows.forEach(r -> xlsx.row(r.code(), r.name()));
 * }
 * }</pre>
 */
public final class XlsxExport implements AutoCloseable {

    static final int WINDOW = 200;

    private final SXSSFWorkbook workbook;
    private SXSSFSheet sheet;
    private final OutputStream out;
    private final CellStyle dateStyle;
    private final CellStyle dateTimeStyle;
    private final CellStyle headerStyle;
    private int next;

    private XlsxExport(OutputStream out, String sheetName, List<String> headers) {
        this.out = out;
        this.workbook = new SXSSFWorkbook(WINDOW);
        workbook.setCompressTempFiles(true);
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        this.dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        Font bold = workbook.createFont();
        bold.setBold(true);
        this.headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        startSheet(sheetName, headers);
    }

    /**
     * Continues on a new sheet with its own header row (a report with one sheet per section). The name is made safe
     * for Excel (at most 31 characters, no {@code []:*?/\}) and unique within the workbook.
     */
    public XlsxExport sheet(String sheetName, List<String> headers) {
        startSheet(sheetName, headers);
        return this;
    }

    private void startSheet(String sheetName, List<String> headers) {
        String safe = org.apache.poi.ss.util.WorkbookUtil.createSafeSheetName(sheetName);
        String name = safe;
        for (int n = 2; workbook.getSheet(name) != null; n++) {
            String suffix = " (" + n + ")";
            name = safe.substring(0, Math.min(safe.length(), 31 - suffix.length())) + suffix;
        }
        this.sheet = workbook.createSheet(name);
        this.next = 0;
        Row header = sheet.createRow(next++);
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(headerStyle);
            // CJK text needs about twice the width of Latin text
            sheet.setColumnWidth(i, Math.min(60, Math.max(10, headers.get(i).length() * 4)) * 256);
        }
        sheet.createFreezePane(0, 1);
    }

    public static XlsxExport open(OutputStream out, String sheetName, List<String> headers) {
        return new XlsxExport(out, sheetName, headers);
    }

    /** Appends one row; numbers stay numbers and dates stay dates, so the sheet can be summed and sorted. */
    public XlsxExport row(Object... values) {
        Row row = sheet.createRow(next++);
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (v instanceof Number n) {
                cell.setCellValue(n instanceof BigDecimal b ? b.doubleValue() : n.doubleValue());
            } else if (v instanceof Boolean b) {
                cell.setCellValue(b);
            } else if (v instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(dateStyle);
            } else if (v instanceof LocalDateTime t) {
                // a wall-clock time (the caller has put it in the company's zone): a real date-time cell
                cell.setCellValue(t);
                cell.setCellStyle(dateTimeStyle);
            } else if (v instanceof OffsetDateTime t) {
                cell.setCellValue(t.toString());
            } else if (v instanceof TemporalAccessor t) {
                cell.setCellValue(t.toString());
            } else {
                cell.setCellValue(v.toString());
            }
        }
        return this;
    }

    /** Data rows written so far (the header not counted). */
    public int rowCount() {
        return next - 1;
    }

    @Override
    public void close() {
        try {
            workbook.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                workbook.close();
            } catch (IOException ignored) {
                // the temporary files are already written out; nothing to recover
            }
            workbook.dispose();
        }
    }
}
