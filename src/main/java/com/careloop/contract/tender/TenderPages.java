package com.careloop.contract.tender;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.contract.ContractCommands;
import com.careloop.contract.ContractPermissions;
import com.careloop.contract.review.ContractPages;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Tender review pages (招投标评审): the list with its filters, the register form (customer looked up in the archive),
 * one tender with its countersign trail, files and next step (submit, bid / no bid, the general manager, won → contract
 * or lost), and the printable 投标评审表. A refused step comes back as a message on the page it came from.
 */
@Controller
@RequestMapping("/tenders")
class TenderPages {

    private static final Pattern TENDER_PATH = Pattern.compile("^/tenders/(\\d+)/");
    /** A review meeting's fields, named on the page by their labels like on the contract page. */
    private static final java.util.Set<String> MEETING_FIELDS = java.util.Set.of("heldOn", "place", "attendees",
            "minutes");

    private final Tenders tenders;
    private final TenderReviewForm form;
    private final CustomerDirectory customers;
    private final Texts texts;
    private final org.springframework.context.MessageSource messages;

    TenderPages(Tenders tenders, TenderReviewForm form, CustomerDirectory customers, Texts texts,
                org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.tenders = tenders;
        this.form = form;
        this.customers = customers;
        this.texts = texts;
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping
    String list(@RequestParam(required = false) String status, @RequestParam(required = false) String q,
                @RequestParam(required = false) Long customerId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deadlineTo,
                Model model) {
        model.addAttribute("tenders", tenders.search(new TenderCommands.Filter(status, customerId, q, deadlineFrom,
                deadlineTo, null), 200));
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("deadlineFrom", deadlineFrom);
        model.addAttribute("deadlineTo", deadlineTo);
        model.addAttribute("statuses", Tender.Status.values());
        return "contract/tenders";
    }

    @RequiresPermission(ContractPermissions.REGISTER)
    @GetMapping("/new")
    String newTender(@RequestParam(required = false) String customer, Model model) {
        model.addAttribute("customers", customer == null || customer.isBlank() ? List.of() : customers.lookUp(customer, 20));
        model.addAttribute("customerQuery", customer);
        return "contract/tender-new";
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
        model.addAttribute("trail", form.rows(tenders.trail(id), LocaleContextHolder.getLocale()));
        model.addAttribute("files", tenders.files(id));
        model.addAttribute("slots", TenderSlot.values());
        model.addAttribute("meetings", tenders.meetings(id));
        return "contract/tender";
    }

    /** Records a review meeting's minutes (seed 001-A5); a refusal comes back on the tender page. */
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/review-meetings")
    String recordMeeting(@PathVariable long id,
                         @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
                                 iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
                         java.time.LocalDate heldOn,
                         @RequestParam(required = false) String place, @RequestParam(required = false) String attendees,
                         @RequestParam(required = false) String minutes, RedirectAttributes flash) {
        tenders.recordMeeting(id, new com.careloop.contract.review.ReviewMeetings.Record(heldOn, place, attendees,
                minutes));
        flash.addFlashAttribute("success", "saved");
        return "redirect:/tenders/" + id;
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(value = "/{id}/review-form", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String reviewForm(@PathVariable long id) {
        return form.html(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/{id}/review-form.pdf")
    ResponseEntity<byte[]> reviewFormPdf(@PathVariable long id) {
        return form.pdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/files")
    String attach(@PathVariable long id, @RequestParam(required = false) TenderSlot slot,
                  @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
        attach(tenders, id, slot, file);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/tenders/" + id;
    }

    /** An uploaded part handed to {@link Tenders#attach} (the page and the API share it). */
    static TenderCommands.Attachment attach(Tenders tenders, long id, TenderSlot slot, MultipartFile file) {
        try {
            return tenders.attach(id, slot, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(), file == null || file.isEmpty() ? null : file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        return tenders.download(id, fileId);
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

    /** The result; a won tender's awarded lines come as parallel fields (blank rows skipped, like the contract form). */
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/result")
    String result(@PathVariable long id, @RequestParam(required = false) Tender.Result result,
                  @RequestParam(required = false) String comment,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveryDate,
                  @RequestParam(required = false) String paymentTerms,
                  @RequestParam(name = "product", required = false) List<String> product,
                  @RequestParam(name = "spec", required = false) List<String> spec,
                  @RequestParam(name = "quantity", required = false) List<String> quantity,
                  @RequestParam(name = "unit", required = false) List<String> unit,
                  @RequestParam(name = "unitPrice", required = false) List<String> unitPrice,
                  RedirectAttributes flash) {
        List<ContractCommands.Line> lines = result == Tender.Result.WON
                ? ContractPages.formLines(product, spec, quantity, unit, unitPrice, null) : List.of();
        var t = tenders.result(id, new TenderCommands.Result(result, comment, deliveryDate, paymentTerms, lines, null));
        flash.addFlashAttribute("success", "saved");
        return t.contractId() != null ? "redirect:/contracts/" + t.contractId() : "redirect:/tenders/" + id;
    }

    /** A refused step (409), bad input (422) or a stale version: the message on the page it came from. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        String message = ex instanceof OptimisticLockingFailureException
                ? texts.render(Text.of("contract.error.stale"), LocaleContextHolder.getLocale()) : ex.getMessage();
        if (ex instanceof InvalidInputException invalid) {
            // an awarded line's field is named by its line and label ("第 2 行数量：…"), like on the contract form
            message = invalid.field().startsWith("lines[") || MEETING_FIELDS.contains(invalid.field())
                    ? ContractPages.refusal(messages, ex)
                    : invalid.field() + ": " + message;
        }
        flash.addFlashAttribute("error", message);
        Matcher m = TENDER_PATH.matcher(request.getRequestURI());
        return m.find() ? "redirect:/tenders/" + m.group(1) : "redirect:/tenders/new";
    }
}
