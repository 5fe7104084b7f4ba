package com.careloop.platform.excel;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.InvalidInputException;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the first sheet of an uploaded .xlsx into rows keyed by header (a trailing * of required
 * columns is dropped). Refuses, as a field error on {@code file}, what is not an .xlsx, an empty
 * workbook, more than {@code maxRows} data rows, or a header missing a required column. Cell
 * values come back as text: numbers without a spurious ".0", dates as yyyy-MM-dd.
 */
public final class XlsxReader {

    /** A data row: its number as Excel shows it (header = row 1) and its cells by header. */
    public record XlsxRow(int number, Map<String, String> cells) {

        public String get(String header) {
            String v = cells.get(header);
            return v == null || v.isBlank() ? null : v.trim();
        }

        boolean blank() {
            return cells.values().stream().allMatch(v -> v == null || v.isBlank());
        }
    }

    private XlsxReader() {
    }

    public static List<XlsxRow> read(InputStream in, List<String> requiredHeaders, int maxRows) {
        try (XSSFWorkbook workbook = open(in)) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw new InvalidInputException("file", "empty", "文件没有表头 / the workbook has no header row");
            }
            List<String> headers = new ArrayList<>();
            for (int i = 0; i < header.getLastCellNum(); i++) {
                String h = text(header.getCell(i));
                headers.add(h == null ? "" : h.trim().replaceAll("\\*$", ""));
            }
            List<String> missing = requiredHeaders.stream().filter(h -> !headers.contains(h)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidInputException("file", "headers", "缺少列 / missing columns: " + String.join(", ", missing));
            }
            List<XlsxRow> rows = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < headers.size(); i++) {
                    if (!headers.get(i).isEmpty()) {
                        cells.put(headers.get(i), text(row.getCell(i)));
                    }
                }
                XlsxRow x = new XlsxRow(r + 1, cells);
                if (x.blank()) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw new InvalidInputException("file", "max-rows", "一次最多导入 " + maxRows + " 行 / at most "
                            + maxRows + " rows per import");
                }
                rows.add(x);
            }
            return rows;
        } catch (IOException e) {
            throw new InvalidInputException("file", "format", "无法读取文件 / cannot read the file: " + e.getMessage());
        }
    }

    private static XSSFWorkbook open(InputStream in) throws IOException {
        try {
            return new XSSFWorkbook(in);
        } catch (org.apache.poi.openxml4j.exceptions.NotOfficeXmlFileException
                 | org.apache.poi.ooxml.POIXMLException | org.apache.poi.EmptyFileException e) {
            throw new InvalidInputException("file", "format", "不是有效的 Excel (.xlsx) 文件 / not an .xlsx workbook");
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new InvalidInputException("file", "format", "不是有效的 Excel (.xlsx) 文件 / not an .xlsx workbook: "
                    + e.getMessage());
        }
    }

    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? LocalDate.ofInstant(cell.getDateCellValue().toInstant(), ZoneOffset.systemDefault()).toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            default -> null;
        };
    }
}
