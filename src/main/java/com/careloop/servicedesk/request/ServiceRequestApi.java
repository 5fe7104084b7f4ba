package com.careloop.servicedesk.request;

import java.time.LocalDate;

import com.careloop.platform.RequiresPermission;
import com.careloop.servicedesk.Channel;
import com.careloop.servicedesk.Priority;
import com.careloop.servicedesk.RequestStatus;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskCommands.AddMaterial;
import com.careloop.servicedesk.ServiceDeskCommands.AddNote;
import com.careloop.servicedesk.ServiceDeskCommands.Callback;
import com.careloop.servicedesk.ServiceDeskCommands.Complete;
import com.careloop.servicedesk.ServiceDeskCommands.Dispatch;
import com.careloop.servicedesk.ServiceDeskCommands.Pause;
import com.careloop.servicedesk.ServiceDeskCommands.Reassign;
import com.careloop.servicedesk.ServiceDeskCommands.Register;
import com.careloop.servicedesk.ServiceDeskCommands.SignOff;
import com.careloop.servicedesk.ServiceDeskCommands.Step;
import com.careloop.servicedesk.ServiceDeskCommands.WithReason;
import com.careloop.servicedesk.ServiceDeskPermissions;
import com.careloop.servicedesk.ServiceDeskViews.Detail;
import com.careloop.servicedesk.ServiceDeskViews.Filter;
import com.careloop.servicedesk.ServiceDeskViews.Page;
import com.careloop.servicedesk.ServiceDeskViews;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service requests over JSON: intake (idempotent with {@code Idempotency-Key}), the queue, the request
 * with its timeline, and every step of the procedure as a POST sub-resource named by its verb.
 */
@RestController
@RequestMapping("/api/v1/service-requests")
class ServiceRequestApi {

    private final ServiceDesk desk;

    private final QueueExport export;

    ServiceRequestApi(ServiceDesk desk, QueueExport export) {
        this.desk = desk;
        this.export = export;
    }

    @RequiresPermission(ServiceDeskPermissions.REGISTER)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail register(@Valid @RequestBody Register request) {
        return desk.register(request);
    }

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping
    Page search(@RequestParam(required = false) RequestStatus status, @RequestParam(required = false) RequestType type,
                @RequestParam(required = false) Long departmentId, @RequestParam(required = false) Long assigneeId,
                @RequestParam(required = false) Boolean mine, @RequestParam(required = false) Boolean overdue,
                @RequestParam(required = false) Boolean dueSoon, @RequestParam(required = false) Boolean paused, @RequestParam(required = false) Boolean keyOnly,
                @RequestParam(required = false) Boolean unassigned, @RequestParam(required = false) String q,
                @RequestParam(required = false) Long categoryId, @RequestParam(required = false) Priority priority,
                @RequestParam(required = false) Long customerId, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate registeredFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate registeredTo,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate completedFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate completedTo,
                @RequestParam(required = false) Channel channel,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate openOn,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate dueOn) {
        // the last seven: the drill-downs of the reporting figures (company days, both included)
        return desk.search(new Filter(status, type, departmentId, assigneeId, mine, overdue, paused, keyOnly, unassigned, q,
                categoryId, priority, dueSoon, customerId, registeredFrom, registeredTo, completedFrom, completedTo,
                channel, openOn, dueOn),
                sort, cursor, limit);
    }

    /** The queue as .xlsx with the same filters and sort ({@code q} also finds a caller by phone), audited. */
    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/export")
    void export(@org.springframework.web.bind.annotation.ModelAttribute Filter filter,
                @RequestParam(required = false) String sort, jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) {
        export.write(filter, sort, request.getQueryString(), response);
    }

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/counts")
    ServiceDeskViews.QueueCounts counts() {
        return desk.counts();
    }

    /** Statistics of the requests registered in [from, to), grouped by type, category, department or channel. */
    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/statistics")
    java.util.List<ServiceDeskViews.StatisticsRow> statistics(@RequestParam(required = false) ServiceDeskViews.GroupBy groupBy,
            @RequestParam(required = false) java.time.OffsetDateTime from,
            @RequestParam(required = false) java.time.OffsetDateTime to) {
        return desk.statistics(groupBy, from == null ? null : from.toInstant(), to == null ? null : to.toInstant());
    }

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        return desk.detail(id);
    }

    @RequiresPermission(ServiceDeskPermissions.DISPATCH)
    @PostMapping("/{id}/dispatch")
    Detail dispatch(@PathVariable long id, @Valid @RequestBody Dispatch request) {
        return desk.dispatch(id, request);
    }

    /** 派工建议: the category's default department (or {@code departmentId}) and its handlers. */
    @RequiresPermission(ServiceDeskPermissions.DISPATCH)
    @GetMapping("/{id}/dispatch-suggestion")
    ServiceDeskViews.DispatchSuggestion dispatchSuggestion(@PathVariable long id,
                                                          @RequestParam(required = false) Long departmentId) {
        return desk.dispatchSuggestion(id, departmentId);
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/{id}/reassign")
    Detail reassign(@PathVariable long id, @Valid @RequestBody Reassign request) {
        return desk.reassign(id, request);
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/{id}/hand-back")
    Detail handBack(@PathVariable long id, @Valid @RequestBody WithReason request) {
        return desk.handBack(id, request);
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/{id}/start")
    Detail start(@PathVariable long id, @Valid @RequestBody(required = false) Step request) {
        return desk.start(id, request);
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/{id}/pause")
    Detail pause(@PathVariable long id, @Valid @RequestBody Pause request) {
        return desk.pause(id, request);
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/{id}/resume")
    Detail resume(@PathVariable long id, @Valid @RequestBody(required = false) Step request) {
        return desk.resume(id, request);
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Detail addNote(@PathVariable long id, @Valid @RequestBody AddNote request) {
        return desk.addNote(id, request);
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/{id}/materials")
    @ResponseStatus(HttpStatus.CREATED)
    Detail addMaterial(@PathVariable long id, @Valid @RequestBody AddMaterial request) {
        return desk.addMaterial(id, request);
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/{id}/complete")
    Detail complete(@PathVariable long id, @Valid @RequestBody Complete request) {
        return desk.complete(id, request);
    }

    @RequiresPermission(ServiceDeskPermissions.HANDLE)
    @PostMapping("/{id}/sign-off")
    Detail signOff(@PathVariable long id, @Valid @RequestBody SignOff request) {
        return desk.signOff(id, request);
    }

    @RequiresPermission(ServiceDeskPermissions.CALLBACK)
    @PostMapping("/{id}/callback")
    Detail callback(@PathVariable long id, @Valid @RequestBody Callback request) {
        return desk.callback(id, request);
    }

    @RequiresPermission(ServiceDeskPermissions.CALLBACK)
    @PostMapping("/{id}/close")
    Detail close(@PathVariable long id, @Valid @RequestBody(required = false) Step request) {
        return desk.close(id, request);
    }

    @RequiresPermission(ServiceDeskPermissions.CALLBACK)
    @PostMapping("/{id}/reopen")
    Detail reopen(@PathVariable long id, @Valid @RequestBody WithReason request) {
        return desk.reopen(id, request);
    }
}
