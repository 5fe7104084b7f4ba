package com.careloop.customer;

import java.util.Map;

/** This feature's part of the permission matrix (see PermissionMatrixTest): "METHOD /path" -> permission, ANY_USER or PUBLIC. */
public final class CustomerRelationsEndpointRules {

    public static final Map<String, String> RULES = Map.ofEntries(
            // liaison parties (外联客户)
            Map.entry("GET /liaison-parties", "liaison:view"),
            Map.entry("GET /liaison-parties/new", "liaison:manage"),
            Map.entry("POST /liaison-parties", "liaison:manage"),
            Map.entry("GET /liaison-parties/{id}", "liaison:view"),
            Map.entry("GET /liaison-parties/{id}/edit", "liaison:manage"),
            Map.entry("POST /liaison-parties/{id}", "liaison:manage"),
            Map.entry("POST /liaison-parties/{id}/{action:deactivate|activate}", "liaison:manage"),
            Map.entry("POST /liaison-parties/{id}/contact-log", "liaison:manage"),
            Map.entry("GET /api/v1/liaison-parties", "liaison:view"),
            Map.entry("GET /api/v1/liaison-parties/{id}", "liaison:view"),
            Map.entry("POST /api/v1/liaison-parties", "liaison:manage"),
            Map.entry("PUT /api/v1/liaison-parties/{id}", "liaison:manage"),
            Map.entry("POST /api/v1/liaison-parties/{id}/deactivate", "liaison:manage"),
            Map.entry("POST /api/v1/liaison-parties/{id}/activate", "liaison:manage"),
            Map.entry("GET /api/v1/liaison-parties/{id}/contact-log", "liaison:view"),
            Map.entry("POST /api/v1/liaison-parties/{id}/contact-log", "liaison:manage"),
            // customer contact log and birthdays
            Map.entry("POST /customers/{id}/contact-log", "customer:manage"),
            Map.entry("GET /customers/birthdays", "customer:view"),
            Map.entry("POST /customers/birthdays/{id}/card-sent", "customer:manage"),
            Map.entry("GET /api/v1/customers/{id}/contact-log", "customer:view"),
            Map.entry("POST /api/v1/customers/{id}/contact-log", "customer:manage"),
            Map.entry("GET /api/v1/customers/birthdays", "customer:view"),
            Map.entry("POST /api/v1/customers/{id}/birthday-card", "customer:manage"),
            // purchases and warranties
            Map.entry("POST /customers/{id}/purchases", "customer:manage"),
            Map.entry("GET /purchases/import", "customer:import"),
            Map.entry("GET /purchases/import-template.xlsx", "customer:import"),
            Map.entry("POST /purchases/import", "customer:import"),
            Map.entry("GET /api/v1/customers/{id}/purchases", "customer:view"),
            Map.entry("POST /api/v1/customers/{id}/purchases", "customer:manage"),
            Map.entry("POST /api/v1/purchases", "customer:manage"),
            Map.entry("GET /api/v1/purchases/import-template", "customer:import"),
            Map.entry("POST /api/v1/purchases/import", "customer:import"));

    private CustomerRelationsEndpointRules() {
    }
}
