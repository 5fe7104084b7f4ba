package com.careloop.inspection.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.inspection.AuditKind;
import com.careloop.inspection.AuditResult;
import com.careloop.inspection.InspectionPermissions;
import com.careloop.inspection.InspectionViews.CountRow;
import com.careloop.inspection.InspectionViews.ScorePoint;
import com.careloop.inspection.InspectionViews.Statistics;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.DataScope;
import com.careloop.platform.Figure;
import com.careloop.platform.Figure.Better;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureSource;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.platform.excel.XlsxExport;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statistics of audits and findings (page, API, Excel) and the module's dashboard figures (findings open and
 * overdue, within the reader's scope: the finding's department or the audits they lead). Company-wide statistics are
 * for {@code inspection:manage}; a department head's are those of their departments.
 */
@Component
@Transactional(readOnly = true)
class InspectionStatistics implements FigureSource {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final Texts texts;
    private final CurrentUsers users;

    InspectionStatistics(JdbcClient jdbc, Clock clock, CareLoopProperties platform, Texts texts, CurrentUsers users) {
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
        this.texts = texts;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    /**
     * The statistics of the reader's scope: an {@code inspection:manage} holder or a reader with the company-wide data
     * scope sees every audit and finding; a department head the findings of their departments (and of the audits they
     * lead) and the audits those findings, their departments' members or they themselves take part in.
     */
    Statistics statistics(LocalDate from, LocalDate to) {
        LocalDate f = from != null ? from : LocalDate.of(today().getYear(), 1, 1);
        LocalDate t = to != null ? to : LocalDate.of(f.getYear(), 12, 31);
        if (t.isBefore(f)) {
            throw new InvalidInputException("to", "after-from", Text.of("error.inspection.period"));
        }
        Map<String, Object> p = new java.util.HashMap<>(Map.of("from", f, "to", t, "today", today()));
        CurrentUser me = users.current().orElse(null);
        boolean companyWide = me == null || me.can(InspectionPermissions.MANAGE) || me.scope().kind() == DataScope.Kind.ALL;
        String findingScope = "";
        String auditScope = "";
        if (!companyWide) {
            DataScope.SqlCondition findings = me.scope().condition("f.department_id", "a.lead_user_id");
            DataScope.SqlCondition members = me.scope().condition("m.department_id", "m.user_id");
            p.putAll(findings.params());
            p.putAll(members.params());
            findingScope = " and " + findings.sql();
            auditScope = " and (a.lead_user_id = :scopeUser or exists (select 1 from audit_member m where m.audit_id = a.id"
                    + " and " + members.sql() + ") or exists (select 1 from audit_finding f where f.audit_id = a.id and "
                    + findings.sql() + "))";
        }
        List<CountRow> byKind = jdbc.sql("""
                select kind, coalesce(result, status) r, count(*) n from audit a where audit_date >= :from and audit_date <= :to
                """ + auditScope + " group by kind, coalesce(result, status) order by kind, r").params(p)
                .query((rs, n) -> new CountRow(rs.getString(1) + "/" + rs.getString(2), rs.getString(1) + "/"
                        + rs.getString(2), rs.getLong(3), 0)).list();
        List<CountRow> bySection = counted("coalesce(i.section_zh_cn, f.origin)", findingScope, p);
        List<CountRow> byDepartment = counted("coalesce(d.name, '—')", findingScope, p);
        List<CountRow> redLines = jdbc.sql("""
                select i.text_zh_cn, count(*) n from audit_answer x join checklist_item i on i.id = x.item_id
                join audit a on a.id = x.audit_id
                where i.red_line = true and x.failed = true and a.audit_date >= :from and a.audit_date <= :to
                """ + auditScope + " group by i.text_zh_cn order by n desc, i.text_zh_cn").params(p)
                .query((rs, n) -> new CountRow(rs.getString(1), rs.getString(1), rs.getLong(2), 0)).list();
        long[] closure = {0, 0, 0, 0};
        jdbc.sql("""
                select f.due_on, f.closed_at, f.status from audit_finding f join audit a on a.id = f.audit_id
                where a.audit_date >= :from and a.audit_date <= :to""" + findingScope).params(p).query(rs -> {
                    LocalDate due = rs.getObject(1, LocalDate.class);
                    var closed = rs.getObject(2, java.time.OffsetDateTime.class);
                    if (closed != null) {
                        closure[0]++;
                        if (!LocalDate.ofInstant(closed.toInstant(), zone).isAfter(due)) {
                            closure[1]++;
                        }
                    } else {
                        closure[2]++;
                        if (due.isBefore(today())) {
                            closure[3]++;
                        }
                    }
                });
        BigDecimal rate = closure[0] == 0 ? null
                : BigDecimal.valueOf(closure[1]).divide(BigDecimal.valueOf(closure[0]), 4, RoundingMode.HALF_UP);
        List<ScorePoint> trend = jdbc.sql("""
                select counterpart, audit_date, code, kind, score, result, red_line_failed from audit a
                where score is not null and audit_date >= :from and audit_date <= :to""" + auditScope + """

                order by counterpart, audit_date, id limit 2000""").params(p)
                .query((rs, n) -> new ScorePoint(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        AuditKind.valueOf(rs.getString(4)), rs.getBigDecimal(5),
                        rs.getString(6) == null ? null : AuditResult.valueOf(rs.getString(6)), rs.getBoolean(7))).list();
        return new Statistics(f, t, byKind, bySection, byDepartment, redLines, closure[0], closure[1], rate, closure[2],
                closure[3], trend, companyWide);
    }

    private List<CountRow> counted(String key, String scope, Map<String, Object> p) {
        return jdbc.sql("select " + key + " k, count(*) n, coalesce(sum(case when f.status <> 'CLOSED' then 1 else 0 end), 0) o"
                        + " from audit_finding f join audit a on a.id = f.audit_id"
                        + " left join checklist_item i on i.id = f.item_id left join org_department d on d.id = f.department_id"
                        + " where a.audit_date >= :from and a.audit_date <= :to" + scope + " group by " + key
                        + " order by n desc, k")
                .params(p).query((rs, n) -> new CountRow(rs.getString(1), rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** The statistics as .xlsx, one sheet per table. */
    void export(LocalDate from, LocalDate to, Locale locale, HttpServletResponse response) {
        Statistics s = statistics(from, to);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-statistics-" + s.from() + "_" + s.to()
                + ".xlsx\"");
        String count = t("inspection.stats.count", locale);
        String open = t("inspection.stats.open", locale);
        try (var x = XlsxExport.open(response.getOutputStream(), t("inspection.stats.by-kind", locale),
                List.of(t("inspection.kind", locale), t("inspection.result", locale), count))) {
            for (CountRow r : s.byKindAndResult()) {
                String[] k = r.key().split("/");
                x.row(t("inspection.kind." + k[0], locale), label(k[1], locale), r.count());
            }
            x.sheet(t("inspection.stats.by-section", locale), List.of(t("inspection.stats.section", locale), count, open));
            s.findingsBySection().forEach(r -> x.row(r.label(), r.count(), r.open()));
            x.sheet(t("inspection.stats.by-department", locale), List.of(t("inspection.finding.department", locale), count, open));
            s.findingsByDepartment().forEach(r -> x.row(r.label(), r.count(), r.open()));
            x.sheet(t("inspection.stats.red-lines", locale), List.of(t("inspection.item", locale), count));
            s.redLineFailures().forEach(r -> x.row(r.label(), r.count()));
            x.sheet(t("inspection.stats.on-time", locale), List.of(t("inspection.stats.closed", locale),
                    t("inspection.stats.closed-on-time", locale), t("inspection.stats.on-time-rate", locale), open,
                    t("inspection.stats.overdue", locale)));
            x.row(s.findingsClosed(), s.findingsClosedOnTime(), s.onTimeRate(), s.findingsOpen(), s.findingsOverdue());
            x.sheet(t("inspection.stats.trend", locale), List.of(t("inspection.counterpart", locale),
                    t("inspection.date", locale), t("inspection.audit", locale), t("inspection.kind", locale),
                    t("inspection.score", locale), t("inspection.result", locale), t("inspection.red-line", locale)));
            s.scoreTrend().forEach(r -> x.row(r.counterpart(), r.auditDate(), r.code(), t("inspection.kind." + r.kind(), locale),
                    r.score(), r.result() == null ? null : t("inspection.result." + r.result(), locale), r.redLineFailed()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String label(String resultOrStatus, Locale locale) {
        try {
            AuditResult.valueOf(resultOrStatus);
            return t("inspection.result." + resultOrStatus, locale);
        } catch (IllegalArgumentException e) {
            return t("inspection.status." + resultOrStatus, locale);
        }
    }

    private String t(String code, Locale locale) {
        return texts.render(Text.of(code), locale);
    }

    // ---- dashboard figures ----------------------------------------------------------------------

    @Override
    public List<Figure> figures(FigureQuery q) {
        var scope = q.scope().condition("f.department_id", "a.lead_user_id");
        var params = new java.util.LinkedHashMap<String, Object>(scope.params());
        params.put("today", today());
        String where = " from audit_finding f join audit a on a.id = f.audit_id where f.status <> 'CLOSED' and "
                + scope.sql();
        if (q.customerId() != null) {
            where += " and a.customer_id = :customer";
            params.put("customer", q.customerId());
        }
        long open = jdbc.sql("select count(*)" + where).params(params).query(Long.class).single();
        long overdue = jdbc.sql("select count(*)" + where + " and f.due_on < :today").params(params).query(Long.class)
                .single();
        // each figure opens the list it counts (the reader's scope is the list's own)
        return List.of(Figure.count("inspection.findingsOpen", open, Better.LOWER, "/audits/findings?open=true"),
                Figure.count("inspection.findingsOverdue", overdue, Better.LOWER, "/audits/findings?overdue=true"));
    }
}
