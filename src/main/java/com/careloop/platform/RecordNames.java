package com.careloop.platform;

import java.util.Optional;

/**
 * How the change history names a value that is another module's record id ({@code customerId → 6} shown as the
 * customer's name). A module that owns such records declares a bean; the platform asks each in turn.
 */
public interface RecordNames {

    /** The name of the record {@code value} refers to through {@code field}, or empty when the field is not this module's. */
    Optional<String> name(String field, String value);
}
