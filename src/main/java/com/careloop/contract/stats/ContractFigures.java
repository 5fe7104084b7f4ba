package com.careloop.contract.stats;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.contract.Contracts;
import com.careloop.platform.ApprovalTrailEntry;
import com.careloop.platform.Approvals;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DataScope;
import com.careloop.platform.Figure;
import com.careloop.platform.Figure.Better;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureQuery.Purpose;
import com.careloop.platform.FigureSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Contract review figures for the dashboards and the management review (docs/contracts.md "Dashboard figures"), within
 * the reader's data scope on the contract's department, salesperson and registrant:
 * <ul>
 * <li>{@code contract.reviewsOnTimeRate}: of the countersign signatures decided on contracts submitted for review in the
 * period, those decided no later than their deadline (the same rule as /contracts/statistics; the figure carries the
 * counts);</li>
 * <li>{@code contract.underReview}: contracts under review now (status UNDER_REVIEW, submitted);</li>
 * <li>{@code contract.overdueReviewTasks}: open countersign tasks of those whose deadline has passed now.</li>
 * </ul>
 */
@Component
@Transactional(readOnly = true)
class ContractFigures implements FigureSource {

    static final String REGISTER = "/contracts";
    static final String STATISTICS = "/contracts/statistics";

    private final JdbcClient jdbc;
    private final Approvals approvals;
    private final Clock clock;
    private final ZoneId zone;

    ContractFigures(JdbcClient jdbc, Approvals approvals, Clock clock, CareLoopProperties properties) {
        this.jdbc = jdbc;
        this.approvals = approvals;
        this.clock = clock;
        this.zone = properties.zone();
    }

    @Override
    public List<Figure> figures(FigureQuery q) {
        if (q.purpose() == Purpose.MONTHLY_ASSESSMENT) {
            return List.of();
        }
        DataScope.SqlCondition scope = q.scope().condition("c.department_id", "c.salesperson_id", "c.registered_by");
        Map<String, Object> params = new LinkedHashMap<>(scope.params());
        String where = " where " + scope.sql();
        if (q.customerId() != null) {
            where += " and c.customer_id = :customer";
            params.put("customer", q.customerId());
        }
        params.put("from", Timestamp.from(q.period().from(zone)));
        params.put("to", Timestamp.from(q.period().to(zone)));

        long decided = 0;
        long onTime = 0;
        for (long id : jdbc.sql("select c.id from contract c" + where
                + " and c.submitted_at >= :from and c.submitted_at < :to").params(params).query(Long.class).list()) {
            for (ApprovalTrailEntry e : approvals.trail(Contracts.REVIEW_SUBJECT, id)) {
                if (e.decidedAt() != null && e.decision() != null) {
                    decided++;
                    onTime += e.dueAt() == null || !e.decidedAt().isAfter(e.dueAt()) ? 1 : 0;
                }
            }
        }
        List<Long> underReview = jdbc.sql("select c.id from contract c" + where
                        + " and c.status = 'UNDER_REVIEW' and c.submitted_at is not null").params(params)
                .query(Long.class).list();
        Instant now = Instant.now(clock);
        long overdue = 0;
        for (long id : underReview) {
            overdue += approvals.trail(Contracts.REVIEW_SUBJECT, id).stream().filter(e -> "OPEN".equals(e.state())
                    && e.dueAt() != null && !e.dueAt().isAfter(now)).count();
        }
        List<Figure> f = new ArrayList<>();
        f.add(Figure.rate("contract.reviewsOnTimeRate", onTime, decided, Better.HIGHER,
                UriComponentsBuilder.fromPath(STATISTICS).queryParam("from", q.period().first())
                        .queryParam("to", q.period().last()).build().toUriString()));
        String underReviewList = UriComponentsBuilder.fromPath(REGISTER).queryParam("status", "UNDER_REVIEW")
                .build().toUriString();
        f.add(Figure.count("contract.underReview", underReview.size(), Better.NONE, underReviewList));
        f.add(Figure.count("contract.overdueReviewTasks", overdue, Better.LOWER, UriComponentsBuilder.fromPath(REGISTER)
                .queryParam("status", "UNDER_REVIEW").queryParam("reviewStage", "COUNTERSIGN").build().toUriString()));
        if (q.purpose() != Purpose.DASHBOARD) {
            f.addAll(periodFigures(q, where, params));
        }
        return f;
    }

    /**
     * For the reports (weekly, the customer's month, the management review): contracts submitted for review in the
     * period, the outcomes A/B/C recorded in the period, and the changes requested in the period.
     */
    private List<Figure> periodFigures(FigureQuery q, String where, Map<String, Object> params) {
        String period = UriComponentsBuilder.fromPath(STATISTICS).queryParam("from", q.period().first())
                .queryParam("to", q.period().last()).build().toUriString();
        long submitted = jdbc.sql("select count(*) from contract c" + where
                + " and c.submitted_at >= :from and c.submitted_at < :to").params(params).query(Long.class).single();
        Map<String, Long> outcomes = new LinkedHashMap<>();
        jdbc.sql("select c.outcome, count(*) from contract c" + where
                        + " and c.outcome is not null and c.outcome_at >= :from and c.outcome_at < :to group by c.outcome")
                .params(params).query((rs, n) -> outcomes.put(rs.getString(1), rs.getLong(2))).list();
        long changes = jdbc.sql("select count(*) from contract_change x join contract c on c.id = x.contract_id" + where
                + " and x.requested_at >= :from and x.requested_at < :to").params(params).query(Long.class).single();
        List<Figure> f = new ArrayList<>();
        f.add(Figure.count("contract.reviewsSubmitted", submitted, Better.NONE, period));
        f.add(Figure.count("contract.outcomeA", outcomes.getOrDefault("A", 0L), Better.NONE, period));
        f.add(Figure.count("contract.outcomeB", outcomes.getOrDefault("B", 0L), Better.LOWER, period));
        f.add(Figure.count("contract.outcomeC", outcomes.getOrDefault("C", 0L), Better.NONE, period));
        f.add(Figure.count("contract.changes", changes, Better.NONE, period));
        return f;
    }
}
