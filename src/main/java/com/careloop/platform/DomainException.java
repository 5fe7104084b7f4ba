package com.careloop.platform;

/**
 * The procedure forbids this step in the record's current state (API: 409 Conflict).
 * The message is shown to the user as it is, so it names the current state.
 */
public class DomainException extends RuntimeException {

    private final String code;
    private final java.util.Map<String, Object> details;

    public DomainException(String code, String message) {
        this(code, message, java.util.Map.of());
    }

    /** With details the API adds to the problem (e.g. the possible duplicates of a new customer). */
    public DomainException(String code, String message, java.util.Map<String, Object> details) {
        super(message);
        this.code = code;
        this.details = details;
    }

    public String code() {
        return code;
    }

    public java.util.Map<String, Object> details() {
        return details;
    }
}
