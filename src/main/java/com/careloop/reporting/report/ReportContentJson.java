package com.careloop.reporting.report;

import java.math.BigDecimal;
import java.util.List;

import com.careloop.platform.Figure;
import com.careloop.platform.FigureTable;
import com.careloop.platform.Text;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The frozen form of a {@link ReportContent}: the application's JSON mapper for the structure, texts (column
 * headings, row labels) in their own stored form ({@link Text#toJson()}), so a label keeps its message code and
 * arguments and renders in whatever language the reader has when the report is opened years later.
 */
@Component
class ReportContentJson {

    record StoredContent(List<StoredSection> sections) {
    }

    record StoredSection(String code, List<Figure> figures, List<StoredTable> tables) {
    }

    record StoredTable(String code, List<String> columns, List<Figure.Unit> units, List<StoredRow> rows) {
    }

    record StoredRow(String key, String label, List<BigDecimal> values, String drillDown) {
    }

    private final JsonMapper json;

    ReportContentJson(JsonMapper json) {
        this.json = json;
    }

    String write(ReportContent content) {
        return json.writeValueAsString(new StoredContent(content.sections().stream()
                .map(s -> new StoredSection(s.code(), s.figures(), s.tables().stream().map(ReportContentJson::stored).toList()))
                .toList()));
    }

    ReportContent read(String stored) {
        StoredContent c = json.readValue(stored, StoredContent.class);
        return new ReportContent(c.sections().stream()
                .map(s -> new ReportContent.Section(s.code(), s.figures() == null ? List.of() : s.figures(),
                        s.tables() == null ? List.of() : s.tables().stream().map(ReportContentJson::table).toList()))
                .toList());
    }

    private static StoredTable stored(FigureTable t) {
        return new StoredTable(t.code(), t.columns().stream().map(Text::toJson).toList(), t.units(),
                t.rows().stream().map(r -> new StoredRow(r.key(), r.label() == null ? null : r.label().toJson(),
                        r.values(), r.drillDown())).toList());
    }

    private static FigureTable table(StoredTable t) {
        return new FigureTable(t.code(), t.columns().stream().map(Text::fromJson).toList(), t.units(),
                t.rows().stream().map(r -> new FigureTable.Row(r.key(), Text.fromJson(r.label()), r.values(),
                        r.drillDown())).toList());
    }
}
