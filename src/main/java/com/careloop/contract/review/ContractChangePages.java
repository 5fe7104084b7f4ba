package com.careloop.contract.review;

import java.time.LocalDate;
import java.util.List;

import com.careloop.contract.ChangeKind;
import com.careloop.contract.ChangeStatus;
import com.careloop.contract.ContractCommands;
import com.careloop.contract.ContractPermissions;
import com.careloop.contract.ContractStatus;
import com.careloop.contract.ContractViews;
import com.careloop.contract.ResolutionMethod;
import com.careloop.contract.ReviewAspect;
import com.careloop.contract.ReviewVerdict;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Changes on the contract page (fragment {@code contract/changes}, read through the bean {@code contractChangePages}):
 * the change request form (sales: kinds, how the customer agreed, the new values and lines, the reason), the
 * revisions v1, v2 … with the difference between any two ({@code ?from=&to=}), each change with its re-review (signed
 * here or from /approvals), the general manager's step on a major change, withdraw, the outcome and the change notice
 * (合同变更通知单) to print and to acknowledge. A refusal comes back as a message on the contract page.
 */
@Controller("contractChangePages")
class ContractChangePages {

    /** Blank rows offered after the current lines in the change form. */
    static final int EXTRA_LINES = 2;
    private static final String SECTION = "#contract-changes";

    private final ContractChanges changes;
    private final ContractChangeForms forms;
    private final MessageSource messages;
    private final ChangeNoticeCustomers customers;

    ContractChangePages(ContractChanges changes, ContractChangeForms forms, MessageSource messages,
                        ChangeNoticeCustomers customers) {
        this.customers = customers;
        this.changes = changes;
        this.forms = forms;
        this.messages = messages;
    }

    public ChangeKind[] kinds() {
        return ChangeKind.values();
    }

    public ResolutionMethod[] methods() {
        return ResolutionMethod.values();
    }

    public ReviewVerdict[] verdicts() {
        return ReviewVerdict.values();
    }

    /** Whether the contract may get a change now: accepted or in production, and no change under review. */
    public boolean changeable(ContractViews.Detail c) {
        return (c.status() == ContractStatus.ACCEPTED || c.status() == ContractStatus.IN_PRODUCTION)
                && changes.of(c.id()).stream().noneMatch(x -> x.status() == ChangeStatus.UNDER_REVIEW);
    }

    /** The form's line rows: the current lines (to edit in place), then {@link #EXTRA_LINES} blank ones. */
    public List<ContractViews.Line> formLines(ContractViews.Detail c) {
        List<ContractViews.Line> rows = new java.util.ArrayList<>(c.lines());
        for (int i = 0; i < EXTRA_LINES; i++) {
            rows.add(new ContractViews.Line(rows.size() + 1, null, null, null, null, null, null, null));
        }
        return rows;
    }

    /** The aspects of the change the reader may sign now. */
    public List<ReviewAspect> mine(ContractViews.Change change) {
        return change.reviews().stream().filter(r -> r.mine() && r.aspect() != ReviewAspect.MAJOR)
                .map(ContractViews.AspectReview::aspect).toList();
    }

    /** Whether the reader holds the general manager's open task on this change. */
    public boolean gmTask(ContractViews.Change change) {
        return change.awaitingGm() && change.reviews().stream().anyMatch(r -> r.mine()
                && r.aspect() == ReviewAspect.MAJOR);
    }

    /**
     * Sales requests a change agreed with the customer. Lines come as parallel fields like on the registration form;
     * when they equal the current ones they stay unchanged (only the fields the user changed count).
     */
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/{id}/changes")
    String request(@PathVariable long id, @RequestParam(name = "kind", required = false) List<ChangeKind> kinds,
                   @RequestParam(required = false) ResolutionMethod agreedMethod,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate agreedOn,
                   @RequestParam(required = false) String agreedWith, @RequestParam(required = false) String agreed,
                   @RequestParam(required = false) String reason,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveryDate,
                   @RequestParam(required = false) String paymentTerms,
                   @RequestParam(required = false) String specialRequirements,
                   @RequestParam(name = "product", required = false) List<String> product,
                   @RequestParam(name = "spec", required = false) List<String> spec,
                   @RequestParam(name = "quantity", required = false) List<String> quantity,
                   @RequestParam(name = "unit", required = false) List<String> unit,
                   @RequestParam(name = "unitPrice", required = false) List<String> unitPrice,
                   @RequestParam(name = "remark", required = false) List<String> remark,
                   @RequestParam(required = false) Long version, RedirectAttributes flash) {
        List<ContractCommands.Line> lines = ContractPages.formLines(product, spec, quantity, unit, unitPrice, remark);
        var change = changes.request(id, new ContractCommands.RequestChange(kinds, agreedMethod, agreedOn,
                agreedWith, agreed, blank(reason), deliveryDate, blank(paymentTerms), blank(specialRequirements),
                product == null ? null : lines, version));
        flash.addFlashAttribute("success", "saved");
        return "redirect:/contracts/" + id + "#change-" + change.id();
    }

    @RequiresPermission(ContractPermissions.REVIEW)
    @PostMapping("/contracts/{id}/changes/{changeId}/sign")
    String sign(@PathVariable long id, @PathVariable long changeId,
                @RequestParam(required = false) ReviewAspect aspect, @RequestParam(required = false) ReviewVerdict verdict,
                @RequestParam(required = false) String comment, RedirectAttributes flash) {
        changes.sign(id, changeId, new ContractCommands.Sign(aspect, verdict, blank(comment)));
        return saved(id, changeId, flash);
    }

    @RequiresPermission(ContractPermissions.REVIEW)
    @PostMapping("/contracts/{id}/changes/{changeId}/gm-decision")
    String gmDecision(@PathVariable long id, @PathVariable long changeId,
                      @RequestParam(defaultValue = "false") boolean approve,
                      @RequestParam(required = false) String comment, RedirectAttributes flash) {
        changes.gmDecision(id, changeId, new ContractCommands.GmDecision(approve, blank(comment)));
        return saved(id, changeId, flash);
    }

    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/{id}/changes/{changeId}/withdraw")
    String withdraw(@PathVariable long id, @PathVariable long changeId, RedirectAttributes flash) {
        changes.withdraw(id, changeId);
        return saved(id, changeId, flash);
    }

    private static String saved(long id, long changeId, RedirectAttributes flash) {
        flash.addFlashAttribute("success", "saved");
        return "redirect:/contracts/" + id + "#change-" + changeId;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public List<ContractViews.Change> changes(long contractId) {
        return changes.of(contractId);
    }

    public List<ContractViews.Revision> revisions(long contractId) {
        return changes.revisions(contractId);
    }

    /** The difference between two revisions named on the page (none when a revision is missing or not a number). */
    public List<ContractViews.DiffEntry> diff(long contractId, String from, String to) {
        try {
            return from == null || to == null ? List.of()
                    : changes.diff(contractId, Integer.parseInt(from), Integer.parseInt(to));
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(value = "/contracts/{id}/changes/{changeId}/notice", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String notice(@PathVariable long id, @PathVariable long changeId) {
        return forms.noticeHtml(id, changeId, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/contracts/{id}/changes/{changeId}/notice.pdf")
    ResponseEntity<byte[]> noticePdf(@PathVariable long id, @PathVariable long changeId) {
        return forms.noticePdf(id, changeId, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @PostMapping("/contracts/{id}/changes/{changeId}/acknowledge")
    String acknowledge(@PathVariable long id, @PathVariable long changeId, RedirectAttributes flash) {
        changes.acknowledge(id, changeId);
        return saved(id, changeId, flash);
    }

    /** Sends the notice to the customer; the link is shown once on the page (to pass on when not mailed). */
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/{id}/changes/{changeId}/customer-link")
    String sendToCustomer(@PathVariable long id, @PathVariable long changeId,
                          @org.springframework.web.bind.annotation.RequestParam(required = false) String email,
                          @org.springframework.web.bind.annotation.RequestParam(required = false) String language,
                          RedirectAttributes flash) {
        ChangeNoticeCustomers.Confirmation sent = customers.send(id, changeId, new ChangeNoticeCustomers.Send(email, language));
        flash.addFlashAttribute("changeLinkUrl", sent.url());
        flash.addFlashAttribute("changeLinkFor", changeId);
        return saved(id, changeId, flash);
    }

    /** A refused step (409), bad input (422, the field named by its label) or a stale version: shown on the page. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, RedirectAttributes flash, jakarta.servlet.http.HttpServletRequest request) {
        flash.addFlashAttribute("error", ContractPages.refusal(messages, ex));
        var m = java.util.regex.Pattern.compile("^/contracts/(\\d+)/").matcher(request.getRequestURI());
        return m.find() ? "redirect:/contracts/" + m.group(1) + SECTION : "redirect:/contracts";
    }
}
