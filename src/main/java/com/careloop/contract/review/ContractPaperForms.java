package com.careloop.contract.review;

import java.util.Locale;
import java.util.Map;

import com.careloop.platform.PrintDocuments;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The further paper forms of contract review on the platform renderer (print view and PDF, numbered with their own
 * numbers): the production task notice 生产任务通知单 and the order confirmation 订单确认表.
 */
@Component
class ContractPaperForms {

    static final PrintDocuments.Form NOTICE = new PrintDocuments.Form("contract/print/production-notice", null,
            "contract.notice.title");
    static final PrintDocuments.Form CONFIRMATION = new PrintDocuments.Form("contract/print/order-confirmation", null,
            "contract.confirmation.title");

    private final ProductionNotices notices;
    private final OrderConfirmations confirmations;
    private final PrintDocuments print;

    ContractPaperForms(ProductionNotices notices, OrderConfirmations confirmations, PrintDocuments print) {
        this.notices = notices;
        this.confirmations = confirmations;
        this.print = print;
    }

    String noticeHtml(long contractId, long noticeId, Locale locale) {
        ProductionNotices.View n = notices.get(contractId, noticeId);
        return print.html(NOTICE, n.number(), Map.of("n", n), locale);
    }

    ResponseEntity<byte[]> noticePdf(long contractId, long noticeId, Locale locale) {
        ProductionNotices.View n = notices.get(contractId, noticeId);
        return print.download(NOTICE, n.number(), Map.of("n", n), locale);
    }

    String confirmationHtml(long contractId, Locale locale) {
        OrderConfirmations.View v = confirmations.of(contractId).orElseThrow(() -> confirmations.missing(contractId));
        return print.html(CONFIRMATION, v.number(), Map.of("o", v), locale);
    }

    ResponseEntity<byte[]> confirmationPdf(long contractId, Locale locale) {
        OrderConfirmations.View v = confirmations.of(contractId).orElseThrow(() -> confirmations.missing(contractId));
        return print.download(CONFIRMATION, v.number(), Map.of("o", v), locale);
    }
}
