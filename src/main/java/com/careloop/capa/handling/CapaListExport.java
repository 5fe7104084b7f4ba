package com.careloop.capa.handling;

import java.util.List;

import com.careloop.capa.CapaViews.Filter;
import com.careloop.capa.CapaViews.Row;
import com.careloop.capa.CorrectiveActions;
import com.careloop.platform.ListSort.Slice;
import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/** The CAPA list as .xlsx: the list's filters and sort, all its pages, audited. */
@Component
class CapaListExport {

    static final String AUDIT_TYPE = "capa-list-export";

    private static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("capa.code", Row::code),
            new Column<>("capa.problem", Row::problem),
            Column.label("capa.source", "capa.enum.source.", Row::sourceType),
            new Column<>("capa.department", Row::departmentName),
            Column.label("capa.status", "capa.enum.CapaStatus.", Row::status),
            new Column<>("capa.checkDue", Row::effectivenessCheckDue),
            new Column<>("capa.openedAt", Row::openedAt),
            new Column<>("capa.overdue", Row::overdue));

    private final CorrectiveActions capas;
    private final ListExport export;

    CapaListExport(CorrectiveActions capas, ListExport export) {
        this.capas = capas;
        this.export = export;
    }

    void write(Filter filter, String sort, String queryString, HttpServletResponse response) {
        export.write(response, "capa", "nav.capa", AUDIT_TYPE, queryString, COLUMNS, cursor -> {
            var page = capas.search(filter, sort, cursor, ListExport.PAGE);
            return new Slice<>(page.items(), page.nextCursor());
        });
    }
}
