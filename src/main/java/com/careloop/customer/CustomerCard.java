package com.careloop.customer;

/**
 * What other modules show of a customer: identity, the key-customer mark and a phone already
 * masked for the current user.
 */
public record CustomerCard(long id, String code, String name, CustomerKind kind, boolean keyCustomer, String phone,
                           String room, Long representativeId, Long departmentId, Segment segment, boolean active) {
}
