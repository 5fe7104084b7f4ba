package com.careloop.contract.tender;

import java.time.LocalDate;
import java.util.List;

import com.careloop.contract.ContractPermissions;
import com.careloop.platform.RequiresPermission;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@Tag(name = "Tenders", description = "Tender review (招投标评审): countersign before bidding, bid / no bid, won → contract")
@RestController
@RequestMapping("/api/v1/tenders")
class TenderApi {

    private final Tenders tenders;
    private final TenderReviewForm form;

    TenderApi(Tenders tenders, TenderReviewForm form) {
        this.tenders = tenders;
        this.form = form;
    }

    @Operation(summary = "Register a tender", description = "Customer, tender number, title, bid deadline (not past), "
            + "scope, estimated amount (CNY, ≤ 2 decimals), requirements; numbered TB…")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TenderCommands.View register(@RequestBody TenderCommands.Register request) {
        return tenders.register(request);
    }

    @Operation(summary = "Tenders within the reader's data scope", description = "Filter by status, customer, free text "
            + "(our number, the tender's number, title, customer), bid deadline range, or the contract a won tender became")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping
    List<TenderCommands.View> list(@RequestParam(required = false) String status,
                                   @RequestParam(required = false) Long contractId,
                                   @RequestParam(required = false) Long customerId,
                                   @RequestParam(required = false) String q,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                   LocalDate deadlineFrom,
                                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                   LocalDate deadlineTo,
                                   @RequestParam(defaultValue = "50") int limit) {
        return tenders.search(new TenderCommands.Filter(status, customerId, q, deadlineFrom, deadlineTo, contractId),
                limit);
    }

    @Operation(summary = "Attach a file", description = "multipart slot (TENDER_DOCUMENT, DRAWING, OTHER) + file; checked "
            + "by its bytes and size, kept in the platform file store (owner contract-tender)")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/files")
    @ResponseStatus(HttpStatus.CREATED)
    TenderCommands.Attachment attach(@PathVariable long id, @RequestParam(required = false) TenderSlot slot,
                                     @RequestParam(required = false) MultipartFile file) {
        return TenderPages.attach(tenders, id, slot, file);
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/{id}/files")
    List<TenderCommands.Attachment> files(@PathVariable long id) {
        return tenders.files(id);
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/{id}/files/{fileId}")
    ResponseEntity<byte[]> file(@PathVariable long id, @PathVariable long fileId) {
        return tenders.download(id, fileId);
    }

    @Operation(summary = "投标评审表 as PDF", description = "The tender's facts, each department's verdict, the decision")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/{id}/review-form.pdf")
    ResponseEntity<byte[]> reviewForm(@PathVariable long id) {
        return form.pdf(id, LocaleContextHolder.getLocale());
    }

    @Operation(summary = "The tender's review meetings (评审会议纪要, 001-A5), oldest first")
    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/{id}/review-meetings")
    List<com.careloop.contract.review.ReviewMeetings.View> meetings(@PathVariable long id) {
        return tenders.meetings(id);
    }

    @Operation(summary = "Record a review meeting of the tender", description = "heldOn (not in the future), place, "
            + "attendees by name, minutes; 422 naming the field, nothing saved. Printed on the 投标评审表.")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/review-meetings")
    @ResponseStatus(HttpStatus.CREATED)
    com.careloop.contract.review.ReviewMeetings.View recordMeeting(@PathVariable long id,
            @RequestBody(required = false) com.careloop.contract.review.ReviewMeetings.Record body) {
        return tenders.recordMeeting(id, body);
    }

    @RequiresPermission(ContractPermissions.VIEW)
    @GetMapping("/{id}")
    TenderCommands.View detail(@PathVariable long id) {
        return tenders.detail(id);
    }

    @Operation(summary = "Submit for review", description = "Starts the countersign on chain tender.review")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/submit")
    TenderCommands.View submit(@PathVariable long id, @RequestBody(required = false) TenderCommands.Submit request) {
        return tenders.submit(id, request);
    }

    @Operation(summary = "Bid / no bid", description = "The sales manager after the countersign; a bid above the major "
            + "threshold goes on to the general manager")
    @RequiresPermission(ContractPermissions.DECIDE)
    @PostMapping("/{id}/decision")
    TenderCommands.View decide(@PathVariable long id, @RequestBody TenderCommands.Decide request) {
        return tenders.decide(id, request);
    }

    @RequiresPermission(ContractPermissions.REVIEW)
    @PostMapping("/{id}/gm-decision")
    TenderCommands.View gmDecision(@PathVariable long id, @RequestBody TenderCommands.GmDecision request) {
        return tenders.gmDecision(id, request);
    }

    @Operation(summary = "Won or lost", description = "WON registers the contract (source TENDER) with the awarded lines")
    @RequiresPermission(ContractPermissions.REGISTER)
    @PostMapping("/{id}/result")
    TenderCommands.View result(@PathVariable long id, @RequestBody TenderCommands.Result request) {
        return tenders.result(id, request);
    }
}
