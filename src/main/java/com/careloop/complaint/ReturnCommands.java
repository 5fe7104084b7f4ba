package com.careloop.complaint;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The commands of seven-day no-reason return slips. With {@code purchaseId} the product, model, serial number,
 * purchase and receipt dates come from the customer's purchase (the customer module's {@code Purchases}); fields
 * given here override nothing but fill what the purchase lacks.
 */
public final class ReturnCommands {

    private ReturnCommands() {
    }

    public record RequestReturn(@NotNull Long customerId, Long purchaseId, @Size(max = 200) String product,
                                @Size(max = 100) String model, @Size(max = 100) String serialNo, LocalDate purchaseDate,
                                LocalDate receivedOn, LocalDate requestedOn, @Size(max = 2000) String reason,
                                @NotNull GoodsCondition goodsCondition, BigDecimal refundAmount,
                                @NotNull RefundMethod refundMethod) {
    }

    public record Refund(@Size(max = 100) String refundReference, Long version) {
    }
}
