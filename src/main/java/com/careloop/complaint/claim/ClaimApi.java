package com.careloop.complaint.claim;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.careloop.complaint.ClaimCommands.AddEvidenceNote;
import com.careloop.complaint.ClaimCommands.Agree;
import com.careloop.complaint.ClaimCommands.Comment;
import com.careloop.complaint.ClaimCommands.DetermineResponsibility;
import com.careloop.complaint.ClaimCommands.Inspect;
import com.careloop.complaint.ClaimCommands.Propose;
import com.careloop.complaint.ClaimCommands.RegisterClaim;
import com.careloop.complaint.ClaimCommands.Settle;
import com.careloop.complaint.ClaimCommands.Step;
import com.careloop.complaint.ClaimPermissions;
import com.careloop.complaint.ClaimStatus;
import com.careloop.complaint.ClaimViews.ClaimDetail;
import com.careloop.complaint.ClaimViews.ClaimRow;
import com.careloop.complaint.ClaimViews.Content;
import com.careloop.complaint.ClaimViews.Filter;
import com.careloop.complaint.Claims;
import com.careloop.complaint.RecordPage;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.UploadedFiles;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

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
import org.springframework.web.multipart.MultipartFile;

/** Claims over JSON: registration (idempotent with {@code Idempotency-Key}), the list, the claim, and every step. */
@RestController
@RequestMapping("/api/v1/claims")
class ClaimApi {

    private final Claims claims;

    private final ClaimListExport export;

    ClaimApi(Claims claims, ClaimListExport export) {
        this.claims = claims;
        this.export = export;
    }

    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ClaimDetail register(@Valid @RequestBody RegisterClaim request) {
        return claims.register(request);
    }

    @RequiresPermission(ClaimPermissions.CLAIM_VIEW)
    @GetMapping
    RecordPage<ClaimRow> search(@RequestParam(required = false) ClaimStatus status,
                                @RequestParam(required = false) Long customerId,
                                @RequestParam(required = false) Long complaintId,
                                @RequestParam(required = false) String sort,
                                @RequestParam(required = false) String cursor,
                                @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return claims.search(new Filter(status, customerId, complaintId), sort, cursor, limit);
    }

    /** The list as .xlsx with the same filters and sort, audited. */
    @RequiresPermission(ClaimPermissions.CLAIM_VIEW)
    @GetMapping("/export")
    void export(@org.springframework.web.bind.annotation.ModelAttribute Filter filter,
                @RequestParam(required = false) String sort, jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) {
        export.write(filter, sort, request.getQueryString(), response);
    }

    @RequiresPermission(ClaimPermissions.CLAIM_VIEW)
    @GetMapping("/{id}")
    ClaimDetail get(@PathVariable long id) {
        return claims.detail(id);
    }

    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @PostMapping("/{id}/evidence")
    ClaimDetail evidence(@PathVariable long id, @Valid @RequestBody AddEvidenceNote request) {
        return claims.addEvidenceNote(id, request);
    }

    /** A photo (multipart {@code file}, optional {@code note} and {@code version}). */
    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @PostMapping("/{id}/evidence/photos")
    ClaimDetail photo(@PathVariable long id, @RequestParam(required = false) MultipartFile file,
                      @RequestParam(required = false) String note, @RequestParam(required = false) Long version) {
        return upload(claims, id, file, note, version);
    }

    @RequiresPermission(ClaimPermissions.CLAIM_VIEW)
    @GetMapping("/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> download(@PathVariable long id, @PathVariable long evidenceId) {
        return download(claims.evidenceContent(id, evidenceId));
    }

    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @PostMapping("/{id}/inspect")
    ClaimDetail inspect(@PathVariable long id, @Valid @RequestBody Inspect request) {
        return claims.inspect(id, request);
    }

    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @PostMapping("/{id}/responsibility")
    ClaimDetail responsibility(@PathVariable long id, @Valid @RequestBody DetermineResponsibility request) {
        return claims.determineResponsibility(id, request);
    }

    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @PostMapping("/{id}/propose")
    ClaimDetail propose(@PathVariable long id, @Valid @RequestBody Propose request) {
        return claims.propose(id, request);
    }

    @RequiresPermission(ClaimPermissions.CLAIM_APPROVE)
    @PostMapping("/{id}/approve")
    ClaimDetail approve(@PathVariable long id, @RequestBody(required = false) Step request) {
        return claims.approve(id, request);
    }

    @RequiresPermission(ClaimPermissions.CLAIM_APPROVE)
    @PostMapping("/{id}/reject")
    ClaimDetail reject(@PathVariable long id, @Valid @RequestBody Comment request) {
        return claims.reject(id, request);
    }

    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @PostMapping("/{id}/agree")
    ClaimDetail agree(@PathVariable long id, @Valid @RequestBody Agree request) {
        return claims.agree(id, request);
    }

    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @PostMapping("/{id}/rejected-by-customer")
    ClaimDetail rejectedByCustomer(@PathVariable long id, @Valid @RequestBody Comment request) {
        return claims.rejectedByCustomer(id, request);
    }

    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @PostMapping("/{id}/settle")
    ClaimDetail settle(@PathVariable long id, @Valid @RequestBody Settle request) {
        return claims.settle(id, request);
    }

    @RequiresPermission(ClaimPermissions.CLAIM_HANDLE)
    @PostMapping("/{id}/close")
    ClaimDetail close(@PathVariable long id, @RequestBody(required = false) Step request) {
        return claims.closeWithoutPayment(id, request);
    }

    static ClaimDetail upload(Claims claims, long id, MultipartFile file, String note, Long version) {
        try {
            return file == null ? claims.addEvidencePhoto(id, null, null, null, note, version)
                    : claims.addEvidencePhoto(id, file.getOriginalFilename(), file.getContentType(), file.getBytes(), note,
                    version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseEntity<byte[]> download(Content c) {
        return UploadedFiles.download(c.fileName(), c.contentType(), c.bytes());
    }
}
