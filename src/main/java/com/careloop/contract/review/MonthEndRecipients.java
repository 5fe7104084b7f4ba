package com.careloop.contract.review;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who receives the month-end distribution (seed 002-A12) as data an administrator edits: for the sales manager (the
 * originals) and for finance (a copy), an ordered list of holders {@code KIND:REF} — kind DEPARTMENT (its active
 * members), DEPARTMENT_HEAD (the department's heads), POSITION (the holders of a position, 职位), USER (a user by name)
 * — of which the first that names an active person is used. Stored in {@code contract_month_end_setting} (V186); until
 * an administrator saves, the configuration ({@link MonthEndProperties}, {@code careloop.contract.month-end.*}) is the
 * value, and a reset goes back to it. Saved whole with the version the editor saw (stale → 409), each entry checked
 * (422 naming {@code salesManager[i]} / {@code finance[i]}), audited with the lists before and after. Salespeople
 * receive their own contracts and need no setting.
 */
@Service
@Transactional
public class MonthEndRecipients {

    static final String RECORD_TYPE = "contract-month-end-recipients";
    private static final String RECORD_ID = "settings";
    static final int MAX_ENTRIES = 10;

    /** The kinds of holder an entry names. */
    public enum Kind { DEPARTMENT, DEPARTMENT_HEAD, POSITION, USER }

    /** One entry as the page shows it: kind, reference, what it names in the reader's language, who it reaches now. */
    public record Entry(String spec, Kind kind, String ref, String label, List<String> activeNames) {
    }

    /**
     * The setting: its version (0: never saved), the lists, whether they are the configuration's, who saved last and
     * when, each entry described, and who would receive the next distribution (the first entry naming somebody).
     */
    public record Settings(long version, List<String> salesManager, List<String> finance, boolean fromConfiguration,
                           Instant updatedAt, String updatedByName, List<Entry> salesManagerEntries,
                           List<Entry> financeEntries, List<String> salesManagerNow, List<String> financeNow) {
    }

    /** {version, salesManager: ["KIND:REF" …], finance: ["KIND:REF" …]}. */
    public record Edit(Long version, List<String> salesManager, List<String> finance) {
    }

    private record Stored(long version, List<String> salesManager, List<String> finance, Instant at, String by) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final MonthEndProperties configuration;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;

    MonthEndRecipients(JdbcClient jdbc, OrgDirectory org, MonthEndProperties configuration, AuditTrail audit,
                       CurrentUsers users, Clock clock) {
        this.jdbc = jdbc;
        this.org = org;
        this.configuration = configuration;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    /** The sales manager's holders as configured (the stored list, else the configuration's). */
    @Transactional(readOnly = true)
    public List<String> salesManager() {
        return stored().map(Stored::salesManager).orElse(configuration.salesManager());
    }

    /** Finance's holders as configured (the stored list, else the configuration's). */
    @Transactional(readOnly = true)
    public List<String> finance() {
        return stored().map(Stored::finance).orElse(configuration.finance());
    }

    @Transactional(readOnly = true)
    public Settings current(Locale locale) {
        Optional<Stored> s = stored();
        List<String> manager = s.map(Stored::salesManager).orElse(configuration.salesManager());
        List<String> finance = s.map(Stored::finance).orElse(configuration.finance());
        boolean fromConfiguration = manager.equals(configuration.salesManager())
                && finance.equals(configuration.finance());
        List<OrgDirectory.Position> positions = org.positions(locale);
        return new Settings(s.map(Stored::version).orElse(0L), manager, finance, fromConfiguration,
                s.map(Stored::at).orElse(null), s.map(Stored::by).orElse(null), describe(manager, positions),
                describe(finance, positions), names(holders(manager)), names(holders(finance)));
    }

    /** Replaces both lists: 422 naming the list or the entry, a stale or missing version 409 / 422. */
    public Settings replace(Edit edit) {
        Edit e = edit == null ? new Edit(null, null, null) : edit;
        List<String> manager = check("salesManager", e.salesManager());
        List<String> finance = check("finance", e.finance());
        return write(e.version(), manager, finance, "UPDATE");
    }

    /** Back to the configuration's lists (with the version the editor saw). */
    public Settings reset(Long version) {
        return write(version, configuration.salesManager(), configuration.finance(), "RESET");
    }

    private Settings write(Long version, List<String> manager, List<String> finance, String action) {
        Optional<Stored> before = stored();
        long current = before.map(Stored::version).orElse(0L);
        Versions.requireCurrent(version, current, RECORD_TYPE, RECORD_ID);
        Timestamp now = Timestamp.from(Instant.now(clock));
        if (before.isEmpty()) {
            try {
                jdbc.sql("""
                        insert into contract_month_end_setting (id, sales_manager, finance, version, updated_at,
                                                                updated_by_name)
                        values (1, :m, :f, 1, :at, :by)""").param("m", String.join("\n", manager))
                        .param("f", String.join("\n", finance)).param("at", now).param("by", users.actorName())
                        .update();
            } catch (DuplicateKeyException raced) {
                throw stale(version);
            }
        } else if (jdbc.sql("""
                update contract_month_end_setting set sales_manager = :m, finance = :f, version = version + 1,
                       updated_at = :at, updated_by_name = :by
                where id = 1 and version = :v""").param("m", String.join("\n", manager))
                .param("f", String.join("\n", finance)).param("at", now).param("by", users.actorName())
                .param("v", current).update() == 0) {
            throw stale(version);
        }
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("salesManager", String.join(", ", before.map(Stored::salesManager).orElse(configuration.salesManager())));
        was.put("finance", String.join(", ", before.map(Stored::finance).orElse(configuration.finance())));
        was.put("version", current);
        Map<String, Object> is = new LinkedHashMap<>();
        is.put("salesManager", String.join(", ", manager));
        is.put("finance", String.join(", ", finance));
        is.put("version", current + 1);
        audit.record(RECORD_TYPE, RECORD_ID, action, AuditTrail.diff(was, is));
        return current(LocaleContextHolder.getLocale());
    }

    private static OptimisticLockingFailureException stale(Long version) {
        return new OptimisticLockingFailureException("记录已被他人修改，请刷新后重试 / " + RECORD_TYPE + " " + RECORD_ID
                + " was changed by someone else (yours " + version + ")");
    }

    /**
     * A list as entered: 1 … {@value #MAX_ENTRIES} entries (422 on {@code field}), each {@code KIND:REF} naming an
     * existing active department, position or user, once (422 on {@code field[i]}). Entries are trimmed, the kind
     * upper-cased.
     */
    List<String> check(String field, List<String> entries) {
        List<String> given = entries == null ? List.of() : entries.stream()
                .map(x -> x == null ? "" : x.strip()).toList();
        if (given.stream().allMatch(String::isEmpty)) {
            throw new InvalidInputException(field, "required", Text.of("error.contract.month-end.empty",
                    Text.label("contract.month-end.party", field)));
        }
        if (given.size() > MAX_ENTRIES) {
            throw new InvalidInputException(field, "size", Text.of("error.contract.month-end.too-many", MAX_ENTRIES));
        }
        List<String> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String f = field + "[" + i + "]";
            String entry = given.get(i);
            int colon = entry.indexOf(':');
            Kind kind = colon < 0 ? null : kind(entry.substring(0, colon));
            String ref = colon < 0 ? "" : entry.substring(colon + 1).strip();
            if (kind == null || ref.isEmpty()) {
                throw new InvalidInputException(f, "format", Text.of("error.contract.month-end.format", entry));
            }
            boolean exists = switch (kind) {
                case DEPARTMENT, DEPARTMENT_HEAD -> org.departmentByCode(ref).filter(OrgDirectory.Department::active)
                        .isPresent();
                case POSITION -> org.positions(Locale.SIMPLIFIED_CHINESE).stream()
                        .anyMatch(p -> p.active() && p.code().equals(ref));
                case USER -> org.userByUsername(ref).filter(OrgDirectory.User::active).isPresent();
            };
            if (!exists) {
                throw new InvalidInputException(f, "exists", Text.of("error.contract.month-end.unknown",
                        Text.label("contract.month-end.kind", kind), ref));
            }
            String normal = kind + ":" + ref;
            if (!seen.add(normal)) {
                throw new InvalidInputException(f, "duplicate", Text.of("error.contract.month-end.duplicate", normal));
            }
            out.add(normal);
        }
        return out;
    }

    /** The active holders of the first of these entries ({@code KIND:REF}) that names anybody. */
    List<OrgDirectory.User> holders(List<String> specs) {
        for (String spec : specs == null ? List.<String>of() : specs) {
            List<OrgDirectory.User> found = members(spec);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    private List<OrgDirectory.User> members(String spec) {
        int colon = spec.indexOf(':');
        Kind kind = colon < 0 ? null : kind(spec.substring(0, colon));
        if (kind == null) {
            throw new IllegalStateException("careloop.contract.month-end: '" + spec + "' is not KIND:REF with KIND one "
                    + "of DEPARTMENT, DEPARTMENT_HEAD, POSITION, USER");
        }
        String ref = spec.substring(colon + 1).strip();
        return switch (kind) {
            case DEPARTMENT -> org.activeMembers(ref);
            case DEPARTMENT_HEAD -> org.departmentByCode(ref).map(d -> org.activeHeads(d.id())).orElse(List.of());
            case POSITION -> org.activeDepartments().stream()
                    .flatMap(d -> org.activeMembersInPositions(d.id(), List.of(ref)).stream()).toList();
            case USER -> org.userByUsername(ref).filter(OrgDirectory.User::active).map(List::of).orElse(List.of());
        };
    }

    private List<Entry> describe(List<String> specs, List<OrgDirectory.Position> positions) {
        List<Entry> out = new ArrayList<>();
        for (String spec : specs) {
            int colon = spec.indexOf(':');
            Kind kind = colon < 0 ? null : kind(spec.substring(0, colon));
            String ref = colon < 0 ? spec : spec.substring(colon + 1).strip();
            String label = kind == null ? null : switch (kind) {
                case DEPARTMENT, DEPARTMENT_HEAD -> org.departmentByCode(ref).map(OrgDirectory.Department::name)
                        .orElse(null);
                case POSITION -> positions.stream().filter(p -> p.code().equals(ref)).map(OrgDirectory.Position::name)
                        .findFirst().orElse(null);
                case USER -> org.userByUsername(ref).map(OrgDirectory.User::displayName).orElse(null);
            };
            out.add(new Entry(spec, kind, ref, label, kind == null ? List.of() : names(members(spec))));
        }
        return out;
    }

    private static List<String> names(List<OrgDirectory.User> people) {
        return people.stream().map(OrgDirectory.User::displayName).toList();
    }

    private Optional<Stored> stored() {
        return jdbc.sql("""
                select version, sales_manager, finance, updated_at, updated_by_name
                from contract_month_end_setting where id = 1""")
                .query((rs, n) -> new Stored(rs.getLong(1), lines(rs.getString(2)), lines(rs.getString(3)),
                        rs.getTimestamp(4).toInstant(), rs.getString(5))).optional();
    }

    private static List<String> lines(String value) {
        return value == null ? List.of() : value.lines().map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    private static Kind kind(String value) {
        try {
            return Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
