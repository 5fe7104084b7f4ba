package com.careloop.fieldservice.trip;

import java.util.Locale;
import java.util.Map;

import com.careloop.fieldservice.FieldServiceViews.Detail;
import com.careloop.fieldservice.FieldServices;
import com.careloop.platform.PrintDocuments;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The field-service report 现场服务报告 Q/JL081304 on the platform renderer: customer, site, request, team, dates and
 * hours, work done, findings, measurements, parts, open points with owners, the customer's evaluation and signature
 * and our leader's signature. Before the customer signed it prints as a draft (no report number).
 */
@Component
class FieldServicePrint {

    static final PrintDocuments.Form REPORT = new PrintDocuments.Form("fieldservice/print/report", "Q/JL081304",
            "fieldservice.report.title");

    private final FieldServices services;
    private final PrintDocuments print;

    FieldServicePrint(FieldServices services, PrintDocuments print) {
        this.services = services;
        this.print = print;
    }

    private Map<String, Object> model(Detail d) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("f", d);
        m.put("customerSignature", services.signatureDataUrl(d.id(), FieldServices.CUSTOMER_SIGNATURE));
        m.put("leaderSignature", services.signatureDataUrl(d.id(), FieldServices.LEADER_SIGNATURE));
        return m;
    }

    String html(long id, Locale locale) {
        Detail d = services.detail(id);
        return print.html(REPORT, d.report().code(), model(d), locale);
    }

    ResponseEntity<byte[]> pdf(long id, Locale locale) {
        Detail d = services.detail(id);
        return print.download(REPORT, d.report().code() != null ? d.report().code() : d.code(), model(d), locale);
    }
}
