package com.careloop.property.register;

import java.util.List;

import com.careloop.platform.ListSort.Slice;
import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;
import com.careloop.property.CustomerProperties;
import com.careloop.property.PropertyViews.Filter;
import com.careloop.property.PropertyViews.Row;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/** The register as .xlsx (the columns of R-QP-005-04 and more): the list's filters and sort, all pages, audited. */
@Component
class PropertyListExport {

    static final String AUDIT_TYPE = "customer-property-export";

    static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("property.code", Row::code),
            new Column<>("property.customer", Row::customerName),
            Column.label("property.kind", "property.enum.PropertyKind.", Row::kind),
            new Column<>("property.itemName", Row::itemName),
            new Column<>("property.spec", Row::spec),
            new Column<>("property.quantity", Row::quantity),
            new Column<>("property.unit", Row::unit),
            new Column<>("property.receivedOn", Row::receivedOn),
            new Column<>("property.receiver", Row::receiverName),
            Column.label("property.verification", "property.enum.verification.", Row::verification),
            new Column<>("property.location", Row::storageLocation),
            new Column<>("property.owningDepartment", Row::owningDepartment),
            new Column<>("property.holderDepartment", Row::holderDepartment),
            new Column<>("property.handedSignedBy", Row::handedSignedBy),
            new Column<>("property.handedOn", Row::handedOn),
            Column.label("property.status", "property.enum.PropertyStatus.", Row::status),
            new Column<>("property.nextInspection", Row::nextInspectionDue),
            new Column<>("property.remark", Row::remark));

    private final CustomerProperties properties;
    private final ListExport export;

    PropertyListExport(CustomerProperties properties, ListExport export) {
        this.properties = properties;
        this.export = export;
    }

    void write(Filter filter, String sort, String queryString, HttpServletResponse response) {
        export.write(response, "customer-property", "property.register.title", AUDIT_TYPE, queryString, COLUMNS,
                cursor -> {
                    var page = properties.search(filter, sort, cursor, ListExport.PAGE);
                    return new Slice<>(page.items(), page.nextCursor());
                });
    }
}
