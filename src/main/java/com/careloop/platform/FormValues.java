package com.careloop.platform;

/** Reading the plain text values of an HTML form, where a blank field means "not given". */
public final class FormValues {

    private FormValues() {
    }

    /** The whole number in the field, or null when it is blank or not a number (the service then names the field). */
    public static Long optionalLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
