package com.careloop.contract.review;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.contract.ContractPermissions;
import com.careloop.contract.review.ContractDistributions.Detail;
import com.careloop.contract.review.ContractDistributions.Item;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.ListSort.Slice;
import com.careloop.platform.PrintDocuments;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.excel.ListExport;
import com.careloop.platform.excel.ListExport.Column;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The month-end distributions of contracts (002-A12) on pages: the list with each one's acknowledgements and the
 * sales manager's form to make a month's on demand ({@code /contracts/distributions}), one distribution with its
 * recipients and contracts and the reader's acknowledge button, the printed list (合同月末分发清单, print view and
 * PDF through the platform's {@link PrintDocuments}) and the Excel list (platform {@link ListExport}, audited).
 */
@Controller
class ContractDistributionPages {

    static final PrintDocuments.Form FORM = new PrintDocuments.Form("contract/print/distribution", null,
            "contract.distribution.print.title");
    static final String EXPORT_AUDIT = "contract-distribution-export";

    private static final List<Column<Item>> COLUMNS = List.of(
            new Column<>("contract.number", Item::contractNumber),
            new Column<>("contract.customer", Item::customerName),
            new Column<>("contract.customerNumber", Item::customerNumber),
            new Column<>("contract.orderDate", Item::orderDate),
            new Column<>("contract.distribution.acceptedAt", i -> i.acceptedAt().toLocalDate()),
            new Column<>("contract.totalAmount", Item::totalAmount),
            new Column<>("contract.salesperson", Item::salespersonName));

    private final ContractDistributions distributions;
    private final PrintDocuments print;
    private final ListExport export;
    private final MessageSource messages;

    ContractDistributionPages(ContractDistributions distributions, PrintDocuments print, ListExport export,
                              MessageSource messages) {
        this.distributions = distributions;
        this.print = print;
        this.export = export;
        this.messages = messages;
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(ContractDistributions.PAGE)
    String list(Model model) {
        model.addAttribute("distributions", distributions.list());
        return "contract/distributions";
    }

    @RequiresPermission(ContractPermissions.DECIDE)
    @PostMapping(ContractDistributions.PAGE)
    String make(@RequestParam(required = false) String month, RedirectAttributes flash) {
        Detail d = distributions.make(new ContractDistributions.Make(month));
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + ContractDistributions.PAGE + "/" + d.id();
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(ContractDistributions.PAGE + "/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("d", distributions.detail(id));
        return "contract/distribution";
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @PostMapping(ContractDistributions.PAGE + "/{id}/acknowledge")
    String acknowledge(@PathVariable long id, RedirectAttributes flash) {
        distributions.acknowledge(id);
        flash.addFlashAttribute("success", "contract.distribution.acknowledged");
        return "redirect:" + ContractDistributions.PAGE + "/" + id;
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(value = ContractDistributions.PAGE + "/{id}/print", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String printView(@PathVariable long id) {
        Detail d = distributions.detail(id);
        return print.html(FORM, d.number(), Map.of("d", d), LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(ContractDistributions.PAGE + "/{id}.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return pdf(distributions, print, id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(ContractDistributions.PAGE + "/{id}/export")
    void excel(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
        excel(distributions, export, id, request.getQueryString(), response);
    }

    static ResponseEntity<byte[]> pdf(ContractDistributions distributions, PrintDocuments print, long id,
                                      Locale locale) {
        Detail d = distributions.detail(id);
        return print.download(FORM, d.number(), Map.of("d", d), locale);
    }

    /** The distribution's contracts the reader may see as .xlsx (one sheet, headers in the reader's language). */
    static void excel(ContractDistributions distributions, ListExport export, long id, String queryString,
                      HttpServletResponse response) {
        Detail d = distributions.detail(id);
        export.write(response, d.number(), "contract.distribution.print.title", EXPORT_AUDIT, queryString, COLUMNS,
                cursor -> new Slice<>(d.items(), null));
    }

    /** A refusal (409, 422) comes back on the page it came from, in the reader's language. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        flash.addFlashAttribute("error", ContractPages.refusal(messages, ex));
        String uri = request.getRequestURI();
        return uri.endsWith("/acknowledge") ? "redirect:" + uri.substring(0, uri.length() - "/acknowledge".length())
                : "redirect:" + ContractDistributions.PAGE;
    }

    /** The month-end distributions over JSON. */
    @Tag(name = "Contracts", description = "Contract and order review (合同评审) and the contract register (合同登记表)")
    @RestController
    static class Api {

        private final ContractDistributions distributions;
        private final PrintDocuments print;
        private final ListExport export;

        Api(ContractDistributions distributions, PrintDocuments print, ListExport export) {
            this.distributions = distributions;
            this.print = print;
            this.export = export;
        }

        @Operation(summary = "The month-end distributions of contracts (002-A12), newest month first",
                description = "Each with its number, month, how it was made (JOB, MANUAL), contract count, recipients, "
                        + "acknowledged recipients and whether the reader still has to acknowledge.")
        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/api/v1/contracts/distributions")
        List<ContractDistributions.Summary> list() {
            return distributions.list();
        }

        @Operation(summary = "Make a month's distribution on demand", description = "{month: yyyy-MM}, an ended month "
                + "in company time with accepted contracts (else 422 on month); the month made already → 409 "
                + "contract.distribution-exists with distributionId. The recipients are notified.")
        @RequiresPermission(ContractPermissions.DECIDE)
        @PostMapping("/api/v1/contracts/distributions")
        @ResponseStatus(HttpStatus.CREATED)
        Detail make(@RequestBody(required = false) ContractDistributions.Make request) {
            return distributions.make(request);
        }

        @Operation(summary = "One distribution: its recipients with their acknowledgements and the contracts the "
                + "reader may see (all for the sales manager and finance, a salesperson's own, else the data scope)")
        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/api/v1/contracts/distributions/{id}")
        Detail detail(@PathVariable long id) {
            return distributions.detail(id);
        }

        @Operation(summary = "The signed-in recipient acknowledges receipt", description = "All their entries of the "
                + "distribution; not a recipient → 403, acknowledged already → 409 contract.distribution-acknowledged.")
        @RequiresPermission(ContractPermissions.VIEW)
        @PostMapping("/api/v1/contracts/distributions/{id}/acknowledge")
        Detail acknowledge(@PathVariable long id) {
            return distributions.acknowledge(id);
        }

        @Operation(summary = "The distribution's list of contracts as PDF (合同月末分发清单)")
        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/api/v1/contracts/distributions/{id}.pdf")
        ResponseEntity<byte[]> pdf(@PathVariable long id) {
            return ContractDistributionPages.pdf(distributions, print, id, LocaleContextHolder.getLocale());
        }

        @Operation(summary = "The distribution's list of contracts as Excel (audited)")
        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/api/v1/contracts/distributions/{id}/export")
        void excel(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) {
            ContractDistributionPages.excel(distributions, export, id, request.getQueryString(), response);
        }
    }
}
