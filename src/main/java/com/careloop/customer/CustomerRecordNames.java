package com.careloop.customer;

import java.util.Optional;

import com.careloop.platform.RecordNames;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Customers and liaison parties by name in any record's change history (instead of {@code customerId → 6}). */
@Component
class CustomerRecordNames implements RecordNames {

    private final JdbcClient jdbc;

    CustomerRecordNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> name(String field, String value) {
        String table = switch (field) {
            case "customerId" -> "customer";
            case "liaisonPartyId" -> "liaison_party";
            default -> null;
        };
        if (table == null || value.isEmpty() || !value.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return jdbc.sql("select name from " + table + " where id = :id").param("id", Long.valueOf(value))
                .query(String.class).optional();
    }
}
