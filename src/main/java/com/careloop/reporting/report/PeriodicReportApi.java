package com.careloop.reporting.report;

import java.net.URI;
import java.util.List;

import com.careloop.reporting.ReportingPermissions;
import com.careloop.platform.RequiresPermission;
import com.careloop.reporting.report.ReportViews.Detail;
import com.careloop.reporting.report.ReportViews.Filter;
import com.careloop.reporting.report.ReportViews.Page;
import com.careloop.reporting.report.ReportViews.Row;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Periodic reports over JSON: the list of current revisions (filters kind, status, year; keyset pages), generate a
 * report for a period (201 with Location), the report with its figures rendered in the caller's language
 * ({@code Accept-Language}), the free texts (with the version: stale → 409), submit, approve or return, regenerate
 * into a new revision, the revisions, and the PDF and Excel files named by the record number.
 */
@RestController
@RequestMapping("/api/v1/reports")
@Validated
class PeriodicReportApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Reports reports;

    PeriodicReportApi(Reports reports) {
        this.reports = reports;
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @GetMapping
    Page list(@RequestParam(required = false) ReportKind kind, @RequestParam(required = false) ReportStatus status,
              @RequestParam(required = false) @Min(2000) @Max(2100) Integer year,
              @RequestParam(required = false) String cursor,
              @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return reports.search(new Filter(kind, status, year), cursor, limit);
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @PostMapping
    ResponseEntity<Detail> generate(@Valid @RequestBody ReportCommands.Generate request) {
        return created(reports.generate(request));
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        return reports.detail(id);
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @GetMapping("/{id}/revisions")
    List<Row> revisions(@PathVariable long id) {
        return reports.revisions(id);
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @PutMapping("/{id}/texts")
    Detail writeTexts(@PathVariable long id, @Valid @RequestBody ReportCommands.WriteTexts request) {
        return reports.writeTexts(id, request);
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @PostMapping("/{id}/submit")
    Detail submit(@PathVariable long id, @RequestBody(required = false) ReportCommands.Step request) {
        return reports.submit(id, request == null ? null : request.version());
    }

    @RequiresPermission(ReportingPermissions.APPROVE)
    @PostMapping("/{id}/approve")
    Detail approve(@PathVariable long id, @RequestBody(required = false) ReportCommands.Step request) {
        return reports.approve(id, request == null ? null : request.version());
    }

    @RequiresPermission(ReportingPermissions.APPROVE)
    @PostMapping("/{id}/return")
    Detail returnForRework(@PathVariable long id, @Valid @RequestBody ReportCommands.Return request) {
        return reports.returnForRework(id, request);
    }

    /** A new revision from today's data (201, Location of the new revision); the old one is kept, superseded. */
    @RequiresPermission(ReportingPermissions.REPORT)
    @PostMapping("/{id}/regenerate")
    ResponseEntity<Detail> regenerate(@PathVariable long id, @RequestBody(required = false) ReportCommands.Step request) {
        return created(reports.regenerate(id, request == null ? null : request.version()));
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        return file(reports.number(id) + ".pdf", MediaType.APPLICATION_PDF,
                reports.pdf(id, LocaleContextHolder.getLocale()));
    }

    @RequiresPermission(ReportingPermissions.REPORT)
    @GetMapping("/{id}/xlsx")
    ResponseEntity<byte[]> xlsx(@PathVariable long id) {
        return file(reports.number(id) + ".xlsx", XLSX, reports.xlsx(id, LocaleContextHolder.getLocale()));
    }

    static ResponseEntity<byte[]> file(String name, MediaType type, byte[] body) {
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(body);
    }

    private static ResponseEntity<Detail> created(Detail report) {
        return ResponseEntity.created(URI.create("/api/v1/reports/" + report.id())).body(report);
    }
}
