package com.careloop.complaint.handling;

import java.util.Locale;
import java.util.Map;

import com.careloop.complaint.ComplaintViews.Detail;
import com.careloop.complaint.Complaints;
import com.careloop.platform.PrintDocuments;
import com.careloop.platform.Text;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The 顾客投诉处理单 (form R-QP-005-03) of one complaint on the platform renderer: the browser's print view and the
 * PDF download (named after the complaint's number), both from the print template {@code complaint/print/form}.
 */
@Component
class ComplaintForm {

    static final String TEMPLATE = "complaint/print/form";
    static final String FORM_CODE = "R-QP-005-03";

    private final Complaints complaints;
    private final PrintDocuments print;

    ComplaintForm(Complaints complaints, PrintDocuments print) {
        this.complaints = complaints;
        this.print = print;
    }

    String html(long id, Locale locale) {
        Detail c = complaints.detail(id);
        return print.html(TEMPLATE, Map.of("c", c), header(c), locale);
    }

    ResponseEntity<byte[]> pdf(long id, Locale locale) {
        Detail c = complaints.detail(id);
        return PrintDocuments.download(c.code(), print.pdf(TEMPLATE, Map.of("c", c), header(c), locale));
    }

    private static PrintDocuments.Header header(Detail c) {
        return new PrintDocuments.Header(FORM_CODE, c.code(), Text.of("complaint.form.title"));
    }
}
