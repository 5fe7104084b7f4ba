package com.careloop.complaint.retail;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.complaint.GoodsCondition;
import com.careloop.complaint.RefundMethod;
import com.careloop.complaint.ReturnStatus;
import com.careloop.complaint.claim.TrackedRecord;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;

import static com.careloop.complaint.claim.Rules.blank;
import static com.careloop.complaint.claim.Rules.money;
import static com.careloop.complaint.claim.Rules.required;
import static com.careloop.complaint.claim.Rules.text;

/**
 * A seven-day no-reason return slip (七天无理由退货单): requested within the period ({@link SevenDayPeriod}) for goods
 * that are not damaged or incomplete, accepted when the goods are back, refunded — or refused with a reason.
 */
@Entity
@Table(name = "return_slip")
public class ReturnSlip extends TrackedRecord {

    public static final String RECORD_TYPE = "return";

    public record Request(long customerId, String customerName, Long purchaseId, String product, String model,
                          String serialNo, LocalDate purchaseDate, LocalDate receivedOn, LocalDate requestedOn,
                          String reason, GoodsCondition condition, BigDecimal refundAmount, RefundMethod refundMethod) {
    }

    private long customerId;
    private String customerName;
    private Long purchaseId;
    private String product;
    private String model;
    private String serialNo;
    private LocalDate purchaseDate;
    private LocalDate receivedOn;
    private LocalDate requestedOn;
    private LocalDate lastDay;
    private String reason;
    @Enumerated(EnumType.STRING)
    private GoodsCondition goodsCondition;
    private BigDecimal refundAmount;
    @Enumerated(EnumType.STRING)
    private RefundMethod refundMethod;
    @Enumerated(EnumType.STRING)
    private ReturnStatus status;
    private String refusedReason;
    private String refundReference;
    private Instant acceptedAt;
    private Instant refundedAt;
    private long registeredBy;
    private String registeredByName;

    protected ReturnSlip() {
    }

    private ReturnSlip(String code, Instant now) {
        super(code, now);
    }

    /** The slip, if the rules allow a no-reason return: in the period, goods not damaged or incomplete, refund >= 0. */
    public static ReturnSlip request(String code, Request in, LocalDate today, long byId, String byName, Instant now) {
        LocalDate purchased = required("purchaseDate", in.purchaseDate());
        LocalDate received = in.receivedOn() == null ? purchased : in.receivedOn();
        if (received.isBefore(purchased)) {
            throw new InvalidInputException("receivedOn", "after-purchase", Text.of("error.complaint.receivedon-cannot-before-purchasedate"));
        }
        LocalDate requested = in.requestedOn() == null ? today : in.requestedOn();
        if (requested.isAfter(today)) {
            throw new InvalidInputException("requestedOn", "past", Text.of("error.complaint.requestedon-cannot-future"));
        }
        GoodsCondition condition = required("goodsCondition", in.condition());
        if (condition == GoodsCondition.DAMAGED || condition == GoodsCondition.MISSING_PARTS) {
            throw new InvalidInputException("goodsCondition", "goods-condition", "商品损坏或配件缺失，不适用七天无理由退货 / "
                    + condition + " goods are not a no-reason return");
        }
        ReturnSlip r = new ReturnSlip(code, now);
        r.lastDay = SevenDayPeriod.check(received, requested);
        r.customerId = in.customerId();
        r.customerName = in.customerName();
        r.purchaseId = in.purchaseId();
        r.product = text("product", in.product());
        r.model = blank(in.model());
        r.serialNo = blank(in.serialNo());
        r.purchaseDate = purchased;
        r.receivedOn = received;
        r.requestedOn = requested;
        r.reason = blank(in.reason());
        r.goodsCondition = condition;
        r.refundAmount = money("refundAmount", in.refundAmount());
        r.refundMethod = required("refundMethod", in.refundMethod());
        r.status = ReturnStatus.REQUESTED;
        r.registeredBy = byId;
        r.registeredByName = byName;
        return r;
    }

    /** The goods are back with us. */
    public void accept(Instant now) {
        requireState("accept", ReturnStatus.REQUESTED);
        acceptedAt = now;
        status = ReturnStatus.ACCEPTED;
    }

    public void refund(String reference, Instant now) {
        requireState("refund", ReturnStatus.ACCEPTED);
        refundReference = blank(reference);
        refundedAt = now;
        status = ReturnStatus.REFUNDED;
    }

    public void refuse(String why) {
        requireState("refuse", ReturnStatus.REQUESTED, ReturnStatus.ACCEPTED);
        refusedReason = text("comment", why);
        status = ReturnStatus.REFUSED;
    }

    private void requireState(String step, ReturnStatus... allowed) {
        requireState(status, step, allowed);
    }

    @Override
    public String auditType() {
        return RECORD_TYPE;
    }

    @Override
    public Map<String, Object> auditState() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("code", getCode());
        s.put("customerId", customerId);
        s.put("purchaseId", purchaseId);
        s.put("receivedOn", receivedOn);
        s.put("requestedOn", requestedOn);
        s.put("goodsCondition", goodsCondition);
        s.put("refundAmount", refundAmount);
        s.put("refundMethod", refundMethod);
        s.put("status", status);
        s.put("refusedReason", refusedReason);
        s.put("refundReference", refundReference);
        return s;
    }

    public long getCustomerId() { return customerId; }
    public String getCustomerName() { return customerName; }
    public Long getPurchaseId() { return purchaseId; }
    public String getProduct() { return product; }
    public String getModel() { return model; }
    public String getSerialNo() { return serialNo; }
    public LocalDate getPurchaseDate() { return purchaseDate; }
    public LocalDate getReceivedOn() { return receivedOn; }
    public LocalDate getRequestedOn() { return requestedOn; }
    public LocalDate getLastDay() { return lastDay; }
    public String getReason() { return reason; }
    public GoodsCondition getGoodsCondition() { return goodsCondition; }
    public BigDecimal getRefundAmount() { return refundAmount; }
    public RefundMethod getRefundMethod() { return refundMethod; }
    public ReturnStatus getStatus() { return status; }
    public String getRefusedReason() { return refusedReason; }
    public String getRefundReference() { return refundReference; }
    public Instant getAcceptedAt() { return acceptedAt; }
    public Instant getRefundedAt() { return refundedAt; }
    public String getRegisteredByName() { return registeredByName; }
}
