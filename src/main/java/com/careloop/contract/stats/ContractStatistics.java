package com.careloop.contract.stats;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.contract.Contracts;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.ApprovalTrailEntry;
import com.careloop.platform.Approvals;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.CurrentUsers;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;
import com.careloop.platform.calendar.CalendarService;
import com.careloop.platform.calendar.TimeUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contract review statistics for a period (contracts submitted in it) and an optional department, within the reader's
 * data scope: reviews on time, average review time per aspect/department (working hours on the business calendar),
 * acceptance rate A/B/C, inconsistencies by aspect and department, changes per contract, tenders bid / won.
 */
@Service
@Transactional(readOnly = true)
public class ContractStatistics {

    public record Count(String key, String label, long count) {
    }

    public record Figures(LocalDate from, LocalDate to, Long departmentId, long contractsSubmitted,
                          long signatures, long signaturesOnTime, BigDecimal onTimeRate,
                          List<ReviewFigures.AspectTime> byAspect, long decided, long outcomeA, long outcomeB,
                          long outcomeC, BigDecimal rateA, BigDecimal rateB, BigDecimal rateC,
                          List<Count> inconsistenciesByAspect, List<Count> inconsistenciesByDepartment,
                          long changes, BigDecimal changesPerContract, long tenders, long tendersBid, long tendersNoBid,
                          long tendersWon, long tendersLost, BigDecimal bidRate, BigDecimal winRate,
                          long contractsChanged, List<Count> changesByKind, List<Count> changesByCustomer) {
    }

    private final JdbcClient jdbc;
    private final OrgDirectory org;
    private final Approvals approvals;
    private final CurrentUsers users;
    private final CalendarService calendars;
    private final ZoneId zone;
    private final com.careloop.platform.AuditTrail audit;

    ContractStatistics(JdbcClient jdbc, Approvals approvals, CurrentUsers users, CalendarService calendars,
                       CareLoopProperties platform, com.careloop.platform.AuditTrail audit, OrgDirectory org) {
        this.org = org;
        this.audit = audit;
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.users = users;
        this.calendars = calendars;
        this.zone = platform.zone();
    }

    /** Inconsistencies per raiser → per the raiser's department now (platform directory), by department code. */
    private List<Count> byRaisersDepartment(List<long[]> perRaiser) {
        Map<Long, OrgDirectory.User> raisers = org.users(perRaiser.stream().map(r -> r[0]).toList());
        Map<Long, OrgDirectory.Department> departments = org.departments(raisers.values().stream()
                .map(OrgDirectory.User::departmentId).filter(java.util.Objects::nonNull).distinct().toList());
        Map<String, Count> out = new java.util.TreeMap<>(java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
        for (long[] r : perRaiser) {
            OrgDirectory.User u = raisers.get(r[0]);
            OrgDirectory.Department d = u == null || u.departmentId() == null ? null : departments.get(u.departmentId());
            String code = d == null ? null : d.code();
            out.merge(code, new Count(code, d == null ? null : d.name(), r[1]),
                    (a, b) -> new Count(a.key(), a.label(), a.count() + b.count()));
        }
        return List.copyOf(out.values());
    }

    /** The Excel export is audited like every list export. */
    @Transactional
    public void exported(Figures f) {
        audit.record("contract-statistics", f.from() + "~" + f.to(), "EXPORT", List.of(
                new com.careloop.platform.FieldChange("departmentId", null, String.valueOf(f.departmentId()))));
    }

    public Figures figures(LocalDate from, LocalDate to, Long departmentId) {
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "required",
                    Text.of("error.contract.required", from == null ? "from" : "to"));
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("to", "range", Text.of("error.contract.stats-range"));
        }
        CurrentUser me = users.require();
        var scope = me.scope().condition("c.department_id", "c.salesperson_id", "c.registered_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        params.put("from", java.sql.Timestamp.from(from.atStartOfDay(zone).toInstant()));
        params.put("to", java.sql.Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()));
        String where = " where c.submitted_at >= :from and c.submitted_at < :to and " + scope.sql();
        if (departmentId != null) {
            where += " and c.department_id = :dept";
            params.put("dept", departmentId);
        }
        List<Object[]> contracts = jdbc.sql("select c.id, c.submitted_at, c.outcome from contract c" + where)
                .params(params).query((rs, n) -> new Object[] {rs.getLong(1), rs.getTimestamp(2).toInstant(),
                        rs.getString(3)}).list();

        List<ReviewFigures.Signature> signatures = new ArrayList<>();
        long a = 0, b = 0, c = 0;
        for (Object[] row : contracts) {
            Instant submitted = (Instant) row[1];
            for (ApprovalTrailEntry e : approvals.trail(Contracts.REVIEW_SUBJECT, (Long) row[0])) {
                if (e.decidedAt() != null && e.decision() != null) {
                    signatures.add(new ReviewFigures.Signature(e.aspectCode(), submitted, e.decidedAt(), e.dueAt()));
                }
            }
            String outcome = (String) row[2];
            a += "A".equals(outcome) ? 1 : 0;
            b += "B".equals(outcome) ? 1 : 0;
            c += "C".equals(outcome) ? 1 : 0;
        }
        var calendar = calendars.standard();
        var byAspect = ReviewFigures.byAspect(signatures,
                (start, end) -> calendar.elapsed(start, end, TimeUnit.WORKING_HOURS, List.of()));
        long onTime = ReviewFigures.onTime(signatures);
        long decided = a + b + c;

        List<Count> incAspect = jdbc.sql("select i.aspect, count(*) from contract_inconsistency i join contract c"
                        + " on c.id = i.contract_id" + where + " group by i.aspect order by i.aspect").params(params)
                .query((rs, n) -> new Count(rs.getString(1), null, rs.getLong(2))).list();
        List<Count> incDept = byRaisersDepartment(jdbc.sql("select i.raised_by, count(*) from contract_inconsistency i"
                        + " join contract c on c.id = i.contract_id" + where + " group by i.raised_by").params(params)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list());

        // Changes (合同变更): accepted changes (each a revision) of the period's contracts, by kind and by customer
        List<String[]> changeRows = jdbc.sql("select ch.contract_id, ch.kinds, c.customer_name from contract_change ch"
                        + " join contract c on c.id = ch.contract_id" + where + " and ch.status = 'ACCEPTED'")
                .params(params).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list();
        long changes = changeRows.size();
        long contractsChanged = changeRows.stream().map(r -> r[0]).distinct().count();
        Map<String, Long> kinds = new java.util.TreeMap<>();
        Map<String, Long> customers = new java.util.TreeMap<>();
        for (String[] r : changeRows) {
            for (String k : r[1].split(",")) {
                kinds.merge(k, 1L, Long::sum);
            }
            customers.merge(r[2], 1L, Long::sum);
        }
        List<Count> changesByKind = kinds.entrySet().stream().map(e -> new Count(e.getKey(), null, e.getValue()))
                .toList();
        List<Count> changesByCustomer = customers.entrySet().stream()
                .map(e -> new Count(e.getKey(), e.getKey(), e.getValue())).toList();

        var tscope = me.scope().condition("t.department_id", "t.salesperson_id", "t.registered_by");
        Map<String, Object> tparams = new LinkedHashMap<>(tscope.params());
        tparams.put("from", params.get("from"));
        tparams.put("to", params.get("to"));
        String twhere = " where t.created_at >= :from and t.created_at < :to and " + tscope.sql();
        if (departmentId != null) {
            twhere += " and t.department_id = :dept";
            tparams.put("dept", departmentId);
        }
        Map<String, Long> tenders = new LinkedHashMap<>();
        jdbc.sql("select t.status, count(*) from tender t" + twhere + " group by t.status").params(tparams)
                .query((rs, n) -> tenders.put(rs.getString(1), rs.getLong(2))).list();
        long total = tenders.values().stream().mapToLong(Long::longValue).sum();
        long won = tenders.getOrDefault("WON", 0L);
        long lost = tenders.getOrDefault("LOST", 0L);
        long bid = tenders.getOrDefault("BID", 0L) + won + lost;
        long noBid = tenders.getOrDefault("NO_BID", 0L);

        return new Figures(from, to, departmentId, contracts.size(), signatures.size(), onTime,
                ReviewFigures.rate(onTime, signatures.size()), byAspect, decided, a, b, c, ReviewFigures.rate(a, decided),
                ReviewFigures.rate(b, decided), ReviewFigures.rate(c, decided), incAspect, incDept, changes,
                contracts.isEmpty() ? null : BigDecimal.valueOf(changes).divide(BigDecimal.valueOf(contracts.size()), 2,
                        java.math.RoundingMode.HALF_UP),
                total, bid, noBid, won, lost, ReviewFigures.rate(bid, bid + noBid), ReviewFigures.rate(won, won + lost),
                contractsChanged, changesByKind, changesByCustomer);
    }
}
