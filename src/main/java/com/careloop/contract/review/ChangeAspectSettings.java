package com.careloop.contract.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.careloop.contract.ChangeKind;
import com.careloop.contract.ReviewAspect;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change kind → review aspect table ({@code contract_change_aspect}) as configuration data an administrator
 * edits: read it, replace it whole with the version the editor saw (stale → 409; a kind without any aspect, which
 * would leave a change nobody re-reviews, → 422 on {@code aspects.<KIND>}), or reset it to the seeds' default
 * ({@link ChangeAspects#SEEDS_DEFAULT}). Every save is audited with the table before and after. Changes already under
 * review keep the aspects they started with (their approval snapshot).
 */
@Service
@Transactional
public class ChangeAspectSettings {

    static final String RECORD_TYPE = "contract-change-aspects";
    private static final String RECORD_ID = "matrix";
    /** The general manager's approval is the major-contract rule, never a re-reviewed aspect. */
    static final Set<ReviewAspect> ASSIGNABLE = EnumSet.complementOf(EnumSet.of(ReviewAspect.MAJOR,
            ReviewAspect.STOCK_ISSUE, ReviewAspect.DESIGN_STATUTORY, ReviewAspect.VICE_GM_SIGNOFF));

    /** The table as the editor sees it: every kind with its aspects (in the enum's order). */
    public record Settings(long version, Map<ChangeKind, List<ReviewAspect>> aspects, Instant updatedAt,
                           String updatedByName, boolean isDefault) {
    }

    /** {version, aspects: {KIND: [ASPECT …]}}; a kind left out keeps no aspect (and is refused). */
    public record Edit(Long version, Map<String, List<String>> aspects) {
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;

    ChangeAspectSettings(JdbcClient jdbc, AuditTrail audit, CurrentUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    /** The kind → aspects mapping as configured. */
    @Transactional(readOnly = true)
    public Map<ChangeKind, Set<ReviewAspect>> matrix() {
        Map<ChangeKind, Set<ReviewAspect>> m = new EnumMap<>(ChangeKind.class);
        jdbc.sql("select kind, aspect from contract_change_aspect").query((rs, n) -> {
            try {
                m.computeIfAbsent(ChangeKind.valueOf(rs.getString(1)), k -> EnumSet.noneOf(ReviewAspect.class))
                        .add(ReviewAspect.valueOf(rs.getString(2)));
            } catch (IllegalArgumentException ignored) {
                // a kind or aspect this version does not know
            }
            return null;
        }).list();
        return m;
    }

    @Transactional(readOnly = true)
    public Settings current() {
        Map<ChangeKind, Set<ReviewAspect>> matrix = matrix();
        return jdbc.sql("select version, updated_at, updated_by_name from contract_change_matrix where id = 1")
                .query((rs, n) -> new Settings(rs.getLong(1), ordered(matrix), rs.getTimestamp(2).toInstant(),
                        rs.getString(3), ordered(matrix).equals(ordered(ChangeAspects.SEEDS_DEFAULT)))).single();
    }

    /** Replaces the whole table. 422 naming {@code aspects.<KIND>} (no aspect, an unknown aspect) or {@code aspects}. */
    public Settings replace(Edit edit) {
        if (edit == null || edit.aspects() == null) {
            throw new InvalidInputException("aspects", "required", Text.of("error.contract.change-aspects.required"));
        }
        Map<ChangeKind, Set<ReviewAspect>> next = new EnumMap<>(ChangeKind.class);
        for (Map.Entry<String, List<String>> e : edit.aspects().entrySet()) {
            ChangeKind kind = parse(ChangeKind.class, e.getKey());
            if (kind == null) {
                throw new InvalidInputException("aspects", "unknown-kind",
                        Text.of("error.contract.change-aspects.unknown-kind", String.valueOf(e.getKey())));
            }
            Set<ReviewAspect> aspects = EnumSet.noneOf(ReviewAspect.class);
            for (String a : e.getValue() == null ? List.<String>of() : e.getValue()) {
                ReviewAspect aspect = parse(ReviewAspect.class, a);
                if (aspect == null || !ASSIGNABLE.contains(aspect)) {
                    throw new InvalidInputException("aspects." + kind, "unknown-aspect",
                            Text.of("error.contract.change-aspects.unknown-aspect", Text.label("contract.change.kind", kind),
                                    String.valueOf(a)));
                }
                aspects.add(aspect);
            }
            next.put(kind, aspects);
        }
        return write(edit.version(), next, "UPDATE");
    }

    /** Back to the seeds' default (with the version the editor saw). */
    public Settings reset(Long version) {
        return write(version, ChangeAspects.SEEDS_DEFAULT, "RESET");
    }

    private Settings write(Long version, Map<ChangeKind, Set<ReviewAspect>> next, String action) {
        Settings before = current();
        Versions.requireCurrent(version, before.version(), RECORD_TYPE, RECORD_ID);
        for (ChangeKind kind : ChangeKind.values()) {
            if (next.getOrDefault(kind, Set.of()).isEmpty()) {
                throw new InvalidInputException("aspects." + kind, "required",
                        Text.of("error.contract.change-aspects.kind-empty", Text.label("contract.change.kind", kind)));
            }
        }
        int updated = jdbc.sql("""
                update contract_change_matrix set version = version + 1, updated_at = :at, updated_by_name = :by
                where id = 1 and version = :v""").param("at", Timestamp.from(Instant.now(clock)))
                .param("by", users.actorName()).param("v", before.version()).update();
        if (updated == 0) {
            Versions.requireCurrentIfGiven(version, version + 1, RECORD_TYPE, RECORD_ID);
        }
        jdbc.sql("delete from contract_change_aspect").update();
        next.forEach((kind, aspects) -> aspects.forEach(a -> jdbc.sql(
                "insert into contract_change_aspect (kind, aspect) values (:k, :a)")
                .param("k", kind.name()).param("a", a.name()).update()));
        audit.record(RECORD_TYPE, RECORD_ID, action, AuditTrail.diff(
                Map.of("aspects", describe(before.aspects()), "version", before.version()),
                Map.of("aspects", describe(ordered(next)), "version", before.version() + 1)));
        return current();
    }

    private static Map<ChangeKind, List<ReviewAspect>> ordered(Map<ChangeKind, Set<ReviewAspect>> m) {
        Map<ChangeKind, List<ReviewAspect>> out = new LinkedHashMap<>();
        for (ChangeKind kind : ChangeKind.values()) {
            out.put(kind, m.getOrDefault(kind, Set.of()).stream().sorted().toList());
        }
        return out;
    }

    /** The table as one line for the audit trail: {@code QUANTITY=QUANTITY_PRICE_PAYMENT+PAYMENT_CREDIT; …}. */
    private static String describe(Map<ChangeKind, List<ReviewAspect>> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(k + "=" + String.join("+", v.stream().map(Enum::name).toList())));
        return String.join("; ", parts);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        try {
            return value == null ? null : Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
