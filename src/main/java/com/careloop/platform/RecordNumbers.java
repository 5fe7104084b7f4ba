package com.careloop.platform;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Issues form numbers per record type with the company's prefix and a yearly sequence, e.g.
 * complaint form R-QP-005-03 -> {@code TS2026-000123}.
 * <p>
 * Gap-free and never duplicated: the counter row is locked and incremented in the caller's transaction, so
 * the row lock serialises concurrent issues of the same type and a rolled-back record gives its number back.
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

    /** {@code count} consecutive numbers at once (bulk imports). */
    @Transactional(propagation = Propagation.MANDATORY)
    public java.util.List<String> next(String recordType, int count) {
        int year = LocalDate.now(clock.withZone(zone)).getYear();
        Held held = held(recordType, year);
        java.util.List<String> numbers = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            numbers.add(format(held.prefix, held.width, year, ++held.last));
        }
        return numbers;
    }

    /**
     * The counter of a type and year as this transaction holds it. The first issue in a transaction locks and
     * reads the row (created once a year); later ones count in memory; the new value is written just before the
     * commit. So a transaction that numbers many records (a bulk import, a group commit of intakes) takes the
     * lock once and writes the row once, and a rollback gives every number back.
     */
    private Held held(String recordType, int year) {
        HeldKey key = new HeldKey(this, recordType, year);
        Held held = (Held) TransactionSynchronizationManager.getResource(key);
        if (held != null) {
            return held;
        }
        var rule = jdbc.sql("select prefix, width from record_number_rule where record_type = :type")
                .param("type", recordType)
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getInt(2)}).optional()
                .orElseThrow(() -> new IllegalStateException("no record number rule for " + recordType));
        Long last = locked(recordType, year);
        if (last == null) {
            jdbc.sql("""
                    insert into record_number_sequence (record_type, seq_year, last_value)
                    values (:type, :year, 0) on conflict do nothing""")
                    .param("type", recordType).param("year", year).update();
            last = locked(recordType, year);
        }
        held = new Held(key, (String) rule[0], (Integer) rule[1], last);
        TransactionSynchronizationManager.bindResource(key, held);
        TransactionSynchronizationManager.registerSynchronization(held);
        return held;
    }

    private Long locked(String recordType, int year) {
        return jdbc.sql("select last_value from record_number_sequence where record_type = :type and seq_year = :year for update")
                .param("type", recordType).param("year", year).query(Long.class).optional().orElse(null);
    }

    private record HeldKey(RecordNumbers numbers, String recordType, int year) {
    }

    private final class Held implements TransactionSynchronization {
        final HeldKey key;
        final String prefix;
        final int width;
        final long read;
        long last;

        Held(HeldKey key, String prefix, int width, long read) {
            this.key = key;
            this.prefix = prefix;
            this.width = width;
            this.read = read;
            this.last = read;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            if (last != read) {
                jdbc.sql("update record_number_sequence set last_value = :last where record_type = :type and seq_year = :year")
                        .param("last", last).param("type", key.recordType()).param("year", key.year()).update();
            }
        }

        /** An inner REQUIRES_NEW transaction must lock the row itself, not count on in this one's memory. */
        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(key, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(key);
        }
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
