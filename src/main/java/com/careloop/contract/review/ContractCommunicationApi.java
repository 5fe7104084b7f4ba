package com.careloop.contract.review;

import java.util.List;

import com.careloop.contract.ContractPermissions;
import com.careloop.platform.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Communications with the customer about one contract (seeds 001-A15, 001-B14). */
@Tag(name = "Contracts", description = "Contract and order review (合同评审) and the contract register (合同登记表)")
@RestController
@RequestMapping("/api/v1/contracts/{id}/communications")
class ContractCommunicationApi {

    private final ContractCommunications communications;

    ContractCommunicationApi(ContractCommunications communications) {
        this.communications = communications;
    }

    @Operation(summary = "The contract's customer communications, oldest first")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping
    List<ContractCommunications.View> list(@PathVariable long id) {
        return communications.of(id);
    }

    @Operation(summary = "Record a communication with the customer about this contract", description = "channel "
            + "(PHONE, FAX, MAIL, VISIT, EXHIBITION), occurredOn (not in the future), withWhom, summary; 422 naming the "
            + "field, nothing saved. The phase (BEFORE/DURING/AFTER) follows the contract's status. A VISIT also enters "
            + "the customer's contact log. An attachment: POST …/files with slot COMMUNICATION.")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ContractCommunications.View record(@PathVariable long id,
                                       @RequestBody(required = false) ContractCommunications.Record body) {
        return communications.record(id, body);
    }
}
