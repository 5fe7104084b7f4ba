package com.careloop.fieldservice.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Figures for the dashboards: open visit actions that are overdue today (of the query's customer when given), and
 * the product failures recorded for the period (by failure day).
 */
@Component
@Transactional(readOnly = true)
class FieldHistoryFigures implements FigureSource {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    FieldHistoryFigures(JdbcClient jdbc, Clock clock, CareLoopProperties platform) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = platform.zone();
    }

    @Override
    public List<Figure> figures(FigureQuery q) {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String customer = q.customerId() == null ? "" : " and r.customer_id = :customer";
        var overdue = jdbc.sql("""
                select count(*) from visit_report_action a join visit_report r on r.id = a.report_id
                where a.done_at is null and a.due_on < :today""" + customer).param("today", today);
        var failures = jdbc.sql("select count(*) from product_failure r where r.failed_on >= :from and r.failed_on <= :to"
                + customer).param("from", q.period().first()).param("to", q.period().last());
        if (q.customerId() != null) {
            overdue = overdue.param("customer", q.customerId());
            failures = failures.param("customer", q.customerId());
        }
        return List.of(
                Figure.count("fieldservice.visitActionsOverdue", overdue.query(Long.class).single(), Figure.Better.LOWER,
                        "/visit-reports?overdue=true"),
                Figure.count("fieldservice.failures", failures.query(Long.class).single(), Figure.Better.LOWER,
                        "/product-failures?from=" + q.period().first() + "&to=" + q.period().last()));
    }
}
