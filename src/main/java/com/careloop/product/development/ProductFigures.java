package com.careloop.product.development;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.DataScope;
import com.careloop.platform.Figure;
import com.careloop.platform.Figure.Better;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureSource;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The new-product development's figures for dashboards and reports: the developments with a node past its due day
 * now ({@code product.overdueDevelopments}) and the node on-time rate of the period ({@code product.nodeOnTimeRate}:
 * nodes completed in the period by their due day ÷ nodes completed in the period, the demand form not counted — the
 * statistics page's figure). Scope: the query's data scope over the development's sales department, salesperson and
 * creator; a customer's report counts that customer's developments. "Today" is the company's (injected clock).
 */
@Component
@Transactional(readOnly = true)
class ProductFigures implements FigureSource {

    static final String BOARD = "/product-developments";
    static final String STATISTICS = "/product-developments/statistics";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;

    ProductFigures(JdbcClient jdbc, Clock clock, CareLoopProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.zone();
    }

    @Override
    public List<Figure> figures(FigureQuery q) {
        DataScope.SqlCondition scope = q.scope().condition("d.department_id", "d.salesperson_id", "d.created_by");
        Map<String, Object> p = new LinkedHashMap<>(scope.params());
        p.put("today", LocalDate.now(clock.withZone(zone)));
        p.put("first", q.period().first());
        p.put("last", q.period().last());
        String where = "(" + scope.sql() + ")";
        UriComponentsBuilder board = UriComponentsBuilder.fromPath(BOARD);
        if (q.customerId() != null) {
            where += " and d.customer_id = :customer";
            p.put("customer", q.customerId());
            board.queryParam("customerId", q.customerId());
        }
        long overdue = jdbc.sql("select count(*) from product_development d where " + where
                + " and d.status = 'IN_PROGRESS' and exists (select 1 from product_development_node n"
                + " where n.development_id = d.id and n.status = 'OPEN' and n.due_on < :today)")
                .params(p).query(Long.class).single();
        long[] onTime = jdbc.sql("""
                select count(*), coalesce(sum(case when n.completed_on <= n.due_on then 1 else 0 end), 0)
                  from product_development_node n join product_development d on d.id = n.development_id
                 where n.status = 'DONE' and n.node <> 'DEMAND' and n.completed_on between :first and :last and """
                + where).params(p).query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        return List.of(
                Figure.count("product.overdueDevelopments", overdue, Better.LOWER, board.build().toUriString()),
                Figure.rate("product.nodeOnTimeRate", onTime[1], onTime[0], Better.HIGHER,
                        UriComponentsBuilder.fromPath(STATISTICS).queryParam("from", q.period().first())
                                .queryParam("to", q.period().last()).build().toUriString()));
    }
}
