package com.careloop.servicedesk.web;

import java.io.IOException;
import java.util.Base64;
import java.util.Map;

import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NextStep;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Satisfaction;
import com.careloop.platform.UploadedFiles;
import com.careloop.servicedesk.Channel;
import com.careloop.servicedesk.FieldServiceKind;
import com.careloop.servicedesk.PauseReason;
import com.careloop.servicedesk.Priority;
import com.careloop.servicedesk.RequestStatus;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskCommands;
import com.careloop.servicedesk.ServiceDeskPermissions;
import com.careloop.servicedesk.ServiceDeskViews;
import com.careloop.servicedesk.ServiceDeskViews.Filter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static com.careloop.platform.Forms.reject;

/**
 * The agent's queue, the intake forms and the request page with its action panel. Every step posts the
 * version the page was rendered with; a refused or stale step comes back as a message on the page it
 * came from (or, for the queue's htmx buttons, as a message fragment).
 */
@Controller
class RequestPages {

    private final ServiceDesk desk;
    private final CustomerDirectory customers;
    private final PageSupport support;
    private final CurrentUsers users;
    private final java.time.Clock clock;

    private final com.careloop.servicedesk.request.QueueExport export;

    RequestPages(ServiceDesk desk, CustomerDirectory customers, PageSupport support, CurrentUsers users,
                 java.time.Clock clock, com.careloop.servicedesk.request.QueueExport export) {
        this.export = export;
        this.clock = clock;
        this.desk = desk;
        this.users = users;
        this.customers = customers;
        this.support = support;
    }

    // ---- queue -------------------------------------------------------------------------------

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/service-requests")
    String queue(@ModelAttribute("filter") Filter filter, @RequestParam(required = false) String tab,
                 @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
                 Model model) {
        Filter applied = tab(filter, tab == null ? "" : tab);
        model.addAttribute("tab", tab == null ? "" : tab);
        model.addAttribute("sort", sort);
        model.addAttribute("page", desk.search(applied, sort, cursor, 50));
        model.addAttribute("counts", desk.counts());
        model.addAttribute("statuses", RequestStatus.values());
        model.addAttribute("types", RequestType.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categories", desk.categories());
        model.addAttribute("departments", support.departments());
        return "servicedesk/queue";
    }

    /** The queue as .xlsx: the tab, filters and sort of the page, every page of it (audited). */
    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/service-requests/export")
    void export(@ModelAttribute Filter filter, @RequestParam(required = false) String tab,
                @RequestParam(required = false) String sort, jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) {
        export.write(tab(filter, tab == null ? "" : tab), sort, request.getQueryString(), response);
    }

    /** A tab narrows the filters: my work, my department, unassigned, due soon, overdue, paused, key customers. */
    private Filter tab(Filter f, String tab) {
        Long myDepartment = tab.equals("department") ? users.require().departmentId() : null;
        return new Filter(f.status(), f.type(), myDepartment != null ? myDepartment : f.departmentId(), f.assigneeId(),
                tab.equals("mine") || Boolean.TRUE.equals(f.mine()) ? Boolean.TRUE : null,
                tab.equals("overdue") || Boolean.TRUE.equals(f.overdue()) ? Boolean.TRUE : null,
                tab.equals("paused") || Boolean.TRUE.equals(f.paused()) ? Boolean.TRUE : null,
                tab.equals("key") || Boolean.TRUE.equals(f.keyOnly()) ? Boolean.TRUE : null,
                tab.equals("unassigned") || Boolean.TRUE.equals(f.unassigned()) ? Boolean.TRUE : null, f.q(),
                f.categoryId(), f.priority(), tab.equals("dueSoon") || Boolean.TRUE.equals(f.dueSoon()) ? Boolean.TRUE : null,
                f.customerId(), f.registeredFrom(), f.registeredTo(), f.completedFrom(), f.completedTo(), f.channel(),
                f.openOn(), f.dueOn());
    }

    /** The live tab counters (htmx, every 30 s). */
    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/service-requests/counters")
    String counters(@RequestParam(required = false) String tab, Model model) {
        model.addAttribute("counts", desk.counts());
        model.addAttribute("tab", tab == null ? "" : tab);
        return "servicedesk/queue :: counters";
    }

    // ---- intake ------------------------------------------------------------------------------

    @RequiresPermission(ServiceDeskPermissions.REGISTER)
    @GetMapping("/service-requests/new")
    String newRequest(@RequestParam(required = false) Long customerId, Model model) {
        var form = PageForms.Intake.empty(Channel.PHONE);
        var card = customerId == null ? java.util.Optional.<com.careloop.customer.CustomerCard>empty() : customers.card(customerId);
        if (card.isPresent()) {
            var c = card.get();
            form = new PageForms.Intake(c.id(), null, null, null, c.room(), RequestType.REPAIR, null, null, null, null,
                    Channel.PHONE, Priority.NORMAL, null, null, c.name() + " " + c.code() + (c.keyCustomer() ? " ★" : ""));
        }
        return intakeForm(form, Map.of(), false, model);
    }

    @RequiresPermission(ServiceDeskPermissions.REGISTER)
    @GetMapping("/service-requests/report")
    String newReport(Model model) {
        return intakeForm(PageForms.Intake.empty(Channel.STAFF_REPORT), Map.of(), true, model);
    }

    private String intakeForm(PageForms.Intake form, Map<String, String> fieldErrors, boolean report, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("fieldErrors", fieldErrors);
        model.addAttribute("report", report);
        model.addAttribute("types", RequestType.values());
        model.addAttribute("fieldKinds", FieldServiceKind.values());
        model.addAttribute("channels", new Channel[] {Channel.PHONE, Channel.WALK_IN, Channel.LETTER});
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("categories", desk.categories());
        return "servicedesk/intake";
    }

    @RequiresPermission(ServiceDeskPermissions.REGISTER)
    @PostMapping("/service-requests/new")
    String register(@Valid @ModelAttribute("form") PageForms.Intake form, BindingResult errors, Model model) {
        return submit(form, errors, false, model);
    }

    @RequiresPermission(ServiceDeskPermissions.REGISTER)
    @PostMapping("/service-requests/report")
    String report(@Valid @ModelAttribute("form") PageForms.Intake form, BindingResult errors, Model model) {
        return submit(form, errors, true, model);
    }

    /** Bad input: the form again with the message next to each field, nothing saved. */
    private String submit(PageForms.Intake form, BindingResult errors, boolean report, Model model) {
        Map<String, String> fieldErrors = new java.util.LinkedHashMap<>(support.fieldErrors(errors));
        Channel channel = report ? Channel.STAFF_REPORT : form.channel();
        if (channel == null && !fieldErrors.containsKey("channel")) {
            fieldErrors.put("channel", support.message("sdp.error.required"));
        }
        if (fieldErrors.isEmpty()) {
            try {
                var created = desk.register(new ServiceDeskCommands.Register(form.customerId(), null, form.contactName(),
                        form.contactPhone(), form.location(), form.unitRoom(), form.type(),
                        form.type() == RequestType.FIELD_SERVICE ? form.fieldKind() : null, form.categoryId(),
                        form.title(), form.description(), channel, form.priority(),
                        form.type() == RequestType.BOOKED_REPAIR ? support.offset(form.appointmentStart()) : null,
                        form.type() == RequestType.BOOKED_REPAIR ? support.offset(form.appointmentEnd()) : null));
                return "redirect:/service-requests/" + created.id() + "?registered";
            } catch (InvalidInputException e) {
                fieldErrors.put(e.field(), e.getMessage());
            }
        }
        model.addAttribute("error", support.message("sdp.error.form"));
        return intakeForm(form, fieldErrors, report, model);
    }

    /** The on-the-spot customer look-up of the intake form (htmx), with the key-customer mark. */
    @RequiresPermission(ServiceDeskPermissions.REGISTER)
    @GetMapping("/service-requests/customer-lookup")
    String lookUp(@RequestParam(required = false) String customerQuery, Model model) {
        model.addAttribute("matches", customerQuery == null || customerQuery.isBlank() ? java.util.List.of()
                : customers.lookUp(customerQuery.trim(), 8));
        return "fragments/customerpick :: matches";
    }

    // ---- the request page --------------------------------------------------------------------

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/service-requests/{id}")
    String request(@PathVariable long id, Model model) {
        var r = desk.detail(id);
        java.time.Instant now = java.time.Instant.now(clock);
        model.addAttribute("r", r);
        CurrentUser me = users.require();
        model.addAttribute("steps", steps(r, me));
        model.addAttribute("next", next(r, me));
        model.addAttribute("responseClock", support.clock(r.deadlines().respondedAt() == null, r.deadlines().responseDueAt(),
                r.status() == RequestStatus.PAUSED, now));
        model.addAttribute("completionClock", support.clock(r.deadlines().completedAt() == null,
                r.deadlines().completionDueAt(), r.status() == RequestStatus.PAUSED, now));
        model.addAttribute("departments", support.departments());
        model.addAttribute("suggestion", me.can(ServiceDeskPermissions.DISPATCH) && r.status() == RequestStatus.REGISTERED
                ? desk.dispatchSuggestion(id, null) : NO_SUGGESTION);
        model.addAttribute("departmentStaff", r.departmentId() == null || !me.can(ServiceDeskPermissions.HANDLE)
                ? java.util.List.of() : desk.dispatchSuggestion(id, r.departmentId()).handlers());
        model.addAttribute("pauseReasons", PauseReason.values());
        model.addAttribute("satisfactions", Satisfaction.values());
        model.addAttribute("followUps", com.careloop.servicedesk.UnsatisfiedFollowUp.values());
        return "servicedesk/request";
    }

    private static final ServiceDeskViews.DispatchSuggestion NO_SUGGESTION =
            new ServiceDeskViews.DispatchSuggestion(null, null, false, java.util.List.of());

    /** The handlers of the department chosen in the dispatch form (htmx). */
    @RequiresPermission(ServiceDeskPermissions.DISPATCH)
    @GetMapping("/service-requests/{id}/dispatch-handlers")
    String dispatchHandlers(@PathVariable long id, @RequestParam(required = false) Long departmentId, Model model) {
        model.addAttribute("suggestion", departmentId == null ? NO_SUGGESTION : desk.dispatchSuggestion(id, departmentId));
        return "servicedesk/fragments :: handlers";
    }

    /** The steps the action panel offers: those the status allows and the reader's permissions grant. */
    static java.util.Set<String> steps(ServiceDeskViews.Detail r, CurrentUser me) {
        java.util.Set<String> steps = new java.util.HashSet<>();
        RequestStatus s = r.status();
        if (me.can(ServiceDeskPermissions.DISPATCH) && s == RequestStatus.REGISTERED) {
            steps.add("dispatch");
        }
        if (me.can(ServiceDeskPermissions.HANDLE)) {
            add(steps, "reassign", s, RequestStatus.DISPATCHED, RequestStatus.IN_PROGRESS, RequestStatus.PAUSED);
            add(steps, "hand-back", s, RequestStatus.DISPATCHED, RequestStatus.IN_PROGRESS);
            add(steps, "start", s, RequestStatus.DISPATCHED);
            add(steps, "pause", s, RequestStatus.IN_PROGRESS);
            add(steps, "resume", s, RequestStatus.PAUSED);
            add(steps, "complete", s, RequestStatus.IN_PROGRESS);
            add(steps, "sign-off", s, RequestStatus.COMPLETED);
            if (s.isOpen()) {
                steps.add("notes");
                steps.add("materials");
            }
        }
        if (me.can(ServiceDeskPermissions.CALLBACK)) {
            add(steps, "callback", s, RequestStatus.COMPLETED, RequestStatus.SIGNED_OFF);
            add(steps, "close", s, RequestStatus.COMPLETED, RequestStatus.SIGNED_OFF, RequestStatus.CALLED_BACK);
            add(steps, "reopen", s, RequestStatus.COMPLETED, RequestStatus.SIGNED_OFF, RequestStatus.CALLED_BACK,
                    RequestStatus.CLOSED);
        }
        return steps;
    }

    /**
     * The next step of the procedure and whose it is: the handler's own work (start, complete, resume) is the
     * handler's; dispatch, callback and close are the desk's (by permission); a key customer's request waits for a
     * supervisor's satisfied callback before close, as {@code ServiceRequest.close} requires.
     */
    static NextStep next(ServiceDeskViews.Detail r, CurrentUser me) {
        boolean callback = me.can(ServiceDeskPermissions.CALLBACK);
        boolean supervisor = "CS_SUPERVISOR".equals(me.position()) || "CS_MANAGER".equals(me.position());
        boolean satisfied = r.callback() != null && r.callback().satisfaction() != null && r.callback().satisfaction().satisfied();
        return switch (r.status()) {
            case REGISTERED -> me.can(ServiceDeskPermissions.DISPATCH)
                    ? NextStep.act("dispatch", "sdp.action.dispatch", "dispatch-form")
                    : NextStep.waiting("dispatch", "sdp.action.dispatch", "nextstep.wait.dispatch",
                            NextStep.position("CS_SUPERVISOR"));
            case DISPATCHED -> handlers(r, me, "start", "sdp.action.start", "do-start");
            case IN_PROGRESS -> handlers(r, me, "complete", "sdp.action.complete", "complete-form");
            case PAUSED -> handlers(r, me, "resume", "sdp.action.resume", "do-resume");
            case COMPLETED, SIGNED_OFF, CALLED_BACK -> {
                boolean needsCallback = r.keyCustomer() ? !(satisfied && r.callback().bySupervisor())
                        : r.callbackRequired() && !satisfied;
                if (!needsCallback) {
                    yield callback ? NextStep.act("close", "sdp.action.close", "do-close")
                            : NextStep.waiting("close", "sdp.action.close", "nextstep.wait.close",
                                    NextStep.position("CS_SUPERVISOR"));
                }
                if (r.keyCustomer()) {
                    yield callback && supervisor ? NextStep.act("callback", "sdp.action.callback", "callback-form")
                            : NextStep.waiting("callback", "sdp.action.callback", "nextstep.wait.keyCallback",
                                    NextStep.position("CS_SUPERVISOR"));
                }
                yield callback ? NextStep.act("callback", "sdp.action.callback", "callback-form")
                        : NextStep.waiting("callback", "sdp.action.callback", "nextstep.wait.callback",
                                NextStep.position("CS_SUPERVISOR"));
            }
            case CLOSED -> null;
        };
    }

    /** The handler's own step: the assignee's; without one, the department's to assign. */
    private static NextStep handlers(ServiceDeskViews.Detail r, CurrentUser me, String action, String label,
                                     String target) {
        if (r.assigneeId() == null) {
            return me.can(ServiceDeskPermissions.HANDLE) && java.util.Objects.equals(me.departmentId(), r.departmentId())
                    ? NextStep.act(action, label, target)
                    : NextStep.waiting(action, label, "nextstep.wait.assign", r.departmentName());
        }
        return r.assigneeId() == me.id() && me.can(ServiceDeskPermissions.HANDLE) ? NextStep.act(action, label, target)
                : NextStep.waiting(action, label, "nextstep.wait.person", r.assigneeName());
    }

    private static void add(java.util.Set<String> steps, String step, RequestStatus current, RequestStatus... allowed) {
        if (java.util.Arrays.asList(allowed).contains(current)) {
            steps.add(step);
        }
    }

    @RequiresPermission(ServiceDeskPermissions.DISPATCH)
    @PostMapping("/service-requests/{id}/dispatch")
    String dispatch(@PathVariable long id, @Valid @ModelAttribute PageForms.Dispatch form, BindingResult errors,
                    RedirectAttributes flash) {
        return step(id, errors, flash, () -> desk.dispatch(id, new ServiceDeskCommands.Dispatch(form.departmentId(),
                form.assigneeId(), support.offset(form.internalDeadline()), form.version())));
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/service-requests/{id}/reassign")
    String reassign(@PathVariable long id, @Valid @ModelAttribute PageForms.Reassign form, BindingResult errors,
                    RedirectAttributes flash) {
        return step(id, errors, flash, () -> desk.reassign(id, new ServiceDeskCommands.Reassign(form.assigneeId(),
                support.offset(form.internalDeadline()), form.reason(), form.version())));
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/service-requests/{id}/hand-back")
    String handBack(@PathVariable long id, @Valid @ModelAttribute ServiceDeskCommands.WithReason form,
                    BindingResult errors, RedirectAttributes flash) {
        return step(id, errors, flash, () -> desk.handBack(id, form));
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/service-requests/{id}/start")
    String start(@PathVariable long id, @ModelAttribute ServiceDeskCommands.Step form, BindingResult errors,
                 RedirectAttributes flash) {
        return step(id, errors, flash, () -> desk.start(id, form));
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/service-requests/{id}/pause")
    String pause(@PathVariable long id, @Valid @ModelAttribute ServiceDeskCommands.Pause form, BindingResult errors,
                 RedirectAttributes flash) {
        return step(id, errors, flash, () -> desk.pause(id, form));
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/service-requests/{id}/resume")
    String resume(@PathVariable long id, @ModelAttribute ServiceDeskCommands.Step form, BindingResult errors,
                  RedirectAttributes flash) {
        return step(id, errors, flash, () -> desk.resume(id, form));
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/service-requests/{id}/notes")
    String note(@PathVariable long id, @Valid @ModelAttribute ServiceDeskCommands.AddNote form, BindingResult errors,
                RedirectAttributes flash) {
        return step(id, errors, flash, () -> desk.addNote(id, form));
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/service-requests/{id}/materials")
    String material(@PathVariable long id, @Valid @ModelAttribute ServiceDeskCommands.AddMaterial form,
                    BindingResult errors, RedirectAttributes flash) {
        return step(id, errors, flash, () -> desk.addMaterial(id, form));
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/service-requests/{id}/complete")
    String complete(@PathVariable long id, @Valid @ModelAttribute ServiceDeskCommands.Complete form,
                    BindingResult errors, RedirectAttributes flash) {
        return step(id, errors, flash, () -> desk.complete(id, form));
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/service-requests/{id}/sign-off")
    String signOff(@PathVariable long id, @Valid @ModelAttribute PageForms.SignOff form, BindingResult errors,
                   @RequestParam(required = false) MultipartFile signature,
                   @RequestParam(required = false) String signatureImage, RedirectAttributes flash) throws IOException {
        byte[] upload = signature == null || signature.isEmpty() ? null : signature.getBytes();
        return step(id, errors, flash, () -> desk.signOff(id, new ServiceDeskCommands.SignOff(form.name(),
                support.offset(form.signedAt()), form.satisfied(), signatureImage(signature, upload, signatureImage),
                form.version())));
    }

    /**
     * The signature as a data URL: an uploaded file (checked by the platform's upload rules: type by its bytes,
     * at most 256 KB, PNG or JPEG) wins over the on-screen pad's PNG, which the domain checks by its bytes too.
     */
    private static String signatureImage(MultipartFile file, byte[] bytes, String pad) {
        if (bytes != null) {
            var checked = UploadedFiles.check(file.getOriginalFilename(), file.getContentType(), bytes,
                    DataSize.ofKilobytes(256));
            if (!checked.contentType().equals("image/png") && !checked.contentType().equals("image/jpeg")) {
                throw new InvalidInputException("signature", "content-type",
                        com.careloop.platform.Text.of("error.servicedesk.signature-png-jpeg"));

            }
            return "data:" + checked.contentType() + ";base64," + Base64.getEncoder().encodeToString(checked.bytes());
        }
        return pad == null || pad.isBlank() ? null : pad;
    }

    @RequiresPermission(ServiceDeskPermissions.CALLBACK)
    @PostMapping("/service-requests/{id}/callback")
    String callback(@PathVariable long id, @Valid @ModelAttribute ServiceDeskCommands.Callback form,
                    BindingResult errors, RedirectAttributes flash) {
        return step(id, errors, flash, () -> desk.callback(id, form));
    }

    @RequiresPermission(ServiceDeskPermissions.CALLBACK)
    @PostMapping("/service-requests/{id}/close")
    String close(@PathVariable long id, @ModelAttribute ServiceDeskCommands.Step form, BindingResult errors,
                 RedirectAttributes flash) {
        return step(id, errors, flash, () -> desk.close(id, form));
    }

    @RequiresPermission(ServiceDeskPermissions.CALLBACK)
    @PostMapping("/service-requests/{id}/reopen")
    String reopen(@PathVariable long id, @Valid @ModelAttribute ServiceDeskCommands.WithReason form,
                  BindingResult errors, RedirectAttributes flash) {
        return step(id, errors, flash, () -> desk.reopen(id, form));
    }

    // ---- outcomes ----------------------------------------------------------------------------

    private static String back(long id) {
        return "redirect:/service-requests/" + id;
    }

    /**
     * One step from a form: bad fields flash their message, otherwise the step runs; then the request page
     * again, or, for the queue's htmx buttons, a full refresh of the queue.
     */
    private static String step(long id, BindingResult errors, RedirectAttributes flash, Runnable step) {
        if (reject(errors, flash)) {
            return back(id);
        }
        step.run();
        var web = (org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes();
        if (web.getRequest().getHeader("HX-Request") != null) {
            HttpServletResponse response = web.getResponse();
            response.setHeader("HX-Refresh", "true");
            return "servicedesk/fragments :: outcome";
        }
        flash.addFlashAttribute("success", "saved");
        return back(id);
    }

    /**
     * A refused step (409) or a stale version: the message on the page, never an error page. The stale
     * version gets the plain "changed by someone else, refresh" in the reader's language.
     */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, HttpServletResponse response,
                   RedirectAttributes flash, Model model) {
        String message = ex instanceof OptimisticLockingFailureException ? support.message("sdp.error.stale")
                : ex.getMessage();
        if (request.getHeader("HX-Request") != null) {
            model.addAttribute("message", message);
            return "servicedesk/fragments :: outcome";
        }
        flash.addFlashAttribute("error", message);
        String path = request.getRequestURI();
        var m = java.util.regex.Pattern.compile("^/service-requests/(\\d+)/").matcher(path);
        return m.find() ? back(Long.parseLong(m.group(1))) : "redirect:/service-requests";
    }
}
