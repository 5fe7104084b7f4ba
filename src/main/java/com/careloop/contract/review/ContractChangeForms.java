package com.careloop.contract.review;

import java.util.Locale;
import java.util.Map;

import com.careloop.contract.ContractViews;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.PrintDocuments;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/** The change notice 合同变更通知单 of an accepted change on the platform renderer (print view and PDF). */
@Component
class ContractChangeForms {

    static final PrintDocuments.Form CHANGE_NOTICE = new PrintDocuments.Form("contract/print/change-notice", null,
            "contract.change-notice.title");

    private final ContractChanges changes;
    private final PrintDocuments print;

    ContractChangeForms(ContractChanges changes, PrintDocuments print) {
        this.changes = changes;
        this.print = print;
    }

    String noticeHtml(long contractId, long changeId, Locale locale) {
        ContractViews.Change c = accepted(contractId, changeId);
        return print.html(CHANGE_NOTICE, c.noticeNumber(), Map.of("ch", c), locale);
    }

    ResponseEntity<byte[]> noticePdf(long contractId, long changeId, Locale locale) {
        ContractViews.Change c = accepted(contractId, changeId);
        return print.download(CHANGE_NOTICE, c.noticeNumber(), Map.of("ch", c), locale);
    }

    private ContractViews.Change accepted(long contractId, long changeId) {
        ContractViews.Change c = changes.get(contractId, changeId);
        if (c.noticeNumber() == null) {
            throw new NotFoundException("contract-change-notice", c.number());
        }
        return c;
    }
}
