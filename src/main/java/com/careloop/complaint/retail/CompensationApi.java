package com.careloop.complaint.retail;

import com.careloop.complaint.AdvanceCompensations;
import com.careloop.complaint.ClaimCommands.Comment;
import com.careloop.complaint.ClaimCommands.Step;
import com.careloop.complaint.ClaimPermissions;
import com.careloop.complaint.CompensationCommands.Pay;
import com.careloop.complaint.CompensationCommands.RequestCompensation;
import com.careloop.complaint.CompensationStatus;
import com.careloop.complaint.CompensationViews.CompensationDetail;
import com.careloop.complaint.CompensationViews.CompensationRow;
import com.careloop.complaint.CompensationViews.Filter;
import com.careloop.complaint.RecordPage;
import com.careloop.platform.RequiresPermission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Advance compensation requests over JSON: request, list, the request and its approval chain. */
@RestController
@RequestMapping("/api/v1/compensations")
class CompensationApi {

    private final AdvanceCompensations compensations;

    CompensationApi(AdvanceCompensations compensations) {
        this.compensations = compensations;
    }

    @RequiresPermission(ClaimPermissions.COMPENSATION_REQUEST)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CompensationDetail request(@Valid @RequestBody RequestCompensation request) {
        return compensations.request(request);
    }

    @RequiresPermission(ClaimPermissions.COMPENSATION_REQUEST)
    @GetMapping
    RecordPage<CompensationRow> search(@RequestParam(required = false) CompensationStatus status,
                                       @RequestParam(required = false) Long customerId,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return compensations.search(new Filter(status, customerId), cursor, limit);
    }

    @RequiresPermission(ClaimPermissions.COMPENSATION_REQUEST)
    @GetMapping("/{id}")
    CompensationDetail get(@PathVariable long id) {
        return compensations.detail(id);
    }

    @RequiresPermission(ClaimPermissions.COMPENSATION_APPROVE)
    @PostMapping("/{id}/approve-supervisor")
    CompensationDetail approveSupervisor(@PathVariable long id, @RequestBody(required = false) Step request) {
        return compensations.approveAsSupervisor(id, request);
    }

    @RequiresPermission(ClaimPermissions.COMPENSATION_APPROVE)
    @PostMapping("/{id}/approve-manager")
    CompensationDetail approveManager(@PathVariable long id, @RequestBody(required = false) Step request) {
        return compensations.approveAsManager(id, request);
    }

    @RequiresPermission(ClaimPermissions.COMPENSATION_APPROVE)
    @PostMapping("/{id}/reject")
    CompensationDetail reject(@PathVariable long id, @Valid @RequestBody Comment request) {
        return compensations.reject(id, request);
    }

    @RequiresPermission(ClaimPermissions.COMPENSATION_APPROVE)
    @PostMapping("/{id}/pay")
    CompensationDetail pay(@PathVariable long id, @Valid @RequestBody(required = false) Pay request) {
        return compensations.pay(id, request);
    }
}
