package com.careloop.platform.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * An import template: a header row (required columns marked with *) and, for dictionary columns,
 * a drop-down list. The lists live on a hidden sheet, because an inline list is limited to 255
 * characters — too few for a dictionary of Chinese labels.
 */
public final class XlsxTemplate {

    /** One column of the template; {@code choices} empty for free text. */
    public record Column(String header, boolean required, List<String> choices, String example) {

        public static Column text(String header, boolean required, String example) {
            return new Column(header, required, List.of(), example);
        }

        public static Column choice(String header, boolean required, List<String> choices) {
            return new Column(header, required, choices, choices.isEmpty() ? null : choices.get(0));
        }

        /** The header as written in the sheet: required columns carry a trailing *. */
        public String label() {
            return required ? header + "*" : header;
        }
    }

    static final int VALIDATED_ROWS = 10_000;

    private XlsxTemplate() {
    }

    public static byte[] build(String sheetName, List<Column> columns) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.createSheet(sheetName);
            XSSFSheet lists = workbook.createSheet("lists");
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle headerStyle = workbook.createCellStyle();
            headerStyle.setFont(bold);
            Row header = sheet.createRow(0);
            Row example = sheet.createRow(1);
            DataValidationHelper dv = sheet.getDataValidationHelper();
            Map<Integer, List<String>> choiceColumns = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                var cell = header.createCell(i);
                cell.setCellValue(c.label());
                cell.setCellStyle(headerStyle);
                sheet.setColumnWidth(i, Math.max(12, c.label().length() * 4) * 256);
                if (c.example() != null) {
                    example.createCell(i).setCellValue(c.example());
                }
                if (!c.choices().isEmpty()) {
                    choiceColumns.put(i, c.choices());
                }
            }
            int listColumn = 0;
            for (var entry : choiceColumns.entrySet()) {
                List<String> choices = entry.getValue();
                for (int r = 0; r < choices.size(); r++) {
                    Row row = lists.getRow(r) == null ? lists.createRow(r) : lists.getRow(r);
                    row.createCell(listColumn).setCellValue(choices.get(r));
                }
                String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(listColumn);
                var constraint = dv.createFormulaListConstraint("lists!$" + letter + "$1:$" + letter + "$" + choices.size());
                DataValidation validation = dv.createValidation(constraint,
                        new CellRangeAddressList(1, VALIDATED_ROWS, entry.getKey(), entry.getKey()));
                validation.setShowErrorBox(true);
                sheet.addValidationData(validation);
                listColumn++;
            }
            workbook.setSheetHidden(workbook.getSheetIndex(lists), true);
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
