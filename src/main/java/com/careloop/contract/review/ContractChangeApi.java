package com.careloop.contract.review;

import java.util.List;

import com.careloop.contract.ContractCommands;
import com.careloop.contract.ContractPermissions;
import com.careloop.contract.ContractViews;
import com.careloop.platform.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

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
 * Contract changes (合同变更) and revisions over JSON: request a change agreed with the customer, the touched
 * departments sign their aspects (here or from /approvals), acknowledge the change notice (合同变更通知单) and its PDF,
 * the revisions v1, v2 … and the difference between any two.
 */
@Tag(name = "Contracts", description = "Contract and order review (合同评审) and the contract register (合同登记表)")
@RestController
@RequestMapping("/api/v1/contracts/{id}")
class ContractChangeApi {

    private final ContractChanges changes;
    private final ContractChangeForms forms;
    private final ChangeNoticeCustomers customers;

    ContractChangeApi(ContractChanges changes, ContractChangeForms forms, ChangeNoticeCustomers customers) {
        this.changes = changes;
        this.forms = forms;
        this.customers = customers;
    }

    @Operation(summary = "Send the change notice to the customer for confirmation", description = "{email?, language?"
            + " zh-CN|zh-TW|en}: a personal link (answered without login: confirm or comment), mailed when an address "
            + "is given, else pass on the url of the answer. 409 contract.change-no-notice before the change is "
            + "accepted, contract.change-customer-answered once answered; 422 on email/language.")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/changes/{changeId}/customer-link")
    @ResponseStatus(HttpStatus.CREATED)
    ChangeNoticeCustomers.Confirmation sendToCustomer(@PathVariable long id, @PathVariable long changeId,
                                                      @RequestBody(required = false) ChangeNoticeCustomers.Send body) {
        return customers.send(id, changeId, body);
    }

    @Operation(summary = "The contract's changes, newest first")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/changes")
    List<ContractViews.Change> list(@PathVariable long id) {
        return changes.of(id);
    }

    @Operation(summary = "Request a change agreed with the customer", description = "kinds (QUANTITY, DELIVERY_DATE, "
            + "PRICE, STRUCTURE_SPEC, PROCESS, PACKAGING_REQUIREMENTS, MATERIAL, TERMINATION — alone, with reason); how "
            + "it was agreed (agreedMethod PHONE/FAX/MAIL/VISIT/MEETING, agreedOn, agreedWith, agreed); the new values "
            + "(deliveryDate, paymentTerms, specialRequirements, lines replacing all lines; null = unchanged); version. "
            + "Only the departments whose aspects the kinds touch re-review it. 422 naming the field (newValues, kinds, "
            + "lines[0].quantity, deliveryDate …); 409 contract.state (not accepted / in production), "
            + "contract.change-open, stale version.")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/changes")
    @ResponseStatus(HttpStatus.CREATED)
    ContractViews.Change request(@PathVariable long id, @RequestBody(required = false) ContractCommands.RequestChange body) {
        return changes.request(id, body);
    }

    @Operation(summary = "One change with its re-review, difference and notice")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/changes/{changeId}")
    ContractViews.Change get(@PathVariable long id, @PathVariable long changeId) {
        return changes.get(id, changeId);
    }

    @Operation(summary = "A touched department signs its aspect of the change", description = "{aspect, verdict "
            + "ACCEPT/ACCEPT_WITH_CONDITIONS/CANNOT_ACCEPT, comment}; 422 aspect not re-reviewed; 409 not yours / "
            + "signed / decided. The last acceptance makes the new revision current; CANNOT_ACCEPT rejects the change.")
    @RequiresPermission(ContractPermissions.REVIEW)
    @PostMapping("/changes/{changeId}/signatures")
    ContractViews.Change sign(@PathVariable long id, @PathVariable long changeId,
                              @RequestBody ContractCommands.Sign body) {
        return changes.sign(id, changeId, body);
    }

    @Operation(summary = "The requester withdraws a change under review")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/changes/{changeId}/withdraw")
    ContractViews.Change withdraw(@PathVariable long id, @PathVariable long changeId) {
        return changes.withdraw(id, changeId);
    }

    @Operation(summary = "The general manager's decision on a change of a major contract", description = "{approve, "
            + "comment}: after the touched departments accepted a change of a major contract (total above the major "
            + "threshold before or after the change, or a special contract when so configured). 409 "
            + "contract.change-wrong-stage before that, contract.own-change approving a change one requested or of "
            + "one's own contract, approvals.not-assignee for anybody but the general manager.")
    @RequiresPermission(ContractPermissions.REVIEW)
    @PostMapping("/changes/{changeId}/gm-decision")
    ContractViews.Change gmDecision(@PathVariable long id, @PathVariable long changeId,
                                    @RequestBody(required = false) ContractCommands.GmDecision body) {
        return changes.gmDecision(id, changeId, body);
    }

    @Operation(summary = "A member of a notified department acknowledges the change notice", description = "Once per "
            + "department (409 contract.change-acknowledged); others 409 contract.change-not-notified.")
    @RequiresPermission(ContractPermissions.VIEW)
    @PostMapping("/changes/{changeId}/acknowledge")
    ContractViews.Change acknowledge(@PathVariable long id, @PathVariable long changeId) {
        return changes.acknowledge(id, changeId);
    }

    @Operation(summary = "The change notice as PDF (合同变更通知单)", description = "404 before the change is accepted.")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/changes/{changeId}/notice.pdf")
    ResponseEntity<byte[]> noticePdf(@PathVariable long id, @PathVariable long changeId) {
        return forms.noticePdf(id, changeId, LocaleContextHolder.getLocale());
    }

    @Operation(summary = "Every revision of the contract (v1, v2 …), oldest first")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/revisions")
    List<ContractViews.Revision> revisions(@PathVariable long id) {
        return changes.revisions(id);
    }

    @Operation(summary = "The field-level difference between two revisions", description = "from and to are revision "
            + "numbers; lines added, removed and changed with old → new, dates, terms, amounts; text in the reader's "
            + "language.")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/revisions/diff")
    List<ContractViews.DiffEntry> diff(@PathVariable long id, @RequestParam int from, @RequestParam int to) {
        return changes.diff(id, from, to);
    }
}
