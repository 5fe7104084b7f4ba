package com.careloop.webhook.outbound;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.FieldChange;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.TargetGuard;
import com.careloop.platform.Text;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registered endpoints: saved with their checks (URL scheme and SSRF guard, secret length, known event types),
 * audited, versioned (a stale edit gets 409). The active subscriptions are kept in memory for the outbox, refreshed
 * every few seconds and at once on this node's own changes, so an event costs no query when nobody subscribes.
 */
@Service
public class Endpoints {

    static final String RECORD_TYPE = "webhook-endpoint";
    static final int MIN_SECRET = 16;
    private static final long SUBSCRIPTIONS_TTL_MS = 5_000;

    /** What an administrator enters; {@code secret} blank on an edit keeps the current one. */
    public record Save(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 1000) String url,
                       @Size(max = 200) String secret, List<String> eventTypes, Boolean active, Long version) {
    }

    /** An endpoint as shown: the secret never leaves the server again, only its last four characters. */
    public record View(long id, String name, String url, String secretHint, List<String> eventTypes, boolean active,
                       int consecutiveFailures, Instant disabledAt, String disabledReason, Instant createdAt,
                       String createdBy, long version) {
    }

    /** An active endpoint and what it subscribes to. */
    record Subscription(long id, String url, String secret, Set<String> eventTypes) {
    }

    private record Snapshot(List<Subscription> subscriptions, long loadedAt) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;
    private final TargetGuard guard;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();

    Endpoints(JdbcClient jdbc, AuditTrail audit, CurrentUsers users, Clock clock, TargetGuard guard) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.guard = guard;
    }

    TargetGuard guard() {
        return guard;
    }

    @Transactional(readOnly = true)
    public List<View> all() {
        return jdbc.sql("select * from webhook_endpoint order by id").query(this::view).list();
    }

    @Transactional(readOnly = true)
    public View find(long id) {
        return jdbc.sql("select * from webhook_endpoint where id = :id").param("id", id).query(this::view).optional()
                .orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }

    @Transactional
    public View create(Save s) {
        String secret = s.secret() == null ? "" : s.secret().trim();
        if (secret.length() < MIN_SECRET) {
            throw new InvalidInputException("secret", "min-length", Text.of("error.webhook.secret-short", MIN_SECRET));
        }
        List<String> types = checked(s);
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                insert into webhook_endpoint (name, url, secret, event_types, active, consecutive_failures, created_at,
                    created_by, version)
                values (:name, :url, :secret, :types, :active, 0, :now, :by, 0)""")
                .param("name", s.name().trim()).param("url", s.url().trim()).param("secret", secret)
                .param("types", String.join(",", types)).param("active", s.active() == null || s.active())
                .param("now", Timestamp.from(clock.instant())).param("by", users.actorName()).update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(RECORD_TYPE, String.valueOf(id), "CREATE", List.of(new FieldChange("name", null, s.name().trim()),
                new FieldChange("url", null, s.url().trim()), new FieldChange("eventTypes", null, String.join(",", types))));
        changed();
        return find(id);
    }

    @Transactional
    public View update(long id, Save s) {
        View before = find(id);
        if (s.version() == null) {
            throw new InvalidInputException("version", "required", Text.of("error.webhook.version-required"));
        }
        List<String> types = checked(s);
        String secret = s.secret() == null ? "" : s.secret().trim();
        if (!secret.isEmpty() && secret.length() < MIN_SECRET) {
            throw new InvalidInputException("secret", "min-length", Text.of("error.webhook.secret-short", MIN_SECRET));
        }
        boolean active = s.active() == null ? before.active() : s.active();
        int n = jdbc.sql("""
                update webhook_endpoint set name = :name, url = :url, event_types = :types, active = :active,
                    secret = case when :secret = '' then secret else :secret end,
                    consecutive_failures = case when :active and not active then 0 else consecutive_failures end,
                    disabled_at = case when :active then null else disabled_at end,
                    disabled_reason = case when :active then null else disabled_reason end,
                    version = version + 1
                where id = :id and version = :version""")
                .param("name", s.name().trim()).param("url", s.url().trim()).param("types", String.join(",", types))
                .param("active", active).param("secret", secret).param("id", id).param("version", s.version()).update();
        if (n == 0) {
            throw new DomainException("concurrent-edit", Text.of("error.api.concurrent-edit"));
        }
        List<FieldChange> changes = new ArrayList<>();
        diff(changes, "name", before.name(), s.name().trim());
        diff(changes, "url", before.url(), s.url().trim());
        diff(changes, "eventTypes", String.join(",", before.eventTypes()), String.join(",", types));
        diff(changes, "active", String.valueOf(before.active()), String.valueOf(active));
        if (!secret.isEmpty()) {
            changes.add(new FieldChange("secret", "****", "****"));
        }
        audit.record(RECORD_TYPE, String.valueOf(id), "UPDATE", changes);
        changed();
        return find(id);
    }

    private static void diff(List<FieldChange> changes, String field, String before, String after) {
        if (!before.equals(after)) {
            changes.add(new FieldChange(field, before, after));
        }
    }

    private List<String> checked(Save s) {
        guard.problem(s.url()).ifPresent(rule -> {
            throw new InvalidInputException("url", rule, Text.of("error.webhook.url-" + rule));
        });
        if (s.eventTypes() == null || s.eventTypes().isEmpty()) {
            throw new InvalidInputException("eventTypes", "required", Text.of("error.webhook.no-event-types"));
        }
        Set<String> types = new LinkedHashSet<>();
        for (String t : s.eventTypes()) {
            EventType type = EventType.of(t == null ? "" : t.trim()).filter(e -> e != EventType.PING)
                    .orElseThrow(() -> new InvalidInputException("eventTypes", "unknown",
                            Text.of("error.webhook.unknown-event-type", String.valueOf(t))));
            types.add(type.wireName());
        }
        return List.copyOf(types);
    }

    /**
     * Switches an endpoint off after too many failed attempts in a row; true only for the call that did it (the
     * conditional update), so administrators are told once. One transaction with its audit entry and the notice
     * ({@code tellAdministrators}): whoever sees the endpoint off also finds the notification.
     */
    @Transactional
    public boolean disableAfterFailures(long id, int threshold, java.util.function.LongConsumer tellAdministrators) {
        boolean done = jdbc.sql("""
                update webhook_endpoint set active = false, disabled_at = :now, disabled_reason = 'too-many-failures',
                    version = version + 1
                where id = :id and active = true and consecutive_failures >= :threshold""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).param("threshold", threshold).update() == 1;
        if (done) {
            audit.record(RECORD_TYPE, String.valueOf(id), "AUTO_DISABLE",
                    List.of(new FieldChange("active", "true", "false")));
            tellAdministrators.accept(id);
            changed();
        }
        return done;
    }

    /** A failed attempt counts; returns the count of failures in a row. */
    int failed(long id) {
        jdbc.sql("update webhook_endpoint set consecutive_failures = consecutive_failures + 1 where id = :id")
                .param("id", id).update();
        return jdbc.sql("select consecutive_failures from webhook_endpoint where id = :id").param("id", id)
                .query(Integer.class).single();
    }

    void succeeded(long id) {
        jdbc.sql("update webhook_endpoint set consecutive_failures = 0 where id = :id and consecutive_failures <> 0")
                .param("id", id).update();
    }

    /** Active endpoints subscribed to {@code type}. */
    List<Subscription> subscribedTo(String type) {
        Snapshot s = snapshot.get();
        if (s == null || System.currentTimeMillis() - s.loadedAt() > SUBSCRIPTIONS_TTL_MS) {
            s = new Snapshot(jdbc.sql("select id, url, secret, event_types from webhook_endpoint where active = true")
                    .query((rs, n) -> new Subscription(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Set.copyOf(Arrays.asList(rs.getString(4).split(","))))).list(), System.currentTimeMillis());
            snapshot.set(s);
        }
        return s.subscriptions().stream().filter(e -> e.eventTypes().contains(type)).toList();
    }

    Subscription subscription(long id) {
        return jdbc.sql("select id, url, secret, event_types from webhook_endpoint where id = :id").param("id", id)
                .query((rs, n) -> new Subscription(rs.getLong(1), rs.getString(2), rs.getString(3),
                        Set.copyOf(Arrays.asList(rs.getString(4).split(","))))).optional()
                .orElseThrow(() -> new NotFoundException(RECORD_TYPE, id));
    }

    private void changed() {
        snapshot.set(null);
    }

    private View view(ResultSet rs, int n) throws SQLException {
        String secret = rs.getString("secret");
        Timestamp disabled = rs.getTimestamp("disabled_at");
        return new View(rs.getLong("id"), rs.getString("name"), rs.getString("url"),
                "…" + secret.substring(Math.max(0, secret.length() - 4)), List.of(rs.getString("event_types").split(",")),
                rs.getBoolean("active"), rs.getInt("consecutive_failures"), disabled == null ? null : disabled.toInstant(),
                rs.getString("disabled_reason"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getLong("version"));
    }
}
