package com.careloop.platform;

/**
 * Input that passed bean validation but breaks a business rule, naming the field and the rule
 * (API: 422 with a field error).
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String rule;

    public InvalidInputException(String field, String rule, String message) {
        super(message);
        this.field = field;
        this.rule = rule;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
