package com.careloop.reporting.delivery;

import java.time.LocalDate;
import java.util.List;

import com.careloop.platform.RequiresPermission;
import com.careloop.reporting.ReportingPermissions;
import com.careloop.reporting.delivery.DeliveryStore.Filter;
import com.careloop.reporting.delivery.DeliveryViews.DeliveryView;
import com.careloop.reporting.delivery.DeliveryViews.SaveSchedule;
import com.careloop.reporting.delivery.DeliveryViews.ScheduleView;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Report schedules and the delivery log over JSON (permission {@code reporting:schedule}): list, create (201), read,
 * change with the version seen (stale: 409), disable, delete a schedule that never delivered, deliver the latest
 * complete period now; the log filtered by schedule, status and period; retry a FAILED or DEAD delivery.
 * Bad input: 422 naming the field.
 */
@RestController
class DeliveryApi {

    private final ReportSchedules schedules;
    private final ReportDeliveries deliveries;

    DeliveryApi(ReportSchedules schedules, ReportDeliveries deliveries) {
        this.schedules = schedules;
        this.deliveries = deliveries;
    }

    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @GetMapping("/api/v1/report-schedules")
    List<ScheduleView> list() {
        return schedules.list();
    }

    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @PostMapping("/api/v1/report-schedules")
    @ResponseStatus(HttpStatus.CREATED)
    ScheduleView create(@RequestBody SaveSchedule request) {
        return schedules.create(request);
    }

    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @GetMapping("/api/v1/report-schedules/{id}")
    ScheduleView get(@PathVariable long id) {
        return schedules.get(id);
    }

    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @PutMapping("/api/v1/report-schedules/{id}")
    ScheduleView change(@PathVariable long id, @RequestBody SaveSchedule request) {
        return schedules.change(id, request);
    }

    /** Switches the schedule off; it stays with its delivery log. */
    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @PostMapping("/api/v1/report-schedules/{id}/disable")
    ScheduleView disable(@PathVariable long id, @RequestParam(required = false) Long version) {
        return schedules.disable(id, version);
    }

    /** Deletes a schedule that has never delivered (one with deliveries: 409, disable it instead). */
    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @DeleteMapping("/api/v1/report-schedules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id, @RequestParam(required = false) Long version) {
        schedules.delete(id, version);
    }

    /** Delivers the latest complete period now (again, when it was delivered before); the delivery as it ended. */
    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @PostMapping("/api/v1/report-schedules/{id}/run-now")
    DeliveryView runNow(@PathVariable long id) {
        return deliveries.runNow(id);
    }

    /** The delivery log, newest period first; {@code periodFrom}/{@code periodTo} bound the period's first day. */
    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @GetMapping("/api/v1/report-deliveries")
    List<DeliveryView> log(@RequestParam(required = false) Long scheduleId,
                           @RequestParam(required = false) DeliveryStatus status,
                           @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate periodFrom,
                           @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate periodTo,
                           @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit) {
        return deliveries.log(new Filter(scheduleId, status, periodFrom, periodTo), limit);
    }

    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @GetMapping("/api/v1/report-deliveries/{id}")
    DeliveryView delivery(@PathVariable long id) {
        return deliveries.get(id);
    }

    /** Tries a FAILED or DEAD delivery again now (other states: 409); the delivery as it ended. */
    @RequiresPermission(ReportingPermissions.SCHEDULE)
    @PostMapping("/api/v1/report-deliveries/{id}/retry")
    DeliveryView retry(@PathVariable long id) {
        return deliveries.retry(id);
    }
}
