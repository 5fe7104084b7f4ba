package com.careloop.property.register;

import java.time.LocalDate;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

/** The register's input rules: 422 naming the field and the rule, the message in the reader's language. */
public final class Check {

    private Check() {
    }

    public static void required(String field, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInputException(field, "required", Text.of("error.property.required", field));
        }
    }

    public static String text(String field, String value, int max) {
        required(field, value);
        return optional(field, value, max);
    }

    public static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > max) {
            throw new InvalidInputException(field, "max-length", Text.of("error.property.too-long", field, max));
        }
        return v;
    }

    /** A date that has happened (company day), never one in the future. */
    public static LocalDate notFuture(String field, LocalDate value, LocalDate today) {
        required(field, value);
        if (value.isAfter(today)) {
            throw new InvalidInputException(field, "not-in-future", Text.of("error.property.date-in-future", field,
                    value.toString(), today.toString()));
        }
        return value;
    }
}
