package com.careloop.fieldservice.visit;

import java.util.Locale;
import java.util.Map;

import com.careloop.platform.PrintDocuments;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The visit report in the paper layout (走访服务报告 Q/JL081306-C): print view and PDF, named after its number. */
@Component
class VisitPrint {

    static final PrintDocuments.Form FORM = new PrintDocuments.Form("fieldservice/visit/print", "Q/JL081306-C",
            "fieldhistory.visit.form");

    private final VisitReports reports;
    private final PrintDocuments print;

    VisitPrint(VisitReports reports, PrintDocuments print) {
        this.reports = reports;
        this.print = print;
    }

    String html(long id, Locale locale) {
        VisitViews.Detail v = reports.detail(id);
        return print.html(FORM, v.code(), Map.of("v", v), locale);
    }

    ResponseEntity<byte[]> pdf(long id, Locale locale) {
        VisitViews.Detail v = reports.detail(id);
        return print.download(FORM, v.code(), Map.of("v", v), locale);
    }
}
