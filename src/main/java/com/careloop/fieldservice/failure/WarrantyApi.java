package com.careloop.fieldservice.failure;

import com.careloop.fieldservice.FieldHistoryPermissions;
import com.careloop.fieldservice.FieldServicePermissions;
import com.careloop.fieldservice.failure.WarrantyViews.Analyse;
import com.careloop.fieldservice.failure.WarrantyViews.Close;
import com.careloop.fieldservice.failure.WarrantyViews.Detail;
import com.careloop.fieldservice.failure.WarrantyViews.Page;
import com.careloop.fieldservice.failure.WarrantyViews.RecordPart;
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

/** Returned warranty parts over JSON: record, list, one, quality's analysis, close, and the PDF of the form. */
@RestController
@RequestMapping(WarrantyFeedbacks.API)
@Tag(name = "Warranty parts", description = "Warranty-part defect feedback (不良品(三包件)信息反馈表 Q/JL100101): a returned part, quality's analysis, close")
class WarrantyApi {

    private final WarrantyFeedbacks feedbacks;
    private final WarrantyPrint print;

    WarrantyApi(WarrantyFeedbacks feedbacks, WarrantyPrint print) {
        this.feedbacks = feedbacks;
        this.print = print;
    }

    @RequiresPermission(FieldHistoryPermissions.WARRANTY)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail record(@RequestBody RecordPart request) {
        return feedbacks.record(request);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping
    Page search(@RequestParam(required = false) WarrantyFeedback.Status status,
                @RequestParam(required = false) Boolean mine, @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return feedbacks.search(status, mine, cursor, limit);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/{id}")
    Detail detail(@PathVariable long id) {
        return feedbacks.detail(id);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/{id}/form.pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return print.pdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @PostMapping("/{id}/analysis")
    Detail analyse(@PathVariable long id, @RequestBody Analyse request) {
        return feedbacks.analyse(id, request);
    }

    @RequiresPermission(FieldHistoryPermissions.FAILURES)
    @PostMapping("/{id}/close")
    Detail close(@PathVariable long id, @RequestBody(required = false) Close request) {
        return feedbacks.close(id, request);
    }
}
