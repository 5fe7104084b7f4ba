package com.careloop.product.development;

import java.time.LocalDate;
import java.util.List;

import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;
import com.careloop.product.ProductDevelopments;
import com.careloop.product.ProductDevelopments.NodeRecord;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/** The key-node indicators' lines as .xlsx: each node completed in the period with its lead time and on-time flag. */
@Component
class ProductExport {

    static final String AUDIT_TYPE = "product-development-export";

    static final List<Column<NodeRecord>> COLUMNS = List.of(
            new Column<>("product.number", NodeRecord::number),
            new Column<>("product.customer", NodeRecord::customerName),
            new Column<>("product.productName", NodeRecord::productName),
            Column.label("product.node", "product.node.", NodeRecord::node),
            new Column<>("product.department", NodeRecord::departmentName),
            new Column<>("product.openedOn", NodeRecord::openedOn),
            new Column<>("product.dueOn", NodeRecord::dueOn),
            new Column<>("product.completedOn", NodeRecord::completedOn),
            new Column<>("product.workingDays", NodeRecord::workingDays),
            new Column<>("product.onTime", NodeRecord::onTime),
            new Column<>("product.completedBy", NodeRecord::completedBy));

    private final ProductDevelopments developments;
    private final ListExport export;

    ProductExport(ProductDevelopments developments, ListExport export) {
        this.developments = developments;
        this.export = export;
    }

    void nodes(LocalDate from, LocalDate to, String queryString, HttpServletResponse response) {
        developments.statistics(from, to);
        export.write(response, "product-key-nodes", "product.statistics.title", AUDIT_TYPE, queryString, COLUMNS,
                cursor -> developments.nodeRecords(from, to, cursor, ListExport.PAGE));
    }
}
