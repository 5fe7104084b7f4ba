package com.careloop.contract.review;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.contract.ContractViews;
import com.careloop.contract.Contracts;
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

    static final PrintDocuments.Form INCONSISTENCIES = new PrintDocuments.Form("contract/print/inconsistencies", null,
            "contract.inconsistency-form.title");
    static final PrintDocuments.Form REGISTER = new PrintDocuments.Form("contract/print/register", "R-QP-005-05",
            "contract.register.title");
    /** The register printout holds at most this many rows (the Excel export has no limit). */
    static final int REGISTER_ROWS = 2000;
    /** The register printout's file name (it is a list, not one numbered record). */
    static final String REGISTER_FILE = "contract-register";

    private final ProductionNotices notices;
    private final OrderConfirmations confirmations;
    private final Contracts contracts;
    private final PrintDocuments print;

    ContractPaperForms(ProductionNotices notices, OrderConfirmations confirmations, Contracts contracts,
                       PrintDocuments print) {
        this.contracts = contracts;
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

    /** 合同不一致问题处理单 of one contract: every inconsistency and how it was settled (print view). */
    String inconsistenciesHtml(long contractId, Locale locale) {
        ContractViews.Detail c = contracts.detail(contractId);
        return print.html(INCONSISTENCIES, c.number(), Map.of("c", c), locale);
    }

    ResponseEntity<byte[]> inconsistenciesPdf(long contractId, Locale locale) {
        ContractViews.Detail c = contracts.detail(contractId);
        return print.download(INCONSISTENCIES, c.number(), Map.of("c", c), locale);
    }

    /** 合同登记表 R-QP-005-05: the register under the filters (reader's data scope), up to {@link #REGISTER_ROWS} rows. */
    ResponseEntity<byte[]> registerPdf(ContractViews.Filter filter, String sort, Locale locale) {
        List<ContractViews.Row> rows = new ArrayList<>();
        String cursor = null;
        boolean truncated = false;
        do {
            ContractViews.Page page = contracts.search(filter, sort, cursor, 200);
            rows.addAll(page.items());
            cursor = page.nextCursor();
            if (rows.size() >= REGISTER_ROWS) {
                truncated = cursor != null || rows.size() > REGISTER_ROWS;
                rows = new ArrayList<>(rows.subList(0, REGISTER_ROWS));
                break;
            }
        } while (cursor != null);
        BigDecimal total = rows.stream().map(ContractViews.Row::totalAmount).reduce(BigDecimal.ZERO.setScale(2),
                BigDecimal::add);
        return PrintDocuments.download(REGISTER_FILE, print.pdf(REGISTER.template(), Map.of("rows", rows, "total", total,
                "truncated", truncated), REGISTER.header(null), locale));
    }
}
