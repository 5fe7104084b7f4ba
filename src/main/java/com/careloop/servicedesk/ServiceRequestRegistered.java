package com.careloop.servicedesk;

/**
 * Published when a request is registered. It carries what a consumer needs without reading the desk's
 * tables: the customer snapshot (name, code, key mark), the title and description, and who registered it
 * (registeredById null for unattended intake; the COMPLAINT hand-over uses all of it).
 */
public record ServiceRequestRegistered(long requestId, String code, RequestType type, Long customerId, boolean keyCustomer,
                                       String customerName, String customerCode, String title, String description,
                                       Long registeredById, String registeredByName) {
}
