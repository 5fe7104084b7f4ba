package com.careloop.complaint.handling;

import com.careloop.complaint.ComplaintCommands;
import com.careloop.complaint.ComplaintCommands.AddAction;
import com.careloop.complaint.ComplaintCommands.Acknowledge;
import com.careloop.complaint.ComplaintCommands.Assess;
import com.careloop.complaint.ComplaintCommands.CommunicateDecision;
import com.careloop.complaint.ComplaintCommands.Investigate;
import com.careloop.complaint.ComplaintCommands.Receive;
import com.careloop.complaint.ComplaintCommands.Step;
import com.careloop.complaint.ComplaintCommands.Verify;
import com.careloop.complaint.ComplaintPermissions;
import com.careloop.complaint.ComplaintViews.Detail;
import com.careloop.complaint.ComplaintViews.Page;
import com.careloop.complaint.Complaints;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Complaints over JSON: receipt (idempotent with {@code Idempotency-Key}), the list, the complaint with
 * timeline, actions, deadlines and repeat links, and every step as a POST sub-resource named by its verb.
 */
@RestController
@RequestMapping("/api/v1/complaints")
class ComplaintApi {

    private final Complaints complaints;
    private final ComplaintListExport export;
    private final ComplaintForm form;

    ComplaintApi(Complaints complaints, ComplaintListExport export, ComplaintForm form) {
        this.complaints = complaints;
        this.export = export;
        this.form = form;
    }

    @RequiresPermission(ComplaintPermissions.RECEIVE)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail receive(@Valid @RequestBody Receive request) {
        return complaints.receive(request);
    }

    /**
     * The list: filters, keyword {@code q}, {@code sort} (a column key, '-' for descending) and keyset paging under
     * that sort ({@code cursor} from the previous page's {@code nextCursor}).
     */
    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping
    Page search(@ModelAttribute ComplaintListQuery query, @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return complaints.search(query.filter(), query.sort(), cursor, limit);
    }

    /** The list as .xlsx with the same filters and sort, every page of it (audited). */
    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/export")
    void export(@ModelAttribute ComplaintListQuery query, HttpServletRequest request, HttpServletResponse response) {
        export.write(query, request.getQueryString(), response);
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/{id}/handler")
    Detail assignHandler(@PathVariable long id, @Valid @RequestBody ComplaintCommands.AssignHandler request) {
        return complaints.assignHandler(id, request);
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        return complaints.detail(id);
    }

    /** The 顾客投诉处理单 as PDF in the reader's language (Accept-Language), named after the complaint number. */
    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/{id}/form.pdf")
    ResponseEntity<byte[]> formPdf(@PathVariable long id) {
        return form.pdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/{id}/quality-feedback.pdf")
    ResponseEntity<byte[]> qualityFeedbackPdf(@PathVariable long id) {
        return form.pdf(ComplaintForm.QUALITY_FEEDBACK, id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/{id}/acknowledge")
    Detail acknowledge(@PathVariable long id, @Valid @RequestBody Acknowledge request) {
        return complaints.acknowledge(id, request);
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/{id}/assess")
    Detail assess(@PathVariable long id, @Valid @RequestBody Assess request) {
        return complaints.assess(id, request);
    }

    @RequiresPermission(ComplaintPermissions.INVESTIGATE)
    @PostMapping("/{id}/investigate")
    Detail investigate(@PathVariable long id, @Valid @RequestBody Investigate request) {
        return complaints.investigate(id, request);
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/{id}/corrective-actions")
    Detail addAction(@PathVariable long id, @Valid @RequestBody AddAction request) {
        return complaints.addCorrectiveAction(id, request);
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/{id}/corrective-actions/{actionId}/done")
    Detail actionDone(@PathVariable long id, @PathVariable long actionId, @RequestBody(required = false) Step request) {
        return complaints.markActionDone(id, actionId, request);
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/{id}/communicate-decision")
    Detail communicate(@PathVariable long id, @Valid @RequestBody CommunicateDecision request) {
        return complaints.communicateDecision(id, request);
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/{id}/verify")
    Detail verify(@PathVariable long id, @Valid @RequestBody Verify request) {
        return complaints.verify(id, request);
    }

    @RequiresPermission(ComplaintPermissions.CONFIRM_QUALITY)
    @PostMapping("/{id}/confirm-quality")
    Detail confirmQuality(@PathVariable long id, @RequestBody(required = false) Step request) {
        return complaints.confirmQuality(id, request);
    }

    @RequiresPermission(ComplaintPermissions.HANDLE)
    @PostMapping("/{id}/close")
    Detail close(@PathVariable long id, @RequestBody(required = false) Step request) {
        return complaints.close(id, request);
    }
}
