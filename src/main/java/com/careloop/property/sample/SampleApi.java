package com.careloop.property.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import com.careloop.platform.RequiresPermission;
import com.careloop.property.SampleCommands.Accept;
import com.careloop.property.SampleCommands.Confirm;
import com.careloop.property.SampleCommands.Decline;
import com.careloop.property.SampleCommands.Dispatch;
import com.careloop.property.SampleCommands.Inspect;
import com.careloop.property.SampleCommands.Make;
import com.careloop.property.SampleCommands.Request;
import com.careloop.property.SampleCommands.Seal;
import com.careloop.property.SamplePermissions;
import com.careloop.property.SampleStatus;
import com.careloop.property.SampleViews;
import com.careloop.property.SampleViews.Detail;
import com.careloop.property.SampleViews.Filter;
import com.careloop.property.SampleViews.Page;
import com.careloop.property.Samples;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.multipart.MultipartFile;

/**
 * Samples over JSON: the notice (201), the register with its filters, keyset paging, Excel export and the printable
 * register, the sample with its rounds, each step as a POST sub-resource, the inspection report as PDF, attachments.
 */
@RestController
@RequestMapping(SampleApi.BASE)
class SampleApi {

    static final String BASE = "/api/v1/samples";

    private final Samples samples;
    private final SamplePrint print;
    private final SampleListExport export;

    SampleApi(Samples samples, SamplePrint print, SampleListExport export) {
        this.samples = samples;
        this.print = print;
        this.export = export;
    }

    @RequiresPermission(SamplePermissions.REQUEST)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail request(@RequestBody Request request) {
        return samples.request(request);
    }

    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping
    Page search(@RequestParam(required = false) Long customerId, @RequestParam(required = false) Long salespersonId,
                @RequestParam(required = false) SampleStatus status,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sentFrom,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate sentTo,
                @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return samples.search(new Filter(customerId, salespersonId, status, sentFrom, sentTo, q), sort, cursor, limit);
    }

    /** The register as .xlsx with the list's filters and sort, audited. */
    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping("/export")
    void export(@ModelAttribute Filter filter, @RequestParam(required = false) String sort,
                HttpServletRequest request, HttpServletResponse response) {
        export.write(filter, sort, request.getQueryString(), response);
    }

    /** The printable sample dispatch register R-QP-005-5 (PDF) with the list's filters. */
    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping("/register.pdf")
    ResponseEntity<byte[]> registerPdf(@ModelAttribute Filter filter) {
        return print.registerPdf(filter, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        return samples.detail(id);
    }

    /** The sample inspection report (样品检查报告) of a round as PDF. */
    /** The sample production notice (样品生产通知单) as PDF. */
    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping("/{id}/notice.pdf")
    ResponseEntity<byte[]> noticePdf(@PathVariable long id) {
        return print.noticePdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping("/{id}/rounds/{round}/inspection.pdf")
    ResponseEntity<byte[]> inspectionPdf(@PathVariable long id, @PathVariable int round) {
        return print.inspectionPdf(id, round, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(SamplePermissions.PRODUCE)
    @PostMapping("/{id}/accept")
    Detail accept(@PathVariable long id, @RequestBody(required = false) Accept request) {
        return samples.accept(id, request);
    }

    @RequiresPermission(SamplePermissions.PRODUCE)
    @PostMapping("/{id}/decline")
    Detail decline(@PathVariable long id, @RequestBody Decline request) {
        return samples.decline(id, request);
    }

    @RequiresPermission(SamplePermissions.PRODUCE)
    @PostMapping("/{id}/making")
    Detail make(@PathVariable long id, @RequestBody Make request) {
        return samples.make(id, request);
    }

    @RequiresPermission(SamplePermissions.INSPECT)
    @PostMapping("/{id}/inspection")
    Detail inspect(@PathVariable long id, @RequestBody Inspect request) {
        return samples.inspect(id, request);
    }

    @RequiresPermission(SamplePermissions.REQUEST)
    @PostMapping("/{id}/dispatch")
    Detail dispatch(@PathVariable long id, @RequestBody Dispatch request) {
        return samples.dispatch(id, request);
    }

    @RequiresPermission(SamplePermissions.REQUEST)
    @PostMapping("/{id}/confirmation")
    Detail confirm(@PathVariable long id, @RequestBody Confirm request) {
        return samples.confirm(id, request);
    }

    @RequiresPermission(SamplePermissions.REQUEST)
    @PostMapping("/{id}/seal")
    Detail seal(@PathVariable long id, @RequestBody(required = false) Seal request) {
        return samples.seal(id, request);
    }

    /**
     * The keeping department's decision on a sealed sample: {@code EXTEND} (keepUntil), {@code RESEAL} (location,
     * keepUntil) or {@code DISPOSE} (note); who and when are recorded. Permission {@code sample:keep}.
     */
    @RequiresPermission(SamplePermissions.KEEP)
    @PostMapping("/{id}/keep")
    Detail keep(@PathVariable long id, @RequestBody(required = false) com.careloop.property.SampleCommands.Keep request) {
        return samples.keep(id, request);
    }

    /**
     * The customer's personal link to approve or reject the sample sent (page {@code /public/sample-confirmations/…},
     * no login, 30 days, a new one replaces the old); mailed when {@code email} is given, in {@code language}.
     */
    @RequiresPermission(SamplePermissions.REQUEST)
    @PostMapping("/{id}/link")
    SampleViews.Link link(@PathVariable long id,
                          @RequestBody(required = false) com.careloop.property.SampleCommands.SendLink request) {
        return samples.issueLink(id, request);
    }

    /** An attachment of the notice (multipart {@code file}), checked by its bytes. */
    @RequiresPermission(SamplePermissions.REQUEST)
    @PostMapping("/{id}/files")
    @ResponseStatus(HttpStatus.CREATED)
    SampleViews.File attach(@PathVariable long id, @RequestParam(required = false) MultipartFile file) {
        try {
            return file == null ? samples.attach(id, null, null, null)
                    : samples.attach(id, file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @RequiresPermission(SamplePermissions.VIEW)
    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        return samples.download(id, fileId);
    }
}
