package com.careloop.product;

/**
 * The seven nodes of a development in their order, each with the permission that completes it and the department
 * that owns it by default (configurable: {@code careloop.product.departments}): the trade/sales division captures the
 * demand and records the customer's answer, R&D (技术部) develops in the laboratory and writes the process sheet and
 * bill of materials, production runs the pilot, finance costs it and issues the quotation.
 */
public enum ProductNode {
    DEMAND(ProductPermissions.REQUEST, "SALES", 0),
    RND_REPORT(ProductPermissions.DEVELOP, "TECH", 10),
    PROCESS_BOM(ProductPermissions.DEVELOP, "TECH", 5),
    PILOT(ProductPermissions.DEVELOP, "PROD", 10),
    COST(ProductPermissions.COST, "FIN", 3),
    QUOTATION(ProductPermissions.QUOTE, "FIN", 2),
    CUSTOMER_ANSWER(ProductPermissions.REQUEST, "SALES", 10);

    private final String permission;
    private final String defaultDepartment;
    private final int defaultLeadDays;

    ProductNode(String permission, String defaultDepartment, int defaultLeadDays) {
        this.permission = permission;
        this.defaultDepartment = defaultDepartment;
        this.defaultLeadDays = defaultLeadDays;
    }

    public String permission() {
        return permission;
    }

    public String defaultDepartment() {
        return defaultDepartment;
    }

    /** Working days the node may take from the day it opens (configurable: {@code careloop.product.lead-days}). */
    public int defaultLeadDays() {
        return defaultLeadDays;
    }

    public ProductNode next() {
        return ordinal() + 1 < values().length ? values()[ordinal() + 1] : null;
    }

    /** The API path segment of the node's form, e.g. {@code rnd-report}. */
    public String path() {
        return name().toLowerCase().replace('_', '-');
    }
}
