package com.careloop.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issues form numbers per record type with the company's prefix and a yearly sequence, e.g.
 * complaint form R-QP-005-03 -> {@code TS2026-000123}.
 * <p>
 * Gap-free and never duplicated: the counter row is incremented in the caller's transaction, so the
 * row lock serialises concurrent issues of the same type and a rolled-back record gives its number back.
 */
@Service
public class RecordNumbers {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    public RecordNumbers(JdbcClient jdbc, Clock clock, CareLoopProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.zone();
    }

    /** Declares a record type's default rule; an administrator's later change is kept across restarts. */
    @Transactional
    public void define(String recordType, String prefix, int width, String description) {
        jdbc.sql("""
                insert into record_number_rule (record_type, prefix, width, description, version)
                values (:type, :prefix, :width, :description, 0) on conflict do nothing""")
                .param("type", recordType).param("prefix", prefix).param("width", width)
                .param("description", description).update();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String recordType) {
        var rule = jdbc.sql("select prefix, width from record_number_rule where record_type = :type")
                .param("type", recordType)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)}).optional()
                .orElseThrow(() -> new IllegalStateException("no record number rule for " + recordType));
        int year = LocalDate.now(clock.withZone(zone)).getYear();
        jdbc.sql("""
                insert into record_number_sequence (record_type, seq_year, last_value)
                values (:type, :year, 0) on conflict do nothing""")
                .param("type", recordType).param("year", year).update();
        // The update takes the row lock first; the read then sees our own increment.
        jdbc.sql("update record_number_sequence set last_value = last_value + 1 where record_type = :type and seq_year = :year")
                .param("type", recordType).param("year", year).update();
        long value = jdbc.sql("select last_value from record_number_sequence where record_type = :type and seq_year = :year")
                .param("type", recordType).param("year", year).query(Long.class).single();
        return format((String) rule[0], (Integer) rule[1], year, value);
    }

    public static String format(String prefix, int width, int year, long value) {
        return prefix + year + "-" + String.format("%0" + width + "d", value);
    }
}
