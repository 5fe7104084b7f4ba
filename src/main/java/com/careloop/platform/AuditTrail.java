package com.careloop.platform;

import java.time.Clock;
import java.time.Instant;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit trail. Every business write calls it inside its own transaction
 * ({@link Propagation#MANDATORY}), so a record and its trail entry commit or roll back together.
 * There is deliberately no update or delete method.
 */
@Service
public class AuditTrail {

    private static final TypeReference<List<FieldChange>> CHANGES = new TypeReference<>() { };

    private static final String INSERT = """
            insert into audit_event (record_type, record_id, action, actor, occurred_at, changes)
            values (?, ?, ?, ?, ?, ?)""";
    private static final int[] INSERT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
            Types.TIMESTAMP, Types.VARCHAR};

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final JsonMapper json;
    private final CurrentUsers users;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, JdbcTemplate batch, JsonMapper json, CurrentUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.users = users;
        this.clock = clock;
    }

    /** A new record: every non-empty field is recorded as set from nothing. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void created(Auditable record) {
        record(record.auditType(), record.auditId(), "CREATE", diff(Map.of(), record.auditState()));
    }

    /**
     * Many new records at once (a bulk import): the same entries as {@link #created} for each, written
     * with one JDBC batch instead of one statement per record. The records must already have their ids.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void createdAll(Collection<? extends Auditable> records) {
        String actor = users.actorName();
        Timestamp at = Timestamp.from(Instant.now(clock));
        List<Object[]> rows = new ArrayList<>(records.size());
        for (Auditable r : records) {
            rows.add(new Object[] {r.auditType(), r.auditId(), "CREATE", actor, at,
                    json.writeValueAsString(diff(Map.of(), r.auditState()))});
        }
        batch.batchUpdate(INSERT, rows, INSERT_TYPES);
    }

    /** A change or state transition: only the fields that differ from {@code before} are recorded. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changed(Auditable record, String action, Map<String, Object> before) {
        record(record.auditType(), record.auditId(), action, diff(before, record.auditState()));
    }

    /**
     * A named state change of a loaded aggregate, made the same way in every module: a stale {@code version} (the one
     * the user saw; null when the step does not carry one) is refused with 409 before anything changes; the step runs
     * (its domain exception refuses what the procedure forbids); {@code saveAndFlush} writes it at once, so a concurrent
     * change fails here with 409 rather than at commit; the fields it changed are recorded as {@code action}.
     */
    public <T extends Auditable> void change(T record, Long version, long current, String action,
                                             java.util.function.Consumer<? super T> step,
                                             java.util.function.Consumer<? super T> saveAndFlush) {
        Versions.requireCurrentIfGiven(version, current, record.auditType(), record.auditId());
        Map<String, Object> before = record.auditState();
        step.accept(record);
        saveAndFlush.accept(record);
        changed(record, action, before);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String recordType, String recordId, String action, List<FieldChange> changes) {
        jdbc.sql("""
                insert into audit_event (record_type, record_id, action, actor, occurred_at, changes)
                values (:type, :id, :action, :actor, :at, :changes)""")
                .param("type", recordType).param("id", recordId).param("action", action)
                .param("actor", users.actorName()).param("at", java.sql.Timestamp.from(Instant.now(clock)))
                .param("changes", json.writeValueAsString(changes))
                .update();
    }

    /** The trail of one record, oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEntry> history(String recordType, String recordId) {
        return jdbc.sql("""
                select id, record_type, record_id, action, actor, occurred_at, changes from audit_event
                where record_type = :type and record_id = :id order by id""")
                .param("type", recordType).param("id", recordId)
                .query((rs, n) -> new AuditEntry(rs.getLong("id"), rs.getString("record_type"),
                        rs.getString("record_id"), rs.getString("action"), rs.getString("actor"),
                        rs.getTimestamp("occurred_at").toInstant(), parse(rs.getString("changes"))))
                .list();
    }

    public List<FieldChange> parse(String changes) {
        return json.readValue(changes, CHANGES);
    }

    public static List<FieldChange> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> keys = new LinkedHashMap<>(before);
        keys.putAll(after);
        List<FieldChange> changes = new ArrayList<>();
        for (String field : keys.keySet()) {
            String old = text(before.get(field));
            String now = text(after.get(field));
            if (!Objects.equals(old, now)) {
                changes.add(new FieldChange(field, old, now));
            }
        }
        return changes;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
