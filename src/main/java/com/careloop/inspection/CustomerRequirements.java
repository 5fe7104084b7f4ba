package com.careloop.inspection;

import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.inspection.InspectionCommands.NewRequirement;
import com.careloop.inspection.InspectionViews.Requirement;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.NotFoundException;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.platform.Versions;
import com.careloop.platform.excel.XlsxExport;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer-specific requirements register (客户特殊要求事项清单, 003-I1; it also files what a customer's CSR
 * checklist and basic requirements ask, 000-A5/A6): per customer each requirement, the document it comes from, the
 * department responsible, how we meet it, its status and the next review date. The P folder of an audit of that
 * customer shows the customer's list ({@link #forAudit}); the register exports to Excel.
 */
@Service
@Transactional
public class CustomerRequirements {

    public static final String RECORD_TYPE = "customer-requirement";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;
    private final ZoneId zone;
    private final CustomerDirectory customers;
    private final Audits audits;
    private final Texts texts;

    CustomerRequirements(JdbcClient jdbc, AuditTrail audit, CurrentUsers users, Clock clock,
                         CareLoopProperties platform, CustomerDirectory customers, Audits audits, Texts texts) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.zone = platform.zone();
        this.customers = customers;
        this.audits = audits;
        this.texts = texts;
    }

    /** The register: one customer's list or all, optionally one status or one department; by customer, then review date. */
    @Transactional(readOnly = true)
    public List<Requirement> list(Long customerId, RequirementStatus status, Long departmentId) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> p = new HashMap<>();
        if (customerId != null) {
            where.append(" and r.customer_id = :customer");
            p.put("customer", customerId);
        }
        if (status != null) {
            where.append(" and r.status = :status");
            p.put("status", status.name());
        }
        if (departmentId != null) {
            where.append(" and r.department_id = :dept");
            p.put("dept", departmentId);
        }
        return named(jdbc.sql(SELECT + where + " order by r.customer_id, r.review_on nulls last, r.id").params(p)
                .query(this::map).list());
    }

    @Transactional(readOnly = true)
    public Requirement requirement(long id) {
        return named(List.of(jdbc.sql(SELECT + " where r.id = :id").param("id", id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException(RECORD_TYPE, id)))).get(0);
    }

    /**
     * The list shown in the P folder (preparation) of an audit: the requirements of the audit's customer that are not
     * withdrawn — the customer of the audit, or the active customer whose name is the audit's counterpart.
     */
    @Transactional(readOnly = true)
    public List<Requirement> forAudit(long auditId) {
        audits.access(auditId, false);
        record Who(Long customerId, String counterpart) {
        }
        Who who = jdbc.sql("select customer_id, counterpart from audit where id = :id").param("id", auditId)
                .query((rs, n) -> new Who((Long) rs.getObject(1, Long.class), rs.getString(2))).single();
        Long customerId = who.customerId() != null ? who.customerId()
                : customers.lookUp(who.counterpart(), 5).stream().filter(CustomerCard::active)
                        .filter(c -> c.name().equals(who.counterpart())).map(CustomerCard::id).findFirst().orElse(null);
        if (customerId == null) {
            return List.of();
        }
        return list(customerId, null, null).stream().filter(r -> r.status() != RequirementStatus.WITHDRAWN).toList();
    }

    /** Records a requirement; bad input is a 422 naming the field. */
    public Requirement create(NewRequirement cmd) {
        Checked c = check(cmd);
        var keys = new GeneratedKeyHolder();
        var now = java.sql.Timestamp.from(clock.instant());
        jdbc.sql("""
                insert into customer_requirement (customer_id, requirement, source_document, department_id, fulfilment,
                  status, review_on, created_by, created_at, updated_at)
                values (:c, :r, :s, :d, :f, :st, :rv, :by, :now, :now)""")
                .param("c", c.customerId).param("r", c.requirement).param("s", c.source).param("d", c.departmentId)
                .param("f", c.fulfilment).param("st", c.status.name()).param("rv", c.reviewOn)
                .param("by", users.actorName()).param("now", now).update(keys, "id");
        Requirement r = requirement(keys.getKey().longValue());
        audit.record(RECORD_TYPE, String.valueOf(r.id()), "CREATE", AuditTrail.diff(Map.of(), fields(r)));
        return r;
    }

    /** Edits a requirement with the version read (409 when someone else changed it meanwhile). */
    public Requirement update(long id, NewRequirement cmd) {
        Requirement before = requirement(id);
        Versions.requireCurrentIfGiven(cmd == null ? null : cmd.version(), before.version(), RECORD_TYPE, id);
        Checked c = check(cmd);
        int n = jdbc.sql("""
                update customer_requirement set customer_id = :c, requirement = :r, source_document = :s,
                  department_id = :d, fulfilment = :f, status = :st, review_on = :rv, version = version + 1,
                  updated_at = :now where id = :id and version = :v""")
                .param("c", c.customerId).param("r", c.requirement).param("s", c.source).param("d", c.departmentId)
                .param("f", c.fulfilment).param("st", c.status.name()).param("rv", c.reviewOn)
                .param("now", java.sql.Timestamp.from(clock.instant())).param("id", id).param("v", before.version())
                .update();
        if (n != 1) {
            Versions.requireCurrent(-1L, before.version(), RECORD_TYPE, id);
        }
        Requirement after = requirement(id);
        audit.record(RECORD_TYPE, String.valueOf(id), "UPDATE", AuditTrail.diff(fields(before), fields(after)));
        return after;
    }

    /** The register (the same filters as the list) as an .xlsx in the reader's language. */
    @Transactional(readOnly = true)
    public void export(Long customerId, RequirementStatus status, Long departmentId, Locale locale, OutputStream out) {
        try (var x = XlsxExport.open(out, t("inspection.requirements.title", locale), List.of(
                t("inspection.requirement.customer", locale), t("inspection.requirement.text", locale),
                t("inspection.requirement.source", locale), t("inspection.requirement.department", locale),
                t("inspection.requirement.fulfilment", locale), t("inspection.requirement.status", locale),
                t("inspection.requirement.review-on", locale)))) {
            for (Requirement r : list(customerId, status, departmentId)) {
                x.row(r.customerName(), r.requirement(), r.sourceDocument(), r.departmentName(), r.fulfilment(),
                        t("inspection.requirement.status." + r.status(), locale), r.reviewOn());
            }
        }
    }

    /** A department to choose as the one responsible. */
    public record DepartmentChoice(long id, String name) {
    }

    /** The active departments, for the responsible-department choice of the page. */
    @Transactional(readOnly = true)
    public List<DepartmentChoice> departments() {
        return jdbc.sql("select id, name from org_department where active = true order by sort_order, id")
                .query((rs, n) -> new DepartmentChoice(rs.getLong(1), rs.getString(2))).list();
    }

    // ---- internals ------------------------------------------------------------------------------

    private static final class Checked {
        long customerId;
        String requirement;
        String source;
        Long departmentId;
        String fulfilment;
        RequirementStatus status;
        LocalDate reviewOn;
    }

    private Checked check(NewRequirement cmd) {
        if (cmd == null || cmd.customerId() == null) {
            throw new InvalidInputException("customerId", "required", Text.of("error.inspection.required", "customerId"));
        }
        if (customers.card(cmd.customerId()).filter(CustomerCard::active).isEmpty()) {
            throw new InvalidInputException("customerId", "exists",
                    Text.of("error.inspection.no-customer", cmd.customerId()));
        }
        Checked c = new Checked();
        c.customerId = cmd.customerId();
        c.requirement = text(cmd.requirement(), "requirement", 2000, true);
        c.source = text(cmd.sourceDocument(), "sourceDocument", 300, false);
        c.fulfilment = text(cmd.fulfilment(), "fulfilment", 2000, false);
        if (cmd.departmentId() != null && jdbc.sql("select count(*) from org_department where id = :d")
                .param("d", cmd.departmentId()).query(Long.class).single() == 0) {
            throw new InvalidInputException("departmentId", "exists",
                    Text.of("error.inspection.no-department", cmd.departmentId()));
        }
        c.departmentId = cmd.departmentId();
        c.status = cmd.status() == null ? RequirementStatus.IDENTIFIED : cmd.status();
        if (c.status == RequirementStatus.MET && c.fulfilment == null) {
            throw new InvalidInputException("fulfilment", "required-when-met",
                    Text.of("error.inspection.requirement-met-how"));
        }
        c.reviewOn = cmd.reviewOn();
        return c;
    }

    private static String text(String value, String field, int max, boolean required) {
        String v = value == null || value.isBlank() ? null : value.strip();
        if (v == null && required) {
            throw new InvalidInputException(field, "required", Text.of("error.inspection.required", field));
        }
        if (v != null && v.length() > max) {
            throw new InvalidInputException(field, "max-length", Text.of("error.inspection.too-long", field, max));
        }
        return v;
    }

    private static Map<String, Object> fields(Requirement r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("customerId", r.customerId());
        m.put("requirement", r.requirement());
        m.put("sourceDocument", r.sourceDocument());
        m.put("departmentId", r.departmentId());
        m.put("fulfilment", r.fulfilment());
        m.put("status", r.status());
        m.put("reviewOn", r.reviewOn());
        return m;
    }

    private static final String SELECT = """
            select r.*, d.name department_name from customer_requirement r
            left join org_department d on d.id = r.department_id""";

    private Requirement map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        LocalDate review = rs.getObject("review_on", LocalDate.class);
        RequirementStatus status = RequirementStatus.valueOf(rs.getString("status"));
        return new Requirement(rs.getLong("id"), rs.getLong("customer_id"), null, rs.getString("requirement"),
                rs.getString("source_document"), (Long) rs.getObject("department_id", Long.class),
                rs.getString("department_name"), rs.getString("fulfilment"), status, review,
                review != null && status != RequirementStatus.WITHDRAWN && review.isBefore(LocalDate.now(clock.withZone(zone))),
                rs.getString("created_by"), rs.getLong("version"));
    }

    /** The customers' names through the customer module's API, once per customer. */
    private List<Requirement> named(List<Requirement> rows) {
        Map<Long, String> names = new HashMap<>();
        return rows.stream().map(r -> new Requirement(r.id(), r.customerId(),
                names.computeIfAbsent(r.customerId(), id -> customers.card(id).map(CustomerCard::name).orElse("#" + id)),
                r.requirement(), r.sourceDocument(), r.departmentId(), r.departmentName(), r.fulfilment(), r.status(),
                r.reviewOn(), r.reviewDue(), r.createdBy(), r.version())).toList();
    }

    private String t(String code, Locale locale) {
        return texts.render(Text.of(code), locale);
    }
}
