package com.careloop.inspection.audit;

import com.careloop.inspection.AuditProgrammes;
import com.careloop.inspection.InspectionCommands.HeldBy;
import com.careloop.inspection.InspectionCommands.NewProgramme;
import com.careloop.inspection.InspectionCommands.ProgrammeLine;
import com.careloop.inspection.InspectionPermissions;
import com.careloop.inspection.InspectionViews.Programme;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.RequiresPermission;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The yearly internal audit programme over JSON ({@code /api/v1/internal-audit-programmes}): the programme of a year,
 * its lines (department or process, month, auditor), the audit that held a line, a cancelled line.
 */
@RestController
class ProgrammeApi {

    static final String BASE = "/api/v1/internal-audit-programmes";

    private final AuditProgrammes programmes;

    ProgrammeApi(AuditProgrammes programmes) {
        this.programmes = programmes;
    }

    /** A cancelled line: the reason and the version read. */
    record Cancel(String note, Long version) {
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(BASE)
    Programme ofYear(@RequestParam int year) {
        return programmes.ofYear(year).orElseThrow(() -> new NotFoundException(AuditProgrammes.RECORD_TYPE, year));
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(BASE + "/{id}")
    Programme programme(@PathVariable long id) {
        return programmes.programme(id);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(BASE)
    @ResponseStatus(HttpStatus.CREATED)
    Programme create(@RequestBody NewProgramme body) {
        return programmes.create(body);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(BASE + "/{id}/lines")
    @ResponseStatus(HttpStatus.CREATED)
    Programme addLine(@PathVariable long id, @RequestBody ProgrammeLine body) {
        return programmes.addLine(id, body);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PutMapping(BASE + "/{id}/lines/{lineId}")
    Programme updateLine(@PathVariable long id, @PathVariable long lineId, @RequestBody ProgrammeLine body) {
        return programmes.updateLine(id, lineId, body);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(BASE + "/{id}/lines/{lineId}/held")
    Programme hold(@PathVariable long id, @PathVariable long lineId, @RequestBody HeldBy body) {
        return programmes.hold(id, lineId, body);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(BASE + "/{id}/lines/{lineId}/cancel")
    Programme cancel(@PathVariable long id, @PathVariable long lineId, @RequestBody(required = false) Cancel body) {
        return programmes.cancel(id, lineId, body == null ? null : body.note(), body == null ? null : body.version());
    }
}
