package com.careloop.fieldservice.visit;

import java.util.List;

import com.careloop.fieldservice.FieldHistoryPermissions;
import com.careloop.fieldservice.FieldServicePermissions;
import com.careloop.fieldservice.visit.VisitViews.AgreeAction;
import com.careloop.fieldservice.visit.VisitViews.Detail;
import com.careloop.fieldservice.visit.VisitViews.Done;
import com.careloop.fieldservice.visit.VisitViews.Filter;
import com.careloop.fieldservice.visit.VisitViews.MyAction;
import com.careloop.fieldservice.visit.VisitViews.Page;
import com.careloop.fieldservice.visit.VisitViews.Plan;
import com.careloop.fieldservice.visit.VisitViews.Visited;
import com.careloop.platform.RequiresPermission;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Visit reports over JSON: plan (idempotent with {@code Idempotency-Key}), the list, one report, the visit with its
 * agreed actions, one more action, an action done, my open actions and the PDF.
 */
@RestController
@RequestMapping(VisitReports.API)
@Tag(name = "Visit reports", description = "Customer visits (走访服务报告 Q/JL081306): plan, record, agreed actions tracked to done")
class VisitReportApi {

    private final VisitReports reports;
    private final VisitPrint print;

    VisitReportApi(VisitReports reports, VisitPrint print) {
        this.reports = reports;
        this.print = print;
    }

    @RequiresPermission(FieldHistoryPermissions.VISIT)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail plan(@RequestBody Plan request) {
        return reports.plan(request);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping
    Page search(@RequestParam(required = false) Long customerId,
                @RequestParam(required = false) VisitReport.Status status, @RequestParam(required = false) String q,
                @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return reports.search(new Filter(customerId, status, q), cursor, limit);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/my-actions")
    List<MyAction> myActions() {
        return reports.myActions();
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/{id}")
    Detail detail(@PathVariable long id) {
        return reports.detail(id);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/{id}/report.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return print.pdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(FieldHistoryPermissions.VISIT)
    @PostMapping("/{id}/visit")
    Detail visited(@PathVariable long id, @RequestBody Visited request) {
        return reports.visited(id, request);
    }

    @RequiresPermission(FieldHistoryPermissions.VISIT)
    @PostMapping("/{id}/actions")
    Detail addAction(@PathVariable long id, @RequestBody AgreeAction request) {
        return reports.addAction(id, request);
    }

    /** The owner marks their action done (a holder of fieldservice:visit may too). */
    @RequiresPermission(FieldServicePermissions.VIEW)
    @PostMapping("/{id}/actions/{actionId}/done")
    Detail actionDone(@PathVariable long id, @PathVariable long actionId, @RequestBody(required = false) Done request) {
        return reports.actionDone(id, actionId, request);
    }
}
