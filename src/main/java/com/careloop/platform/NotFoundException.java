package com.careloop.platform;

/** The record does not exist or is outside the user's data scope (API: 404). */
public class NotFoundException extends RuntimeException {

    private final Text text;

    public NotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " not found");
        this.text = Text.of("error.not-found", recordType, id);
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
