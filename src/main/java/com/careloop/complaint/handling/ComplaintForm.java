package com.careloop.complaint.handling;

import java.util.Locale;
import java.util.Map;

import com.careloop.complaint.ComplaintViews.Detail;
import com.careloop.complaint.Complaints;
import com.careloop.platform.PrintDocuments;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The 顾客投诉处理单 (form R-QP-005-03) of one complaint on the platform renderer: the browser's print view and the
 * PDF download (named after the complaint's number), both from the print template {@code complaint/print/form}.
 */
@Component
class ComplaintForm {

    static final PrintDocuments.Form FORM = new PrintDocuments.Form("complaint/print/form", "R-QP-005-03",
            "complaint.form.title");

    private final Complaints complaints;
    private final PrintDocuments print;

    ComplaintForm(Complaints complaints, PrintDocuments print) {
        this.complaints = complaints;
        this.print = print;
    }

    String html(long id, Locale locale) {
        Detail c = complaints.detail(id);
        return print.html(FORM, c.code(), Map.of("c", c), locale);
    }

    ResponseEntity<byte[]> pdf(long id, Locale locale) {
        Detail c = complaints.detail(id);
        return print.download(FORM, c.code(), Map.of("c", c), locale);
    }
}
