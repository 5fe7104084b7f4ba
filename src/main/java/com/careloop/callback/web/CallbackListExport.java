package com.careloop.callback.web;

import java.util.List;

import com.careloop.callback.CallbackViews.Filter;
import com.careloop.callback.CallbackViews.Row;
import com.careloop.callback.task.CallbackService;
import com.careloop.platform.ListSort.Slice;
import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/** The callback desk's list as .xlsx: the tab, filters and sort of the desk, all its pages, audited. */
@Component
class CallbackListExport {

    static final String AUDIT_TYPE = "callback-list-export";

    private static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("cb.code", Row::code),
            new Column<>("cb.customer", Row::customerName),
            Column.label("cb.plan", "cb.plan.", Row::plan),
            new Column<>("cb.due", Row::due),
            new Column<>("cb.assignee", Row::assigneeName),
            Column.label("cb.method", "cb.method.", Row::method),
            Column.label("cb.status", "cb.status.", Row::status),
            new Column<>("cb.attempts", Row::attempts),
            new Column<>("cb.overdue", Row::overdue));

    private final CallbackService callbacks;
    private final ListExport export;

    CallbackListExport(CallbackService callbacks, ListExport export) {
        this.callbacks = callbacks;
        this.export = export;
    }

    void write(Filter filter, String sort, String queryString, HttpServletResponse response) {
        export.write(response, "callbacks", "nav.callbacks", AUDIT_TYPE, queryString, COLUMNS, cursor -> {
            var page = callbacks.search(filter, sort, cursor, ListExport.PAGE);
            return new Slice<>(page.items(), page.nextCursor());
        });
    }
}
