package com.careloop.platform;

/** One field of a business record changed from {@code oldValue} to {@code newValue}. */
public record FieldChange(String field, String oldValue, String newValue) {
}
