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
    private final AuditTrail audit;

    public RecordNumbers(JdbcClient jdbc, Clock clock, CareLoopProperties properties, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
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
        return next(recordType, 1).get(0);
    }

    /** {@code count} consecutive numbers at once (bulk imports): one counter update instead of one per record. */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.List<String> next(String recordType, int count) {
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
        jdbc.sql("update record_number_sequence set last_value = last_value + :count where record_type = :type and seq_year = :year")
                .param("count", count).param("type", recordType).param("year", year).update();
        long last = jdbc.sql("select last_value from record_number_sequence where record_type = :type and seq_year = :year")
                .param("type", recordType).param("year", year).query(Long.class).single();
        java.util.List<String> numbers = new java.util.ArrayList<>(count);
        for (long v = last - count + 1; v <= last; v++) {
            numbers.add(format((String) rule[0], (Integer) rule[1], year, v));
        }
        return numbers;
    }

    /** A record type's numbering rule and the last number issued this year. */
    public record Rule(String recordType, String prefix, int width, String description, long lastThisYear,
                       String nextExample, long version) {
    }

    @Transactional(readOnly = true)
    public java.util.List<Rule> rules() {
        int year = LocalDate.now(clock.withZone(zone)).getYear();
        return jdbc.sql("""
                select r.record_type, r.prefix, r.width, r.description, r.version, coalesce(s.last_value, 0) last_value
                from record_number_rule r
                left join record_number_sequence s on s.record_type = r.record_type and s.seq_year = :year
                order by r.record_type""").param("year", year)
                .query((rs, n) -> new Rule(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        rs.getLong(6), format(rs.getString(2), rs.getInt(3), year, rs.getLong(6) + 1), rs.getLong(5)))
                .list();
    }

    /** Changes a prefix or width; the yearly sequence continues, so numbers stay unique per type. */
    @Transactional
    public Rule changeRule(String recordType, String prefix, int width, long version) {
        Rule before = rules().stream().filter(r -> r.recordType().equals(recordType)).findFirst()
                .orElseThrow(() -> new NotFoundException("record number rule", recordType));
        int updated = jdbc.sql("""
                update record_number_rule set prefix = :prefix, width = :width, version = version + 1
                where record_type = :type and version = :version""")
                .param("prefix", prefix).param("width", width).param("type", recordType).param("version", version)
                .update();
        if (updated == 0) {
            throw new org.springframework.dao.OptimisticLockingFailureException("编号规则已被他人修改 / rule " + recordType
                    + " was changed by someone else (version " + before.version() + ", yours " + version + ")");
        }
        audit.record("record-number-rule", recordType, "UPDATE", AuditTrail.diff(
                java.util.Map.of("prefix", before.prefix(), "width", before.width()),
                java.util.Map.of("prefix", prefix, "width", width)));
        return rules().stream().filter(r -> r.recordType().equals(recordType)).findFirst().orElseThrow();
    }

    public static String format(String prefix, int width, int year, long value) {
        return prefix + year + "-" + String.format("%0" + width + "d", value);
    }
}
