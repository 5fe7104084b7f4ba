package com.careloop.reporting.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.careloop.platform.Figure;

/** What the API, pages and files show of reports, labels already in the reader's language. */
public final class ReportViews {

    private ReportViews() {
    }

    public record Filter(ReportKind kind, ReportStatus status, Integer year) {
    }

    public record Row(long id, String number, ReportKind kind, String kindLabel, String title, LocalDate first,
                      LocalDate last, Long customerId, String customerName, int revision, boolean current,
                      ReportStatus status, OffsetDateTime generatedAt, String generatedBy, OffsetDateTime approvedAt,
                      String approvedBy) {
    }

    public record Page(List<Row> items, String nextCursor) {
    }

    /** A figure as read: its label, the value formatted with its unit ("83.3%", "12.50 小时"), part / whole of a rate. */
    public record FigureView(String code, String label, BigDecimal value, Figure.Unit unit, String display,
                             String detail, String drillDown) {
    }

    public record TableRow(String key, String label, List<BigDecimal> values, List<String> display, String drillDown) {
    }

    public record TableView(String code, String title, List<String> columns, List<Figure.Unit> units,
                            List<TableRow> rows) {
    }

    /** @param available false for a module that does not exist yet (the section says so) */
    public record SectionView(String code, String title, boolean available, List<FigureView> figures,
                              List<TableView> tables) {
    }

    public record TextField(String field, String label, String text) {
    }

    public record Detail(long id, String number, ReportKind kind, String kindLabel, String formCode, String title,
                         String periodLabel, LocalDate first, LocalDate last, Long customerId, String customerName,
                         int revision, boolean current, ReportStatus status, String statusLabel,
                         List<TextField> texts, Map<String, String> textValues, OffsetDateTime generatedAt,
                         String generatedBy, OffsetDateTime submittedAt, String submittedBy,
                         OffsetDateTime approvedAt, String approvedBy, OffsetDateTime returnedAt, String returnedBy,
                         String returnComment, long version, List<SectionView> sections) {

        /** The figure of a code in any section, or null. */
        public FigureView figure(String code) {
            return sections.stream().flatMap(s -> s.figures().stream()).filter(f -> f.code().equals(code)).findFirst()
                    .orElse(null);
        }
    }
}
