package com.careloop.complaint.handling;

import java.util.List;

import com.careloop.complaint.ComplaintViews.Row;
import com.careloop.complaint.Complaints;
import com.careloop.platform.ListSort.Slice;
import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/** The complaint list as .xlsx (the 投诉处理登记表 of 003-A11): the list's filters and sort, audited. */
@Component
class ComplaintListExport {

    static final String AUDIT_TYPE = "complaint-list-export";

    private static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("complaint.code", Row::code),
            new Column<>("complaint.customer", Row::customerName),
            new Column<>("complaint.receivedAt", Row::receivedAt),
            Column.label("complaint.category", "complaint.enum.ComplaintCategory.", Row::category),
            Column.label("complaint.severity", "complaint.enum.Severity.", Row::severity),
            Column.label("complaint.status", "complaint.enum.ComplaintStatus.", Row::status),
            new Column<>("complaint.department", Row::departmentName),
            new Column<>("lists.complaint.handler", Row::handlerName),
            new Column<>("complaint.resolveDue", Row::resolveDueAt),
            new Column<>("complaint.overdue", Row::overdue),
            new Column<>("complaint.repeat", Row::repeat));

    private final Complaints complaints;
    private final ListExport export;

    ComplaintListExport(Complaints complaints, ListExport export) {
        this.complaints = complaints;
        this.export = export;
    }

    void write(ComplaintListQuery query, String queryString, HttpServletResponse response) {
        export.write(response, "complaints", "nav.complaints",
                AUDIT_TYPE, queryString, COLUMNS, cursor -> {
                    var page = complaints.search(query.filter(), query.sort(), cursor, ListExport.PAGE);
                    return new Slice<>(page.items(), page.nextCursor());
                });
    }
}
