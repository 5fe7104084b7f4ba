package com.careloop.inspection.audit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.inspection.AuditKind;
import com.careloop.inspection.Audits;
import com.careloop.inspection.ChecklistTemplates;
import com.careloop.inspection.InspectionCommands.NewItem;
import com.careloop.inspection.InspectionCommands.NewSection;
import com.careloop.inspection.InspectionCommands.NewTemplate;
import com.careloop.inspection.InspectionViews.Item;
import com.careloop.inspection.InspectionViews.Section;
import com.careloop.inspection.InspectionViews.Template;
import com.careloop.inspection.ItemKind;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.platform.UploadedFiles;
import com.careloop.platform.excel.XlsxExport;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A checklist template as .xlsx and back, so a company can load a customer's checklist (a brand's CSR checklist, an HR
 * checklist): sheet "template" holds code, kind, title and thresholds (one per row, key in column A, value in B);
 * sheet "items" one row per item with the columns of {@link #COLUMNS}. An import checks every row first; a bad cell is
 * a 422 naming the row, the column and the rule ({@code field} = {@code items[row].column}) and nothing is saved.
 * Sheet "deliverables" lists the deliverables the customer requires (one per row); the evidence documents of an item
 * travel in its {@code evidence} cell, one per line.
 */
@Component
class TemplateExcel {

    static final List<String> COLUMNS = List.of("section", "section_zh_cn", "section_zh_tw", "section_en", "text_zh_cn",
            "text_zh_tw", "text_en", "kind", "max_score", "min_value", "max_value", "min_photos", "weight", "red_line",
            "evidence", "department", "schemes");
    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final String DELIVERABLES = "deliverables";
    static final String DELIVERABLE = "deliverable";

    private final ChecklistTemplates templates;
    private final JdbcClient jdbc;

    TemplateExcel(ChecklistTemplates templates, JdbcClient jdbc) {
        this.templates = templates;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    ResponseEntity<byte[]> export(long id) {
        Template t = templates.template(id);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (var x = XlsxExport.open(out, "template", List.of("key", "value"))) {
            x.row("code", t.code()).row("kind", t.kind().name()).row("title", t.title()).row("passScore", t.passScore())
                    .row("conditionalScore", t.conditionalScore()).row("revision", t.revision());
            x.sheet("items", COLUMNS);
            for (Section s : t.sections()) {
                for (Item i : s.items()) {
                    x.row(s.no(), s.titleZhCn(), s.titleZhTw(), s.titleEn(), i.textZhCn(), i.textZhTw(), i.textEn(),
                            i.kind().name(), i.maxScore(), i.minValue(), i.maxValue(), i.minPhotos(), i.weight(),
                            i.redLine() ? "Y" : "N", String.join("\n", i.evidence()), i.departmentCode(),
                            String.join(",", i.schemes()));
                }
            }
            x.sheet(DELIVERABLES, List.of(DELIVERABLE));
            for (String d : templates.deliverables(id)) {
                x.row(d);
            }
        }
        return UploadedFiles.download(t.code() + "-r" + t.revision() + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
    }

    /** Reads and checks the workbook, then makes the draft ({@code code} overrides the file's code when given). */
    @Transactional
    Template importDraft(byte[] bytes, String codeOverride) {
        if (bytes == null || bytes.length == 0) {
            throw new InvalidInputException("file", "required", Text.of("error.inspection.required", "file"));
        }
        if (bytes.length > MAX_BYTES) {
            throw new InvalidInputException("file", "size", Text.of("error.inspection.import-size"));
        }
        try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            NewTemplate draft = read(wb, codeOverride);
            List<String> deliverables = deliverables(wb);
            Template t = templates.importDraft(draft);
            if (!deliverables.isEmpty()) {
                templates.setDeliverables(t.id(), deliverables, null);
            }
            return t;
        } catch (IOException | org.apache.poi.UnsupportedFileFormatException
                 | org.apache.poi.openxml4j.exceptions.OpenXML4JRuntimeException e) {
            throw new InvalidInputException("file", "xlsx", Text.of("error.inspection.import-xlsx"));
        }
    }

    NewTemplate read(Workbook wb, String codeOverride) {
        Sheet head = wb.getSheet("template");
        Sheet items = wb.getSheet("items");
        if (head == null || items == null) {
            throw new InvalidInputException("file", "sheets", Text.of("error.inspection.import-sheets"));
        }
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        Map<String, String> h = new LinkedHashMap<>();
        for (Row r : head) {
            if (r.getRowNum() > 0 && r.getCell(0) != null) {
                h.put(fmt.formatCellValue(r.getCell(0)).trim(), r.getCell(1) == null ? "" : fmt.formatCellValue(r.getCell(1)).trim());
            }
        }
        String code = codeOverride != null && !codeOverride.isBlank() ? codeOverride.trim() : h.get("code");
        if (code == null || code.isBlank() || code.length() > 40) {
            throw cell("template", 2, "code", "required");
        }
        AuditKind kind;
        try {
            kind = AuditKind.valueOf(h.getOrDefault("kind", "").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw cell("template", 3, "kind", "known");
        }
        String title = h.get("title");
        if (title == null || title.isBlank()) {
            throw cell("template", 4, "title", "required");
        }
        Integer pass = intOrNull(h.get("passScore"), "template", 5, "passScore");
        Integer cond = intOrNull(h.get("conditionalScore"), "template", 6, "conditionalScore");

        Row header = items.getRow(0);
        Map<String, Integer> col = new LinkedHashMap<>();
        if (header != null) {
            for (Cell c : header) {
                col.put(fmt.formatCellValue(c).trim().toLowerCase(Locale.ROOT), c.getColumnIndex());
            }
        }
        for (String required : List.of("section", "section_zh_cn", "text_zh_cn", "kind")) {
            if (!col.containsKey(required)) {
                throw cell("items", 1, required, "column");
            }
        }
        Map<Integer, NewSectionBuilder> sections = new LinkedHashMap<>();
        for (Row r : items) {
            if (r.getRowNum() == 0 || blank(r, fmt)) {
                continue;
            }
            int rowNo = r.getRowNum() + 1;
            java.util.function.Function<String, String> v = name -> {
                Integer i = col.get(name);
                if (i == null || r.getCell(i) == null || r.getCell(i).getCellType() == CellType.BLANK) {
                    return null;
                }
                String s = fmt.formatCellValue(r.getCell(i)).trim();
                return s.isEmpty() ? null : s;
            };
            Integer sectionNo = intOrNull(v.apply("section"), "items", rowNo, "section");
            if (sectionNo == null || sectionNo < 1) {
                throw cell("items", rowNo, "section", "positive");
            }
            String sectionZh = v.apply("section_zh_cn");
            NewSectionBuilder sb = sections.get(sectionNo);
            if (sb == null) {
                if (sectionZh == null) {
                    throw cell("items", rowNo, "section_zh_cn", "required");
                }
                sb = new NewSectionBuilder(sectionZh, v.apply("section_zh_tw"), v.apply("section_en"));
                sections.put(sectionNo, sb);
            }
            String text = v.apply("text_zh_cn");
            if (text == null) {
                throw cell("items", rowNo, "text_zh_cn", "required");
            }
            if (text.length() > 1000) {
                throw cell("items", rowNo, "text_zh_cn", "length");
            }
            ItemKind itemKind;
            try {
                itemKind = ItemKind.valueOf(String.valueOf(v.apply("kind")).toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw cell("items", rowNo, "kind", "known");
            }
            Integer maxScore = intOrNull(v.apply("max_score"), "items", rowNo, "max_score");
            if (itemKind == ItemKind.SCORE && (maxScore == null || maxScore < 1)) {
                throw cell("items", rowNo, "max_score", "required");
            }
            BigDecimal min = decimalOrNull(v.apply("min_value"), rowNo, "min_value");
            BigDecimal max = decimalOrNull(v.apply("max_value"), rowNo, "max_value");
            if (min != null && max != null && min.compareTo(max) > 0) {
                throw cell("items", rowNo, "max_value", "range");
            }
            Integer minPhotos = intOrNull(v.apply("min_photos"), "items", rowNo, "min_photos");
            if (itemKind == ItemKind.PHOTO && (minPhotos == null || minPhotos < 1)) {
                throw cell("items", rowNo, "min_photos", "required");
            }
            Integer weight = intOrNull(v.apply("weight"), "items", rowNo, "weight");
            if (weight != null && (weight < 0 || weight > 100)) {
                throw cell("items", rowNo, "weight", "range");
            }
            String red = v.apply("red_line");
            Boolean redLine = red == null ? Boolean.FALSE : switch (red.toUpperCase(Locale.ROOT)) {
                case "Y", "YES", "TRUE", "1", "是" -> Boolean.TRUE;
                case "N", "NO", "FALSE", "0", "否" -> Boolean.FALSE;
                default -> throw cell("items", rowNo, "red_line", "yes-no");
            };
            String dept = v.apply("department");
            if (dept != null && jdbc.sql("select count(*) from org_department where code = :c").param("c", dept)
                    .query(Long.class).single() == 0) {
                throw cell("items", rowNo, "department", "exists");
            }
            String schemes = v.apply("schemes");
            if (schemes != null) {
                for (String sch : schemes.split(",")) {
                    if (!Audits.SCHEMES.contains(sch.trim().toUpperCase(Locale.ROOT))) {
                        throw cell("items", rowNo, "schemes", "known");
                    }
                }
            }
            sb.items.add(new NewItem(text, v.apply("text_zh_tw"), v.apply("text_en"), itemKind, maxScore, min, max,
                    minPhotos, weight, redLine, v.apply("evidence"), dept, schemes));
        }
        if (sections.isEmpty()) {
            throw cell("items", 2, "text_zh_cn", "required");
        }
        List<NewSection> list = new ArrayList<>();
        sections.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> list.add(new NewSection(e.getValue().zh, e.getValue().tw, e.getValue().en, e.getValue().items)));
        return new NewTemplate(code, kind, title, pass, cond, list);
    }

    /**
     * The optional sheet "deliverables": one deliverable the customer requires per row under the header
     * {@code deliverable} (a workbook without the sheet has none); a name over 200 characters is refused naming its row.
     */
    static List<String> deliverables(Workbook wb) {
        Sheet sheet = wb.getSheet(DELIVERABLES);
        List<String> names = new ArrayList<>();
        if (sheet == null) {
            return names;
        }
        DataFormatter fmt = new DataFormatter(Locale.ROOT);
        for (Row r : sheet) {
            if (r.getRowNum() == 0 || r.getCell(0) == null) {
                continue;
            }
            String name = fmt.formatCellValue(r.getCell(0)).trim();
            if (name.length() > 200) {
                throw cell(DELIVERABLES, r.getRowNum() + 1, DELIVERABLE, "length");
            }
            if (!name.isEmpty() && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static final class NewSectionBuilder {
        final String zh;
        final String tw;
        final String en;
        final List<NewItem> items = new ArrayList<>();

        NewSectionBuilder(String zh, String tw, String en) {
            this.zh = zh;
            this.tw = tw;
            this.en = en;
        }
    }

    private static boolean blank(Row r, DataFormatter fmt) {
        for (Cell c : r) {
            if (!fmt.formatCellValue(c).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static Integer intOrNull(String s, String sheet, int row, String column) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(s.trim()).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw cell(sheet, row, column, "integer");
        }
    }

    private static BigDecimal decimalOrNull(String s, int row, String column) {
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            throw cell("items", row, column, "number");
        }
    }

    /** A bad cell: the field names the sheet's row and column ({@code items[5].kind}), the text the rule. */
    static InvalidInputException cell(String sheet, int row, String column, String rule) {
        return new InvalidInputException(sheet + "[" + row + "]." + column, rule,
                Text.of("error.inspection.import-cell", sheet, row, column, Text.of("error.inspection.import-rule." + rule)));
    }
}
