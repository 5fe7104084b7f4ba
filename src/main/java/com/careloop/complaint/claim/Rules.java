package com.careloop.complaint.claim;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Map;

import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;


/**
 * The input and state rules the claim, return-slip and compensation records share: a step refused in the
 * wrong state (409 naming the current state), required fields, and money (BigDecimal, scale 2, never negative).
 */
public final class Rules {

    private Rules() {
    }

    /** 409 unless {@code current} is one of {@code allowed}; the message names the record and its state. */
    @SafeVarargs
    public static <S extends Enum<S>> void requireState(String record, String code, S current, String step, S... allowed) {
        if (!Arrays.asList(allowed).contains(current)) {
            throw new DomainException(record + ".state", Text.of("error.complaint.record-state", record, code, current.name(), step),
                    Map.of("status", current.name()));
        }
    }

    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidInputException(field, "required", "请填写 " + field + " / " + field + " is required");
        }
        return value;
    }

    public static String text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "required", "请填写 " + field + " / " + field + " is required");
        }
        return value.trim();
    }

    public static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** An amount of money: required, not negative (rule {@code non-negative}), at most two decimals; scale 2. */
    public static BigDecimal money(String field, BigDecimal value) {
        required(field, value);
        if (value.signum() < 0) {
            throw new InvalidInputException(field, "non-negative", "金额不能为负数 / " + field + " must not be negative");
        }
        if (value.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException(field, "scale", "金额最多两位小数 / " + field + " has at most two decimals");
        }
        if (value.compareTo(new BigDecimal("999999999999.99")) > 0) {
            throw new InvalidInputException(field, "max", "金额过大 / " + field + " is too large");
        }
        return value.setScale(2, RoundingMode.UNNECESSARY);
    }
}
