package com.careloop.contract.review;

import com.careloop.contract.ContractCommands;
import com.careloop.contract.AttachmentSlot;
import com.careloop.contract.ContractPermissions;
import com.careloop.contract.ContractViews;
import com.careloop.contract.ContractViews.Detail;
import com.careloop.contract.ContractViews.Filter;
import com.careloop.contract.ContractViews.Page;
import com.careloop.contract.Contracts;
import com.careloop.platform.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
 * Contracts over JSON: registration, the register (search, keyset paging, Excel), the contract, submission, the
 * sales manager's outcome, the general manager's decision, register status steps and the printed review form.
 * Signatures and inconsistencies are under {@code /api/v1/contract-reviews}.
 */
@Tag(name = "Contracts", description = "Contract and order review (合同评审) and the contract register (合同登记表)")
@RestController
@RequestMapping("/api/v1/contracts")
class ContractApi {

    private final Contracts contracts;
    private final ContractRegisterExport export;
    private final ContractReviewForm form;

    ContractApi(Contracts contracts, ContractRegisterExport export, ContractReviewForm form) {
        this.contracts = contracts;
        this.export = export;
        this.form = form;
    }

    @Operation(summary = "Register a contract or order", description = "Customer, numbers, source, class, dates, "
            + "payment terms, special requirements and lines; amounts are computed (CNY, 2 decimals). 422 names the "
            + "field: unit price with more than 2 decimals, quantity ≤ 0, delivery date before the order date.")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Detail register(@RequestBody ContractCommands.Register request) {
        return contracts.register(request);
    }

    @Operation(summary = "The contract register", description = "Within the reader's data scope; search by q (our or "
            + "the customer's number, customer name), customerId, product, salespersonId, from/to (order date), status, "
            + "reviewStage; keyset-paged (nextCursor); sort by number, customer, orderDate, deliveryDate, totalAmount or "
            + "status ('-' descending).")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping
    Page search(@org.springframework.web.bind.annotation.ModelAttribute Filter filter,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return contracts.search(filter, sort, cursor, limit);
    }

    @Operation(summary = "The contract register as .xlsx", description = "Same filters as the list; streamed; audited.")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/export")
    void export(@org.springframework.web.bind.annotation.ModelAttribute Filter filter,
                @RequestParam(required = false) String sort, jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) {
        export.write(filter, sort, request.getQueryString(), response);
    }

    @Operation(summary = "A contract", description = "With lines, the review per aspect, inconsistencies and outcome.")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/{id}")
    Detail get(@PathVariable long id) {
        return contracts.detail(id);
    }

    @Operation(summary = "The contract review form R-QP-005-06 as PDF", description = "Stamped 已评审通过 once accepted.")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/{id}/review-form.pdf")
    ResponseEntity<byte[]> reviewForm(@PathVariable long id) {
        return form.pdf(id, LocaleContextHolder.getLocale());
    }

    @Operation(summary = "Attach a file", description = "Multipart: slot (SCAN, DRAWING, LICENCE, OTHER) and file; "
            + "checked by magic bytes and size (422 naming file), stored in the platform file store, audited.")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/files")
    @ResponseStatus(HttpStatus.CREATED)
    ContractViews.Attachment attach(@PathVariable long id, @RequestParam(required = false) AttachmentSlot slot,
                                    @RequestParam(required = false) org.springframework.web.multipart.MultipartFile file) {
        return ContractFiles.attach(contracts, id, slot, file);
    }

    @Operation(summary = "Download a file of the contract", description = "Always as an attachment.")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        return contracts.download(id, fileId);
    }

    @Operation(summary = "Submit for review", description = "Starts the countersign on the class's review matrix "
            + "(approval chain contract.REGULAR / contract.SPECIAL); a repeat order goes to confirmation at once.")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/submit")
    Detail submit(@PathVariable long id, @RequestBody(required = false) ContractCommands.Submit request) {
        return contracts.submit(id, request);
    }

    @Operation(summary = "The sales manager's outcome", description = "A accepted (major contracts then go to the "
            + "general manager), B clarify with the customer, C not accepted. A with an open inconsistency → 409.")
    @RequiresPermission(ContractPermissions.DECIDE)
    @PostMapping("/{id}/outcome")
    Detail outcome(@PathVariable long id, @RequestBody ContractCommands.Decide request) {
        return contracts.decide(id, request);
    }

    @Operation(summary = "The general manager's decision on a major contract", description = "Approving one's own "
            + "contract → 409.")
    @RequiresPermission(ContractPermissions.REVIEW)
    @PostMapping("/{id}/gm-decision")
    Detail gmDecision(@PathVariable long id, @RequestBody ContractCommands.GmDecision request) {
        return contracts.gmDecision(id, request);
    }

    @Operation(summary = "Start production (accepted → in production)")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/start-production")
    Detail startProduction(@PathVariable long id, @RequestBody(required = false) ContractCommands.StatusStep request) {
        return contracts.registerStep(id, "start-production", request);
    }

    @Operation(summary = "Delivered (in production → delivered)")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/deliver")
    Detail deliver(@PathVariable long id, @RequestBody(required = false) ContractCommands.StatusStep request) {
        return contracts.registerStep(id, "deliver", request);
    }

    @Operation(summary = "Close (delivered → closed)")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/close")
    Detail close(@PathVariable long id, @RequestBody(required = false) ContractCommands.StatusStep request) {
        return contracts.registerStep(id, "close", request);
    }

    @Operation(summary = "Cancel (under review without a running approval, or accepted)")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/cancel")
    Detail cancel(@PathVariable long id, @RequestBody(required = false) ContractCommands.StatusStep request) {
        return contracts.registerStep(id, "cancel", request);
    }
}
