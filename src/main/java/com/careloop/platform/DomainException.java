package com.careloop.platform;

/**
 * The procedure forbids this step in the record's current state (API: 409 Conflict).
 * The message is shown to the user as it is, so it names the current state.
 */
public class DomainException extends RuntimeException {

    private final String code;

    public DomainException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
