package com.careloop.inspection.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.careloop.inspection.CustomerRequirements;
import com.careloop.inspection.InspectionCommands.NewRequirement;
import com.careloop.inspection.InspectionPermissions;
import com.careloop.inspection.InspectionViews.Requirement;
import com.careloop.inspection.RequirementStatus;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
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
 * The customer-specific requirements register over JSON ({@code /api/v1/customer-requirements}: list, record, edit
 * with version, Excel export) and an audit's customer list for its P folder ({@code /api/v1/audits/{id}/requirements}).
 */
@RestController
class RequirementApi {

    static final String BASE = "/api/v1/customer-requirements";

    private final CustomerRequirements requirements;

    RequirementApi(CustomerRequirements requirements) {
        this.requirements = requirements;
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(BASE)
    List<Requirement> list(@RequestParam(required = false) Long customerId,
                           @RequestParam(required = false) RequirementStatus status,
                           @RequestParam(required = false) Long departmentId) {
        return requirements.list(customerId, status, departmentId);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(BASE + "/{id}")
    Requirement requirement(@PathVariable long id) {
        return requirements.requirement(id);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PostMapping(BASE)
    @ResponseStatus(HttpStatus.CREATED)
    Requirement create(@RequestBody NewRequirement body) {
        return requirements.create(body);
    }

    @RequiresPermission(InspectionPermissions.MANAGE)
    @PutMapping(BASE + "/{id}")
    Requirement update(@PathVariable long id, @RequestBody NewRequirement body) {
        return requirements.update(id, body);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(BASE + "/export")
    void export(@RequestParam(required = false) Long customerId, @RequestParam(required = false) RequirementStatus status,
                @RequestParam(required = false) Long departmentId, HttpServletResponse response) {
        excel(requirements, customerId, status, departmentId, response);
    }

    @RequiresPermission(InspectionPermissions.VIEW)
    @GetMapping(InspectionApi.AUDITS + "/{id}/requirements")
    List<Requirement> forAudit(@PathVariable long id) {
        return requirements.forAudit(id);
    }

    /** The register as an .xlsx download (shared by the API and the page). */
    static void excel(CustomerRequirements requirements, Long customerId, RequirementStatus status, Long departmentId,
                      HttpServletResponse response) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"customer-requirements.xlsx\"");
        try {
            requirements.export(customerId, status, departmentId, LocaleContextHolder.getLocale(),
                    response.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
