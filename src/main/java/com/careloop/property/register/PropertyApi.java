package com.careloop.property.register;

import java.util.List;
import java.util.Map;

import com.careloop.property.CustomerProperties;
import com.careloop.property.PropertyCommands.Decide;
import com.careloop.property.PropertyCommands.End;
import com.careloop.property.PropertyCommands.FeedbackAnswer;
import com.careloop.property.PropertyCommands.HandOver;
import com.careloop.property.PropertyCommands.Inspect;
import com.careloop.property.PropertyCommands.Register;
import com.careloop.property.PropertyCommands.ReportProblem;
import com.careloop.property.PropertyCommands.SignHandOver;
import com.careloop.property.PropertyCommands.Verify;
import com.careloop.property.PropertyKind;
import com.careloop.property.PropertyCommands;
import com.careloop.property.PropertyPermissions;
import com.careloop.property.PropertyStatus;
import com.careloop.property.PropertyViews;
import com.careloop.property.PropertyViews.Detail;
import com.careloop.property.PropertyViews.Filter;
import com.careloop.property.PropertyViews.Page;
import com.careloop.property.PropertyViews.Problem;
import com.careloop.property.PropertyViews.Task;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The customer property register over JSON: register (with the arrival verification), the list with its filters,
 * keyset paging and Excel export, the item with its history, the item card R-QP-005-04 as PDF, and each step of the
 * procedure as a POST sub-resource; problem reports under {@code /problems}.
 */
@RestController
@RequestMapping(PropertyApi.BASE)
class PropertyApi {

    static final String BASE = "/api/v1/customer-properties";

    private final CustomerProperties properties;
    private final PropertyListExport export;
    private final PropertyPrint print;
    private final PropertySettings settings;

    PropertyApi(CustomerProperties properties, PropertyListExport export, PropertyPrint print,
                PropertySettings settings) {
        this.properties = properties;
        this.settings = settings;
        this.export = export;
        this.print = print;
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail register(@RequestBody Register request) {
        return properties.register(request);
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping
    Page search(@RequestParam(required = false) Long customerId, @RequestParam(required = false) PropertyKind kind,
                @RequestParam(required = false) String location, @RequestParam(required = false) Long departmentId,
                @RequestParam(required = false) PropertyStatus status,
                @RequestParam(required = false) Boolean inspectionDue, @RequestParam(required = false) String q,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return properties.search(new Filter(customerId, kind, location, departmentId, status, inspectionDue, q), sort,
                cursor, limit);
    }

    /** The register as .xlsx with the list's filters and sort, audited. */
    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping("/export")
    void export(@org.springframework.web.bind.annotation.ModelAttribute Filter filter,
                @RequestParam(required = false) String sort, HttpServletRequest request,
                HttpServletResponse response) {
        export.write(filter, sort, request.getQueryString(), response);
    }

    /** The printable register R-QP-005-04 (PDF) with the list's filters (first 500 lines). */
    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping("/register.pdf")
    ResponseEntity<byte[]> registerPdf(@org.springframework.web.bind.annotation.ModelAttribute Filter filter) {
        return print.registerPdf(filter, LocaleContextHolder.getLocale());
    }

    /** The open inspection tasks of a department (the caller's own by default). */
    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping("/inspections")
    List<Task> inspections(@RequestParam(required = false) Long departmentId) {
        return properties.openInspections(departmentId, 500);
    }

    /** The register's settings (inspection period, working days, reminder, decision task). */
    @RequiresPermission(PropertyPermissions.CONFIGURE)
    @GetMapping("/settings")
    PropertySettings.Values settings() {
        return settings.current();
    }

    @RequiresPermission(PropertyPermissions.CONFIGURE)
    @PutMapping("/settings")
    PropertySettings.Values saveSettings(@RequestBody PropertySettings.Values body) {
        return settings.save(body);
    }

    /** Per-location batch: every open inspection of the department at the location recorded present and good. */
    @RequiresPermission(PropertyPermissions.INSPECT)
    @PostMapping("/inspections/batch")
    Map<String, Integer> inspectLocation(@RequestParam(required = false) Long departmentId,
                                         @RequestBody PropertyCommands.InspectLocation body) {
        return Map.of("inspected", properties.inspectLocation(departmentId, body));
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        return properties.detail(id);
    }

    /** The item card (顾客财产登记表 R-QP-005-04 for one item, with its movements and inspections) as PDF. */
    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping("/{id}/card.pdf")
    ResponseEntity<byte[]> cardPdf(@PathVariable long id) {
        return print.cardPdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/{id}/verification")
    Detail verify(@PathVariable long id, @RequestBody Verify request) {
        return properties.verify(id, request);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/{id}/feedback/{feedbackId}/answer")
    Detail answer(@PathVariable long id, @PathVariable long feedbackId, @RequestBody FeedbackAnswer request) {
        return properties.answerFeedback(id, feedbackId, request);
    }

    /** The use agreed with the customer (用途, 004-C3). */
    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/{id}/designated-use")
    Detail designatedUse(@PathVariable long id, @RequestBody(required = false)
                         com.careloop.property.PropertyCommands.DesignatedUse request) {
        return properties.agreeDesignatedUse(id, request);
    }

    /** The customer's consent to another use (004-C3). */
    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/{id}/use-consents")
    @ResponseStatus(HttpStatus.CREATED)
    Detail useConsent(@PathVariable long id, @RequestBody(required = false)
                      com.careloop.property.PropertyCommands.UseConsent request) {
        return properties.recordUseConsent(id, request);
    }

    /** A use for another purpose: 422 naming consentId without a consent recorded on the item. */
    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/{id}/other-uses")
    Detail otherUse(@PathVariable long id, @RequestBody(required = false)
                    com.careloop.property.PropertyCommands.OtherUse request) {
        return properties.useForOtherPurpose(id, request);
    }

    /** A new revision of a customer drawing or specification (004-C4): the one before is superseded, kept. */
    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/{id}/revisions")
    @ResponseStatus(HttpStatus.CREATED)
    Detail revision(@PathVariable long id, @RequestBody(required = false)
                    com.careloop.property.PropertyCommands.Revision request) {
        return properties.receiveRevision(id, request);
    }

    /** A revision withdrawn (作废/收回) with a reason; the holders are asked to return or destroy their copies. */
    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/{id}/revisions/{revisionId}/withdrawal")
    Detail withdrawRevision(@PathVariable long id, @PathVariable long revisionId, @RequestBody(required = false)
                            PropertyCommands.WithdrawRevision request) {
        return properties.withdrawRevision(id, revisionId, request);
    }

    /** The revision in use distributed to more departments (409 once superseded or withdrawn). */
    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/{id}/revisions/{revisionId}/distribution")
    Detail distributeRevision(@PathVariable long id, @PathVariable long revisionId, @RequestBody(required = false)
                              PropertyCommands.DistributeRevision request) {
        return properties.distributeRevision(id, revisionId, request);
    }

    /** A department confirms its copy (received, or returned/destroyed); the service checks the department. */
    @RequiresPermission(PropertyPermissions.VIEW)
    @PostMapping("/{id}/revisions/{revisionId}/confirmations/{confirmationId}")
    PropertyViews.CopyAck confirmCopy(@PathVariable long id, @PathVariable long revisionId,
                                      @PathVariable long confirmationId,
                                      @RequestBody(required = false) PropertyCommands.ConfirmCopy request) {
        return properties.confirmCopy(id, revisionId, confirmationId, request);
    }

    /**
     * The copies a department has still to confirm (the reader's own department by default), each with
     * {@code overdue} and {@code overdueDays}; {@code overdue=true} lists the overdue ones only.
     */
    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping("/confirmations")
    List<PropertyViews.OpenCopyAck> outstandingCopies(@RequestParam(required = false) Long departmentId,
                                                      @RequestParam(required = false) Boolean overdue) {
        return properties.outstandingCopies(departmentId, Boolean.TRUE.equals(overdue), 500);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/{id}/hand-overs")
    Detail handOver(@PathVariable long id, @RequestBody HandOver request) {
        return properties.handOver(id, request);
    }

    /** The receiving department signs; the service checks the signer belongs to it. */
    @RequiresPermission(PropertyPermissions.VIEW)
    @PostMapping("/{id}/hand-overs/{movementId}/sign")
    Detail sign(@PathVariable long id, @PathVariable long movementId,
                @RequestBody(required = false) SignHandOver request) {
        return properties.signHandOver(id, movementId, request);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/{id}/return")
    Detail returnToCustomer(@PathVariable long id, @RequestBody(required = false) End request) {
        return properties.returnToCustomer(id, request);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/{id}/scrap")
    Detail scrap(@PathVariable long id, @RequestBody(required = false) End request) {
        return properties.scrap(id, request);
    }

    @RequiresPermission(PropertyPermissions.INSPECT)
    @PostMapping("/{id}/inspections/{inspectionId}")
    Detail inspect(@PathVariable long id, @PathVariable long inspectionId, @RequestBody Inspect request) {
        return properties.inspect(id, inspectionId, request);
    }

    /** An arrival document ({@code slot=ARRIVAL}) or a photo of the item ({@code slot=PHOTO}), multipart {@code file}. */
    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/{id}/files")
    @ResponseStatus(HttpStatus.CREATED)
    PropertyViews.File attach(@PathVariable long id, @RequestParam(required = false) String slot,
                              @RequestParam(required = false) MultipartFile file) {
        return properties.attach(id, slot == null ? CustomerProperties.PHOTO : slot, Uploads.of(file));
    }

    /** A photo of an inspection (multipart {@code file}). */
    @RequiresPermission(PropertyPermissions.INSPECT)
    @PostMapping("/{id}/inspections/{inspectionId}/photos")
    @ResponseStatus(HttpStatus.CREATED)
    PropertyViews.File inspectionPhoto(@PathVariable long id, @PathVariable long inspectionId,
                                       @RequestParam(required = false) MultipartFile file) {
        return properties.attachInspectionPhoto(id, inspectionId, Uploads.of(file));
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        return properties.download(id, fileId);
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping("/{id}/files/{fileId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable long fileId) {
        return properties.thumbnail(id, fileId);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/{id}/problems")
    @ResponseStatus(HttpStatus.CREATED)
    Problem reportProblem(@PathVariable long id, @RequestBody ReportProblem request) {
        return properties.reportProblem(id, request);
    }

    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping("/problems/{problemId}")
    Problem problem(@PathVariable long problemId) {
        return properties.problem(problemId);
    }

    /** The problem report 顾客财产问题报告单 in the paper layout as PDF. */
    @RequiresPermission(PropertyPermissions.VIEW)
    @GetMapping("/problems/{problemId}/report.pdf")
    ResponseEntity<byte[]> problemPdf(@PathVariable long problemId) {
        return print.problemPdf(problemId, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/problems/{problemId}/decision")
    Problem decide(@PathVariable long problemId, @RequestBody Decide request) {
        return properties.decide(problemId, request);
    }

    /** A personal link for the customer's decision (no login; valid 30 days; a new one replaces the old). */
    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/problems/{problemId}/link")
    PropertyViews.Link link(@PathVariable long problemId,
                            @RequestBody(required = false) PropertyCommands.SendLink request) {
        return properties.issueLink(problemId, request);
    }

    /** Who carries out the customer's decision and by when. */
    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/problems/{problemId}/task")
    Problem assignTask(@PathVariable long problemId, @RequestBody PropertyCommands.AssignTask request) {
        return properties.assignTask(problemId, request);
    }

    /** The customer's decision carried out: the done-record. */
    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/problems/{problemId}/task/done")
    Problem completeTask(@PathVariable long problemId, @RequestBody PropertyCommands.CompleteTask request) {
        return properties.completeTask(problemId, request);
    }

    @RequiresPermission(PropertyPermissions.REGISTER)
    @PostMapping("/problems/{problemId}/capa")
    Problem openCapa(@PathVariable long problemId) {
        return properties.openCapa(problemId);
    }
}
