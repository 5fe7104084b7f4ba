package com.careloop.fieldservice.trip;

import java.util.List;

import com.careloop.fieldservice.FieldServiceViews.Filter;
import com.careloop.fieldservice.FieldServiceViews.Row;
import com.careloop.fieldservice.FieldServices;
import com.careloop.platform.ListSort.Slice;
import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/** The field-service list as .xlsx (streamed page by page): the list's filters, reach and sort, audited. */
@Component
class FieldServiceExport {

    static final String AUDIT_TYPE = "field-service-export";

    private static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("fieldservice.code", Row::code),
            new Column<>("fieldservice.customer", Row::customerName),
            new Column<>("fieldservice.request", Row::requestCode),
            new Column<>("fieldservice.site", Row::site),
            new Column<>("fieldservice.travelOutOn", Row::travelOutOn),
            new Column<>("fieldservice.returnOn", Row::returnOn),
            new Column<>("fieldservice.leader", Row::leaderName),
            Column.label("fieldservice.status", "fieldservice.status.", Row::status),
            new Column<>("fieldservice.report.title", Row::reportCode));

    private final FieldServices services;
    private final ListExport export;

    FieldServiceExport(FieldServices services, ListExport export) {
        this.services = services;
        this.export = export;
    }

    void write(Filter filter, String sort, String queryString, HttpServletResponse response) {
        export.write(response, "field-services", "fieldservice.title", AUDIT_TYPE, queryString, COLUMNS, cursor -> {
            var page = services.search(filter, sort, cursor, ListExport.PAGE);
            return new Slice<>(page.items(), page.nextCursor());
        });
    }
}
