package com.careloop.inspection.audit;

import java.time.LocalDate;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.careloop.inspection.AuditDeliverables;
import com.careloop.inspection.AuditKind;
import com.careloop.inspection.InspectionCommands.MarkPortal;
import com.careloop.inspection.InspectionViews;
import com.careloop.inspection.InspectionCommands.NewDeliverable;
import com.careloop.inspection.InspectionViews.Deliverable;
import com.careloop.inspection.AuditReadiness;
import com.careloop.inspection.AuditSchedules;
import com.careloop.inspection.InspectionCommands.CheckReadiness;
import com.careloop.inspection.InspectionCommands.MarkReadiness;
import com.careloop.inspection.InspectionCommands.NewSchedule;
import com.careloop.inspection.InspectionCommands.OverrideReadiness;
import com.careloop.inspection.InspectionCommands.Reply;
import com.careloop.inspection.InspectionViews.ReadinessTask;
import com.careloop.inspection.InspectionViews.ReadinessTaskDetail;
import com.careloop.inspection.InspectionViews.Schedule;
import com.careloop.inspection.AuditStatus;
import com.careloop.inspection.Audits;
import com.careloop.inspection.ChecklistTemplates;
import com.careloop.inspection.FindingStatus;
import com.careloop.inspection.InspectionCommands.AddFinding;
import com.careloop.inspection.InspectionCommands.Answer;
import com.careloop.inspection.InspectionCommands.AssessRisk;
import com.careloop.inspection.InspectionCommands.Correct;
import com.careloop.inspection.InspectionCommands.Decide;
import com.careloop.inspection.InspectionCommands.NewTemplate;
import com.careloop.inspection.InspectionCommands.OpenCapaFor;
import com.careloop.inspection.InspectionCommands.PlanAudit;
import com.careloop.inspection.InspectionCommands.Step;
import com.careloop.inspection.InspectionCommands.Upload;
import com.careloop.inspection.InspectionCommands;
import com.careloop.inspection.InspectionPermissions;
import com.careloop.inspection.InspectionViews;
import com.careloop.inspection.InspectionViews.AuditPage;
import com.careloop.inspection.InspectionViews.Finding;
import com.careloop.inspection.InspectionViews.FindingFilter;
import com.careloop.inspection.InspectionViews.FindingPage;
import com.careloop.inspection.InspectionViews.Question;
import com.careloop.inspection.InspectionViews.Template;
import com.careloop.inspection.InspectionViews.TemplateRow;
import com.careloop.inspection.Severity;
import com.careloop.inspection.TemplateStatus;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checklist templates and audits over JSON: {@code /api/v1/checklist-templates} (create, edit a draft, publish,
 * retire, new revision) and {@code /api/v1/audits} (plan, start, answer, photos, PDCA files, finish, findings, CAPA,
 * correction, risk assessment, decision, close, report PDF, findings search and Excel export).
 */
@RestController
class InspectionApi {

    static final String TEMPLATES = "/api/v1/checklist-templates";
    static final String AUDITS = "/api/v1/audits";

    private final ChecklistTemplates templates;
    private final Audits audits;
    private final InspectionOutput output;
    private final AuditReadiness readiness;
    private final AuditSchedules schedules;
    private final InspectionStatistics statistics;
    private final TemplateExcel excel;
    private final AuditDeliverables deliverables;
    private final com.careloop.inspection.AuditFactoryProfiles profiles;
    private final com.careloop.inspection.DocumentLinks documents;

    InspectionApi(ChecklistTemplates templates, Audits audits, InspectionOutput output, AuditReadiness readiness,
                  AuditSchedules schedules, InspectionStatistics statistics, TemplateExcel excel,
                  AuditDeliverables deliverables, com.careloop.inspection.AuditFactoryProfiles profiles,
                  com.careloop.inspection.DocumentLinks documents) {
        this.documents = documents;
        this.deliverables = deliverables;
        this.profiles = profiles;
        this.excel = excel;
        this.statistics = statistics;
        this.templates = templates;
        this.audits = audits;
        this.output = output;
        this.readiness = readiness;
        this.schedules = schedules;
    }

    // ---- templates ----

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(TEMPLATES)
    List<TemplateRow> templates(@RequestParam(required = false) AuditKind kind,
                                @RequestParam(required = false) TemplateStatus status) {
        return templates.list(kind, status);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(TEMPLATES + "/{id}")
    Template template(@PathVariable long id) {
        return templates.template(id);
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PostMapping(TEMPLATES)
    @ResponseStatus(HttpStatus.CREATED)
    Template create(@RequestBody NewTemplate body) {
        return templates.create(body);
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PutMapping(TEMPLATES + "/{id}")
    Template edit(@PathVariable long id, @RequestBody NewTemplate body,
                  @RequestParam(required = false) Long version) {
        return templates.edit(id, body, version);
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PostMapping(TEMPLATES + "/{id}/publish")
    Template publish(@PathVariable long id, @RequestBody(required = false) Step body) {
        return templates.publish(id, body == null ? null : body.version());
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PostMapping(TEMPLATES + "/{id}/retire")
    Template retire(@PathVariable long id, @RequestBody(required = false) Step body) {
        return templates.retire(id, body == null ? null : body.version());
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PostMapping(TEMPLATES + "/{id}/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    Template newRevision(@PathVariable long id) {
        return templates.newRevision(id);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(TEMPLATES + "/{id}/export")
    ResponseEntity<byte[]> exportTemplate(@PathVariable long id) {
        return excel.export(id);
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PostMapping(TEMPLATES + "/import")
    @ResponseStatus(HttpStatus.CREATED)
    Template importTemplate(@RequestParam(required = false) MultipartFile file,
                            @RequestParam(required = false) String code) {
        Upload u = upload(file);
        return excel.importDraft(u == null ? null : u.bytes(), code);
    }

    // ---- audits ----

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(AUDITS)
    @ResponseStatus(HttpStatus.CREATED)
    InspectionViews.Audit plan(@RequestBody PlanAudit body) {
        return audits.plan(body);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS)
    AuditPage search(@RequestParam(required = false) AuditKind kind, @RequestParam(required = false) AuditStatus status,
                     @RequestParam(required = false) String q, @RequestParam(required = false) String cursor,
                     @RequestParam(defaultValue = "50") int limit) {
        return audits.search(kind, status, q, cursor, limit);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/{id}")
    InspectionViews.Audit detail(@PathVariable long id) {
        return audits.detail(id);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/{id}/report.pdf")
    ResponseEntity<byte[]> report(@PathVariable long id) {
        return output.reportPdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/{id}/start")
    InspectionViews.Audit start(@PathVariable long id, @RequestBody(required = false) Step body) {
        return audits.start(id, body == null ? null : body.version());
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PutMapping(AUDITS + "/{id}/answers/{itemId}")
    Question answer(@PathVariable long id, @PathVariable long itemId, @RequestBody Answer body) {
        return audits.answer(id, itemId, body);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/{id}/answers/{itemId}/photos")
    @ResponseStatus(HttpStatus.CREATED)
    InspectionViews.File photo(@PathVariable long id, @PathVariable long itemId,
                               @RequestParam(required = false) MultipartFile file) {
        return audits.addPhoto(id, itemId, upload(file));
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/{id}/folders/{folder}")
    @ResponseStatus(HttpStatus.CREATED)
    InspectionViews.File folderFile(@PathVariable long id, @PathVariable String folder,
                                    @RequestParam(required = false) MultipartFile file,
                                    @RequestParam(required = false) LocalDate repliedOn) {
        return audits.addFile(id, folder, upload(file), repliedOn);
    }

    // ---- responsibility split (000-A1) ----

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/{id}/owners")
    java.util.Collection<InspectionViews.ItemOwner> owners(@PathVariable long id) {
        return audits.owners(id).values();
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PutMapping(AUDITS + "/{id}/owners")
    java.util.Collection<InspectionViews.ItemOwner> assignOwner(@PathVariable long id,
                                                               @RequestBody InspectionCommands.AssignOwner body) {
        return audits.assignOwner(id, body).values();
    }

    // ---- deliverables (000-A9, 000-F5) ----

    /** The deliverables every audit of a draft template revision will require, one name each. */
    record Deliverables(List<String> names, Long version) {
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(TEMPLATES + "/{id}/deliverables")
    List<String> templateDeliverables(@PathVariable long id) {
        return templates.deliverables(id);
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PutMapping(TEMPLATES + "/{id}/deliverables")
    List<String> setTemplateDeliverables(@PathVariable long id, @RequestBody Deliverables body) {
        return templates.setDeliverables(id, body.names(), body.version());
    }

    // ---- outside document system (000-A5) ----

    /** A reference into the document system: a path below the configured base URL or a full http(s) address. */
    record DocumentRef(String documentRef) {
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/{id}/document-ref")
    com.careloop.inspection.DocumentLinks.DocumentLink auditDocument(@PathVariable long id) {
        return documents.ofAudit(id);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PutMapping(AUDITS + "/{id}/document-ref")
    com.careloop.inspection.DocumentLinks.DocumentLink setAuditDocument(@PathVariable long id,
                                                                        @RequestBody DocumentRef body) {
        return documents.setForAudit(id, body.documentRef());
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(TEMPLATES + "/{id}/document-ref")
    com.careloop.inspection.DocumentLinks.DocumentLink templateDocument(@PathVariable long id) {
        return documents.ofTemplate(id);
    }

    @RequiresPermission(InspectionPermissions.CONFIGURE)
    @PutMapping(TEMPLATES + "/{id}/document-ref")
    com.careloop.inspection.DocumentLinks.DocumentLink setTemplateDocument(@PathVariable long id,
                                                                           @RequestBody DocumentRef body) {
        return documents.setForTemplate(id, body.documentRef());
    }

    // ---- factory basic-information profile (000-A6) ----

    /** The audit's factory profile: saved, or pre-filled from the counterpart's last audit ({@code saved} false). */
    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/{id}/factory-profile")
    InspectionViews.FactoryProfile factoryProfile(@PathVariable long id) {
        return profiles.profile(id);
    }

    /** Saves it (audit team or manager, audit not closed; version read → 409 when stale; bad input 422 naming it). */
    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PutMapping(AUDITS + "/{id}/factory-profile")
    InspectionViews.FactoryProfile saveFactoryProfile(@PathVariable long id,
                                                      @RequestBody InspectionCommands.SaveFactoryProfile body) {
        return profiles.save(id, body);
    }

    /** The deliverables the caller owes: theirs (or, unowned, of the audits they lead), without a file, audit open. */
    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/deliverables/mine")
    List<InspectionViews.OwedDeliverable> myDeliverables() {
        return deliverables.mine();
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/{id}/deliverables")
    List<Deliverable> deliverables(@PathVariable long id) {
        return deliverables.list(id);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/{id}/deliverables")
    @ResponseStatus(HttpStatus.CREATED)
    Deliverable addDeliverable(@PathVariable long id, @RequestBody NewDeliverable body) {
        return deliverables.add(id, body);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/{id}/deliverables/{deliverableId}/file")
    Deliverable deliverableFile(@PathVariable long id, @PathVariable long deliverableId,
                                @RequestParam(required = false) MultipartFile file) {
        return deliverables.attach(id, deliverableId, upload(file));
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/{id}/deliverables/{deliverableId}/portal")
    Deliverable deliverablePortal(@PathVariable long id, @PathVariable long deliverableId,
                                  @RequestBody(required = false) MarkPortal body) {
        return deliverables.markPortal(id, deliverableId, body);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/{id}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        return audits.download(id, fileId);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/{id}/files/{fileId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable long fileId) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_JPEG).body(audits.thumbnail(id, fileId));
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/{id}/finish")
    InspectionViews.Audit finish(@PathVariable long id, @RequestBody(required = false) Step body) {
        return audits.finish(id, body == null ? null : body.version());
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/{id}/findings")
    @ResponseStatus(HttpStatus.CREATED)
    Finding addFinding(@PathVariable long id, @RequestBody AddFinding body) {
        return audits.addFinding(id, body);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/{id}/risk-assessment")
    InspectionViews.Audit assessRisk(@PathVariable long id, @RequestBody AssessRisk body) {
        return audits.assessRisk(id, body);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(AUDITS + "/{id}/decision")
    InspectionViews.Audit decide(@PathVariable long id, @RequestBody Decide body) {
        return audits.decide(id, body);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(AUDITS + "/{id}/close")
    InspectionViews.Audit close(@PathVariable long id, @RequestBody(required = false) Step body) {
        return audits.close(id, body == null ? null : body.version());
    }

    // ---- findings ----

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/findings")
    FindingPage findings(@RequestParam(required = false) Long auditId, @RequestParam(required = false) Long departmentId,
                         @RequestParam(required = false) FindingStatus status,
                         @RequestParam(required = false) Severity severity, @RequestParam(required = false) String q,
                         @RequestParam(defaultValue = "false") boolean open,
                         @RequestParam(defaultValue = "false") boolean overdue,
                         @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return audits.findings(new FindingFilter(auditId, departmentId, status, severity, q, open, overdue), cursor,
                limit);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/findings/export")
    void export(@RequestParam(required = false) Long auditId, @RequestParam(required = false) Long departmentId,
                @RequestParam(required = false) FindingStatus status, @RequestParam(required = false) Severity severity,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "false") boolean open,
                @RequestParam(defaultValue = "false") boolean overdue, jakarta.servlet.http.HttpServletRequest request,
                HttpServletResponse response) {
        output.exportFindings(new FindingFilter(auditId, departmentId, status, severity, q, open, overdue),
                request.getQueryString(), response);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/findings/{findingId}")
    Finding finding(@PathVariable long findingId) {
        return audits.finding(findingId);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/findings/{findingId}/capa")
    Finding openCapa(@PathVariable long findingId, @RequestBody(required = false) OpenCapaFor body) {
        return audits.openCapa(findingId, body);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/findings/{findingId}/correction")
    Finding correct(@PathVariable long findingId, @RequestBody Correct body) {
        return audits.correct(findingId, body);
    }

    // ---- readiness (000-M2), customer replies, schedules ----

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/readiness")
    List<ReadinessTask> readinessBoard(@RequestParam(required = false) Long auditId) {
        return readiness.board(auditId);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/readiness/{taskId}")
    ReadinessTaskDetail readinessTask(@PathVariable long taskId) {
        return readiness.task(taskId);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PutMapping(AUDITS + "/readiness/{taskId}/items/{itemId}")
    ReadinessTaskDetail markReadiness(@PathVariable long taskId, @PathVariable long itemId,
                                      @RequestBody MarkReadiness body) {
        return readiness.mark(taskId, itemId, body);
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/readiness/{taskId}/items/{itemId}/evidence")
    @ResponseStatus(HttpStatus.CREATED)
    InspectionViews.File readinessEvidence(@PathVariable long taskId, @PathVariable long itemId,
                                           @RequestParam(required = false) MultipartFile file) {
        return readiness.addEvidence(taskId, itemId, upload(file));
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/readiness/{taskId}/check")
    ReadinessTaskDetail checkReadiness(@PathVariable long taskId, @RequestBody(required = false) CheckReadiness body) {
        return readiness.check(taskId, body);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(AUDITS + "/{id}/readiness-override")
    InspectionViews.Audit overrideReadiness(@PathVariable long id, @RequestBody OverrideReadiness body) {
        return audits.overrideReadiness(id, body == null ? null : body.note());
    }

    @RequiresPermission(InspectionPermissions.CONDUCT)
    @PostMapping(AUDITS + "/findings/{findingId}/reply")
    Finding reply(@PathVariable long findingId, @RequestBody(required = false) Reply body) {
        return audits.reply(findingId, body);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @GetMapping(AUDITS + "/schedules")
    List<Schedule> schedules() {
        return schedules.list();
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(AUDITS + "/schedules")
    @ResponseStatus(HttpStatus.CREATED)
    Schedule createSchedule(@RequestBody NewSchedule body) {
        return schedules.create(body);
    }

    /** The edit of a schedule: its fields as when created, and the version read. */
    record EditSchedule(String templateCode, Long customerId, String counterpart, Long leadUserId,
                        List<Long> memberIds, Integer everyN, String unit, java.time.LocalDate nextDate,
                        Integer aheadDays, Long version) {
        NewSchedule fields() {
            return new NewSchedule(templateCode, customerId, counterpart, leadUserId, memberIds, everyN, unit, nextDate,
                    aheadDays);
        }
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @GetMapping(AUDITS + "/schedules/{scheduleId}")
    Schedule schedule(@PathVariable long scheduleId) {
        return schedules.schedule(scheduleId);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PutMapping(AUDITS + "/schedules/{scheduleId}")
    Schedule updateSchedule(@PathVariable long scheduleId, @RequestBody EditSchedule body) {
        return schedules.update(scheduleId, body.fields(), body.version());
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(AUDITS + "/schedules/{scheduleId}/stop")
    Schedule stopSchedule(@PathVariable long scheduleId, @RequestBody(required = false) Step body) {
        return schedules.stop(scheduleId, body == null ? null : body.version());
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/statistics")
    InspectionViews.Statistics statistics(@RequestParam(required = false) java.time.LocalDate from,
                                          @RequestParam(required = false) java.time.LocalDate to) {
        return statistics.statistics(from, to);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(AUDITS + "/statistics/export")
    void statisticsExport(@RequestParam(required = false) java.time.LocalDate from,
                          @RequestParam(required = false) java.time.LocalDate to, HttpServletResponse response) {
        statistics.export(from, to, LocaleContextHolder.getLocale(), response);
    }

    static Upload upload(MultipartFile file) {
        if (file == null) {
            return null;
        }
        try {
            return new Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
