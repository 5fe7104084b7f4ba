package com.careloop.reporting.report;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.platform.Figure;
import com.careloop.platform.PrintDocuments;
import com.careloop.platform.Text;
import com.careloop.platform.excel.XlsxExport;
import com.careloop.reporting.report.ReportViews.Detail;
import com.careloop.reporting.report.ReportViews.FigureView;
import com.careloop.reporting.report.ReportViews.SectionView;
import com.careloop.reporting.report.ReportViews.TableRow;
import com.careloop.reporting.report.ReportViews.TableView;
import com.careloop.reporting.report.ReportViews.TextField;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A report's files in the reader's language: the PDF (print template {@code reporting/print/report} in the platform's
 * frame with the form code, record number and title, the charts as images) and the workbook (a summary sheet, one
 * sheet per section with its figures and tables, the free texts).
 */
@Component
class ReportDocuments {

    static final String TEMPLATE = "reporting/print/report";

    private final PrintDocuments print;
    private final PeriodicReportCharts charts;
    private final MessageSource messages;

    ReportDocuments(PrintDocuments print, PeriodicReportCharts charts, MessageSource messages) {
        this.print = print;
        this.charts = charts;
        this.messages = messages;
    }

    byte[] pdf(Detail report, Locale locale) {
        return print.pdf(TEMPLATE, model(report, locale), header(report), locale);
    }

    String html(Detail report, Locale locale) {
        return print.html(TEMPLATE, model(report, locale), header(report), locale);
    }

    private Map<String, Object> model(Detail report, Locale locale) {
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("charts", charts.print(report.sections().stream().flatMap(s -> s.tables().stream()).toList(), locale));
        return model;
    }

    private static PrintDocuments.Header header(Detail report) {
        return new PrintDocuments.Header(report.formCode(), report.number(), Text.literal(report.title()));
    }

    byte[] xlsx(Detail report, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        try (XlsxExport xlsx = XlsxExport.open(out, message("report.xlsx.summary", locale),
                List.of(message("report.xlsx.item", locale), message("report.xlsx.value", locale)))) {
            xlsx.row(message("report.number", locale), report.number());
            xlsx.row(message("report.title", locale), report.title());
            xlsx.row(message("report.formCode", locale), report.formCode());
            xlsx.row(message("report.period", locale), report.periodLabel());
            xlsx.row(message("report.revision", locale), report.revision());
            xlsx.row(message("report.status", locale), report.statusLabel());
            xlsx.row(message("report.generatedBy", locale), report.generatedBy());
            xlsx.row(message("report.generatedAt", locale), report.generatedAt() == null ? null
                    : report.generatedAt().toLocalDateTime());
            xlsx.row(message("report.approvedBy", locale), report.approvedBy());
            xlsx.row(message("report.approvedAt", locale), report.approvedAt() == null ? null
                    : report.approvedAt().toLocalDateTime());
            for (SectionView s : report.sections()) {
                xlsx.sheet(s.title(), List.of(message("report.xlsx.figure", locale), message("report.xlsx.value", locale),
                        message("report.xlsx.unit", locale), message("report.xlsx.display", locale),
                        message("report.xlsx.detail", locale)));
                if (!s.available()) {
                    xlsx.row(message("report.notAvailable", locale));
                }
                for (FigureView f : s.figures()) {
                    xlsx.row(f.label(), number(f.value(), f.unit()), unit(f.unit(), locale), f.display(), f.detail());
                }
                for (TableView t : s.tables()) {
                    xlsx.row();
                    xlsx.row(t.title());
                    List<Object> head = new ArrayList<>();
                    head.add("");
                    head.addAll(t.columns());
                    xlsx.row(head.toArray());
                    for (TableRow r : t.rows()) {
                        List<Object> cells = new ArrayList<>();
                        cells.add(r.label());
                        for (int i = 0; i < r.values().size(); i++) {
                            cells.add(number(r.values().get(i), i < t.units().size() ? t.units().get(i) : Figure.Unit.COUNT));
                        }
                        xlsx.row(cells.toArray());
                    }
                }
            }
            xlsx.sheet(message("report.texts", locale), List.of(message("report.xlsx.item", locale),
                    message("report.xlsx.text", locale)));
            for (TextField t : report.texts()) {
                xlsx.row(t.label(), t.text());
            }
            if (report.returnComment() != null) {
                xlsx.row(message("report.returnComment", locale), report.returnComment());
            }
        }
        return out.toByteArray();
    }

    /** A share as percent points (83.3), so the cell reads like the page; other units as they are. */
    private static BigDecimal number(BigDecimal value, Figure.Unit unit) {
        if (value == null) {
            return null;
        }
        return unit == Figure.Unit.PERCENT ? value.multiply(BigDecimal.valueOf(100)).setScale(1, RoundingMode.HALF_UP)
                : value;
    }

    private String unit(Figure.Unit unit, Locale locale) {
        return message("report.unitName." + unit, locale);
    }

    private String message(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
