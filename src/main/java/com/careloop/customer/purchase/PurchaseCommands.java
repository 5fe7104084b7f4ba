package com.careloop.customer.purchase;

import java.time.LocalDate;
import java.util.List;

import com.careloop.platform.excel.RowError;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;

/** Commands and read models of purchases, shared by the API, the 360 page and the Excel import. */
public final class PurchaseCommands {

    private PurchaseCommands() {
    }

    /**
     * A purchase to record. {@code customerCode} names the customer for the order system's
     * {@code POST /api/v1/purchases}; {@code externalRef} (its order line id) makes the call idempotent.
     */
    public record RecordPurchase(@Size(max = 20) String customerCode,
                                 @NotBlank @Size(max = 200) String product,
                                 @Size(max = 100) String model,
                                 @Size(max = 100) String serialNo,
                                 @Size(max = 100) String batchNo,
                                 @NotNull @DateTimeFormat(iso = ISO.DATE) LocalDate saleDate,
                                 @DateTimeFormat(iso = ISO.DATE) LocalDate deliveryDate,
                                 @Size(max = 200) String warrantyTerms,
                                 @DateTimeFormat(iso = ISO.DATE) LocalDate warrantyEnd,
                                 @Size(max = 100) String externalRef) {
    }

    public record PurchaseView(long id, long customerId, String product, String model, String serialNo, String batchNo,
                               LocalDate saleDate, LocalDate deliveryDate, String warrantyTerms, LocalDate warrantyEnd,
                               boolean inWarranty, PurchaseSource source, String externalRef) {
    }

    /** The purchase and whether this call created it (false: the externalRef was already recorded). */
    public record Recorded(PurchaseView purchase, boolean created) {
    }

    /** An import's outcome: rows imported, rows already recorded (same externalRef), refused rows. */
    public record ImportReport(int imported, int unchanged, List<RowError> errors) {
    }
}
