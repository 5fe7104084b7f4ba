package com.careloop.complaint;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import com.careloop.complaint.ComplaintViews.TimelineEntry;

/** What the API and pages show of seven-day return slips, and their summary. */
public final class ReturnViews {

    private ReturnViews() {
    }

    /** Slips requested between {@code from} and {@code to} (both included, either open). */
    public record Filter(ReturnStatus status, Long customerId, LocalDate from, LocalDate to) {
    }

    public record ReturnRow(long id, String code, long customerId, String customerName, String product, String model,
                            LocalDate receivedOn, LocalDate requestedOn, String reason, GoodsCondition goodsCondition,
                            BigDecimal refundAmount, RefundMethod refundMethod, ReturnStatus status) {
    }

    public record ReturnDetail(long id, String code, long version, long customerId, String customerName, Long purchaseId,
                               String product, String model, String serialNo, LocalDate purchaseDate,
                               LocalDate receivedOn, LocalDate requestedOn, LocalDate lastDay, String reason,
                               GoodsCondition goodsCondition, BigDecimal refundAmount, RefundMethod refundMethod,
                               ReturnStatus status, String refusedReason, String refundReference,
                               OffsetDateTime acceptedAt, OffsetDateTime refundedAt, String registeredByName,
                               OffsetDateTime createdAt, List<TimelineEntry> timeline, List<String> nextSteps) {
    }

    /** One line of the summary: slips, refused slips, and the refunds of the slips not refused. */
    public record Total(String key, long slips, long refused, BigDecimal refundTotal) {
    }

    public record Summary(LocalDate from, LocalDate to, Total overall, List<Total> byMonth, List<Total> byProduct,
                          List<Total> byReason) {
    }

    /** A purchase of the customer to choose for a return slip, with the last day of its seven-day period. */
    public record PurchaseChoice(long purchaseId, String product, String model, String serialNo, LocalDate saleDate,
                                 LocalDate receivedOn, LocalDate lastDay) {
    }
}
