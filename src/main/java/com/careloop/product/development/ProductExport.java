package com.careloop.product.development;

import java.time.LocalDate;
import java.util.List;

import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;
import com.careloop.product.ProductDevelopments;
import com.careloop.product.ProductDevelopments.NodeRecord;
import com.careloop.product.ProductViews.Filter;
import com.careloop.product.ProductViews.Row;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/**
 * The developments' Excel files: the register (新品研发列表, one line per development with its current node, filters
 * and sort, all pages) and the key-node indicators' lines (each node completed in the period with its lead time and
 * on-time flag). Both through the platform's {@link ListExport} (streamed, audited).
 */
@Component
class ProductExport {

    static final String AUDIT_TYPE = "product-development-export";

    static final List<Column<Row>> REGISTER = List.of(
            new Column<>("product.number", Row::number),
            new Column<>("product.customer", Row::customerName),
            new Column<>("product.productName", Row::productName),
            new Column<>("product.salesperson", Row::salespersonName),
            Column.label("product.status", "product.status.", Row::status),
            Column.label("product.currentNode", "product.node.", Row::currentNode),
            new Column<>("product.department", Row::nodeDepartment),
            new Column<>("product.dueOn", Row::nodeDueOn),
            new Column<>("product.overdue", Row::overdue),
            new Column<>("product.requiredOn", Row::requiredOn),
            new Column<>("product.contract", Row::contractNumber),
            new Column<>("product.createdAt", Row::createdAt));

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

    /** The register with the list's filters and sort, every page, as .xlsx. */
    void register(Filter filter, String sort, String queryString, HttpServletResponse response) {
        export.write(response, "product-developments", "product.list.title", AUDIT_TYPE, queryString, REGISTER,
                cursor -> {
                    var page = developments.search(filter, sort, cursor, ListExport.PAGE);
                    return new com.careloop.platform.ListSort.Slice<>(page.items(), page.nextCursor());
                });
    }

    void nodes(LocalDate from, LocalDate to, String queryString, HttpServletResponse response) {
        developments.statistics(from, to);
        export.write(response, "product-key-nodes", "product.statistics.title", AUDIT_TYPE, queryString, COLUMNS,
                cursor -> developments.nodeRecords(from, to, cursor, ListExport.PAGE));
    }
}
