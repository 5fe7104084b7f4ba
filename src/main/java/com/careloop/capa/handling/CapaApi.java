package com.careloop.capa.handling;

import com.careloop.capa.CapaCommands.ActionDone;
import com.careloop.capa.CapaCommands.AddTeamMember;
import com.careloop.capa.CapaCommands.CheckEffectiveness;
import com.careloop.capa.CapaCommands.Close;
import com.careloop.capa.CapaCommands.Contain;
import com.careloop.capa.CapaCommands.Open;
import com.careloop.capa.CapaCommands.PlanAction;
import com.careloop.capa.CapaCommands.RootCause;
import com.careloop.capa.CapaCommands.StartVerification;
import com.careloop.capa.CapaPermissions;
import com.careloop.capa.CapaStatus;
import com.careloop.capa.CapaViews.Detail;
import com.careloop.capa.CapaViews.Filter;
import com.careloop.capa.CapaViews.Page;
import com.careloop.capa.CorrectiveActions;
import com.careloop.platform.RequiresPermission;

import jakarta.validation.Valid;
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

/**
 * CAPAs over JSON: the manual/audit/inspection opening (idempotent with {@code Idempotency-Key}), the list, the
 * CAPA with its sources, whys, actions, checks, team and timeline, and every step as a POST sub-resource.
 */
@RestController
@RequestMapping("/api/v1/capa")
class CapaApi {

    private final CorrectiveActions capas;

    private final CapaListExport export;
    private final CapaEightD eightD;

    CapaApi(CorrectiveActions capas, CapaListExport export, CapaEightD eightD) {
        this.capas = capas;
        this.export = export;
        this.eightD = eightD;
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail open(@Valid @RequestBody Open request) {
        return capas.openManually(request);
    }

    @RequiresPermission(CapaPermissions.VIEW)
    @GetMapping
    Page search(@RequestParam(required = false) CapaStatus status, @RequestParam(required = false) String sourceType,
                @RequestParam(required = false) Boolean overdue, @RequestParam(required = false) Long departmentId,
                @RequestParam(required = false) Long customerId, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit,
                @org.springframework.web.bind.annotation.ModelAttribute com.careloop.capa.CapaViews.DrillDown drillDown) {
        return capas.search(new Filter(status, sourceType, overdue, departmentId, customerId, drillDown), sort, cursor,
                limit);
    }

    /** The list as .xlsx with the same filters and sort, audited. */
    @RequiresPermission(CapaPermissions.VIEW)
    @GetMapping("/export")
    void export(@org.springframework.web.bind.annotation.ModelAttribute Filter filter,
                @RequestParam(required = false) String sort, jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) {
        export.write(filter, sort, request.getQueryString(), response);
    }

    @RequiresPermission(CapaPermissions.VIEW)
    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        return capas.detail(id);
    }

    /** The 8D report as PDF in the reader's language (Accept-Language), named after the CAPA number. */
    @RequiresPermission(CapaPermissions.VIEW)
    @GetMapping("/{id}/8d.pdf")
    ResponseEntity<byte[]> eightDPdf(@PathVariable long id) {
        return eightD.pdf(id, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping("/{id}/containment")
    Detail contain(@PathVariable long id, @Valid @RequestBody Contain request) {
        return capas.containment(id, request);
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping("/{id}/root-cause")
    Detail rootCause(@PathVariable long id, @Valid @RequestBody RootCause request) {
        return capas.rootCause(id, request);
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping("/{id}/actions")
    Detail planAction(@PathVariable long id, @Valid @RequestBody PlanAction request) {
        return capas.planAction(id, request);
    }

    /** The action's owner may mark it done with view permission; the service checks owner or capa:handle. */
    @RequiresPermission(CapaPermissions.VIEW)
    @PostMapping("/{id}/actions/{actionId}/done")
    Detail actionDone(@PathVariable long id, @PathVariable long actionId, @Valid @RequestBody ActionDone request) {
        return capas.markActionDone(id, actionId, request);
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping("/{id}/start-verification")
    Detail startVerification(@PathVariable long id, @RequestBody(required = false) StartVerification request) {
        return capas.startVerification(id, request);
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping("/{id}/effectiveness-checks")
    Detail check(@PathVariable long id, @Valid @RequestBody CheckEffectiveness request) {
        return capas.checkEffectiveness(id, request);
    }

    @RequiresPermission(CapaPermissions.CLOSE)
    @PostMapping("/{id}/close")
    Detail close(@PathVariable long id, @Valid @RequestBody Close request) {
        return capas.close(id, request);
    }

    @RequiresPermission(CapaPermissions.HANDLE)
    @PostMapping("/{id}/team")
    Detail addTeamMember(@PathVariable long id, @Valid @RequestBody AddTeamMember request) {
        return capas.addTeamMember(id, request);
    }
}
