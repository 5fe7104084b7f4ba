package com.careloop.platform;

/** The record does not exist or is outside the user's data scope (API: 404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String recordType, Object id) {
        super(recordType + " " + id + " not found");
    }
}
