package com.careloop.platform;

/**
 * Input that passed bean validation but breaks a business rule, naming the field and the rule
 * (API: 422 with a field error; its message a {@link Text} rendered in the caller's language).
 */
public class InvalidInputException extends RuntimeException {

    private final String field;
    private final String rule;
    private final Text text;

    public InvalidInputException(String field, String rule, Text message) {
        super(field + " " + rule + ": " + message);
        this.field = field;
        this.rule = rule;
        this.text = message;
    }

    /** A fixed literal message (not yet converted to a message key). */
    public InvalidInputException(String field, String rule, String message) {
        this(field, rule, Text.literal(message));
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }

    public Text text() {
        return text;
    }

    /** The message in the current thread's language (the request's, on pages and in the API), for handlers that show it. */
    @Override
    public String getMessage() {
        return Texts.renderInCurrentLocale(text);
    }
}
