package com.careloop.contract.tender;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.careloop.contract.ContractCommands;
import com.careloop.contract.ContractPermissions;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.Approvals;
import com.careloop.platform.RequiresPermission;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Tender review pages: the list with the register form, one tender with its countersign and the next steps. */
@Controller
@RequestMapping("/tenders")
class TenderPages {

    private final Tenders tenders;
    private final CustomerDirectory customers;
    private final Approvals approvals;
    private final com.careloop.platform.Texts texts;

    /** One countersign task as the page shows it. */
    record Row(String aspect, String who, String state, String decider, String comment) {
    }

    TenderPages(Tenders tenders, CustomerDirectory customers, Approvals approvals, com.careloop.platform.Texts texts) {
        this.texts = texts;
        this.tenders = tenders;
        this.customers = customers;
        this.approvals = approvals;
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String customer,
                Model model) {
        model.addAttribute("tenders", tenders.list(status, null, 200));
        model.addAttribute("status", status);
        model.addAttribute("statuses", Tender.Status.values());
        model.addAttribute("customers", customer == null || customer.isBlank() ? List.of() : customers.lookUp(customer, 20));
        model.addAttribute("customerQuery", customer);
        return "contract/tenders";
    }

    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping
    String register(@RequestParam(required = false) Long customerId, @RequestParam(required = false) String tenderNo,
                    @RequestParam(required = false) String title,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate bidDeadline,
                    @RequestParam(required = false) String scope, @RequestParam(required = false) BigDecimal estimatedAmount,
                    @RequestParam(required = false) String requirements) {
        var t = tenders.register(new TenderCommands.Register(customerId, tenderNo, title, bidDeadline, scope,
                estimatedAmount, requirements, null));
        return "redirect:/tenders/" + t.id();
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        model.addAttribute("t", tenders.detail(id));
        var locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        model.addAttribute("trail", approvals.trail(Tenders.REVIEW_SUBJECT, id).stream().map(e -> new Row(
                e.aspectCode() == null ? "" : texts.render(com.careloop.platform.Text.of(e.aspectCode()), locale),
                texts.render(e.assignee(), locale), e.decision() == null ? e.state() : e.decision().name(),
                e.deciderName(), e.comment())).toList());
        return "contract/tender";
    }

    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/submit")
    String submit(@PathVariable long id, RedirectAttributes flash) {
        tenders.submit(id, null);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/tenders/" + id;
    }

    @RequiresPermission(ContractPermissions.DECIDE)
    @PostMapping("/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(required = false) Tender.Decision decision,
                  @RequestParam(required = false) String comment, RedirectAttributes flash) {
        tenders.decide(id, new TenderCommands.Decide(decision, comment, null));
        flash.addFlashAttribute("success", "saved");
        return "redirect:/tenders/" + id;
    }

    @RequiresPermission(ContractPermissions.REVIEW)
    @PostMapping("/{id}/gm-decision")
    String gm(@PathVariable long id, @RequestParam boolean approve, @RequestParam(required = false) String comment,
              RedirectAttributes flash) {
        tenders.gmDecision(id, new TenderCommands.GmDecision(approve, comment));
        flash.addFlashAttribute("success", "saved");
        return "redirect:/tenders/" + id;
    }

    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/result")
    String result(@PathVariable long id, @RequestParam(required = false) Tender.Result result,
                  @RequestParam(required = false) String comment,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveryDate,
                  @RequestParam(required = false) String paymentTerms, @RequestParam(required = false) String product,
                  @RequestParam(required = false) String spec, @RequestParam(required = false) BigDecimal quantity,
                  @RequestParam(required = false) String unit, @RequestParam(required = false) BigDecimal unitPrice,
                  RedirectAttributes flash) {
        List<ContractCommands.Line> lines = product == null || product.isBlank() ? List.of()
                : List.of(new ContractCommands.Line(product, spec, quantity, unit, unitPrice, null));
        var t = tenders.result(id, new TenderCommands.Result(result, comment, deliveryDate, paymentTerms, lines, null));
        flash.addFlashAttribute("success", "saved");
        return t.contractId() != null ? "redirect:/contracts/" + t.contractId() : "redirect:/tenders/" + id;
    }
}
