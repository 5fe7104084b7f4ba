package com.careloop.property.sample;

import java.util.List;

import com.careloop.platform.ListSort.Slice;
import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;
import com.careloop.property.SampleViews.Filter;
import com.careloop.property.SampleViews.Row;
import com.careloop.property.Samples;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;

/** The sample dispatch register as .xlsx (the columns of 样品发送登记表 and more): filters and sort, all pages, audited. */
@Component
class SampleListExport {

    static final String AUDIT_TYPE = "sample-export";

    static final List<Column<Row>> COLUMNS = List.of(
            new Column<>("sample.code", Row::code),
            new Column<>("sample.round", Row::round),
            new Column<>("sample.customer", Row::customerName),
            new Column<>("sample.itemName", Row::itemName),
            new Column<>("sample.spec", Row::spec),
            new Column<>("sample.quantity", Row::quantity),
            new Column<>("sample.receivedOn", Row::receivedOn),
            new Column<>("sample.salesperson", Row::salesperson),
            new Column<>("sample.inspectionCode", Row::inspectionCode),
            new Column<>("sample.checkResult", r -> r.passed() == null ? null : r.passed() ? "OK" : "NG"),
            new Column<>("sample.quantitySent", Row::quantitySent),
            new Column<>("sample.sentOn", Row::sentOn),
            new Column<>("sample.courier", Row::courier),
            new Column<>("sample.trackingNo", Row::trackingNo),
            Column.label("sample.confirmation", "sample.enum.confirmation.", Row::confirmation),
            new Column<>("sample.confirmedOn", Row::confirmedOn),
            Column.label("sample.status", "sample.enum.SampleStatus.", Row::status),
            new Column<>("sample.remark", Row::remark));

    private final Samples samples;
    private final ListExport export;

    SampleListExport(Samples samples, ListExport export) {
        this.samples = samples;
        this.export = export;
    }

    void write(Filter filter, String sort, String queryString, HttpServletResponse response) {
        export.write(response, "samples", "sample.register.title", AUDIT_TYPE, queryString, COLUMNS, cursor -> {
            var page = samples.search(filter, sort, cursor, ListExport.PAGE);
            return new Slice<>(page.items(), page.nextCursor());
        });
    }
}
