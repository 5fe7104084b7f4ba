package com.careloop.complaint.retail;

import java.time.LocalDate;
import java.util.List;

import com.careloop.complaint.ClaimCommands.Comment;
import com.careloop.complaint.ClaimCommands.Step;
import com.careloop.complaint.ClaimPermissions;
import com.careloop.complaint.RecordPage;
import com.careloop.complaint.RetailReturns;
import com.careloop.complaint.ReturnCommands.Refund;
import com.careloop.complaint.ReturnCommands.RequestReturn;
import com.careloop.complaint.ReturnStatus;
import com.careloop.complaint.ReturnViews.Filter;
import com.careloop.complaint.ReturnViews.PurchaseChoice;
import com.careloop.complaint.ReturnViews.ReturnDetail;
import com.careloop.complaint.ReturnViews.ReturnRow;
import com.careloop.complaint.ReturnViews.Summary;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Seven-day return slips over JSON: request, list, summary, Excel export, the slip and its steps. */
@RestController
@RequestMapping("/api/v1/returns")
class ReturnApi {

    private final RetailReturns returns;
    private final ReturnExport export;

    ReturnApi(RetailReturns returns, ReturnExport export) {
        this.returns = returns;
        this.export = export;
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ReturnDetail request(@Valid @RequestBody RequestReturn request) {
        return returns.request(request);
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @GetMapping
    RecordPage<ReturnRow> search(@RequestParam(required = false) ReturnStatus status,
                                 @RequestParam(required = false) Long customerId,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) String cursor,
                                 @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit) {
        return returns.search(new Filter(status, customerId, from, to), cursor, limit);
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @GetMapping("/summary")
    Summary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return returns.summary(new Filter(null, null, from, to));
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @GetMapping("/export")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                HttpServletResponse response) {
        export.xlsx(new Filter(null, null, from, to), response);
    }

    /** The customer's purchases to choose from, with the last day of each seven-day period. */
    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @GetMapping("/purchase-choices")
    List<PurchaseChoice> purchases(@RequestParam long customerId) {
        return returns.purchasesOf(customerId);
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @GetMapping("/{id}")
    ReturnDetail get(@PathVariable long id) {
        return returns.detail(id);
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @PostMapping("/{id}/accept")
    ReturnDetail accept(@PathVariable long id, @RequestBody(required = false) Step request) {
        return returns.accept(id, request);
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @PostMapping("/{id}/refund")
    ReturnDetail refund(@PathVariable long id, @Valid @RequestBody(required = false) Refund request) {
        return returns.refund(id, request);
    }

    @RequiresPermission(ClaimPermissions.RETURN_HANDLE)
    @PostMapping("/{id}/refuse")
    ReturnDetail refuse(@PathVariable long id, @Valid @RequestBody Comment request) {
        return returns.refuse(id, request);
    }
}
