package com.careloop.customer.purchase;

import com.careloop.customer.CustomerPermissions;
import com.careloop.customer.contactlog.Paged;
import com.careloop.customer.purchase.PurchaseCommands.ImportReport;
import com.careloop.customer.purchase.PurchaseCommands.PurchaseView;
import com.careloop.customer.purchase.PurchaseCommands.RecordPurchase;
import com.careloop.customer.purchase.PurchaseCommands.Recorded;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Purchases over JSON: per customer, from the order system (by customer code), and the Excel import. */
@RestController
class PurchaseApi {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final PurchaseService purchases;

    PurchaseApi(PurchaseService purchases) {
        this.purchases = purchases;
    }

    @RequiresPermission(CustomerPermissions.VIEW)
    @GetMapping("/api/v1/customers/{id}/purchases")
    Paged<PurchaseView> list(@PathVariable long id, @RequestParam(required = false) String cursor,
                             @RequestParam(required = false) Integer limit) {
        return purchases.forCustomer(id, cursor, Paged.limit(limit));
    }

    /** 201 for a new purchase, 200 with the existing one for an externalRef already recorded. */
    @RequiresPermission(CustomerPermissions.MANAGE)
    @PostMapping("/api/v1/customers/{id}/purchases")
    ResponseEntity<PurchaseView> record(@PathVariable long id, @Valid @RequestBody RecordPurchase request) {
        return respond(purchases.record(id, request, PurchaseSource.API));
    }

    @RequiresPermission(CustomerPermissions.MANAGE)
    @PostMapping("/api/v1/purchases")
    ResponseEntity<PurchaseView> recordForOrder(@Valid @RequestBody RecordPurchase request) {
        return respond(purchases.recordForOrder(request));
    }

    private static ResponseEntity<PurchaseView> respond(Recorded r) {
        return ResponseEntity.status(r.created() ? HttpStatus.CREATED : HttpStatus.OK).body(r.purchase());
    }

    @RequiresPermission(CustomerPermissions.IMPORT)
    @GetMapping("/api/v1/purchases/import-template")
    ResponseEntity<byte[]> template() {
        return template(purchases);
    }

    /** Multipart field {@code file}; the report lists every refused row with its column and reason. */
    @RequiresPermission(CustomerPermissions.IMPORT)
    @PostMapping("/api/v1/purchases/import")
    ImportReport importXlsx(HttpServletRequest request) throws java.io.IOException {
        try (var in = upload(request)) {
            return purchases.importXlsx(in);
        }
    }

    /** The import template as a download (API and page). */
    static ResponseEntity<byte[]> template(PurchaseService purchases) {
        return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition
                .attachment().filename("purchases-template.xlsx").build().toString()).body(purchases.importTemplate());
    }

    /** The uploaded workbook of a multipart request (field {@code file}), or a field error on {@code file}. */
    static java.io.InputStream upload(HttpServletRequest request) throws java.io.IOException {
        MultipartFile file = request instanceof MultipartHttpServletRequest m ? m.getFile("file") : null;
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "required", com.careloop.platform.Text.of("error.customer.upload-xlsx"));

        }
        return file.getInputStream();
    }
}
