package com.careloop.inspection.audit;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.inspection.Audits;
import com.careloop.inspection.InspectionViews;
import com.careloop.inspection.InspectionViews.Finding;
import com.careloop.inspection.InspectionViews.FindingFilter;
import com.careloop.platform.ListSort.Slice;
import com.careloop.platform.PrintDocuments;
import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The audit report (PDF on the platform renderer) and the findings list as .xlsx. */
@Component
class InspectionOutput {

    static final PrintDocuments.Form REPORT = new PrintDocuments.Form("inspection/print/report", null,
            "inspection.report.title");

    static final List<Column<Finding>> COLUMNS = List.of(
            new Column<>("inspection.finding.code", Finding::code),
            new Column<>("inspection.audit", Finding::auditTitle),
            new Column<>("inspection.finding.description", Finding::description),
            Column.label("inspection.finding.severity", "inspection.severity.", Finding::severity),
            new Column<>("inspection.finding.department", Finding::departmentName),
            new Column<>("inspection.finding.dueOn", Finding::dueOn),
            Column.label("inspection.finding.status", "inspection.finding-status.", Finding::status),
            new Column<>("inspection.finding.capa", Finding::capaCode),
            new Column<>("inspection.finding.correction", Finding::correction));

    private final Audits audits;
    private final PrintDocuments print;
    private final ListExport export;

    private final com.careloop.inspection.AuditFactoryProfiles profiles;

    InspectionOutput(Audits audits, PrintDocuments print, ListExport export,
                     com.careloop.inspection.AuditFactoryProfiles profiles) {
        this.profiles = profiles;
        this.audits = audits;
        this.print = print;
        this.export = export;
    }

    ResponseEntity<byte[]> reportPdf(long id, Locale locale) {
        InspectionViews.Audit a = audits.detail(id);
        return print.download(REPORT, a.code(), model(a), locale);
    }

    String reportHtml(long id, Locale locale) {
        InspectionViews.Audit a = audits.detail(id);
        return print.html(REPORT, a.code(), model(a), locale);
    }

    /** The audit and, when saved, its factory profile (000-A6), printed after the audit's head. */
    private Map<String, Object> model(InspectionViews.Audit a) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("a", a);
        profiles.saved(a.id()).ifPresent(p -> m.put("profile", p.profile()));
        return m;
    }

    void exportFindings(FindingFilter filter, String queryString, HttpServletResponse response) {
        export.write(response, "audit-findings", "inspection.findings.title", "audit-finding-export", queryString,
                COLUMNS, cursor -> {
                    var page = audits.findings(filter, cursor, ListExport.PAGE);
                    return new Slice<>(page.items(), page.nextCursor());
                });
    }
}
