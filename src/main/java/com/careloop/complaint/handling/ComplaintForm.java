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

    /**
     * 质量信息反馈表 Q/JL090201-C of the IATF 16949 customer-service procedure: the seed names the form only, and its
     * duties (sales registers and feeds back the customer's quality information, quality control analyses it with
     * the departments concerned and takes corrective action) are the complaint's own steps, so it is the same record
     * under that procedure's form number and title.
     */
    static final PrintDocuments.Form QUALITY_FEEDBACK = new PrintDocuments.Form("complaint/print/form",
            "Q/JL090201-C", "complaint.qualityFeedback.title");

    private final Complaints complaints;
    private final PrintDocuments print;

    ComplaintForm(Complaints complaints, PrintDocuments print) {
        this.complaints = complaints;
        this.print = print;
    }

    String html(long id, Locale locale) {
        return html(FORM, id, locale);
    }

    ResponseEntity<byte[]> pdf(long id, Locale locale) {
        return pdf(FORM, id, locale);
    }

    String html(PrintDocuments.Form form, long id, Locale locale) {
        Detail c = complaints.detail(id);
        return print.html(form, c.code(), Map.of("c", c), locale);
    }

    ResponseEntity<byte[]> pdf(PrintDocuments.Form form, long id, Locale locale) {
        Detail c = complaints.detail(id);
        return print.download(form, c.code(), Map.of("c", c), locale);
    }
}
