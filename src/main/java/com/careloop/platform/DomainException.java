package com.careloop.platform;

import java.util.Map;

/**
 * The procedure forbids this step in the record's current state (API: 409 Conflict, problem {@code code} and
 * {@code args}, the message rendered in the caller's language). The message is a {@link Text}; by convention its
 * key is {@code error.<code>} and it names the current state.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final Text text;
    private final Map<String, Object> details;

    public DomainException(String code, Text message) {
        this(code, message, Map.of());
    }

    /** With details the API adds to the problem (e.g. the possible duplicates of a new customer). */
    public DomainException(String code, Text message, Map<String, Object> details) {
        super(message.toString());
        this.code = code;
        this.text = message;
        this.details = details;
    }

    /** The message {@code error.<code>} with these arguments. */
    public static DomainException of(String code, Object... args) {
        return new DomainException(code, Text.of("error." + code, args));
    }

    /** A fixed literal message (code not yet converted to a message key). */
    public DomainException(String code, String message) {
        this(code, Text.literal(message));
    }

    public DomainException(String code, String message, Map<String, Object> details) {
        this(code, Text.literal(message), details);
    }

    public String code() {
        return code;
    }

    public Text text() {
        return text;
    }

    public Map<String, Object> details() {
        return details;
    }

    /** The message in the current thread's language (the request's, on pages and in the API), for handlers that show it. */
    @Override
    public String getMessage() {
        return Texts.renderInCurrentLocale(text);
    }
}
