package com.careloop.contract.review;

import java.util.List;

import com.careloop.contract.ContractViews.Filter;
import com.careloop.contract.ContractViews.Row;
import com.careloop.contract.Contracts;
import com.careloop.platform.ListSort.Slice;
import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/** The contract register (合同登记表 R-QP-005-05) as .xlsx: the list's filters and sort, all its pages, audited. */
@Component
class ContractRegisterExport {

    static final String AUDIT_TYPE = "contract-register-export";

    private static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("contract.number", Row::number),
            new Column<>("contract.customer", Row::customerName),
            new Column<>("contract.customerNumber", Row::customerNumber),
            Column.label("contract.class", "contract.class.", Row::contractClass),
            Column.label("contract.source", "contract.source.", Row::source),
            new Column<>("contract.orderDate", Row::orderDate),
            new Column<>("contract.deliveryDate", Row::deliveryDate),
            new Column<>("contract.products", Row::products),
            new Column<>("contract.totalAmount", Row::totalAmount),
            new Column<>("contract.salesperson", Row::salespersonName),
            new Column<>("contract.department", Row::departmentName),
            new Column<>("contract.region", Row::region),
            Column.label("contract.status", "contract.status.", Row::status),
            new Column<>("contract.shippedPercent", r -> r.shippedPercent() + "%"),
            new Column<>("contract.revision", r -> "v" + r.revision()),
            Column.label("contract.reviewStage", "contract.stage.", Row::reviewStage),
            new Column<>("contract.outcome", Row::outcome));

    private final Contracts contracts;
    private final ListExport export;

    ContractRegisterExport(Contracts contracts, ListExport export) {
        this.contracts = contracts;
        this.export = export;
    }

    void write(Filter filter, String sort, String queryString, HttpServletResponse response) {
        export.write(response, "contracts", "nav.contracts", AUDIT_TYPE, queryString, COLUMNS, cursor -> {
            var page = contracts.search(filter, sort, cursor, ListExport.PAGE);
            return new Slice<>(page.items(), page.nextCursor());
        });
    }
}
