package com.careloop.fieldservice.trip;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.careloop.fieldservice.FieldServiceCommands;
import com.careloop.fieldservice.FieldServiceCommands.Briefing;
import com.careloop.fieldservice.FieldServiceCommands.Checklist;
import com.careloop.fieldservice.FieldServiceCommands.CustomerSignature;
import com.careloop.fieldservice.FieldServiceCommands.DepartureException;
import com.careloop.fieldservice.FieldServiceCommands.Findings;
import com.careloop.fieldservice.FieldServiceCommands.FollowUp;
import com.careloop.fieldservice.FieldServiceCommands.Hours;
import com.careloop.fieldservice.FieldServiceCommands.LeaderSignature;
import com.careloop.fieldservice.FieldServiceCommands.Measurement;
import com.careloop.fieldservice.FieldServiceCommands.Moment;
import com.careloop.fieldservice.FieldServiceCommands.OpenPoint;
import com.careloop.fieldservice.FieldServiceCommands.PartUsed;
import com.careloop.fieldservice.FieldServiceCommands.Plan;
import com.careloop.fieldservice.FieldServiceCommands.WorkDone;
import com.careloop.fieldservice.FieldServicePermissions;
import com.careloop.fieldservice.FieldServiceStatus;
import com.careloop.fieldservice.FieldServiceViews;
import com.careloop.fieldservice.FieldServiceViews.Detail;
import com.careloop.fieldservice.FieldServiceViews.Filter;
import com.careloop.fieldservice.FieldServiceViews.Page;
import com.careloop.fieldservice.FieldServices;
import com.careloop.platform.RequiresPermission;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Field services over JSON: plan from a request, the list and one service, each step as a POST sub-resource
 * (briefing, checklist, departure exception, depart, arrive, leave, work, findings, measurements, hours, parts,
 * open points and their follow-up, signatures), photos, and the field-service report (现场服务报告 Q/JL081304) as PDF.
 */
@RestController
@RequestMapping(FieldServices.API)
@Tag(name = "Field services", description = "Field service (现场服务): plan with a team, safety briefing and checklist, on-site record, the signed field-service report (现场服务报告 Q/JL081304), open points to follow-up or CAPA")
class FieldServiceApi {

    private final FieldServices services;
    private final FieldServicePrint print;

    FieldServiceApi(FieldServices services, FieldServicePrint print) {
        this.services = services;
        this.print = print;
    }

    @RequiresPermission(FieldServicePermissions.PLAN)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail plan(@RequestBody Plan request) {
        return services.plan(request);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping
    Page search(@RequestParam(required = false) FieldServiceStatus status,
                @RequestParam(required = false) Long customerId, @RequestParam(required = false) Boolean mine,
                @RequestParam(required = false) String q, @RequestParam(required = false) Boolean myDepartment,
                @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from,
                @RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate to, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return services.search(new Filter(status, customerId, mine, q, myDepartment, from, to), sort, cursor, limit);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        return services.detail(id);
    }

    /** The field-service report (现场服务报告 Q/JL081304) in the paper layout as PDF. */
    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/{id}/report.pdf")
    ResponseEntity<byte[]> reportPdf(@PathVariable long id) {
        return print.pdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(FieldServicePermissions.BRIEF)
    @PostMapping("/{id}/briefing")
    Detail brief(@PathVariable long id, @RequestBody Briefing request) {
        return services.brief(id, request);
    }

    /** The signed-in member acknowledges the briefing (any team member). */
    @RequiresPermission(FieldServicePermissions.VIEW)
    @PostMapping("/{id}/briefing/acknowledge")
    Detail acknowledge(@PathVariable long id) {
        return services.acknowledgeBriefing(id);
    }

    @RequiresPermission(FieldServicePermissions.BRIEF)
    @PostMapping("/{id}/checklist")
    Detail checklist(@PathVariable long id, @RequestBody Checklist request) {
        return services.checklist(id, request);
    }

    @RequiresPermission(FieldServicePermissions.MANAGE)
    @PostMapping("/{id}/departure-exception")
    Detail exception(@PathVariable long id, @RequestBody DepartureException request) {
        return services.departureException(id, request);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping("/{id}/depart")
    Detail depart(@PathVariable long id, @RequestBody(required = false) Moment request) {
        return services.depart(id, request);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping("/{id}/arrive")
    Detail arrive(@PathVariable long id, @RequestBody(required = false) Moment request) {
        return services.arrive(id, request);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping("/{id}/leave")
    Detail leave(@PathVariable long id, @RequestBody(required = false) Moment request) {
        return services.leaveSite(id, request);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping("/{id}/work")
    Detail work(@PathVariable long id, @RequestBody WorkDone request) {
        return services.workDone(id, request);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping("/{id}/findings")
    Detail findings(@PathVariable long id, @RequestBody Findings request) {
        return services.findings(id, request);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping("/{id}/measurements")
    Detail measure(@PathVariable long id, @RequestBody Measurement request) {
        return services.measure(id, request);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping("/{id}/hours")
    Detail hours(@PathVariable long id, @RequestBody Hours request) {
        return services.hours(id, request);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping("/{id}/parts-used")
    Detail partUsed(@PathVariable long id, @RequestBody PartUsed request) {
        return services.partUsed(id, request);
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping("/{id}/open-points")
    Detail openPoint(@PathVariable long id, @RequestBody OpenPoint request) {
        return services.openPoint(id, request);
    }

    /** {@code {"as":"REQUEST"}} (a follow-up service request) or {@code {"as":"CAPA"}}. */
    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping("/{id}/open-points/{pointId}/follow-up")
    Detail followUp(@PathVariable long id, @PathVariable long pointId, @RequestBody FollowUp request) {
        return services.followUp(id, pointId, request);
    }

    /** The customer's evaluation and signature from the pad (JSON, {@code signatureImage} a data URL). */
    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(value = "/{id}/customer-signature", consumes = MediaType.APPLICATION_JSON_VALUE)
    Detail customerSigns(@PathVariable long id, @RequestBody CustomerSignature request) {
        return services.customerSigns(id, request);
    }

    /** The same with the signed paper form scanned (multipart {@code file}, PNG or JPEG). */
    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping(value = "/{id}/customer-signature", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Detail customerSignsScan(@PathVariable long id, @RequestParam(required = false) String signerName,
                             @RequestParam(required = false) String evaluation,
                             @RequestParam(required = false) String comment,
                             @RequestParam(required = false) Long version,
                             @RequestParam(required = false) MultipartFile file) {
        return services.customerSigns(id, new CustomerSignature(signerName, evaluation, comment, null, version),
                upload(file));
    }

    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping("/{id}/leader-signature")
    Detail leaderSigns(@PathVariable long id, @RequestBody LeaderSignature request) {
        return services.leaderSigns(id, request);
    }

    /** A photo taken on site (multipart {@code file}, an image). */
    @RequiresPermission(FieldServicePermissions.REPORT)
    @PostMapping("/{id}/photos")
    @ResponseStatus(HttpStatus.CREATED)
    FieldServiceViews.File photo(@PathVariable long id, @RequestParam(required = false) MultipartFile file) {
        return services.addPhoto(id, upload(file));
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long fileId) {
        return services.download(id, fileId);
    }

    @RequiresPermission(FieldServicePermissions.VIEW)
    @GetMapping("/{id}/files/{fileId}/thumbnail")
    ResponseEntity<byte[]> thumbnail(@PathVariable long id, @PathVariable long fileId) {
        return services.thumbnail(id, fileId);
    }

    /** A multipart file as an upload (null when none was sent: the service says the file is required). */
    static FieldServiceCommands.Upload upload(MultipartFile file) {
        if (file == null) {
            return null;
        }
        try {
            return new FieldServiceCommands.Upload(file.getOriginalFilename(), file.getContentType(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
