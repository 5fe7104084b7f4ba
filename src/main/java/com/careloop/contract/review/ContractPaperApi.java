package com.careloop.contract.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.careloop.contract.ContractPermissions;
import com.careloop.platform.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The papers around a contract over JSON: the order confirmation of a phone/oral order (订单确认表) and the production
 * task notices (生产任务通知单), each with its PDF.
 */
@Tag(name = "Contracts", description = "Contract and order review (合同评审) and the contract register (合同登记表)")
@RestController
@RequestMapping("/api/v1/contracts/{id}")
class ContractPaperApi {

    private final OrderConfirmations confirmations;
    private final ProductionNotices notices;
    private final ContractPaperForms forms;

    ContractPaperApi(OrderConfirmations confirmations, ProductionNotices notices, ContractPaperForms forms) {
        this.confirmations = confirmations;
        this.notices = notices;
        this.forms = forms;
    }

    @Operation(summary = "The order confirmation of a phone/oral order", description = "404 when none was prepared.")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/order-confirmation")
    OrderConfirmations.View confirmation(@PathVariable long id) {
        return confirmations.of(id).orElseThrow(() -> confirmations.missing(id));
    }

    @Operation(summary = "Prepare (or prepare again) the order confirmation", description = "What was agreed orally "
            + "(agreedWith, agreedOn, summary); issues the customer's personal link (url in the answer; earlier links "
            + "stop working) and mails it to email in language (zh-CN, zh-TW, en) when given. Only for PHONE/ORAL orders "
            + "before submission (409 contract.confirmation-not-needed / contract.wrong-stage).")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PutMapping("/order-confirmation")
    OrderConfirmations.View prepare(@PathVariable long id, @RequestBody OrderConfirmations.Prepare request) {
        return confirmations.prepare(id, request);
    }

    @Operation(summary = "Confirm by the customer's signed fax/scan or signature image", description = "Multipart: "
            + "method (SIGNED_SCAN, SIGNATURE) and file; stored on the contract (slot ORDER_CONFIRMATION), audited.")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/order-confirmation/document")
    OrderConfirmations.View confirmByDocument(@PathVariable long id,
                                              @RequestParam(required = false) OrderConfirmation.Method method,
                                              @RequestParam(required = false) MultipartFile file) {
        return ContractPaperApi.confirm(confirmations, id, method, file);
    }

    @Operation(summary = "The order confirmation as PDF (订单确认表)")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/order-confirmation.pdf")
    ResponseEntity<byte[]> confirmationPdf(@PathVariable long id) {
        return forms.confirmationPdf(id, LocaleContextHolder.getLocale());
    }

    @Operation(summary = "The contract's production task notices, newest first")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/production-notices")
    List<ProductionNotices.View> notices(@PathVariable long id) {
        return notices.of(id);
    }

    @Operation(summary = "A production task notice as PDF (生产任务通知单)")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/production-notices/{noticeId}.pdf")
    ResponseEntity<byte[]> noticePdf(@PathVariable long id, @PathVariable long noticeId) {
        return forms.noticePdf(id, noticeId, LocaleContextHolder.getLocale());
    }

    @Operation(summary = "Production acknowledges receipt of the notice", description = "Only a member of the "
            + "production department (409 contract.notice-not-production), once (409 contract.notice-acknowledged).")
    @RequiresPermission(ContractPermissions.VIEW)
    @PostMapping("/production-notices/{noticeId}/acknowledge")
    @ResponseStatus(HttpStatus.OK)
    ProductionNotices.View acknowledge(@PathVariable long id, @PathVariable long noticeId) {
        return notices.acknowledge(id, noticeId);
    }

    @Operation(summary = "Production cannot meet the notice (002-A16)", description = "Reason and the proposed date "
            + "and/or quantity; only production (409 contract.notice-not-production), 409 contract.notice-shortfall-open /"
            + " contract.notice-revised, 422 naming the field, stale version 409. Sales is notified.")
    @RequiresPermission(ContractPermissions.VIEW)
    @PostMapping("/production-notices/{noticeId}/shortfall")
    ProductionNotices.View shortfall(@PathVariable long id, @PathVariable long noticeId,
                                     @RequestBody ProductionNotices.ReportShortfall request) {
        return notices.reportShortfall(id, noticeId, request);
    }

    @Operation(summary = "Sales records the agreement with the customer; a revised notice is issued (002-A16)",
            description = "method, agreedOn (not future), withWhom, agreed, deliveryDate, quantity (one-line notices). "
                    + "409 contract.notice-no-shortfall / contract.notice-revised, 422 naming the field, stale version "
                    + "409. Returns the new notice, which production's receiver acknowledges.")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/production-notices/{noticeId}/shortfall/agreement")
    ProductionNotices.View agreeRevision(@PathVariable long id, @PathVariable long noticeId,
                                         @RequestBody ProductionNotices.AgreeRevision request) {
        return notices.agreeRevision(id, noticeId, request);
    }

    @Operation(summary = "合同不一致问题处理单 of the contract as PDF", description = "Every inconsistency and how it "
            + "was settled with the customer.")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/inconsistency-form.pdf")
    ResponseEntity<byte[]> inconsistencyForm(@PathVariable long id) {
        return forms.inconsistenciesPdf(id, LocaleContextHolder.getLocale());
    }

    static OrderConfirmations.View confirm(OrderConfirmations confirmations, long id, OrderConfirmation.Method method,
                                           MultipartFile file) {
        try {
            return confirmations.confirmByDocument(id, method, file == null ? null : file.getOriginalFilename(),
                    file == null ? null : file.getContentType(), file == null ? null : file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
