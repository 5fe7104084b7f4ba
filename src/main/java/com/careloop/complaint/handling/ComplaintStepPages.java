package com.careloop.complaint.handling;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.careloop.complaint.CauseCategory;
import com.careloop.complaint.ComplaintCategory;
import com.careloop.complaint.ComplaintChannel;
import com.careloop.complaint.ComplaintCommands;
import com.careloop.complaint.ComplaintPermissions;
import com.careloop.complaint.ComplaintStatus;
import com.careloop.complaint.ComplaintViews.CapaLink;
import com.careloop.complaint.ComplaintViews.Detail;
import com.careloop.complaint.Complaints;
import com.careloop.complaint.Severity;
import com.careloop.complaint.Verification;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NextStep;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Texts;
import com.careloop.platform.Text;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static com.careloop.platform.Forms.reject;

/**
 * The complaint's step forms and the "new complaint" page. The detail page offers the form(s) of the next
 * step only, for the reader's permissions; each posts the version it was rendered with (htmx-boosted, CSRF)
 * and calls the {@link Complaints} command. A refused step (409), bad input (422) or a stale version comes
 * back as the message on the complaint page (the platform's page error handler), never a stack trace.
 */
@Controller
class ComplaintStepPages {

    /** The page forms whose fields differ from the API commands: wall-clock times at the company, the owner a user. */
    record NewComplaint(Long customerId, String customerLabel, ComplaintChannel channel, @Size(max = 100) String orderNumber,
                        @Size(max = 200) String product, @Size(max = 4000) String content,
                        @Size(max = 2000) String requestedRemedy, @Size(max = 100) String batchNo) {

        static NewComplaint empty(Long customerId, String label) {
            return new NewComplaint(customerId, label, ComplaintChannel.PHONE, null, null, null, null, null);
        }
    }

    record AcknowledgeForm(@NotNull @DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime promisedReplyBy, Long version) {
    }

    record ActionForm(@NotBlank @Size(max = 4000) String description, @NotNull Long ownerUserId,
                      @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate dueDate, Long version) {
    }

    record DecisionForm(@NotBlank @Size(max = 200) String how, @DateTimeFormat(iso = ISO.DATE_TIME) LocalDateTime when,
                        @NotBlank @Size(max = 4000) String what, Long version) {
    }

    record VerifyForm(@NotNull Verification result, @Size(max = 4000) String countermeasure, Long ownerUserId,
                      @DateTimeFormat(iso = ISO.DATE) LocalDate dueDate, Long version,
                      @Size(max = 2000) String earlyReason) {
    }

    record Option(long id, String name) {
    }

    private final Complaints complaints;
    private final com.careloop.contract.Contracts contracts;
    private final CustomerDirectory customers;
    private final CurrentUsers users;
    private final JdbcClient jdbc;
    private final CareLoopProperties properties;
    private final Texts texts;

    /** The sealed master samples (封样) of the complaint's customer and product: the reference to judge it against. */
    private final com.careloop.property.Samples samples;

    ComplaintStepPages(com.careloop.contract.Contracts contracts, Complaints complaints, CustomerDirectory customers, CurrentUsers users, JdbcClient jdbc,
                       CareLoopProperties properties, Texts texts, com.careloop.property.Samples samples) {
        this.samples = samples;
        this.texts = texts;
        this.contracts = contracts;
        this.complaints = complaints;
        this.customers = customers;
        this.users = users;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    // ---- new complaint -----------------------------------------------------------------------

    @RequiresPermission(ComplaintPermissions.RECEIVE)
    @GetMapping("/complaints/new")
    String newComplaint(@RequestParam(required = false) Long customerId, Model model) {
        String label = customerId == null ? null : customers.card(customerId)
                .map(c -> c.name() + " " + c.code() + (c.keyCustomer() ? " ★" : "")).orElse(null);
        return newForm(NewComplaint.empty(label == null ? null : customerId, label), null, model);
    }

    @RequiresPermission(ComplaintPermissions.RECEIVE)
    @PostMapping("/complaints/new")
    String receive(@Valid @ModelAttribute("form") NewComplaint form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return newForm(form, texts.fieldProblem(errors.getFieldErrors().get(0)), model);
        }
        if (form.customerId() == null) {
            return newForm(form, texts.render(Text.of("texts.choose-customer")), model);
        }
        try {
            Detail d = complaints.receive(new ComplaintCommands.Receive(form.customerId(), null, form.channel(),
                    form.orderNumber(), form.product(), form.content(), form.requestedRemedy(), form.batchNo()));
            return "redirect:/complaints/" + d.id();
        } catch (InvalidInputException e) {
            return newForm(form, e.field() + ": " + e.getMessage(), model);
        }
    }

    /** Bad input: the form again with what was typed and the message, nothing saved. */
    private String newForm(NewComplaint form, String error, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("channels", ComplaintChannel.values());
        if (error != null) {
            model.addAttribute("error", error);
        }
        return "complaint/new";
    }

    /** The customer look-up of the new-complaint form (htmx), with the key-customer mark. */
    @RequiresPermission(ComplaintPermissions.RECEIVE)
    @GetMapping("/complaints/customer-lookup")
    String lookUp(@RequestParam(required = false) String customerQuery, Model model) {
        model.addAttribute("matches", customerQuery == null || customerQuery.isBlank() ? List.of()
                : customers.lookUp(customerQuery.trim(), 8));
        return "fragments/customerpick :: matches";
    }

    // ---- the detail page with the next step's forms -----------------------------------------

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/complaints/{id}")
    String detail(@PathVariable long id, Model model) {
        Detail c = complaints.detail(id);
        model.addAttribute("c", c);
        // the contract/order number links to the contract register entry when it matches one the reader may see
        model.addAttribute("contractLink", contracts.findByNumber(c.orderNumber()).orElse(null));
        model.addAttribute("sealedSamples", samples.sealedFor(c.customerId(), c.product()));
        CurrentUser me = users.require();
        model.addAttribute("steps", steps(c.status(), me));
        model.addAttribute("next", next(c, me, complaints.selfVerificationRefused(c)));
        model.addAttribute("categories", ComplaintCategory.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("causes", CauseCategory.values());
        model.addAttribute("results", Verification.values());
        model.addAttribute("departments", jdbc.sql("select id, name from org_department where active = true order by sort_order, id")
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list());
        model.addAttribute("owners", jdbc.sql("select id, display_name from org_user where active = true order by id")
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list());
        // the handler is one of the responsible department's active users (the save refuses the others)
        model.addAttribute("handlers", c.departmentId() == null ? List.of() : jdbc.sql(
                        "select id, display_name from org_user where active = true and department_id = :d order by id")
                .param("d", c.departmentId()).query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list());
        return "complaint/detail";
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/complaints/{id}/handler")
    String assignHandler(@PathVariable long id, @Valid @ModelAttribute ComplaintCommands.AssignHandler form,
                         BindingResult errors, RedirectAttributes flash) {
        return step(id, errors, flash, () -> complaints.assignHandler(id, form));
    }

    /** The next step's forms for the state, as far as the reader's permissions go. */
    static List<String> steps(ComplaintStatus s, CurrentUser me) {
        List<String> steps = new ArrayList<>();
        boolean handle = me.can(ComplaintPermissions.HANDLE);
        switch (s) {
            case RECEIVED -> add(steps, handle, "acknowledge");
            case ACKNOWLEDGED -> add(steps, handle, "assess");
            case ASSESSED -> add(steps, me.can(ComplaintPermissions.INVESTIGATE), "investigate");
            case INVESTIGATED -> add(steps, handle, "action");
            case ACTION_TAKEN -> {
                add(steps, handle, "action");
                add(steps, handle, "communicate");
            }
            case DECISION_COMMUNICATED -> add(steps, handle, "verify");
            case VERIFIED -> add(steps, me.can(ComplaintPermissions.CONFIRM_QUALITY), "confirm");
            case QUALITY_CONFIRMED -> add(steps, handle, "close");
            default -> {
            }
        }
        return steps;
    }

    /**
     * The next step and whose it is: the complaint specialist's steps by permission, the investigation by the
     * investigating permission (the responsible department), the verification after the CAPAs' actions and never by
     * a handler of the complaint (self-verification rule), the confirmation by the quality manager, the close after
     * the CAPAs' actions.
     */
    static NextStep next(Detail c, CurrentUser me, boolean selfVerificationRefused) {
        boolean handle = me.can(ComplaintPermissions.HANDLE);
        List<String> capasOpen = c.capas().stream().filter(k -> !k.allActionsDone()).map(CapaLink::code).toList();
        return switch (c.status()) {
            case RECEIVED -> step(handle, "acknowledge", "complaint.step.acknowledge", "COMPLAINT_SPECIALIST");
            case ACKNOWLEDGED -> step(handle, "assess", "complaint.step.assess", "COMPLAINT_SPECIALIST");
            case ASSESSED -> me.can(ComplaintPermissions.INVESTIGATE)
                    ? NextStep.act("investigate", "complaint.step.investigate", "investigate-form")
                    : NextStep.waiting("investigate", "complaint.step.investigate", "nextstep.wait.person",
                            c.departmentName() != null ? c.departmentName() : NextStep.position("QUALITY_MANAGER"));
            case INVESTIGATED -> step(handle, "action", "clp.step.openCapa", "COMPLAINT_SPECIALIST");
            case ACTION_TAKEN -> step(handle, "communicate", "complaint.step.communicate", "COMPLAINT_SPECIALIST");
            case DECISION_COMMUNICATED -> !capasOpen.isEmpty()
                    ? NextStep.waiting("verify", "complaint.step.verify", "nextstep.wait.capaActions",
                            String.join("、", capasOpen))
                    : selfVerificationRefused ? NextStep.waiting("verify", "complaint.step.verify",
                            "nextstep.wait.notByInvestigator", NextStep.position("CS_SUPERVISOR"))
                    : step(handle, "verify", "complaint.step.verify", "COMPLAINT_SPECIALIST");
            case VERIFIED -> me.can(ComplaintPermissions.CONFIRM_QUALITY)
                    ? NextStep.act("confirm", "complaint.step.confirm", "confirm-form")
                    : NextStep.waiting("confirm", "complaint.step.confirm", "nextstep.wait.confirm",
                            NextStep.position("QUALITY_MANAGER"));
            case QUALITY_CONFIRMED -> !capasOpen.isEmpty()
                    ? NextStep.waiting("close", "complaint.step.close", "nextstep.wait.capaActions",
                            String.join("、", capasOpen))
                    : step(handle, "close", "complaint.step.close", "COMPLAINT_SPECIALIST");
            case CLOSED -> null;
        };
    }

    /** A step the reader does when permitted, otherwise the position's. */
    private static NextStep step(boolean allowed, String action, String label, String position) {
        return allowed ? NextStep.act(action, label, action + "-form")
                : NextStep.waiting(action, label, "nextstep.wait.person", NextStep.position(position));
    }

    private static void add(List<String> steps, boolean allowed, String step) {
        if (allowed) {
            steps.add(step);
        }
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/complaints/{id}/acknowledge")
    String acknowledge(@PathVariable long id, @Valid @ModelAttribute AcknowledgeForm form, BindingResult errors,
                       RedirectAttributes flash) {
        return step(id, errors, flash, () -> complaints.acknowledge(id,
                new ComplaintCommands.Acknowledge(offset(form.promisedReplyBy()), form.version())));
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/complaints/{id}/assess")
    String assess(@PathVariable long id, @Valid @ModelAttribute ComplaintCommands.Assess form, BindingResult errors,
                  RedirectAttributes flash) {
        return step(id, errors, flash, () -> complaints.assess(id, form));
    }

    @RequiresPermission(ComplaintPermissions.INVESTIGATE)
    @PostMapping("/complaints/{id}/investigate")
    String investigate(@PathVariable long id, @Valid @ModelAttribute ComplaintCommands.Investigate form,
                       BindingResult errors, RedirectAttributes flash) {
        return step(id, errors, flash, () -> complaints.investigate(id, form));
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/complaints/{id}/corrective-actions")
    String action(@PathVariable long id, @Valid @ModelAttribute ActionForm form, BindingResult errors,
                  RedirectAttributes flash) {
        return step(id, errors, flash, () -> complaints.addCorrectiveAction(id, new ComplaintCommands.AddAction(
                form.description(), null, form.ownerUserId(), form.dueDate(), form.version())));
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/complaints/{id}/corrective-actions/{actionId}/done")
    String actionDone(@PathVariable long id, @PathVariable long actionId, @ModelAttribute ComplaintCommands.Step form,
                      BindingResult errors, RedirectAttributes flash) {
        return step(id, errors, flash, () -> complaints.markActionDone(id, actionId, form));
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/complaints/{id}/communicate-decision")
    String communicate(@PathVariable long id, @Valid @ModelAttribute DecisionForm form, BindingResult errors,
                       RedirectAttributes flash) {
        return step(id, errors, flash, () -> complaints.communicateDecision(id, new ComplaintCommands.CommunicateDecision(
                form.how(), offset(form.when()), form.what(), form.version())));
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/complaints/{id}/verify")
    String verify(@PathVariable long id, @Valid @ModelAttribute VerifyForm form, BindingResult errors,
                  RedirectAttributes flash) {
        return step(id, errors, flash, () -> complaints.verify(id, new ComplaintCommands.Verify(form.result(),
                form.countermeasure(), null, form.ownerUserId(), form.dueDate(), form.version(), form.earlyReason())));
    }

    @RequiresPermission(ComplaintPermissions.CONFIRM_QUALITY)
    @PostMapping("/complaints/{id}/confirm-quality")
    String confirmQuality(@PathVariable long id, @ModelAttribute ComplaintCommands.Step form, BindingResult errors,
                          RedirectAttributes flash) {
        return step(id, errors, flash, () -> complaints.confirmQuality(id, form));
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/complaints/{id}/close")
    String close(@PathVariable long id, @ModelAttribute ComplaintCommands.Step form, BindingResult errors,
                 RedirectAttributes flash) {
        return step(id, errors, flash, () -> complaints.close(id, form));
    }

    /** Bad fields flash their message; otherwise the step runs (a refusal is flashed by the page error handler). */
    private static String step(long id, BindingResult errors, RedirectAttributes flash, Runnable step) {
        if (!reject(errors, flash)) {
            step.run();
            flash.addFlashAttribute("success", "saved");
        }
        return "redirect:/complaints/" + id;
    }

    /** A refused step (409), bad input (422) or a stale version: the message on the complaint's page. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        flash.addFlashAttribute("error", ex.getMessage());
        var m = java.util.regex.Pattern.compile("^/complaints/(\\d+)/").matcher(request.getRequestURI());
        return m.find() ? "redirect:/complaints/" + m.group(1) : "redirect:/complaints";
    }

    private OffsetDateTime offset(LocalDateTime local) {
        return local == null ? null : local.atZone(properties.zone()).toOffsetDateTime();
    }
}
