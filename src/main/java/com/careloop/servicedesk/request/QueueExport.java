package com.careloop.servicedesk.request;

import java.util.List;

import com.careloop.platform.ListSort.Slice;
import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskViews.Filter;
import com.careloop.servicedesk.ServiceDeskViews.Row;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/** The queue as .xlsx: the filters and sort of the list, all its pages, audited. */
@Component
public class QueueExport {

    static final String AUDIT_TYPE = "service-request-list-export";

    private static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("sr.code", Row::code),
            new Column<>("sr.title", Row::title),
            new Column<>("sr.customer", Row::customerName),
            Column.label("sr.type", "sr.type.", Row::type),
            Column.label("sr.status", "sr.status.", Row::status),
            Column.label("sr.priority", "sr.priority.", Row::priority),
            new Column<>("sr.department", Row::departmentName),
            new Column<>("sr.assignee", Row::assigneeName),
            new Column<>("sr.registeredAt", Row::registeredAt),
            new Column<>("sdp.deadline", Row::dueAt),
            new Column<>("sr.overdue", Row::overdue));

    private final ServiceDesk desk;
    private final ListExport export;

    QueueExport(ServiceDesk desk, ListExport export) {
        this.desk = desk;
        this.export = export;
    }

    public void write(Filter filter, String sort, String queryString, HttpServletResponse response) {
        export.write(response, "service-requests",
                "nav.serviceRequests", AUDIT_TYPE, queryString, COLUMNS, cursor -> {
                    var page = desk.search(filter, sort, cursor, ListExport.PAGE);
                    return new Slice<>(page.items(), page.nextCursor());
                });
    }
}
