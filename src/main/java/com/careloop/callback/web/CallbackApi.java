package com.careloop.callback.web;

import java.time.LocalDate;
import java.util.List;

import com.careloop.callback.CallbackCommands.Assign;
import com.careloop.callback.CallbackCommands.Cancel;
import com.careloop.callback.CallbackCommands.Complete;
import com.careloop.callback.CallbackCommands.CreateTask;
import com.careloop.callback.CallbackCommands.NotReached;
import com.careloop.callback.CallbackCommands.SavePlan;
import com.careloop.callback.CallbackMethod;
import com.careloop.callback.CallbackPermissions;
import com.careloop.callback.CallbackViews.Counters;
import com.careloop.callback.CallbackViews.Detail;
import com.careloop.callback.CallbackViews.Filter;
import com.careloop.callback.CallbackViews.GroupBy;
import com.careloop.callback.CallbackViews.KeyCustomerYear;
import com.careloop.callback.CallbackViews.Page;
import com.careloop.callback.CallbackViews.Plan;
import com.careloop.callback.CallbackViews.StatsRow;
import com.careloop.callback.CallbackViews.Tab;
import com.careloop.callback.PlanKind;
import com.careloop.callback.TaskStatus;
import com.careloop.callback.task.CallbackService;
import com.careloop.callback.task.CallbackStatistics;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Callbacks over JSON: the desk's list and counters, manual tasks, a task with its questions, answers, links
 * and timeline, the steps (attempt not reached, complete, cancel, assign), the plans, the statistics and the
 * annual key-customer follow-up.
 */
@RestController
@RequestMapping("/api/v1/callbacks")
class CallbackApi {

    private final CallbackService callbacks;
    private final CallbackStatistics statistics;

    private final CallbackListExport export;

    CallbackApi(CallbackService callbacks, CallbackStatistics statistics, CallbackListExport export) {
        this.export = export;
        this.callbacks = callbacks;
        this.statistics = statistics;
    }

    @RequiresPermission(CallbackPermissions.VIEW)
    @GetMapping
    Page search(@RequestParam(required = false) Tab tab, @RequestParam(required = false) PlanKind plan,
                @RequestParam(required = false) Long assigneeId, @RequestParam(required = false) CallbackMethod method,
                @RequestParam(required = false) TaskStatus status, @RequestParam(required = false) Long customerId,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate plannedFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate plannedTo,
                @RequestParam(required = false) com.careloop.platform.Satisfaction satisfaction) {
        return callbacks.search(new Filter(tab, plan, assigneeId, method, status, customerId, plannedFrom, plannedTo,
                satisfaction), sort, cursor, limit);
    }

    /** The list as .xlsx with the same tab, filters and sort, audited. */
    @RequiresPermission(CallbackPermissions.VIEW)
    @GetMapping("/export")
    void export(@org.springframework.web.bind.annotation.ModelAttribute Filter filter,
                @RequestParam(required = false) String sort, jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) {
        export.write(filter, sort, request.getQueryString(), response);
    }

    @RequiresPermission(CallbackPermissions.VIEW)
    @GetMapping("/counters")
    Counters counters() {
        return callbacks.counters();
    }

    @RequiresPermission(CallbackPermissions.HANDLE)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail create(@Valid @RequestBody CreateTask request) {
        return callbacks.createManual(request);
    }

    @RequiresPermission(CallbackPermissions.VIEW)
    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        return callbacks.detail(id);
    }

    @RequiresPermission(CallbackPermissions.HANDLE)
    @PostMapping("/{id}/attempts")
    Detail notReached(@PathVariable long id, @Valid @RequestBody(required = false) NotReached request) {
        return callbacks.notReached(id, request);
    }

    @RequiresPermission(CallbackPermissions.HANDLE)
    @PostMapping("/{id}/complete")
    Detail complete(@PathVariable long id, @Valid @RequestBody Complete request) {
        return callbacks.complete(id, request);
    }

    @RequiresPermission(CallbackPermissions.MANAGE)
    @PostMapping("/{id}/cancel")
    Detail cancel(@PathVariable long id, @Valid @RequestBody Cancel request) {
        return callbacks.cancel(id, request);
    }

    @RequiresPermission(CallbackPermissions.MANAGE)
    @PostMapping("/{id}/assign")
    Detail assign(@PathVariable long id, @Valid @RequestBody Assign request) {
        return callbacks.assign(id, request);
    }

    @RequiresPermission(CallbackPermissions.VIEW)
    @GetMapping("/plans")
    List<Plan> plans() {
        return callbacks.plans();
    }

    @RequiresPermission(CallbackPermissions.VIEW)
    @GetMapping("/plans/{id}")
    Plan plan(@PathVariable long id) {
        return callbacks.planView(id);
    }

    @RequiresPermission(CallbackPermissions.MANAGE)
    @PutMapping("/plans/{id}")
    Plan savePlan(@PathVariable long id, @Valid @RequestBody SavePlan request) {
        return callbacks.savePlan(id, request);
    }

    @RequiresPermission(CallbackPermissions.STATS)
    @GetMapping("/statistics")
    List<StatsRow> statistics(@RequestParam(required = false) GroupBy groupBy,
                              @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                              @RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "after-from", Text.of("error.callback.before-from"));
        }
        return statistics.statistics(groupBy == null ? GroupBy.PLAN : groupBy, from, to);
    }

    @RequiresPermission(CallbackPermissions.STATS)
    @GetMapping("/key-customers/annual")
    List<KeyCustomerYear> annual(@RequestParam @Min(2000) @Max(2100) int year) {
        return statistics.keyCustomerYear(year);
    }
}
