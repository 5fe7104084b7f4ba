package com.careloop.contract.review;

import java.util.Locale;
import java.util.Map;

import com.careloop.contract.ContractViews.Detail;
import com.careloop.contract.ContractPermissions;
import com.careloop.contract.Contracts;
import com.careloop.platform.DomainException;
import com.careloop.platform.PrintDocuments;
import com.careloop.platform.RequiresPermission;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The issue slip 出库单 of a regular contract in stock (seed 001-C4): product, model, quantity and price as the
 * salesperson wrote them, and the warehouse keeper's signature with its date — that signature is the review. Only a
 * contract in stock has one (else 409 {@code contract.not-in-stock}). Print view {@code /contracts/{id}/issue-slip},
 * PDF {@code /contracts/{id}/issue-slip.pdf} and {@code /api/v1/contracts/{id}/issue-slip.pdf}.
 */
@Controller
class IssueSlipForm {

    static final PrintDocuments.Form FORM = new PrintDocuments.Form("contract/print/issue-slip", "CKD",
            "contract.issueSlip.title");

    private final Contracts contracts;
    private final PrintDocuments print;

    IssueSlipForm(Contracts contracts, PrintDocuments print) {
        this.contracts = contracts;
        this.print = print;
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(value = "/contracts/{id}/issue-slip", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String page(@PathVariable long id) {
        return html(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/contracts/{id}/issue-slip.pdf")
    ResponseEntity<byte[]> download(@PathVariable long id) {
        return pdf(id, LocaleContextHolder.getLocale());
    }

    /** The issue slip under the API: refusals are problem details (409 {@code contract.not-in-stock}). */
    @org.springframework.web.bind.annotation.RestController
    static class Api {

        private final IssueSlipForm form;

        Api(IssueSlipForm form) {
            this.form = form;
        }

        @io.swagger.v3.oas.annotations.Operation(summary = "The issue slip (出库单) of a regular contract in stock as PDF",
                description = "409 contract.not-in-stock for any other contract.")
        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/api/v1/contracts/{id}/issue-slip.pdf")
        ResponseEntity<byte[]> pdf(@PathVariable long id) {
            return form.pdf(id, LocaleContextHolder.getLocale());
        }
    }

    String html(long id, Locale locale) {
        Detail c = inStock(id);
        return print.html(FORM, c.number(), Map.of("c", c), locale);
    }

    ResponseEntity<byte[]> pdf(long id, Locale locale) {
        Detail c = inStock(id);
        return print.download(FORM, c.number(), Map.of("c", c), locale);
    }

    private Detail inStock(long id) {
        Detail c = contracts.detail(id);
        if (!c.inStock()) {
            throw DomainException.of("contract.not-in-stock", c.number());
        }
        return c;
    }
}
