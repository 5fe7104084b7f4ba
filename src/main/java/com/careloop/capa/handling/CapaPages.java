package com.careloop.capa.handling;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.capa.CapaCommands;
import com.careloop.capa.CapaPermissions;
import com.careloop.capa.CapaSources;
import com.careloop.capa.CapaStatus;
import com.careloop.capa.CapaViews;
import com.careloop.capa.CapaViews.Detail;
import com.careloop.capa.CapaViews.DrillDown;
import com.careloop.capa.CapaViews.Filter;
import com.careloop.capa.CorrectiveActions;
import com.careloop.capa.FishboneCategory;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NextStep;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static com.careloop.platform.Forms.reject;

/**
 * The CAPA pages: the list with its filters, the "new CAPA" form (manual, audit, inspection), the CAPA with its
 * step forms (htmx), timeline and history, and the printable 8D report. Every step posts the version the page
 * was rendered with; a refused or stale step comes back as a readable message, never an error page.
 */
@Controller
class CapaPages {

    record Option(long id, String name) {
    }

    private static final Pattern CAPA_PATH = Pattern.compile("^/capa/(\\d+)/");

    private final CorrectiveActions capas;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final CurrentUsers users;

    private final CapaListExport export;
    private final CapaEightD eightD;

    CapaPages(CorrectiveActions capas, JdbcClient jdbc, MessageSource messages, CurrentUsers users,
              CapaListExport export, CapaEightD eightD) {
        this.export = export;
        this.eightD = eightD;
        this.capas = capas;
        this.jdbc = jdbc;
        this.messages = messages;
        this.users = users;
    }

    @RequiresPermission(CapaPermissions.VIEW)
    @GetMapping("/capa")
    String list(@RequestParam(required = false) CapaStatus status, @RequestParam(required = false) String sourceType,
                @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Long departmentId,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
                @RequestParam(required = false) Long customerId, @ModelAttribute("drillDown") DrillDown drillDown,
                Model model) {
        Filter filter = filter(status, sourceType, overdue, departmentId, drillDown, customerId);
        model.addAttribute("filter", filter);
        model.addAttribute("sort", sort);
        model.addAttribute("page", capas.search(filter, sort, cursor, 50));
        model.addAttribute("statuses", CapaStatus.values());
        model.addAttribute("sourceTypes", CapaSources.ALL);
        model.addAttribute("departments", departments());
        return "capa/list";
    }

    /** The list as .xlsx: the page's filters and sort, every page of it (audited). */
    @RequiresPermission(CapaPermissions.VIEW)
    @GetMapping("/capa/export")
    void export(@RequestParam(required = false) CapaStatus status, @RequestParam(required = false) String sourceType,
                @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Long departmentId,
                @RequestParam(required = false) String sort, @RequestParam(required = false) Long customerId,
                @ModelAttribute DrillDown drillDown, jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) {
        export.write(filter(status, sourceType, overdue, departmentId, drillDown, customerId), sort, request.getQueryString(), response);
    }

    private static Filter filter(CapaStatus status, String sourceType, Boolean overdue, Long departmentId,
                                 DrillDown drillDown, Long customerId) {
        return new Filter(status, sourceType == null || sourceType.isBlank() ? null : sourceType,
                Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null, departmentId, customerId, drillDown);
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @GetMapping("/capa/new")
    String newCapa(Model model) {
        model.addAttribute("sourceTypes", CapaSources.MANUAL_ENTRY);
        model.addAttribute("departments", departments());
        return "capa/new";
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping("/capa/new")
    String create(@Valid @ModelAttribute CapaCommands.Open form, BindingResult errors, RedirectAttributes flash) {
        if (reject(errors, flash)) {
            return "redirect:/capa/new";
        }
        return "redirect:/capa/" + capas.openManually(form).id();
    }

    @RequiresPermission(CapaPermissions.VIEW)
    @GetMapping("/capa/{id}")
    String detail(@PathVariable long id, Model model) {
        Detail c = capas.detail(id);
        model.addAttribute("c", c);
        CurrentUser me = users.require();
        model.addAttribute("steps", steps(c, me));
        model.addAttribute("next", next(c, me));
        model.addAttribute("users", users());
        model.addAttribute("categories", FishboneCategory.values());
        return "capa/detail";
    }

    /** The browser's print view of the 8D report: the same document as the PDF, as A4 HTML. */
    @RequiresPermission(CapaPermissions.VIEW)
    @GetMapping(value = "/capa/{id}/8d", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String eightD(@PathVariable long id) {
        return eightD.html(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(CapaPermissions.VIEW)
    @GetMapping("/capa/{id}/8d.pdf")
    ResponseEntity<byte[]> eightDPdf(@PathVariable long id) {
        return eightD.pdf(id, LocaleContextHolder.getLocale());
    }

    // ---- steps -------------------------------------------------------------------------------

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping("/capa/{id}/containment")
    String contain(@PathVariable long id, @Valid @ModelAttribute CapaCommands.Contain form, BindingResult errors,
                   RedirectAttributes flash) {
        return step(id, errors, flash, () -> capas.containment(id, form));
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping("/capa/{id}/root-cause")
    String rootCause(@PathVariable long id, @Valid @ModelAttribute CapaPageForms.RootCause form, BindingResult errors,
                     RedirectAttributes flash) {
        return step(id, errors, flash, () -> capas.rootCause(id, new CapaCommands.RootCause(form.whys(),
                form.category(), form.statement(), form.version())));
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping("/capa/{id}/actions")
    String planAction(@PathVariable long id, @Valid @ModelAttribute CapaPageForms.PlanAction form,
                      BindingResult errors, RedirectAttributes flash) {
        return step(id, errors, flash, () -> capas.planAction(id, new CapaCommands.PlanAction(form.description(),
                form.ownerUserId(), form.dueDate(), form.version())));
    }

    @RequiresPermission(CapaPermissions.VIEW)
    @PostMapping("/capa/{id}/actions/{actionId}/done")
    String actionDone(@PathVariable long id, @PathVariable long actionId,
                      @Valid @ModelAttribute CapaCommands.ActionDone form, BindingResult errors,
                      RedirectAttributes flash) {
        return step(id, errors, flash, () -> capas.markActionDone(id, actionId, form));
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping("/capa/{id}/start-verification")
    String startVerification(@PathVariable long id, @ModelAttribute CapaCommands.StartVerification form,
                             BindingResult errors, RedirectAttributes flash) {
        return step(id, errors, flash, () -> capas.startVerification(id, form));
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping("/capa/{id}/effectiveness-checks")
    String check(@PathVariable long id, @Valid @ModelAttribute CapaCommands.CheckEffectiveness form,
                 BindingResult errors, RedirectAttributes flash) {
        return step(id, errors, flash, () -> capas.checkEffectiveness(id, form));
    }

    @RequiresPermission(CapaPermissions.CLOSE)
    @PostMapping("/capa/{id}/close")
    String close(@PathVariable long id, @Valid @ModelAttribute CapaCommands.Close form, BindingResult errors,
                 RedirectAttributes flash) {
        return step(id, errors, flash, () -> capas.close(id, form));
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping("/capa/{id}/team")
    String team(@PathVariable long id, @Valid @ModelAttribute CapaCommands.AddTeamMember form, BindingResult errors,
                RedirectAttributes flash) {
        return step(id, errors, flash, () -> capas.addTeamMember(id, form));
    }

    // ---- outcomes ----------------------------------------------------------------------------

    /**
     * One step from a form: bad fields are the message, otherwise the step runs; then the CAPA page again
     * (for an htmx form: a full refresh of it, or the message in the form's outcome slot).
     */
    private String step(long id, BindingResult errors, RedirectAttributes flash, Runnable step) {
        var web = (org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes();
        boolean htmx = web.getRequest().getHeader("HX-Request") != null;
        if (htmx && errors.hasErrors()) {
            web.getRequest().setAttribute("message", errors.getFieldErrors().stream()
                    .map(e -> e.getField() + ": " + messages.getMessage(e, LocaleContextHolder.getLocale()))
                    .reduce((a, b) -> a + "; " + b).orElse(""));
            return "capa/fragments :: outcome";
        }
        if (reject(errors, flash)) {
            return "redirect:/capa/" + id;
        }
        step.run();
        if (htmx) {
            web.getResponse().setHeader("HX-Refresh", "true");
            return "capa/fragments :: outcome";
        }
        flash.addFlashAttribute("success", "saved");
        return "redirect:/capa/" + id;
    }

    /** A refused step (409), bad input (422) or a stale version: the message on the page it came from. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash, Model model) {
        String message = ex instanceof OptimisticLockingFailureException
                ? messages.getMessage("capa.error.stale", null, LocaleContextHolder.getLocale()) : ex.getMessage();
        if (ex instanceof InvalidInputException invalid) {
            message = invalid.field() + ": " + message;
        }
        if (request.getHeader("HX-Request") != null) {
            model.addAttribute("message", message);
            return "capa/fragments :: outcome";
        }
        flash.addFlashAttribute("error", message);
        Matcher m = CAPA_PATH.matcher(request.getRequestURI());
        return m.find() ? "redirect:/capa/" + m.group(1) : "redirect:/capa/new";
    }

    /** The step forms the page offers: those the status allows and the reader's permissions grant. */
    static Set<String> steps(Detail c, CurrentUser me) {
        Set<String> steps = new HashSet<>();
        CapaStatus s = c.status();
        if (me.can(CapaPermissions.HANDLE)) {
            add(steps, "contain", s, CapaStatus.OPEN);
            add(steps, "root-cause", s, CapaStatus.OPEN, CapaStatus.CONTAINED, CapaStatus.ROOT_CAUSE_FOUND);
            add(steps, "plan", s, CapaStatus.ROOT_CAUSE_FOUND, CapaStatus.ACTIONS_PLANNED);
            add(steps, "start-verification", s, CapaStatus.ACTIONS_DONE);
            add(steps, "check", s, CapaStatus.VERIFICATION_PENDING);
            if (s != CapaStatus.CLOSED) {
                steps.add("team");
            }
        }
        if (me.can(CapaPermissions.CLOSE)) {
            add(steps, "close", s, CapaStatus.VERIFIED_EFFECTIVE);
        }
        if (s == CapaStatus.ACTIONS_PLANNED) {
            c.actions().stream().filter(a -> a.current() && !a.done()
                    && (me.can(CapaPermissions.HANDLE) || a.ownerId() == me.id()))
                    .forEach(a -> steps.add("done-" + a.id()));
        }
        return steps;
    }

    /**
     * The next step and whose it is: the CAPA's analysis and verification are the handlers' (by permission), each
     * action its owner's, the closure the quality manager's.
     */
    static NextStep next(Detail c, CurrentUser me) {
        boolean handle = me.can(CapaPermissions.HANDLE);
        Object handler = c.departmentName() != null ? c.departmentName() : NextStep.position("QUALITY_MANAGER");
        return switch (c.status()) {
            case OPEN, CONTAINED -> step(handle, "root-cause", "capa.step.rootCause", handler);
            case ROOT_CAUSE_FOUND -> step(handle, "plan", "capa.step.plan", handler);
            case ACTIONS_PLANNED -> {
                var open = c.actions().stream().filter(a -> a.current() && !a.done()).toList();
                var mine = open.stream().filter(a -> a.ownerId() == me.id()).findFirst();
                if (mine.isPresent()) {
                    yield NextStep.act("done-" + mine.get().id(), "capa.action.markDone", "done-form-" + mine.get().id());
                }
                yield open.isEmpty() ? step(handle, "plan", "capa.step.plan", handler)
                        : NextStep.waiting("actions", "capa.action.markDone", "nextstep.wait.actionOwners",
                                String.join("、", open.stream().map(CapaViews.Action::ownerName).distinct().toList()));
            }
            case ACTIONS_DONE -> step(handle, "start-verification", "capa.step.startVerification", handler);
            case VERIFICATION_PENDING -> step(handle, "check", "capa.step.check", handler);
            case VERIFIED_EFFECTIVE -> me.can(CapaPermissions.CLOSE) ? NextStep.act("close", "capa.step.close", "close-form")
                    : NextStep.waiting("close", "capa.step.close", "nextstep.wait.person", NextStep.position("QUALITY_MANAGER"));
            case CLOSED -> null;
        };
    }

    private static NextStep step(boolean allowed, String action, String label, Object owner) {
        return allowed ? NextStep.act(action, label, action + "-form")
                : NextStep.waiting(action, label, "nextstep.wait.person", owner);
    }

    private static void add(Set<String> steps, String step, CapaStatus current, CapaStatus... allowed) {
        if (Arrays.asList(allowed).contains(current)) {
            steps.add(step);
        }
    }

    private List<Option> departments() {
        return jdbc.sql("select id, name from org_department where active = true order by sort_order, id")
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list();
    }

    private List<Option> users() {
        return jdbc.sql("select id, display_name from org_user where active = true order by display_name, id")
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list();
    }
}
