package com.careloop.inspection;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import com.careloop.inspection.InspectionCommands.FactoryProfileFields;
import com.careloop.inspection.InspectionCommands.SaveFactoryProfile;
import com.careloop.inspection.InspectionViews.FactoryProfile;
import com.careloop.platform.AuditTrail;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.platform.Versions;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The factory basic-information profile of an audit (验厂基本信息表 / Facility Profile, 000-A6 "CSR基本资料…工厂基本介绍、
 * CSR门槛要求"): one per audit, pre-filled from the last audit of the same counterpart (the customer, or the
 * counterpart's name), saved by the audit team with the version read, printed in the audit report.
 */
@Service
@Transactional
public class AuditFactoryProfiles {

    static final int MAX_PEOPLE = 1_000_000;
    static final BigDecimal MAX_AREA = new BigDecimal("9999999999");

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CurrentUsers users;
    private final Clock clock;
    private final Audits audits;

    AuditFactoryProfiles(JdbcClient jdbc, AuditTrail audit, CurrentUsers users, Clock clock, Audits audits) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.users = users;
        this.clock = clock;
        this.audits = audits;
    }

    /** The audit's profile: the saved one, else pre-filled from the counterpart's last profile, else just the name. */
    @Transactional(readOnly = true)
    public FactoryProfile profile(long auditId) {
        audits.access(auditId, false);
        return saved(auditId).orElseGet(() -> prefilled(auditId));
    }

    /** The saved profile only (the report prints nothing for an audit without one). */
    @Transactional(readOnly = true)
    public java.util.Optional<FactoryProfile> saved(long auditId) {
        return jdbc.sql(SELECT + " where p.audit_id = :a").param("a", auditId)
                .query((rs, n) -> new FactoryProfile(auditId, fields(rs), true, null, null, rs.getString("updated_by"),
                        rs.getLong("version"))).optional();
    }

    /** Saves the profile of an audit not closed (audit team or manager); bad input is a 422 naming the field. */
    public FactoryProfile save(long auditId, SaveFactoryProfile cmd) {
        Audits.Access a = audits.access(auditId, true);
        if (a.status() == AuditStatus.CLOSED) {
            throw DomainException.of("inspection.profile-closed", a.code());
        }
        FactoryProfileFields f = check(cmd == null ? null : cmd.profile());
        var before = saved(auditId);
        var now = java.sql.Timestamp.from(clock.instant());
        if (before.isEmpty()) {
            try {
                jdbc.sql("insert into audit_factory_profile (audit_id, company_name, updated_by, updated_at)"
                        + " values (:a, :c, :by, :now)").param("a", auditId).param("c", f.companyName())
                        .param("by", users.actorName()).param("now", now).update();
            } catch (DuplicateKeyException e) { // saved by someone else between our read and write
                throw new OptimisticLockingFailureException("factory profile of audit " + auditId + " was changed");
            }
        } else {
            Versions.requireCurrentIfGiven(cmd.version(), before.get().version(), "audit-factory-profile", auditId);
        }
        long version = before.map(FactoryProfile::version).orElse(0L);
        int n = jdbc.sql("""
                update audit_factory_profile set company_name = :company, address = :address, legal_representative = :legal,
                  employees_total = :total, employees_male = :male, employees_female = :female, employees_minor = :minor,
                  production_area_m2 = :area, products = :products, certifications = :certs, working_hours = :hours,
                  shifts = :shifts, dormitory = :dorm, canteen = :canteen, csr_threshold = :csr,
                  version = version + 1, updated_by = :by, updated_at = :now
                where audit_id = :a and version = :v""")
                .param("company", f.companyName()).param("address", f.address()).param("legal", f.legalRepresentative())
                .param("total", f.employeesTotal()).param("male", f.employeesMale()).param("female", f.employeesFemale())
                .param("minor", f.employeesMinor()).param("area", f.productionArea()).param("products", f.products())
                .param("certs", f.certifications()).param("hours", f.workingHours()).param("shifts", f.shifts())
                .param("dorm", Boolean.TRUE.equals(f.dormitory())).param("canteen", Boolean.TRUE.equals(f.canteen()))
                .param("csr", f.csrThreshold()).param("by", users.actorName()).param("now", now).param("a", auditId)
                .param("v", version).update();
        if (n != 1) {
            throw new OptimisticLockingFailureException("factory profile of audit " + auditId + " was changed");
        }
        FactoryProfile after = saved(auditId).orElseThrow();
        audit.record(Audits.RECORD_TYPE, String.valueOf(auditId), "FACTORY_PROFILE", AuditTrail.diff(
                before.map(b -> map(b.profile())).orElse(Map.of()), map(after.profile())));
        return after;
    }

    // ---- internals ------------------------------------------------------------------------------

    private static final String SELECT = "select p.* from audit_factory_profile p";

    private FactoryProfile prefilled(long auditId) {
        record Who(Long customerId, String counterpart) {
        }
        Who who = jdbc.sql("select customer_id, counterpart from audit where id = :id").param("id", auditId)
                .query((rs, n) -> new Who((Long) rs.getObject(1, Long.class), rs.getString(2))).single();
        String same = who.customerId() != null ? "a.customer_id = :c" : "a.counterpart = :c";
        return jdbc.sql("select p.*, a.title from audit_factory_profile p join audit a on a.id = p.audit_id where "
                        + same + " and a.id <> :a order by a.audit_date desc, a.id desc")
                .param("c", who.customerId() != null ? who.customerId() : who.counterpart()).param("a", auditId)
                .query((rs, n) -> new FactoryProfile(auditId, fields(rs), false, rs.getLong("audit_id"),
                        rs.getString("title"), null, 0)).list().stream().findFirst()
                .orElseGet(() -> new FactoryProfile(auditId, new FactoryProfileFields(who.counterpart(), null, null,
                        null, null, null, null, null, null, null, null, null, false, false, null), false, null, null,
                        null, 0));
    }

    private static FactoryProfileFields fields(ResultSet rs) throws SQLException {
        return new FactoryProfileFields(rs.getString("company_name"), rs.getString("address"),
                rs.getString("legal_representative"), (Integer) rs.getObject("employees_total", Integer.class),
                (Integer) rs.getObject("employees_male", Integer.class),
                (Integer) rs.getObject("employees_female", Integer.class),
                (Integer) rs.getObject("employees_minor", Integer.class), rs.getBigDecimal("production_area_m2"),
                rs.getString("products"), rs.getString("certifications"), rs.getString("working_hours"),
                (Integer) rs.getObject("shifts", Integer.class), rs.getBoolean("dormitory"), rs.getBoolean("canteen"),
                rs.getString("csr_threshold"));
    }

    /** The rules: a company name; texts within their lengths; people 0..1,000,000; men and women adding up to the
     *  total and minors not more than it; area not negative; shifts 1..4. */
    static FactoryProfileFields check(FactoryProfileFields f) {
        if (f == null || f.companyName() == null || f.companyName().isBlank()) {
            throw invalid("companyName", "required", Text.of("error.inspection.required", "companyName"));
        }
        String company = text(f.companyName(), "companyName", 200);
        Integer total = people(f.employeesTotal(), "employeesTotal");
        Integer male = people(f.employeesMale(), "employeesMale");
        Integer female = people(f.employeesFemale(), "employeesFemale");
        Integer minor = people(f.employeesMinor(), "employeesMinor");
        if (total != null && male != null && female != null && male + female != total) {
            throw invalid("employeesFemale", "sum", Text.of("error.inspection.profile-sum", male, female, total));
        }
        if (total != null && minor != null && minor > total) {
            throw invalid("employeesMinor", "range", Text.of("error.inspection.profile-minors", minor, total));
        }
        BigDecimal area = f.productionArea();
        if (area != null && (area.signum() < 0 || area.compareTo(MAX_AREA) > 0)) {
            throw invalid("productionArea", "range", Text.of("error.inspection.profile-range", "productionArea", 0, MAX_AREA));
        }
        if (f.shifts() != null && (f.shifts() < 1 || f.shifts() > 4)) {
            throw invalid("shifts", "range", Text.of("error.inspection.profile-range", "shifts", 1, 4));
        }
        return new FactoryProfileFields(company, text(f.address(), "address", 500),
                text(f.legalRepresentative(), "legalRepresentative", 100), total, male, female, minor, area,
                text(f.products(), "products", 1000), text(f.certifications(), "certifications", 1000),
                text(f.workingHours(), "workingHours", 500), f.shifts(), Boolean.TRUE.equals(f.dormitory()),
                Boolean.TRUE.equals(f.canteen()), text(f.csrThreshold(), "csrThreshold", 2000));
    }

    private static String text(String s, String field, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        if (t.length() > max) {
            throw invalid(field, "length", Text.of("error.inspection.profile-length", field, max));
        }
        return t;
    }

    private static Integer people(Integer n, String field) {
        if (n != null && (n < 0 || n > MAX_PEOPLE)) {
            throw invalid(field, "range", Text.of("error.inspection.profile-range", field, 0, MAX_PEOPLE));
        }
        return n;
    }

    private static InvalidInputException invalid(String field, String rule, Text text) {
        return new InvalidInputException(field, rule, text);
    }

    private static Map<String, Object> map(FactoryProfileFields f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("companyName", f.companyName());
        m.put("address", f.address());
        m.put("legalRepresentative", f.legalRepresentative());
        m.put("employeesTotal", f.employeesTotal());
        m.put("employeesMale", f.employeesMale());
        m.put("employeesFemale", f.employeesFemale());
        m.put("employeesMinor", f.employeesMinor());
        m.put("productionArea", f.productionArea());
        m.put("products", f.products());
        m.put("certifications", f.certifications());
        m.put("workingHours", f.workingHours());
        m.put("shifts", f.shifts());
        m.put("dormitory", f.dormitory());
        m.put("canteen", f.canteen());
        m.put("csrThreshold", f.csrThreshold());
        return m;
    }
}
