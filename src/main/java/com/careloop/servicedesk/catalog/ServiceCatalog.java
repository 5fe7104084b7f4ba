package com.careloop.servicedesk.catalog;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.calendar.TimeUnit;
import com.careloop.servicedesk.Priority;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceDeskCatalogViews.Category;
import com.careloop.servicedesk.ServiceDeskCatalogViews.SaveCategory;
import com.careloop.servicedesk.ServiceDeskCatalogViews.SaveSlaPolicy;
import com.careloop.servicedesk.ServiceDeskCatalogViews.SlaPolicy;
import com.careloop.platform.Text;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Categories (a maintained dictionary) and SLA policies, each change in the audit trail. */
@Service
@Transactional
public class ServiceCatalog {

    private static final String CATEGORY_COLUMNS = "id, code, name, callback_required, active, sort_order, version, default_department_id";
    private static final String POLICY_COLUMNS = """
            id, request_type, category_id, priority, response_amount, response_unit, completion_amount,
            completion_unit, active, version""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ServiceCatalog(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- categories --------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Category> categories(boolean includeInactive) {
        return jdbc.sql("select " + CATEGORY_COLUMNS + " from service_category"
                        + (includeInactive ? "" : " where active = true") + " order by sort_order, id")
                .query(ServiceCatalog::mapCategory).list();
    }

    @Transactional(readOnly = true)
    public Optional<Category> category(long id) {
        return jdbc.sql("select " + CATEGORY_COLUMNS + " from service_category where id = :id").param("id", id)
                .query(ServiceCatalog::mapCategory).optional();
    }

    private static Category mapCategory(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Category(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5),
                rs.getInt(6), rs.getLong(7), rs.getObject(8, Long.class));
    }

    public Category createCategory(SaveCategory cmd) {
        requireUniqueCode(cmd.code().trim(), -1);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into service_category (code, name, callback_required, active, sort_order, default_department_id,
                  created_at, updated_at)
                values (:code, :name, :cb, :active, :sort, :dept, :at, :at)""")
                .params(categoryParams(cmd)).param("at", now()).update(keys, "id");
        Category created = category(keys.getKey().longValue()).orElseThrow();
        audit.record("service-category", String.valueOf(created.id()), "CREATE",
                AuditTrail.diff(Map.of(), categoryState(created)));
        return created;
    }

    public Category updateCategory(long id, SaveCategory cmd) {
        Category before = category(id).orElseThrow(() -> new NotFoundException("service category", id));
        requireUniqueCode(cmd.code().trim(), id);
        long version = requireVersion(cmd.version());
        int updated = jdbc.sql("""
                update service_category set code = :code, name = :name, callback_required = :cb, active = :active,
                  sort_order = :sort, default_department_id = :dept,
                  version = version + 1, updated_at = :at where id = :id and version = :version""")
                .params(categoryParams(cmd)).param("at", now()).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw stale("service category", id, before.version(), version);
        }
        Category after = category(id).orElseThrow();
        audit.record("service-category", String.valueOf(id), "UPDATE",
                AuditTrail.diff(categoryState(before), categoryState(after)));
        return after;
    }

    private Map<String, Object> categoryParams(SaveCategory cmd) {
        Long dept = cmd.defaultDepartmentId();
        if (dept != null && jdbc.sql("select count(*) from org_department where id = :id and active = true").param("id", dept)
                .query(Long.class).single() == 0) {
            throw new InvalidInputException("defaultDepartmentId", "exists", Text.of("error.servicedesk.no-active-department", String.valueOf(dept)));
        }
        var params = new java.util.HashMap<String, Object>(Map.of("code", cmd.code().trim(), "name", cmd.name().trim(),
                "cb", Boolean.TRUE.equals(cmd.callbackRequired()), "active", !Boolean.FALSE.equals(cmd.active()),
                "sort", cmd.sortOrder() == null ? 0 : cmd.sortOrder()));
        params.put("dept", dept); // may be null: no suggestion
        return params;
    }

    private static Map<String, Object> categoryState(Category c) {
        var state = new java.util.HashMap<String, Object>(Map.of("code", c.code(), "name", c.name(),
                "callbackRequired", c.callbackRequired(), "active", c.active(), "sortOrder", c.sortOrder()));
        state.put("defaultDepartmentId", c.defaultDepartmentId());
        return state;
    }

    private void requireUniqueCode(String code, long exceptId) {
        boolean taken = jdbc.sql("select count(*) from service_category where code = :code and id <> :id")
                .param("code", code).param("id", exceptId).query(Long.class).single() > 0;
        if (taken) {
            throw new InvalidInputException("code", "unique", Text.of("error.servicedesk.category-code-exists", code));

        }
    }

    // ---- SLA policies ------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<SlaPolicy> policies() {
        return jdbc.sql("select " + POLICY_COLUMNS + " from service_sla_policy order by id").query(this::mapPolicy).list();
    }

    @Transactional(readOnly = true)
    public Optional<SlaPolicy> policy(long id) {
        return jdbc.sql("select " + POLICY_COLUMNS + " from service_sla_policy where id = :id").param("id", id)
                .query(this::mapPolicy).optional();
    }

    /** The most specific active policy for a request: type counts most, then category, then priority. */
    @Transactional(readOnly = true)
    public SlaPolicy policyFor(RequestType type, Long categoryId, Priority priority) {
        return mostSpecific(policies().stream().filter(SlaPolicy::active).toList(), type, categoryId, priority)
                .orElseThrow(() -> new IllegalStateException("no SLA policy matches " + type + "/" + categoryId + "/" + priority
                        + "; keep the catch-all policy active"));
    }

    /** The rule of {@link #policyFor}, as a pure function. */
    public static Optional<SlaPolicy> mostSpecific(List<SlaPolicy> policies, RequestType type, Long categoryId,
                                                   Priority priority) {
        return policies.stream()
                .filter(p -> p.type() == null || p.type() == type)
                .filter(p -> p.categoryId() == null || p.categoryId().equals(categoryId))
                .filter(p -> p.priority() == null || p.priority() == priority)
                .max(Comparator.comparingInt((SlaPolicy p) -> (p.type() != null ? 4 : 0) + (p.categoryId() != null ? 2 : 0)
                        + (p.priority() != null ? 1 : 0)).thenComparing(SlaPolicy::id));
    }

    public SlaPolicy createPolicy(SaveSlaPolicy cmd) {
        validate(cmd);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into service_sla_policy (request_type, category_id, priority, response_amount, response_unit,
                  completion_amount, completion_unit, active, created_at, updated_at)
                values (:type, :category, :priority, :ra, :ru, :ca, :cu, :active, :at, :at)""")
                .params(policyParams(cmd)).param("at", now()).update(keys, "id");
        SlaPolicy created = policy(keys.getKey().longValue()).orElseThrow();
        audit.record("sla-policy", String.valueOf(created.id()), "CREATE", AuditTrail.diff(Map.of(), policyState(created)));
        return created;
    }

    public SlaPolicy updatePolicy(long id, SaveSlaPolicy cmd) {
        SlaPolicy before = policy(id).orElseThrow(() -> new NotFoundException("SLA policy", id));
        validate(cmd);
        long version = requireVersion(cmd.version());
        int updated = jdbc.sql("""
                update service_sla_policy set request_type = :type, category_id = :category, priority = :priority,
                  response_amount = :ra, response_unit = :ru, completion_amount = :ca, completion_unit = :cu,
                  active = :active, version = version + 1, updated_at = :at where id = :id and version = :version""")
                .params(policyParams(cmd)).param("at", now()).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw stale("SLA policy", id, before.version(), version);
        }
        SlaPolicy after = policy(id).orElseThrow();
        audit.record("sla-policy", String.valueOf(id), "UPDATE", AuditTrail.diff(policyState(before), policyState(after)));
        return after;
    }

    private void validate(SaveSlaPolicy cmd) {
        if (cmd.categoryId() != null && category(cmd.categoryId()).isEmpty()) {
            throw new InvalidInputException("categoryId", "exists", Text.of("error.servicedesk.no-category-0", cmd.categoryId()));
        }
        if (cmd.completionAmount() != null && cmd.completionUnit() == null) {
            throw new InvalidInputException("completionUnit", "required", Text.of("error.servicedesk.completion-target-needs-unit"));
        }
    }

    private static Map<String, Object> policyParams(SaveSlaPolicy cmd) {
        var p = new java.util.HashMap<String, Object>();
        p.put("type", cmd.type() == null ? null : cmd.type().name());
        p.put("category", cmd.categoryId());
        p.put("priority", cmd.priority() == null ? null : cmd.priority().name());
        p.put("ra", cmd.responseAmount());
        p.put("ru", cmd.responseUnit().name());
        p.put("ca", cmd.completionAmount());
        p.put("cu", cmd.completionAmount() == null ? null : cmd.completionUnit().name());
        p.put("active", !Boolean.FALSE.equals(cmd.active()));
        return p;
    }

    private static Map<String, Object> policyState(SlaPolicy p) {
        var s = new java.util.LinkedHashMap<String, Object>();
        s.put("type", p.type());
        s.put("categoryId", p.categoryId());
        s.put("priority", p.priority());
        s.put("response", p.responseAmount() + " " + p.responseUnit());
        s.put("completion", p.completionAmount() == null ? null : p.completionAmount() + " " + p.completionUnit());
        s.put("active", p.active());
        return s;
    }

    private SlaPolicy mapPolicy(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new SlaPolicy(rs.getLong(1), rs.getString(2) == null ? null : RequestType.valueOf(rs.getString(2)),
                (Long) rs.getObject(3, Long.class), rs.getString(4) == null ? null : Priority.valueOf(rs.getString(4)),
                rs.getInt(5), TimeUnit.valueOf(rs.getString(6)), (Integer) rs.getObject(7, Integer.class),
                rs.getString(8) == null ? null : TimeUnit.valueOf(rs.getString(8)), rs.getBoolean(9), rs.getLong(10));
    }

    private static long requireVersion(Long version) {
        if (version == null) {
            throw new InvalidInputException("version", "required", Text.of("error.platform.version-required-update"));
        }
        return version;
    }

    private static OptimisticLockingFailureException stale(String what, long id, long current, long yours) {
        return new OptimisticLockingFailureException("已被他人修改，请刷新后重试 / " + what + " " + id
                + " was changed by someone else (version " + current + ", yours " + yours + ")");
    }

    private java.sql.Timestamp now() {
        return java.sql.Timestamp.from(Instant.now(clock));
    }
}
