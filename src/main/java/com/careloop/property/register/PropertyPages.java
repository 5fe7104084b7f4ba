package com.careloop.property.register;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.property.CustomerDecision;
import com.careloop.property.CustomerProperties;
import com.careloop.property.ProblemKind;
import com.careloop.property.PropertyCommands;
import com.careloop.property.PropertyCondition;
import com.careloop.property.PropertyKind;
import com.careloop.property.PropertyPermissions;
import com.careloop.property.PropertyStatus;
import com.careloop.property.PropertyViews;
import com.careloop.property.PropertyViews.Detail;
import com.careloop.property.PropertyViews.Filter;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register's pages: the list with its filters (customer, kind, location, department, status, inspection overdue),
 * Excel export and the printable register R-QP-005-04; the registration form with the arrival check; the item with
 * where it is now, its history, feedback, movements, inspections and problem reports and the forms of the steps the
 * reader may take; the department's inspection queue. A refused step comes back as a message on the page.
 */
@Controller
class PropertyPages {

    record Option(long id, String name) {
    }

    /** The registration form (flat, the page's fields). */
    record RegisterForm(Long customerId, PropertyKind kind, String itemName, String spec, BigDecimal quantity,
                        String unit, LocalDate receivedOn, String receiverName, String marking, String storageLocation,
                        Long owningDepartmentId, Long handedToDepartmentId, Boolean confidential,
                        List<Long> accessDepartmentIds, String remark, Boolean verify, Boolean specChecked,
                        Boolean quantityChecked, Boolean passed, String inspectorName, String verificationNote,
                        String designatedUse) {
    }

    private static final Pattern ITEM_PATH = Pattern.compile("^/customer-properties/(\\d+)");
    private static final String LIST = "/customer-properties";

    private final CustomerProperties properties;
    private final PropertyListExport export;
    private final PropertyPrint print;
    private final PropertyProblemRepository problems;
    private final JdbcClient jdbc;
    private final MessageSource messages;
    private final CurrentUsers users;
    private final java.time.Clock clock;
    private final java.time.ZoneId zone;
    private final PropertySettings settings;
    private final com.careloop.platform.OrgDirectory directory;

    PropertyPages(CustomerProperties properties, PropertyListExport export, PropertyPrint print,
                  PropertyProblemRepository problems, JdbcClient jdbc, MessageSource messages, CurrentUsers users,
                  java.time.Clock clock, com.careloop.platform.CareLoopProperties platform, PropertySettings settings,
                  com.careloop.platform.OrgDirectory directory) {
        this.settings = settings;
        this.directory = directory;
        this.clock = clock;
        this.zone = platform.zone();
        this.properties = properties;
        this.export = export;
        this.print = print;
        this.problems = problems;
        this.jdbc = jdbc;
        this.messages = messages;
        this.users = users;
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping(LIST)
    String list(@ModelAttribute("filter") Filter filter, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String cursor, Model model) {
        Filter f = clean(filter);
        model.addAttribute("filter", f);
        model.addAttribute("sort", sort);
        model.addAttribute("page", properties.search(f, sort, cursor, 50));
        model.addAttribute("kinds", PropertyKind.values());
        model.addAttribute("statuses", PropertyStatus.values());
        model.addAttribute("departments", departments());
        return "property/list";
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping(LIST + "/export")
    void export(@ModelAttribute Filter filter, @RequestParam(required = false) String sort, HttpServletRequest request,
                HttpServletResponse response) {
        export.write(clean(filter), sort, request.getQueryString(), response);
    }

    /** The browser's print view of the register R-QP-005-04 with the list's filters. */
    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping(value = LIST + "/register", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String registerPrint(@ModelAttribute Filter filter) {
        return print.registerHtml(clean(filter), LocaleContextHolder.getLocale());
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping(LIST + "/inspections")
    String inspections(@RequestParam(required = false) Long departmentId, Model model) {
        var tasks = properties.openInspections(departmentId, 500);
        model.addAttribute("tasks", tasks);
        model.addAttribute("departmentId", departmentId);
        model.addAttribute("locations", tasks.stream().map(PropertyViews.Task::storageLocation)
                .filter(java.util.Objects::nonNull).distinct().sorted().toList());
        return "property/inspections";
    }

    @RequiresPermission(PropertyPermissions.CONFIGURE)
    @GetMapping(LIST + "/settings")
    String settings(Model model) {
        model.addAttribute("s", settings.current());
        return "property/settings";
    }

    @RequiresPermission(PropertyPermissions.CONFIGURE)
    @PostMapping(LIST + "/settings")
    String saveSettings(@ModelAttribute PropertySettings.Values form, RedirectAttributes flash) {
        settings.save(form);
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + LIST + "/settings";
    }

    @RequiresPermission(PropertyPermissions.INSPECT)
    @PostMapping(LIST + "/inspections/batch")
    String inspectLocation(@RequestParam(required = false) Long departmentId,
                           @ModelAttribute PropertyCommands.InspectLocation form, RedirectAttributes flash) {
        int n = properties.inspectLocation(departmentId, form);
        flash.addFlashAttribute("notice", messages.getMessage("property.batch.done",
                new Object[] {n, form.location()}, LocaleContextHolder.getLocale()));
        return "redirect:" + LIST + "/inspections" + (departmentId == null ? "" : "?departmentId=" + departmentId);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @GetMapping(LIST + "/new")
    String newItem(@RequestParam(required = false) Long customerId, Model model) {
        model.addAttribute("customerId", customerId);
        model.addAttribute("kinds", PropertyKind.values());
        model.addAttribute("departments", departments());
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        return "property/new";
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/new")
    String register(@ModelAttribute RegisterForm form) {
        PropertyCommands.Verify verify = Boolean.TRUE.equals(form.verify())
                ? new PropertyCommands.Verify(form.specChecked(), form.quantityChecked(),
                Boolean.TRUE.equals(form.passed()), form.inspectorName(), form.verificationNote(), null) : null;
        Detail d = properties.register(new PropertyCommands.Register(form.customerId(), form.kind(), form.itemName(),
                form.spec(), form.quantity(), form.unit(), form.receivedOn(), form.receiverName(), form.marking(),
                form.storageLocation(), form.owningDepartmentId(), form.handedToDepartmentId(), form.confidential(),
                form.accessDepartmentIds(), form.remark(), verify, form.designatedUse()));
        return "redirect:" + LIST + "/" + d.id();
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping(LIST + "/{id}")
    String detail(@PathVariable long id, Model model) {
        Detail p = properties.detail(id);
        CurrentUser me = users.require();
        model.addAttribute("p", p);
        model.addAttribute("departments", departments());
        model.addAttribute("conditions", PropertyCondition.values());
        model.addAttribute("problemKinds", ProblemKind.values());
        model.addAttribute("decisions", CustomerDecision.values());
        model.addAttribute("canRegister", me.can(PropertyPermissions.REGISTER));
        model.addAttribute("canInspect", me.can(PropertyPermissions.INSPECT));
        model.addAttribute("myDepartment", me.departmentId());
        model.addAttribute("today", LocalDate.now(clock.withZone(zone)));
        model.addAttribute("taskOwners", java.util.stream.Stream.of(p.owningDepartmentId(), p.holderDepartmentId())
                .filter(java.util.Objects::nonNull).distinct().flatMap(d -> directory.activeMembers(d).stream())
                .sorted(java.util.Comparator.comparing(com.careloop.platform.OrgDirectory.User::displayName)
                        .thenComparing(com.careloop.platform.OrgDirectory.User::id))
                .map(u -> new Object[] {u.id(), u.displayName()}).toList());
        return "property/detail";
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping(value = LIST + "/{id}/card", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String card(@PathVariable long id) {
        return print.cardHtml(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping(LIST + "/{id}/card.pdf")
    org.springframework.http.ResponseEntity<byte[]> cardPdf(@PathVariable long id) {
        return print.cardPdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping(value = LIST + "/problems/{problemId}/report", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String problemReport(@PathVariable long problemId) {
        return print.problemHtml(problemId, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping(LIST + "/problems/{problemId}/report.pdf")
    org.springframework.http.ResponseEntity<byte[]> problemPdf(@PathVariable long problemId) {
        return print.problemPdf(problemId, LocaleContextHolder.getLocale());
    }

    // ---- steps -------------------------------------------------------------------------------

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/{id}/verification")
    String verify(@PathVariable long id, @ModelAttribute PropertyCommands.Verify form, RedirectAttributes flash) {
        properties.verify(id, new PropertyCommands.Verify(form.specChecked(), form.quantityChecked(),
                Boolean.TRUE.equals(form.passed()), form.inspectorName(), form.note(), form.version()));
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/{id}/feedback/{feedbackId}/answer")
    String answer(@PathVariable long id, @PathVariable long feedbackId,
                  @ModelAttribute PropertyCommands.FeedbackAnswer form, RedirectAttributes flash) {
        properties.answerFeedback(id, feedbackId, form);
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/{id}/designated-use")
    String designatedUse(@PathVariable long id, @ModelAttribute PropertyCommands.DesignatedUse form,
                         RedirectAttributes flash) {
        properties.agreeDesignatedUse(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/{id}/use-consents")
    String useConsent(@PathVariable long id, @ModelAttribute PropertyCommands.UseConsent form,
                      RedirectAttributes flash) {
        properties.recordUseConsent(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/{id}/other-uses")
    String otherUse(@PathVariable long id, @ModelAttribute PropertyCommands.OtherUse form, RedirectAttributes flash) {
        properties.useForOtherPurpose(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/{id}/revisions")
    String revision(@PathVariable long id, @ModelAttribute PropertyCommands.Revision form, RedirectAttributes flash) {
        properties.receiveRevision(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/{id}/revisions/{revisionId}/withdrawal")
    String withdrawRevision(@PathVariable long id, @PathVariable long revisionId,
                            @ModelAttribute PropertyCommands.WithdrawRevision form, RedirectAttributes flash) {
        properties.withdrawRevision(id, revisionId, form);
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/{id}/revisions/{revisionId}/distribution")
    String distributeRevision(@PathVariable long id, @PathVariable long revisionId,
                              @ModelAttribute PropertyCommands.DistributeRevision form, RedirectAttributes flash) {
        properties.distributeRevision(id, revisionId, form);
        return saved(id, flash);
    }

    /** A department confirms its copy from the item page or from its list (back to where it came from). */
    @RequiresPermission(PropertyPermissions.VIEW)
    @PostMapping(LIST + "/{id}/revisions/{revisionId}/confirmations/{confirmationId}")
    String confirmCopy(@PathVariable long id, @PathVariable long revisionId, @PathVariable long confirmationId,
                       @ModelAttribute PropertyCommands.ConfirmCopy form,
                       @RequestParam(required = false) Boolean fromList, RedirectAttributes flash) {
        properties.confirmCopy(id, revisionId, confirmationId, form);
        if (Boolean.TRUE.equals(fromList)) {
            flash.addFlashAttribute("success", "saved");
            return "redirect:" + LIST + "/confirmations";
        }
        return saved(id, flash);
    }

    /**
     * The copies a department has still to confirm: receipts and returns/destructions (the inbox line's list), the
     * overdue ones marked; "overdue only" as a filter.
     */
    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping(LIST + "/confirmations")
    String confirmations(@RequestParam(required = false) Long departmentId,
                         @RequestParam(required = false) Boolean overdue, Model model) {
        CurrentUser me = users.require();
        model.addAttribute("open", properties.outstandingCopies(departmentId, Boolean.TRUE.equals(overdue), 500));
        model.addAttribute("overdueOnly", Boolean.TRUE.equals(overdue));
        model.addAttribute("overdueAfterDays", settings.effective().confirmationReminderDays());
        model.addAttribute("departmentId", departmentId != null ? departmentId : me.departmentId());
        model.addAttribute("mine", departmentId == null || departmentId.equals(me.departmentId()));
        model.addAttribute("departments", departments());
        return "property/confirmations";
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/{id}/hand-overs")
    String handOver(@PathVariable long id, @ModelAttribute PropertyCommands.HandOver form, RedirectAttributes flash) {
        properties.handOver(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @PostMapping(LIST + "/{id}/hand-overs/{movementId}/sign")
    String sign(@PathVariable long id, @PathVariable long movementId,
                @ModelAttribute PropertyCommands.SignHandOver form, RedirectAttributes flash) {
        properties.signHandOver(id, movementId, form);
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/{id}/return")
    String returnToCustomer(@PathVariable long id, @ModelAttribute PropertyCommands.End form, RedirectAttributes flash) {
        properties.returnToCustomer(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/{id}/scrap")
    String scrap(@PathVariable long id, @ModelAttribute PropertyCommands.End form, RedirectAttributes flash) {
        properties.scrap(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.INSPECT)
    @PostMapping(LIST + "/{id}/inspections/{inspectionId}")
    String inspect(@PathVariable long id, @PathVariable long inspectionId,
                   @ModelAttribute PropertyCommands.Inspect form, RedirectAttributes flash) {
        properties.inspect(id, inspectionId, form);
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/{id}/files")
    String attach(@PathVariable long id, @RequestParam(required = false) String slot,
                  @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                  RedirectAttributes flash) {
        properties.attach(id, slot == null ? CustomerProperties.PHOTO : slot, Uploads.of(file));
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.INSPECT)
    @PostMapping(LIST + "/{id}/inspections/{inspectionId}/photos")
    String inspectionPhoto(@PathVariable long id, @PathVariable long inspectionId,
                           @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file,
                           RedirectAttributes flash) {
        properties.attachInspectionPhoto(id, inspectionId, Uploads.of(file));
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping(LIST + "/{id}/files/{fileId}")
    org.springframework.http.ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        return properties.download(id, fileId);
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping(LIST + "/{id}/files/{fileId}/thumbnail")
    org.springframework.http.ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable long fileId) {
        return properties.thumbnail(id, fileId);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/{id}/problems")
    String reportProblem(@PathVariable long id, @ModelAttribute PropertyCommands.ReportProblem form,
                         RedirectAttributes flash) {
        properties.reportProblem(id, form);
        return saved(id, flash);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/problems/{problemId}/decision")
    String decide(@PathVariable long problemId, @ModelAttribute PropertyCommands.Decide form,
                  RedirectAttributes flash) {
        return saved(properties.decide(problemId, form).itemId(), flash);
    }

    /** The personal link for the customer, shown once on the item page for staff to send (mail, message, phone). */
    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/problems/{problemId}/link")
    String link(@PathVariable long problemId, @ModelAttribute PropertyCommands.SendLink form,
                RedirectAttributes flash) {
        var link = properties.issueLink(problemId, form);
        flash.addFlashAttribute("notice", messages.getMessage("property.link.created",
                new Object[] {link.url(), link.expiresOn().toString()}, LocaleContextHolder.getLocale()));
        return "redirect:" + LIST + "/" + properties.problem(problemId).itemId();
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/problems/{problemId}/task")
    String assignTask(@PathVariable long problemId, @ModelAttribute PropertyCommands.AssignTask form,
                      RedirectAttributes flash) {
        return saved(properties.assignTask(problemId, form).itemId(), flash);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/problems/{problemId}/task/done")
    String completeTask(@PathVariable long problemId, @ModelAttribute PropertyCommands.CompleteTask form,
                        RedirectAttributes flash) {
        return saved(properties.completeTask(problemId, form).itemId(), flash);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping(LIST + "/problems/{problemId}/capa")
    String openCapa(@PathVariable long problemId, RedirectAttributes flash) {
        return saved(properties.openCapa(problemId).itemId(), flash);
    }

    private static String saved(long itemId, RedirectAttributes flash) {
        flash.addFlashAttribute("success", "saved");
        return "redirect:" + LIST + "/" + itemId;
    }

    /** A refused step (409), bad input (422) or a stale version: the message on the page it came from. */
    @ExceptionHandler({DomainException.class, InvalidInputException.class, OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, RedirectAttributes flash) {
        String message = ex instanceof OptimisticLockingFailureException
                ? messages.getMessage("property.error.stale", null, LocaleContextHolder.getLocale()) : ex.getMessage();
        if (ex instanceof InvalidInputException invalid) {
            message = invalid.field() + ": " + message;
        }
        flash.addFlashAttribute("error", message);
        Matcher m = ITEM_PATH.matcher(request.getRequestURI());
        if (m.find()) {
            return "redirect:" + LIST + "/" + m.group(1);
        }
        Matcher problem = Pattern.compile("^/customer-properties/problems/(\\d+)").matcher(request.getRequestURI());
        if (problem.find()) {
            Long item = problems.findById(Long.parseLong(problem.group(1))).map(PropertyProblem::getItemId).orElse(null);
            if (item != null) {
                return "redirect:" + LIST + "/" + item;
            }
        }
        return "redirect:" + LIST + "/new";
    }

    private static Filter clean(Filter f) {
        if (f == null) {
            return Filter.none();
        }
        return new Filter(f.customerId(), f.kind(), blank(f.location()), f.departmentId(), f.status(),
                Boolean.TRUE.equals(f.inspectionDue()) ? Boolean.TRUE : null, blank(f.q()));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private List<Option> departments() {
        return directory.activeDepartments().stream().map(d -> new Option(d.id(), d.name())).toList();
    }
}
