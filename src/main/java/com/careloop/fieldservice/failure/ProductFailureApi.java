package com.careloop.fieldservice.failure;

import java.util.List;

import com.careloop.fieldservice.FieldHistoryPermissions;
import com.careloop.fieldservice.FieldServicePermissions;
import com.careloop.fieldservice.failure.FailureViews.Classify;
import com.careloop.fieldservice.failure.FailureViews.Filter;
import com.careloop.fieldservice.failure.FailureViews.Intake;
import com.careloop.fieldservice.failure.FailureViews.Mode;
import com.careloop.fieldservice.failure.FailureViews.Page;
import com.careloop.fieldservice.failure.FailureViews.RecordFailure;
import com.careloop.fieldservice.failure.FailureViews.Recurring;
import com.careloop.fieldservice.failure.FailureViews.Row;
import com.careloop.fieldservice.failure.FailureViews.SaveMode;
import com.careloop.fieldservice.failure.FailureViews.Timeline;
import com.careloop.platform.ListSort;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The product failure history over JSON: record by hand, search (product, part, mode, customer, dates, serial or
 * batch; keyset cursor), one product's timeline, the recurring failures, the .xlsx export, the findings of signed
 * field-service reports to classify or dismiss, and the failure-mode code list.
 */
@RestController
@RequestMapping(ProductFailures.API)
@Tag(name = "Product failures", description = "Product failure history (产品失败履历 Q/JL081302): record, search, timeline, recurring failures, the intake of findings, failure modes")
class ProductFailureApi {

    private final ProductFailures failures;
    private final FailureExport export;

    ProductFailureApi(ProductFailures failures, FailureExport export) {
        this.failures = failures;
        this.export = export;
    }

    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Row record(@RequestBody RecordFailure request) {
        return failures.record(request);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping
    Page search(@ModelAttribute Filter filter, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return failures.search(filter, sort, cursor, limit);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/export")
    void export(@ModelAttribute Filter filter, @RequestParam(required = false) String sort,
                HttpServletRequest request, HttpServletResponse response) {
        export.write(filter, sort, request.getQueryString(), response);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/{id}")
    Row detail(@PathVariable long id) {
        return failures.detail(id);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/timeline")
    Timeline timeline(@RequestParam String product) {
        return failures.timeline(product);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/recurring")
    List<Recurring> recurring() {
        return failures.recurring();
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/modes")
    List<Mode> modes(@RequestParam(defaultValue = "false") boolean all) {
        return failures.modes(all);
    }

    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @PutMapping("/modes")
    Mode saveMode(@RequestBody SaveMode request) {
        return failures.saveMode(request);
    }

    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @GetMapping("/intake")
    ListSort.Window<Intake> intakes(@RequestParam(defaultValue = "true") boolean open,
                                    @RequestParam(required = false) String cursor,
                                    @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return failures.intakes(open, cursor, limit);
    }

    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @PostMapping("/intake/{intakeId}/classify")
    @ResponseStatus(HttpStatus.CREATED)
    Row classify(@PathVariable long intakeId, @RequestBody Classify request) {
        return failures.classify(intakeId, request);
    }

    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @PostMapping("/intake/{intakeId}/dismiss")
    Intake dismiss(@PathVariable long intakeId) {
        return failures.dismiss(intakeId);
    }
}
