package com.careloop.contract.review;

import java.util.Locale;
import java.util.Map;

import com.careloop.contract.ContractViews.Detail;
import com.careloop.contract.Contracts;
import com.careloop.platform.PrintDocuments;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The contract review form 合同评审表 R-QP-005-06 (fields per seed 002-A18) of one contract on the platform renderer:
 * the browser's print view and the PDF, numbered with the contract's number; stamped 已评审通过 once accepted; with the
 * review meetings' minutes (seed 001-A5).
 */
@Component
class ContractReviewForm {

    static final PrintDocuments.Form FORM = new PrintDocuments.Form("contract/print/review-form", "R-QP-005-06",
            "contract.form.title");

    private final Contracts contracts;
    private final PrintDocuments print;
    private final ReviewMeetings meetings;

    ContractReviewForm(Contracts contracts, PrintDocuments print, ReviewMeetings meetings) {
        this.contracts = contracts;
        this.print = print;
        this.meetings = meetings;
    }

    String html(long id, Locale locale) {
        Detail c = contracts.detail(id);
        return print.html(FORM, c.number(), Map.of("c", c, "meetings", meetings.of(id)), locale);
    }

    ResponseEntity<byte[]> pdf(long id, Locale locale) {
        Detail c = contracts.detail(id);
        return print.download(FORM, c.number(), Map.of("c", c, "meetings", meetings.of(id)), locale);
    }
}
