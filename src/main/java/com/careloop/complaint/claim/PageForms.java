package com.careloop.complaint.claim;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;

import com.careloop.complaint.GoodsCondition;
import com.careloop.complaint.InspectionMethod;
import com.careloop.complaint.RefundMethod;
import com.careloop.complaint.Responsibility;
import com.careloop.platform.calendar.BusinessCalendar;

import org.springframework.format.annotation.DateTimeFormat;

/** The page forms of claims, returns and compensations (the pages turn them into the public commands). */
public final class PageForms {

    private PageForms() {
    }

    /** New claim: the customer by id (from the 360 page) or by a look-up text. */
    public record NewClaim(Long customerId, String customer, Long complaintId, String product, String orderNumber,
                           BigDecimal claimedAmount, String description) {
    }

    /** Any step of a claim, return or compensation: only the fields of the step posted are set. */
    public record StepForm(Long version, String note, InspectionMethod method, String findings, String inspector,
                           @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate inspectedOn,
                           Responsibility responsibility, BigDecimal ourSharePercent, BigDecimal amount, String comment,
                           String how, @DateTimeFormat(pattern = "yyyy-MM-dd'T'HH:mm") LocalDateTime agreedAt,
                           String agreedBy, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate settledOn,
                           String reference) {

        /** A datetime-local value is the company's wall time (Asia/Shanghai). */
        public OffsetDateTime agreedAtOffset() {
            return agreedAt == null ? null : agreedAt.atZone(BusinessCalendar.DEFAULT_ZONE).toOffsetDateTime();
        }
    }

    public record NewReturn(Long customerId, String customer, Long purchaseId, String product, String model,
                            String serialNo, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate purchaseDate,
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate requestedOn, String reason,
                            GoodsCondition goodsCondition, BigDecimal refundAmount, RefundMethod refundMethod) {
    }

    public record NewCompensation(Long customerId, String customer, Long complaintId, String reason, BigDecimal amount) {
    }
}
