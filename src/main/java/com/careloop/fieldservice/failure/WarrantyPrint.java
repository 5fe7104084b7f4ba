package com.careloop.fieldservice.failure;

import java.util.Locale;
import java.util.Map;

import com.careloop.platform.PrintDocuments;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The warranty-part defect feedback in the paper layout (不良品(三包件)信息反馈表 Q/JL100101-C): print view and PDF. */
@Component
class WarrantyPrint {

    static final PrintDocuments.Form FORM = new PrintDocuments.Form("fieldservice/failure/print-warranty",
            "Q/JL100101-C", "fieldhistory.warranty.form");

    private final WarrantyFeedbacks feedbacks;
    private final PrintDocuments print;

    WarrantyPrint(WarrantyFeedbacks feedbacks, PrintDocuments print) {
        this.feedbacks = feedbacks;
        this.print = print;
    }

    String html(long id, Locale locale) {
        WarrantyViews.Detail w = feedbacks.detail(id);
        return print.html(FORM, w.code(), Map.of("w", w), locale);
    }

    ResponseEntity<byte[]> pdf(long id, Locale locale) {
        WarrantyViews.Detail w = feedbacks.detail(id);
        return print.download(FORM, w.code(), Map.of("w", w), locale);
    }
}
