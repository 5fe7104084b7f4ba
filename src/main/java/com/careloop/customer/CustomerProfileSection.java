package com.careloop.customer;

import java.util.Map;

/**
 * A section of the customer 360 page contributed by another part of the system (requests,
 * complaints, callbacks, survey answers, property …) without the customer module depending on it.
 * The fragment is rendered with the model under the variable {@code section}.
 */
public interface CustomerProfileSection {

    int order();

    /** Message key of the section title. */
    String titleKey();

    /** Thymeleaf fragment, e.g. {@code customer/sections :: purchases}. */
    String fragment();

    /** Permission the reader needs to see the section (null: anyone who sees the customer). */
    default String permission() {
        return null;
    }

    Map<String, Object> model(long customerId);
}
