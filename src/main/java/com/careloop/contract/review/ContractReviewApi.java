package com.careloop.contract.review;

import com.careloop.contract.ContractCommands;
import com.careloop.contract.ContractPermissions;
import com.careloop.contract.ContractViews.Detail;
import com.careloop.contract.Contracts;
import com.careloop.platform.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The reviewers' actions on a contract under countersign: sign one's aspect, log an inconsistency, and — for sales —
 * record its resolution with the customer. {@code {id}} is the contract's id.
 */
@Tag(name = "Contract reviews", description = "Countersign (会签) of a contract by aspect, inconsistencies (合同不一致问题处理单)")
@RestController
@RequestMapping("/api/v1/contract-reviews")
class ContractReviewApi {

    private final Contracts contracts;

    ContractReviewApi(Contracts contracts) {
        this.contracts = contracts;
    }

    @Operation(summary = "Sign my aspect", description = "ACCEPT, ACCEPT_WITH_CONDITIONS or CANNOT_ACCEPT (comment "
            + "required for the last two). Another department's aspect or signing twice → 409; an aspect that is not "
            + "part of this review → 422; accepting with an open inconsistency on it → 409.")
    @RequiresPermission(ContractPermissions.REVIEW)
    @PostMapping("/{id}/signatures")
    Detail sign(@PathVariable long id, @RequestBody ContractCommands.Sign request) {
        return contracts.sign(id, request);
    }

    @Operation(summary = "Log an inconsistency on my aspect", description = "Description and proposal; sales is told.")
    @RequiresPermission(ContractPermissions.REVIEW)
    @PostMapping("/{id}/inconsistencies")
    Detail raise(@PathVariable long id, @RequestBody ContractCommands.RaiseInconsistency request) {
        return contracts.raiseInconsistency(id, request);
    }

    @Operation(summary = "Record the resolution with the customer", description = "How (phone, fax, mail, visit, "
            + "meeting), when, with whom, what was agreed; the raising reviewer is asked to sign.")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/inconsistencies/{inconsistencyId}/resolution")
    Detail resolve(@PathVariable long id, @PathVariable long inconsistencyId,
                   @RequestBody ContractCommands.Resolve request) {
        return contracts.resolveInconsistency(id, inconsistencyId, request);
    }
}
