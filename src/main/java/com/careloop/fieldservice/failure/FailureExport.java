package com.careloop.fieldservice.failure;

import java.util.List;

import com.careloop.fieldservice.failure.FailureViews.Filter;
import com.careloop.fieldservice.failure.FailureViews.Row;
import com.careloop.platform.ListSort.Slice;
import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/** The failure history as .xlsx (streamed page by page): the search's filters and sort, audited. */
@Component
class FailureExport {

    static final String AUDIT_TYPE = "product-failure-export";

    private static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("fieldhistory.failure.failedOn", Row::failedOn),
            new Column<>("fieldhistory.failure.product", Row::product),
            new Column<>("fieldhistory.failure.part", Row::part),
            new Column<>("fieldhistory.failure.serialNo", Row::serialNo),
            new Column<>("fieldhistory.failure.batchNo", Row::batchNo),
            new Column<>("fieldhistory.failure.mode", Row::modeName),
            new Column<>("fieldhistory.failure.description", Row::description),
            new Column<>("fieldhistory.failure.cause", Row::cause),
            new Column<>("fieldhistory.failure.action", Row::action),
            Column.label("fieldhistory.failure.source", "fieldhistory.source.", Row::sourceType),
            new Column<>("fieldhistory.failure.sourceCode", Row::sourceCode),
            new Column<>("fieldhistory.failure.customer", Row::customerName),
            new Column<>("fieldhistory.failure.recurring", Row::recurring));

    private final ProductFailures failures;
    private final ListExport export;

    FailureExport(ProductFailures failures, ListExport export) {
        this.failures = failures;
        this.export = export;
    }

    void write(Filter filter, String sort, String queryString, HttpServletResponse response) {
        export.write(response, "product-failures", "fieldhistory.failure.title", AUDIT_TYPE, queryString, COLUMNS,
                cursor -> {
                    var page = failures.search(filter, sort, cursor, ListExport.PAGE);
                    return new Slice<>(page.items(), page.nextCursor());
                });
    }
}
