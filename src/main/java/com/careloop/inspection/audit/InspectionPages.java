package com.careloop.inspection.audit;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.inspection.AuditKind;
import com.careloop.inspection.AuditReadiness;
import com.careloop.inspection.AuditDeliverables;
import com.careloop.inspection.AuditSchedules;
import com.careloop.inspection.InspectionCommands.AssignOwner;
import com.careloop.inspection.InspectionCommands.MarkPortal;
import com.careloop.inspection.InspectionCommands.NewDeliverable;
import com.careloop.inspection.InspectionCommands.CheckReadiness;
import com.careloop.inspection.InspectionCommands.MarkReadiness;
import com.careloop.inspection.InspectionCommands.NewSchedule;
import com.careloop.inspection.InspectionViews.Schedule;
import com.careloop.inspection.InspectionCommands.Reply;
import com.careloop.inspection.AuditStatus;
import com.careloop.inspection.Audits;
import com.careloop.inspection.ChecklistTemplates;
import com.careloop.inspection.FindingStatus;
import com.careloop.inspection.InspectionCommands.AddFinding;
import com.careloop.inspection.InspectionCommands.Answer;
import com.careloop.inspection.InspectionCommands.AssessRisk;
import com.careloop.inspection.InspectionCommands.Correct;
import com.careloop.inspection.InspectionCommands.Decide;
import com.careloop.inspection.InspectionCommands.OpenCapaFor;
import com.careloop.inspection.InspectionCommands.PlanAudit;
import com.careloop.inspection.InspectionPermissions;
import com.careloop.inspection.InspectionViews;
import com.careloop.inspection.InspectionViews.FindingFilter;
import com.careloop.inspection.Severity;
import com.careloop.inspection.TemplateStatus;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of audits: the list with the plan form, the audit page (PDCA folders, earlier findings of the counterpart,
 * the checklist one section at a time with camera capture and answers saved per item, findings with CAPA or
 * correction, the pre-contract risk and decision), the findings list with search and export, the report print view,
 * and the checklist templates with publish / retire / new revision.
 */
@Controller
class InspectionPages {

    private static final Pattern AUDIT_PATH = Pattern.compile("^/audits/(\\d+)");
    private static final Pattern SCHEDULE_PATH = Pattern.compile("^/audits/schedules/(\\d+)$");
    private static final Pattern READINESS_PATH = Pattern.compile("^/audits/readiness/(\\d+)");

    private final Audits audits;
    private final ChecklistTemplates templates;
    private final InspectionOutput output;
    private final AuditReadiness readiness;
    private final AuditSchedules schedules;
    private final InspectionStatistics statistics;
    private final TemplateExcel excel;
    private final org.springframework.context.MessageSource messages;
    private final AuditDeliverables deliverables;
    private final com.careloop.inspection.CustomerRequirements requirements;
    private final com.careloop.inspection.AuditFactoryProfiles profiles;
    private final com.careloop.inspection.DocumentLinks documents;

    InspectionPages(Audits audits, ChecklistTemplates templates, InspectionOutput output, AuditReadiness readiness,
                    AuditSchedules schedules, InspectionStatistics statistics, TemplateExcel excel,
                    org.springframework.context.MessageSource messages, AuditDeliverables deliverables,
                    com.careloop.inspection.CustomerRequirements requirements,
                    com.careloop.inspection.AuditFactoryProfiles profiles,
                    com.careloop.inspection.DocumentLinks documents) {
        this.documents = documents;
        this.profiles = profiles;
        this.requirements = requirements;
        this.deliverables = deliverables;
        this.messages = messages;
        this.excel = excel;
        this.statistics = statistics;
        this.audits = audits;
        this.templates = templates;
        this.output = output;
        this.readiness = readiness;
        this.schedules = schedules;
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/audits")
    String list(@RequestParam(required = false) AuditKind kind, @RequestParam(required = false) AuditStatus status,
                @RequestParam(required = false) String q, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", audits.search(kind, status, q, cursor, 50));
        model.addAttribute("kinds", AuditKind.values());
        model.addAttribute("statuses", AuditStatus.values());
        model.addAttribute("kind", kind);
        model.addAttribute("status", status);
        model.addAttribute("q", q);
        model.addAttribute("templates", templates.list(null, TemplateStatus.PUBLISHED));
        model.addAttribute("people", audits.people());
        model.addAttribute("schemes", Audits.SCHEMES);
        return "inspection/list";
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping("/audits")
    String plan(@RequestParam(required = false) Long templateId, @RequestParam(required = false) LocalDate auditDate,
                @RequestParam(required = false) String counterpart, @RequestParam(required = false) Long leadUserId,
                @RequestParam(required = false) List<Long> memberIds,
                @RequestParam(required = false) String customerAuditors,
                @RequestParam(required = false) List<String> schemes) {
        var a = audits.plan(new PlanAudit(templateId, auditDate, null, counterpart, leadUserId, memberIds,
                customerAuditors, schemes));
        return "redirect:/audits/" + a.id();
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/audits/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) Integer section, Model model) {
        var a = audits.detail(id);
        model.addAttribute("a", a);
        int s = section == null ? 0 : Math.max(0, Math.min(section, Math.max(0, a.sections().size() - 1)));
        model.addAttribute("sectionIndex", s);
        model.addAttribute("section", a.sections().isEmpty() ? null : a.sections().get(s));
        model.addAttribute("folders", Audits.FOLDERS);
        model.addAttribute("severities", Severity.values());
        model.addAttribute("readiness", readiness.board(id));
        model.addAttribute("overridden", audits.readinessOverridden(id));
        model.addAttribute("deliverables", deliverables.list(id));
        model.addAttribute("requirements", requirements.forAudit(id));
        model.addAttribute("document", documents.ofAudit(id));
        model.addAttribute("people", audits.people());
        return "inspection/detail";
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/audits/{id}/report")
    @ResponseBody
    String report(@PathVariable long id) {
        return output.reportHtml(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/{id}/start")
    String start(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        audits.start(id, version);
        return saved(id, flash);
    }

    /** One answer (the conduct page's script posts each on its own and keeps it in localStorage until it got through). */
    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/{id}/answers/{itemId}")
    String answer(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) String answer,
                  @RequestParam(required = false) Boolean notApplicable, @RequestParam(required = false) String note,
                  @RequestParam(required = false) Integer section, RedirectAttributes flash) {
        audits.answer(id, itemId, new Answer(answer, notApplicable, note));
        flash.addFlashAttribute("success", "saved");
        return "redirect:/audits/" + id + (section == null ? "" : "?section=" + section);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/{id}/owners")
    String assignOwner(@PathVariable long id, @RequestParam(required = false) Long itemId,
                       @RequestParam(required = false) Integer sectionNo, @RequestParam(required = false) Long userId,
                       @RequestParam(required = false) Integer section, RedirectAttributes flash) {
        // no item chosen: the whole section
        audits.assignOwner(id, new AssignOwner(itemId, itemId == null ? sectionNo : null, userId));
        flash.addFlashAttribute("success", "saved");
        return "redirect:/audits/" + id + (section == null ? "" : "?section=" + section);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/{id}/answers/{itemId}/photos")
    String photo(@PathVariable long id, @PathVariable long itemId, @RequestParam(required = false) MultipartFile file,
                 @RequestParam(required = false) Integer section, RedirectAttributes flash) {
        audits.addPhoto(id, itemId, InspectionApi.upload(file));
        flash.addFlashAttribute("success", "saved");
        return "redirect:/audits/" + id + (section == null ? "" : "?section=" + section);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/{id}/folders/{folder}")
    String folderFile(@PathVariable long id, @PathVariable String folder,
                      @RequestParam(required = false) MultipartFile file,
                      @RequestParam(required = false) LocalDate repliedOn, RedirectAttributes flash) {
        audits.addFile(id, folder, InspectionApi.upload(file), repliedOn);
        return saved(id, flash);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/{id}/deliverables")
    String addDeliverable(@PathVariable long id, @RequestParam(required = false) String name,
                          @RequestParam(required = false) Boolean required, @RequestParam(required = false) Long ownerUserId,
                          @RequestParam(required = false) LocalDate dueOn, RedirectAttributes flash) {
        deliverables.add(id, new NewDeliverable(name, required != null && required, ownerUserId, dueOn));
        return saved(id, flash);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/{id}/deliverables/{deliverableId}/file")
    String deliverableFile(@PathVariable long id, @PathVariable long deliverableId,
                           @RequestParam(required = false) MultipartFile file,
                           @RequestParam(required = false) String back, RedirectAttributes flash) {
        deliverables.attach(id, deliverableId, InspectionApi.upload(file));
        if ("mine".equals(back)) {
            flash.addFlashAttribute("success", "saved");
            return "redirect:/audits/deliverables";
        }
        return saved(id, flash);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/{id}/document-ref")
    String auditDocument(@PathVariable long id, @RequestParam(required = false) String documentRef,
                         RedirectAttributes flash) {
        documents.setForAudit(id, documentRef);
        return saved(id, flash);
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PostMapping("/checklist-templates/{id}/document-ref")
    String templateDocument(@PathVariable long id, @RequestParam(required = false) String documentRef) {
        documents.setForTemplate(id, documentRef);
        return "redirect:/checklist-templates/" + id;
    }

    /** The factory basic-information profile of an audit (000-A6), pre-filled from the counterpart's last audit. */
    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/audits/{id}/factory-profile")
    String factoryProfile(@PathVariable long id, Model model) {
        model.addAttribute("a", audits.detail(id));
        model.addAttribute("p", profiles.profile(id));
        return "inspection/factory-profile";
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/{id}/factory-profile")
    String saveFactoryProfile(@PathVariable long id,
                              @org.springframework.web.bind.annotation.ModelAttribute
                              com.careloop.inspection.InspectionCommands.FactoryProfileFields profile,
                              @RequestParam(required = false) Long version, RedirectAttributes flash) {
        profiles.save(id, new com.careloop.inspection.InspectionCommands.SaveFactoryProfile(profile, version));
        flash.addFlashAttribute("success", "saved");
        return "redirect:/audits/" + id + "/factory-profile";
    }

    /** The deliverables I owe (the work inbox line "deliverables I owe"), each with its upload form. */
    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/audits/deliverables")
    String myDeliverables(Model model) {
        model.addAttribute("owed", deliverables.mine());
        return "inspection/deliverables";
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/{id}/deliverables/{deliverableId}/portal")
    String deliverablePortal(@PathVariable long id, @PathVariable long deliverableId,
                             @RequestParam(required = false) LocalDate uploadedOn,
                             @RequestParam(required = false) Long version, RedirectAttributes flash) {
        deliverables.markPortal(id, deliverableId, new MarkPortal(uploadedOn, version));
        return saved(id, flash);
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PostMapping("/checklist-templates/{id}/deliverables")
    String templateDeliverables(@PathVariable long id, @RequestParam(required = false) String names,
                                @RequestParam(required = false) Long version) {
        templates.setDeliverables(id, names == null ? List.of() : names.lines().toList(), version);
        return "redirect:/checklist-templates/" + id;
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/audits/{id}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        return audits.download(id, fileId);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/audits/{id}/files/{fileId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable long fileId) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(audits.thumbnail(id, fileId));
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/{id}/finish")
    String finish(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        audits.finish(id, version);
        return saved(id, flash);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping("/audits/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) Long version, RedirectAttributes flash) {
        audits.close(id, version);
        return saved(id, flash);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/{id}/findings")
    String addFinding(@PathVariable long id, @RequestParam(required = false) String description,
                      @RequestParam(required = false) Severity severity, @RequestParam(required = false) Long departmentId,
                      @RequestParam(required = false) LocalDate dueOn,
                      @RequestParam(required = false) LocalDate replyDueOn, RedirectAttributes flash) {
        audits.addFinding(id, new AddFinding(description, severity, departmentId, dueOn, replyDueOn));
        return saved(id, flash);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/{id}/risk-assessment")
    String assess(@PathVariable long id, @RequestParam(required = false) String riskLevel,
                  @RequestParam(required = false) String riskNote, @RequestParam(required = false) String recommendation,
                  @RequestParam(required = false) Long version, RedirectAttributes flash) {
        audits.assessRisk(id, new AssessRisk(riskLevel, riskNote, recommendation, version));
        return saved(id, flash);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping("/audits/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String note, @RequestParam(required = false) Long version,
                  RedirectAttributes flash) {
        audits.decide(id, new Decide(decision, note, version));
        return saved(id, flash);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/findings/{findingId}/capa")
    String openCapa(@PathVariable long findingId, @RequestParam(required = false) Boolean eightD,
                    RedirectAttributes flash) {
        var f = audits.openCapa(findingId, new OpenCapaFor(eightD, null));
        return saved(f.auditId(), flash);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/findings/{findingId}/correction")
    String correct(@PathVariable long findingId, @RequestParam(required = false) String correction,
                   RedirectAttributes flash) {
        var f = audits.correct(findingId, new Correct(correction, null));
        return saved(f.auditId(), flash);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/audits/findings")
    String findings(@RequestParam(required = false) Long auditId, @RequestParam(required = false) Long departmentId,
                    @RequestParam(required = false) FindingStatus status,
                    @RequestParam(required = false) Severity severity, @RequestParam(required = false) String q,
                    @RequestParam(defaultValue = "false") boolean open, @RequestParam(defaultValue = "false") boolean overdue,
                    @RequestParam(required = false) String cursor, Model model, HttpServletRequest request) {
        FindingFilter filter = new FindingFilter(auditId, departmentId, status, severity, q == null || q.isBlank() ? null : q,
                open, overdue);
        model.addAttribute("page", audits.findings(filter, cursor, 50));
        model.addAttribute("filter", filter);
        model.addAttribute("statuses", FindingStatus.values());
        model.addAttribute("severities", Severity.values());
        model.addAttribute("departments", requirements.departments());
        model.addAttribute("query", request.getQueryString() == null ? "" : request.getQueryString());
        return "inspection/findings";
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/audits/findings/export")
    void export(@RequestParam(required = false) Long auditId, @RequestParam(required = false) Long departmentId,
                @RequestParam(required = false) FindingStatus status, @RequestParam(required = false) Severity severity,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean open,
                @RequestParam(defaultValue = "false") boolean overdue, HttpServletRequest request,
                HttpServletResponse response) {
        output.exportFindings(new FindingFilter(auditId, departmentId, status, severity, q, open, overdue),
                request.getQueryString(),
                response);
    }

    // ---- readiness (000-M2), customer replies, schedules ----

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/audits/readiness")
    String readinessBoard(Model model) {
        model.addAttribute("tasks", readiness.board(null));
        return "inspection/readiness";
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/audits/readiness/{taskId}")
    String readinessTask(@PathVariable long taskId, Model model) {
        model.addAttribute("d", readiness.task(taskId));
        return "inspection/readiness-task";
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/readiness/{taskId}/items/{itemId}")
    String markReadiness(@PathVariable long taskId, @PathVariable long itemId,
                         @RequestParam(required = false) String state, @RequestParam(required = false) String note,
                         RedirectAttributes flash) {
        readiness.mark(taskId, itemId, new MarkReadiness(state, note));
        flash.addFlashAttribute("success", "saved");
        return "redirect:/audits/readiness/" + taskId;
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/readiness/{taskId}/items/{itemId}/evidence")
    String readinessEvidence(@PathVariable long taskId, @PathVariable long itemId,
                             @RequestParam(required = false) MultipartFile file, RedirectAttributes flash) {
        readiness.addEvidence(taskId, itemId, InspectionApi.upload(file));
        flash.addFlashAttribute("success", "saved");
        return "redirect:/audits/readiness/" + taskId;
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/readiness/{taskId}/check")
    String checkReadiness(@PathVariable long taskId, @RequestParam(required = false) LocalDate dueOn,
                          @RequestParam(required = false) Long version, RedirectAttributes flash) {
        readiness.check(taskId, new CheckReadiness(dueOn, version));
        flash.addFlashAttribute("success", "saved");
        return "redirect:/audits/readiness/" + taskId;
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping("/audits/{id}/readiness-override")
    String overrideReadiness(@PathVariable long id, @RequestParam(required = false) String note,
                             RedirectAttributes flash) {
        audits.overrideReadiness(id, note);
        return saved(id, flash);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping("/audits/findings/{findingId}/reply")
    String reply(@PathVariable long findingId, RedirectAttributes flash) {
        var f = audits.reply(findingId, new Reply(null));
        return saved(f.auditId(), flash);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @GetMapping("/audits/schedules")
    String schedules(Model model) {
        model.addAttribute("schedules", schedules.list());
        model.addAttribute("templates", templates.list(null, TemplateStatus.PUBLISHED));
        model.addAttribute("people", audits.people());
        return "inspection/schedules";
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping("/audits/schedules")
    String createSchedule(@RequestParam(required = false) String templateCode,
                          @RequestParam(required = false) String counterpart,
                          @RequestParam(required = false) Long leadUserId, @RequestParam(required = false) Integer everyN,
                          @RequestParam(required = false) String unit, @RequestParam(required = false) LocalDate nextDate,
                          @RequestParam(required = false) Integer aheadDays, RedirectAttributes flash) {
        schedules.create(new NewSchedule(templateCode, null, counterpart, leadUserId, List.of(), everyN, unit, nextDate,
                aheadDays));
        flash.addFlashAttribute("success", "saved");
        return "redirect:/audits/schedules";
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @GetMapping("/audits/schedules/{scheduleId}")
    String editSchedule(@PathVariable long scheduleId, Model model) {
        model.addAttribute("s", schedules.schedule(scheduleId));
        model.addAttribute("templates", templates.list(null, TemplateStatus.PUBLISHED));
        model.addAttribute("people", audits.people());
        return "inspection/schedule";
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping("/audits/schedules/{scheduleId}")
    String updateSchedule(@PathVariable long scheduleId, @RequestParam(required = false) String templateCode,
                          @RequestParam(required = false) String counterpart,
                          @RequestParam(required = false) Long leadUserId, @RequestParam(required = false) Integer everyN,
                          @RequestParam(required = false) String unit, @RequestParam(required = false) LocalDate nextDate,
                          @RequestParam(required = false) Integer aheadDays, @RequestParam(required = false) Long version,
                          RedirectAttributes flash) {
        Schedule before = schedules.schedule(scheduleId);
        schedules.update(scheduleId, new NewSchedule(templateCode, before.customerId(), counterpart, leadUserId,
                before.memberIds(), everyN, unit, nextDate, aheadDays), version);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/audits/schedules";
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping("/audits/schedules/{scheduleId}/stop")
    String stopSchedule(@PathVariable long scheduleId, RedirectAttributes flash) {
        schedules.stop(scheduleId, null);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/audits/schedules";
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/audits/statistics")
    String statistics(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                      Model model) {
        model.addAttribute("s", statistics.statistics(from, to));
        return "inspection/statistics";
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/audits/statistics/export")
    void statisticsExport(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                          HttpServletResponse response) {
        statistics.export(from, to, LocaleContextHolder.getLocale(), response);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/checklist-templates")
    String templates(Model model) {
        model.addAttribute("templates", templates.list(null, null));
        return "inspection/templates";
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/checklist-templates/{id}")
    String template(@PathVariable long id, Model model) {
        model.addAttribute("t", templates.template(id));
        List<String> deliverables = templates.deliverables(id);
        model.addAttribute("deliverables", deliverables);
        model.addAttribute("deliverableText", String.join("\n", deliverables));
        model.addAttribute("document", documents.ofTemplate(id));
        return "inspection/template";
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping("/checklist-templates/{id}/export")
    ResponseEntity<byte[]> exportTemplate(@PathVariable long id) {
        return excel.export(id);
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PostMapping("/checklist-templates/import")
    String importTemplate(@RequestParam(required = false) MultipartFile file,
                          @RequestParam(required = false) String code) {
        var u = InspectionApi.upload(file);
        return "redirect:/checklist-templates/" + excel.importDraft(u == null ? null : u.bytes(), code).id();
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PostMapping("/checklist-templates/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes flash) {
        templates.publish(id, null);
        return "redirect:/checklist-templates/" + id;
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PostMapping("/checklist-templates/{id}/retire")
    String retire(@PathVariable long id) {
        templates.retire(id, null);
        return "redirect:/checklist-templates/" + id;
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PostMapping("/checklist-templates/{id}/revisions")
    String newRevision(@PathVariable long id) {
        return "redirect:/checklist-templates/" + templates.newRevision(id).id();
    }

    private static String saved(long id, RedirectAttributes flash) {
        flash.addFlashAttribute("success", "saved");
        return "redirect:/audits/" + id;
    }

    /** A refused step (409) or bad input (422): the message on the page it came from, . */
    @ExceptionHandler({DomainException.class, InvalidInputException.class,
            org.springframework.dao.OptimisticLockingFailureException.class})
    String refused(RuntimeException ex, HttpServletRequest request, HttpServletResponse response,
                   RedirectAttributes flash) {
        flashRefusal(ex, flash, messages);
        Matcher r = READINESS_PATH.matcher(request.getRequestURI());
        if (r.find()) {
            return "redirect:/audits/readiness/" + r.group(1);
        }
        Matcher sch = SCHEDULE_PATH.matcher(request.getRequestURI());
        if (sch.find()) {
            return "redirect:/audits/schedules/" + sch.group(1);
        }
        if (request.getRequestURI().startsWith("/audits/schedules")) {
            return "redirect:/audits/schedules";
        }
        Matcher m = AUDIT_PATH.matcher(request.getRequestURI());
        if (m.find()) {
            return "redirect:/audits/" + m.group(1);
        }
        if (request.getRequestURI().startsWith("/checklist-templates")) {
            return "redirect:/checklist-templates";
        }
        return "redirect:/audits";
    }

    /** The refusal's message as the page's flash error: the field and rule of bad input, the stale-edit text for 409. */
    static void flashRefusal(RuntimeException ex, RedirectAttributes flash,
                             org.springframework.context.MessageSource messages) {
        String message = ex instanceof org.springframework.dao.OptimisticLockingFailureException
                ? messages.getMessage("error.inspection.stale", null, LocaleContextHolder.getLocale())
                : ex.getMessage();
        if (ex instanceof InvalidInputException invalid) {
            message = invalid.field() + ": " + message;
        }
        flash.addFlashAttribute("error", message);
    }
}
