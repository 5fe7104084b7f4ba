package com.careloop.contract.review;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.contract.ContractClass;
import com.careloop.contract.ContractCommands;
import com.careloop.contract.ContractPermissions;
import com.careloop.contract.ContractSource;
import com.careloop.contract.ContractStatus;
import com.careloop.contract.ContractViews.Detail;
import com.careloop.contract.ContractViews.Filter;
import com.careloop.contract.Contracts;
import com.careloop.contract.ResolutionMethod;
import com.careloop.contract.ReviewAspect;
import com.careloop.contract.ReviewOutcome;
import com.careloop.contract.ReviewStage;
import com.careloop.contract.ReviewVerdict;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The contract pages: the register (合同登记表) with its search and Excel export, the new-contract form with lines,
 * the contract with its lines, the review per aspect, the sign form for the reader's aspects, inconsistencies, the
 * outcome and the general manager's decision, and the printable review form. A refused step comes back as a message
 * on the page it came from, never an error page.
 */
@Controller
public class ContractPages {

    record Option(long id, String name) {
    }

    static final int FORM_LINES = 5;
    private static final Pattern CONTRACT_PATH = Pattern.compile("^/contracts/(\\d+)/");
    private static final Pattern LINE_FIELD = Pattern.compile("lines\\[(\\d+)]\\.(\\w+)");

    private final Contracts contracts;
    private final ContractRegisterExport export;
    private final ContractReviewForm form;
    private final CustomerDirectory customers;
    private final CurrentUsers users;
    private final MessageSource messages;
    private final OrgDirectory org;
    private final java.time.Clock clock;
    private final java.time.ZoneId zone;
    private final ReviewMeetings meetings;
    private final ContractCommunications communications;

    ContractPages(Contracts contracts, ContractRegisterExport export, ContractReviewForm form,
                  CustomerDirectory customers, CurrentUsers users, MessageSource messages, OrgDirectory org,
                  java.time.Clock clock, com.careloop.platform.CareLoopProperties platform, ReviewMeetings meetings,
                  ContractCommunications communications) {
        this.meetings = meetings;
        this.communications = communications;
        this.clock = clock;
        this.zone = platform.zone();
        this.contracts = contracts;
        this.export = export;
        this.form = form;
        this.customers = customers;
        this.users = users;
        this.messages = messages;
        this.org = org;
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/contracts")
    String list(@org.springframework.web.bind.annotation.ModelAttribute("filterForm") Filter filter,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("filter", filter);
        model.addAttribute("sort", sort);
        model.addAttribute("page", contracts.search(filter, sort, cursor, 50));
        model.addAttribute("statuses", ContractStatus.values());
        model.addAttribute("stages", ReviewStage.values());
        model.addAttribute("salespeople", salespeople());
        return "contract/list";
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/contracts/export")
    void export(@org.springframework.web.bind.annotation.ModelAttribute("filterForm") Filter filter,
                @RequestParam(required = false) String sort, HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) {
        export.write(filter, sort, request.getQueryString(), response);
    }

    @RequiresPermission(ContractPermissions.REGISTER)
    @GetMapping("/contracts/new")
    String newContract(@RequestParam(required = false) String customer, Model model) {
        model.addAttribute("customers", customer == null || customer.isBlank() ? List.of()
                : customers.lookUp(customer, 20));
        model.addAttribute("customerQuery", customer);
        model.addAttribute("sources", ContractSource.values());
        model.addAttribute("classes", ContractClass.values());
        model.addAttribute("salespeople", salespeople());
        model.addAttribute("me", users.require());
        model.addAttribute("formLines", FORM_LINES);
        return "contract/new";
    }

    /** The form's lines come as parallel fields; empty rows are skipped, numbers parsed here (bad ones: 422 per line). */
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/new")
    String create(@RequestParam(required = false) Long customerId, @RequestParam(required = false) String customerNumber,
                  @RequestParam(required = false) ContractSource source,
                  @RequestParam(required = false) ContractClass contractClass,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate orderDate,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate deliveryDate,
                  @RequestParam(required = false) String paymentTerms,
                  @RequestParam(required = false) String specialRequirements,
                  @RequestParam(required = false) Long salespersonId, @RequestParam(required = false) String region,
                  @RequestParam(name = "product", required = false) List<String> product,
                  @RequestParam(name = "spec", required = false) List<String> spec,
                  @RequestParam(name = "quantity", required = false) List<String> quantity,
                  @RequestParam(name = "unit", required = false) List<String> unit,
                  @RequestParam(name = "unitPrice", required = false) List<String> unitPrice,
                  @RequestParam(name = "remark", required = false) List<String> remark,
                  @RequestParam(required = false) Boolean inStock) {
        List<ContractCommands.Line> lines = formLines(product, spec, quantity, unit, unitPrice, remark);
        Detail d = contracts.register(new ContractCommands.Register(customerId, customerNumber, source, contractClass,
                orderDate, deliveryDate, paymentTerms, specialRequirements, salespersonId, region, lines, inStock));
        return "redirect:/contracts/" + d.id();
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/contracts/{id}")
    String detail(@PathVariable long id, Model model) {
        Detail c = contracts.detail(id);
        model.addAttribute("c", c);
        model.addAttribute("myAspects", c.reviews().stream().filter(r -> r.mine() && r.aspect() != ReviewAspect.MAJOR)
                .map(r -> r.aspect()).toList());
        model.addAttribute("gmTask", c.reviews().stream().anyMatch(r -> r.mine() && r.aspect() == ReviewAspect.MAJOR));
        model.addAttribute("verdicts", ReviewVerdict.values());
        model.addAttribute("outcomes", ReviewOutcome.values());
        model.addAttribute("methods", ResolutionMethod.values());
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        model.addAttribute("slots", com.careloop.contract.AttachmentSlot.values());
        model.addAttribute("channels", ContractCommunication.Channel.values());
        return "contract/detail";
    }

    /** The browser's print view of the review form R-QP-005-06: the same document as the PDF, as A4 HTML. */
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping(value = "/contracts/{id}/review-form", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String reviewForm(@PathVariable long id) {
        return form.html(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/contracts/{id}/review-form.pdf")
    ResponseEntity<byte[]> reviewFormPdf(@PathVariable long id) {
        return form.pdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/{id}/files")
    String attach(@PathVariable long id, @RequestParam(required = false) com.careloop.contract.AttachmentSlot slot,
                  @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                  RedirectAttributes flash) {
        return done(id, flash, () -> ContractFiles.attach(contracts, id, slot, file));
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/contracts/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        return contracts.download(id, fileId);
    }

    /** Records a review meeting's minutes (seed 001-A5); a refusal comes back on the contract page. */
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/{id}/review-meetings")
    String recordMeeting(@PathVariable long id,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                         @RequestParam(required = false) String place, @RequestParam(required = false) String attendees,
                         @RequestParam(required = false) String minutes, RedirectAttributes flash) {
        return done(id, flash, () -> meetings.record(id, new ReviewMeetings.Record(heldOn, place, attendees, minutes)));
    }

    /** Records a communication with the customer about this contract (seeds 001-A15, 001-B14). */
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/{id}/communications")
    String recordCommunication(@PathVariable long id,
                               @RequestParam(required = false) ContractCommunication.Channel channel,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate occurredOn, @RequestParam(required = false) String withWhom,
                               @RequestParam(required = false) String summary, RedirectAttributes flash) {
        return done(id, flash, () -> communications.record(id,
                new ContractCommunications.Record(channel, occurredOn, withWhom, summary)));
    }

    // ---- steps --------------------------------------------------------------------------------------------------

    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/{id}/submit")
    String submit(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        return done(id, flash, () -> contracts.submit(id, new ContractCommands.Submit(version)));
    }

    @RequiresPermission(ContractPermissions.REVIEW)
    @PostMapping("/contracts/{id}/sign")
    String sign(@PathVariable long id, @RequestParam(required = false) ReviewAspect aspect,
                @RequestParam(required = false) ReviewVerdict verdict, @RequestParam(required = false) String comment,
                RedirectAttributes flash) {
        return done(id, flash, () -> contracts.sign(id, new ContractCommands.Sign(aspect, verdict, comment)));
    }

    @RequiresPermission(ContractPermissions.REVIEW)
    @PostMapping("/contracts/{id}/inconsistencies")
    String raise(@PathVariable long id, @RequestParam(required = false) ReviewAspect aspect,
                 @RequestParam(required = false) String description, @RequestParam(required = false) String proposal,
                 RedirectAttributes flash) {
        return done(id, flash, () -> contracts.raiseInconsistency(id, new ContractCommands.RaiseInconsistency(aspect,
                description, proposal)));
    }

    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/{id}/inconsistencies/{inconsistencyId}/resolution")
    String resolve(@PathVariable long id, @PathVariable long inconsistencyId,
                   @RequestParam(required = false) ResolutionMethod method,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate resolvedOn,
                   @RequestParam(required = false) String withWhom, @RequestParam(required = false) String agreed,
                   RedirectAttributes flash) {
        return done(id, flash, () -> contracts.resolveInconsistency(id, inconsistencyId, new ContractCommands.Resolve(
                method, resolvedOn, withWhom, agreed)));
    }

    @RequiresPermission(ContractPermissions.DECIDE)
    @PostMapping("/contracts/{id}/outcome")
    String outcome(@PathVariable long id, @RequestParam(required = false) ReviewOutcome outcome,
                   @RequestParam(required = false) String comment, @RequestParam(required = false) Long version,
                   RedirectAttributes flash) {
        return done(id, flash, () -> contracts.decide(id, new ContractCommands.Decide(outcome, comment, version)));
    }

    @RequiresPermission(ContractPermissions.REVIEW)
    @PostMapping("/contracts/{id}/gm-decision")
    String gmDecision(@PathVariable long id, @RequestParam(defaultValue = "false") boolean approve,
                      @RequestParam(required = false) String comment, RedirectAttributes flash) {
        return done(id, flash, () -> contracts.gmDecision(id, new ContractCommands.GmDecision(approve, comment)));
    }

    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/contracts/{id}/{step:deliver|start-production|close|cancel}")
    String statusStep(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) Long version,
                      RedirectAttributes flash) {
        ContractCommands.StatusStep cmd = new ContractCommands.StatusStep(null, version);
        return done(id, flash, () -> contracts.registerStep(id, step, cmd));
    }

    /**
     * A form's lines, sent as parallel fields (product, spec, quantity, unit, unitPrice, remark); empty rows are
     * skipped, numbers parsed here (a bad one: 422 naming its line).
     */
    public static List<ContractCommands.Line> formLines(List<String> product, List<String> spec, List<String> quantity,
                                                 List<String> unit, List<String> unitPrice, List<String> remark) {
        List<ContractCommands.Line> lines = new ArrayList<>();
        int rows = product == null ? 0 : product.size();
        for (int i = 0; i < rows; i++) {
            if (blank(at(product, i)) == null && blank(at(quantity, i)) == null && blank(at(unitPrice, i)) == null) {
                continue;
            }
            int n = lines.size();
            lines.add(new ContractCommands.Line(at(product, i), at(spec, i), number("lines[" + n + "].quantity",
                    at(quantity, i)), at(unit, i), number("lines[" + n + "].unitPrice", at(unitPrice, i)), at(remark, i)));
        }
        return lines;
    }

    /**
     * A refusal as a page shows it, in the reader's language: a stale version's message, or the rule's message — for
     * bad input after the field's label ("第 1 行单价：…", "客户同意日期：…"), not its code.
     */
    public static String refusal(MessageSource messages, RuntimeException ex) {
        java.util.Locale locale = LocaleContextHolder.getLocale();
        if (ex instanceof OptimisticLockingFailureException) {
            return messages.getMessage("contract.error.stale", null, locale);
        }
        if (!(ex instanceof InvalidInputException invalid)) {
            return ex.getMessage();
        }
        Matcher line = LINE_FIELD.matcher(invalid.field());
        String label = line.matches()
                ? messages.getMessage("contract.field.line", new Object[] {Integer.parseInt(line.group(1)) + 1,
                        messages.getMessage("contract.line." + line.group(2), null, line.group(2), locale)}, locale)
                : messages.getMessage("contract.field." + invalid.field(), null,
                        messages.getMessage("contract." + invalid.field(), null, invalid.field(), locale), locale);
        return "required".equals(invalid.rule())
                ? messages.getMessage("error.contract.required", new Object[] {label}, locale)
                : messages.getMessage("contract.field.refused", new Object[] {label, ex.getMessage()}, locale);
    }

    private static String done(long id, RedirectAttributes flash, Runnable step) {
        step.run();
        flash.addFlashAttribute("success", "saved");
        return "redirect:/contracts/" + id;
    }

    /** A refused step (409), bad input (422) or a stale version: the message on the page it came from. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        flash.addFlashAttribute("error", refusal(messages, ex));
        Matcher m = CONTRACT_PATH.matcher(request.getRequestURI());
        return m.find() ? "redirect:/contracts/" + m.group(1) : "redirect:/contracts/new";
    }

    private static BigDecimal number(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, "number", Text.of("error.contract.not-a-number", value));
        }
    }

    private static String at(List<String> values, int i) {
        return values == null || i >= values.size() ? null : values.get(i);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private List<Option> salespeople() {
        return org.activeUsersWithPermission(ContractPermissions.REGISTER).stream()
                .map(u -> new Option(u.id(), u.displayName())).toList();
    }
}
