package com.careloop.contract.review;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.contract.ContractPermissions;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletRequest;

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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The papers on the contract page: the order confirmation of a phone/oral order (prepare and issue the customer's
 * link, or upload the signed fax/scan or signature image; print) and the production task notices (print, acknowledge
 * receipt). The contract page reads them through the bean {@code contractPapers} (fragment {@code contract/papers}).
 * A refused step comes back as a message on the contract page.
 */
@Controller("contractPapers")
class ContractPaperPages {

    private static final Pattern CONTRACT_PATH = Pattern.compile("^/contracts/(\\d+)/");

    private final OrderConfirmations confirmations;
    private final ProductionNotices notices;
    private final ContractPaperForms forms;
    private final MessageSource messages;

    ContractPaperPages(OrderConfirmations confirmations, ProductionNotices notices, ContractPaperForms forms,
                       MessageSource messages) {
        this.confirmations = confirmations;
        this.notices = notices;
        this.forms = forms;
        this.messages = messages;
    }

    /** For the contract page: the order confirmation, if any. */
    public Optional<OrderConfirmations.View> confirmation(long contractId) {
        return confirmations.of(contractId);
    }

    /** For the contract page: whether the contract's source needs an order confirmation. */
    public boolean needsConfirmation(com.careloop.contract.ContractSource source) {
        return OrderConfirmations.NEEDS_CONFIRMATION.contains(source);
    }

    /** For the contract page: the production task notices, newest first. */
    public List<ProductionNotices.View> notices(long contractId) {
        return notices.of(contractId);
    }

    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/{id}/order-confirmation")
    String prepare(@PathVariable long id, @RequestParam(required = false) String agreedWith,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) java.time.LocalDate agreedOn,
                   @RequestParam(required = false) String summary, @RequestParam(required = false) String email,
                   @RequestParam(required = false) String language, RedirectAttributes flash) {
        OrderConfirmations.View v = confirmations.prepare(id, new OrderConfirmations.Prepare(agreedWith, agreedOn,
                summary, email, language));
        flash.addFlashAttribute("confirmationUrl", v.url());
        return done(id, flash);
    }

    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/{id}/order-confirmation/document")
    String document(@PathVariable long id, @RequestParam(required = false) OrderConfirmation.Method method,
                    @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
        ContractPaperApi.confirm(confirmations, id, method, file);
        return done(id, flash);
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(value = "/contracts/{id}/order-confirmation", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String confirmationPrint(@PathVariable long id) {
        return forms.confirmationHtml(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/contracts/{id}/order-confirmation.pdf")
    ResponseEntity<byte[]> confirmationPdf(@PathVariable long id) {
        return forms.confirmationPdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(value = "/contracts/{id}/production-notices/{noticeId}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String noticePrint(@PathVariable long id, @PathVariable long noticeId) {
        return forms.noticeHtml(id, noticeId, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/contracts/{id}/production-notices/{noticeId}.pdf")
    ResponseEntity<byte[]> noticePdf(@PathVariable long id, @PathVariable long noticeId) {
        return forms.noticePdf(id, noticeId, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @PostMapping("/contracts/{id}/production-notices/{noticeId}/acknowledge")
    String acknowledge(@PathVariable long id, @PathVariable long noticeId, RedirectAttributes flash) {
        notices.acknowledge(id, noticeId);
        return done(id, flash);
    }

    /** 002-A16: production reports that the notice cannot be met (button 报告无法满足). */
    @RequiresPermission(ContractPermissions.VIEW)
    @PostMapping("/contracts/{id}/production-notices/{noticeId}/shortfall")
    String shortfall(@PathVariable long id, @PathVariable long noticeId, @RequestParam(required = false) String reason,
                     @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                             iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate proposedDate,
                     @RequestParam(required = false) java.math.BigDecimal proposedQuantity,
                     @RequestParam(required = false) Long version, RedirectAttributes flash) {
        notices.reportShortfall(id, noticeId, new ProductionNotices.ReportShortfall(reason, proposedDate,
                proposedQuantity, version));
        return done(id, flash);
    }

    /** 002-A16: sales records the agreement with the customer; the revised notice is issued. */
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/{id}/production-notices/{noticeId}/shortfall/agreement")
    String agree(@PathVariable long id, @PathVariable long noticeId,
                 @RequestParam(required = false) com.careloop.contract.ResolutionMethod method,
                 @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                         iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate agreedOn,
                 @RequestParam(required = false) String withWhom, @RequestParam(required = false) String agreed,
                 @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                         iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate deliveryDate,
                 @RequestParam(required = false) java.math.BigDecimal quantity,
                 @RequestParam(required = false) Long version, RedirectAttributes flash) {
        notices.agreeRevision(id, noticeId, new ProductionNotices.AgreeRevision(method, agreedOn, withWhom, agreed,
                deliveryDate, quantity, version));
        return done(id, flash);
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(value = "/contracts/{id}/inconsistency-form", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String inconsistencyForm(@PathVariable long id) {
        return forms.inconsistenciesHtml(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/contracts/{id}/inconsistency-form.pdf")
    ResponseEntity<byte[]> inconsistencyFormPdf(@PathVariable long id) {
        return forms.inconsistenciesPdf(id, LocaleContextHolder.getLocale());
    }

    /** 合同登记表 R-QP-005-05 as PDF: the register under the list's filters. */
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping({"/contracts/register.pdf", "/api/v1/contracts/register.pdf"})
    ResponseEntity<byte[]> registerPdf(@org.springframework.web.bind.annotation.ModelAttribute
                                       com.careloop.contract.ContractViews.Filter filter,
                                       @RequestParam(required = false) String sort) {
        return forms.registerPdf(filter, sort, LocaleContextHolder.getLocale());
    }

    private static String done(long id, RedirectAttributes flash) {
        flash.addFlashAttribute("success", "saved");
        return "redirect:/contracts/" + id;
    }

    /** A refused step (409), bad input (422) or a stale version: the message on the contract page. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        String message = ex instanceof OptimisticLockingFailureException
                ? messages.getMessage("contract.error.stale", null, LocaleContextHolder.getLocale()) : ex.getMessage();
        if (ex instanceof InvalidInputException invalid) {
            message = invalid.field() + ": " + message;
        }
        flash.addFlashAttribute("error", message);
        Matcher m = CONTRACT_PATH.matcher(request.getRequestURI());
        return m.find() ? "redirect:/contracts/" + m.group(1) : "redirect:/contracts";
    }
}
