package com.careloop.reporting.assessment;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureTable;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.Text;
import com.careloop.reporting.dashboard.FigureSources;
import com.careloop.reporting.kpi.AssessmentScoring;
import com.careloop.reporting.kpi.KpiTarget;
import com.careloop.reporting.kpi.KpiTargets;
import com.careloop.reporting.report.ReportBuilder;
import com.careloop.reporting.report.ReportContent;
import com.careloop.reporting.report.ReportKind;

import org.springframework.stereotype.Component;

/**
 * 客户服务月考核表: the month's KPIs at company scope against the targets that apply in the month, points by each KPI's
 * scoring rule ({@link AssessmentScoring}), the center's total, and one row per agent joined by {@code user:<id>}
 * from the sources' per-agent tables (servicedesk.perAgent, callback.perHandler, complaint.aboutStaff) with the
 * agent's score. Sections: {@code kpis}, {@code total}, {@code agents} (titles {@code report.section.<code>}).
 */
@Component
class MonthlyAssessmentBuilder implements ReportBuilder {

    static final String PER_AGENT = "servicedesk.perAgent";
    static final String PER_HANDLER = "callback.perHandler";
    static final String ABOUT_STAFF = "complaint.aboutStaff";

    private final FigureSources figures;
    private final KpiTargets targets;

    MonthlyAssessmentBuilder(FigureSources figures, KpiTargets targets) {
        this.figures = figures;
        this.targets = targets;
    }

    @Override
    public ReportKind kind() {
        return ReportKind.MONTHLY_ASSESSMENT;
    }

    @Override
    public ReportContent build(ReportPeriod period, Long customerId) {
        FigureSources.Collected c = figures.fresh(new FigureQuery(period, FigureQuery.company(), null,
                FigureQuery.Purpose.MONTHLY_ASSESSMENT));
        Map<String, KpiTarget> goals = targets.forMonth(YearMonth.from(period.first()));
        List<Figure> actuals = new ArrayList<>();
        List<BigDecimal> points = new ArrayList<>();
        BigDecimal max = BigDecimal.ZERO;
        for (KpiTarget t : goals.values()) {
            Optional<Figure> f = c.figure(t.figureCode());
            f.ifPresent(actuals::add);
            BigDecimal p = t.score(f.map(Figure::value).orElse(null));
            points.add(p);
            if (p != null) {
                max = max.add(t.points());
            }
        }
        ReportContent.Section kpis = new ReportContent.Section("kpis", actuals,
                List.of(kpiTable(List.copyOf(goals.values()), c, points)));
        BigDecimal total = AssessmentScoring.total(points);
        long met = goals.values().stream().filter(t -> Boolean.TRUE.equals(t.met(c.figure(t.figureCode())
                .map(Figure::value).orElse(null)))).count();
        ReportContent.Section totals = new ReportContent.Section("total", List.of(
                new Figure("assessment.total", total, Figure.Unit.SCORE, Figure.Better.HIGHER, null, null, null),
                new Figure("assessment.maxPoints", max.setScale(2), Figure.Unit.SCORE, Figure.Better.NONE, null, null, null),
                Figure.count("assessment.kpisMet", met, Figure.Better.HIGHER, null)), List.of());
        ReportContent.Section agents = new ReportContent.Section("agents", List.of(), List.of(agentTable(c, goals)));
        return new ReportContent(List.of(kpis, totals, agents));
    }

    /**
     * One row per KPI: a target / actual column pair per unit the KPIs use (a share and hours cannot share a column),
     * then the points earned and the KPI's weight.
     */
    static FigureTable kpiTable(List<KpiTarget> goals, FigureSources.Collected c, List<BigDecimal> points) {
        List<Figure.Unit> unitsUsed = new ArrayList<>(new LinkedHashSet<>(goals.stream().map(KpiTarget::unit).toList()));
        List<Text> columns = new ArrayList<>();
        List<Figure.Unit> units = new ArrayList<>();
        for (Figure.Unit u : unitsUsed) {
            columns.add(Text.of("assessment.column.target", Text.of("assessment.unit." + u.name())));
            columns.add(Text.of("assessment.column.actual", Text.of("assessment.unit." + u.name())));
            units.add(u);
            units.add(u);
        }
        columns.add(Text.of("assessment.column.points"));
        columns.add(Text.of("assessment.column.weight"));
        units.add(Figure.Unit.SCORE);
        units.add(Figure.Unit.SCORE);
        List<FigureTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < goals.size(); i++) {
            KpiTarget t = goals.get(i);
            Optional<Figure> f = c.figure(t.figureCode());
            List<BigDecimal> values = new ArrayList<>(Collections.nCopies(unitsUsed.size() * 2, (BigDecimal) null));
            int at = unitsUsed.indexOf(t.unit()) * 2;
            values.set(at, t.targetValue());
            values.set(at + 1, f.map(Figure::value).orElse(null));
            values.add(points.get(i));
            values.add(t.points());
            rows.add(new FigureTable.Row("kpi:" + t.figureCode(), Text.of("figure." + t.figureCode()), values,
                    f.map(Figure::drillDown).orElse(null)));
        }
        return new FigureTable("assessment.kpis", columns, units, rows);
    }

    /** The agents of the three per-agent tables, joined by row key, with their score. */
    static FigureTable agentTable(FigureSources.Collected c, Map<String, KpiTarget> goals) {
        Map<String, FigureTable.Row> desk = rows(c, PER_AGENT);
        Map<String, FigureTable.Row> callbacks = rows(c, PER_HANDLER);
        Map<String, FigureTable.Row> complaints = rows(c, ABOUT_STAFF);
        Set<String> keys = new LinkedHashSet<>();
        keys.addAll(desk.keySet());
        keys.addAll(callbacks.keySet());
        keys.addAll(complaints.keySet());
        BigDecimal onTimeTarget = target(goals, "servicedesk.completedOnTimeRate");
        BigDecimal satisfiedTarget = target(goals, "callback.satisfiedRate");
        List<FigureTable.Row> rows = new ArrayList<>();
        for (String key : keys) {
            FigureTable.Row d = desk.get(key);
            FigureTable.Row b = callbacks.get(key);
            FigureTable.Row k = complaints.get(key);
            BigDecimal handled = value(d, 0);
            BigDecimal onTime = value(d, 1);
            BigDecimal made = value(b, 0);
            BigDecimal satisfied = value(b, 1);
            BigDecimal about = k == null ? BigDecimal.ZERO : value(k, 0);
            BigDecimal score = AssessmentScoring.agentScore(onTime, onTimeTarget, satisfied, satisfiedTarget,
                    about == null ? 0 : about.longValue());
            FigureTable.Row labelled = d != null ? d : b != null ? b : k;
            rows.add(new FigureTable.Row(key, labelled.label(),
                    java.util.Arrays.asList(handled, onTime, made, satisfied, about, score),
                    d != null ? d.drillDown() : labelled.drillDown()));
        }
        rows.sort((x, y) -> {
            BigDecimal a = x.values().get(5);
            BigDecimal b = y.values().get(5);
            if (a == null || b == null) {
                return a == null ? (b == null ? 0 : 1) : -1;
            }
            return b.compareTo(a);
        });
        return new FigureTable("assessment.agents", List.of(Text.of("assessment.column.handled"),
                Text.of("assessment.column.onTime"), Text.of("assessment.column.callbacks"),
                Text.of("assessment.column.satisfied"), Text.of("assessment.column.complaints"),
                Text.of("assessment.column.score")), List.of(Figure.Unit.COUNT, Figure.Unit.PERCENT, Figure.Unit.COUNT,
                Figure.Unit.PERCENT, Figure.Unit.COUNT, Figure.Unit.SCORE), rows);
    }

    private static Map<String, FigureTable.Row> rows(FigureSources.Collected c, String code) {
        Map<String, FigureTable.Row> rows = new LinkedHashMap<>();
        c.table(code).ifPresent(t -> t.rows().stream().filter(r -> r.key() != null && r.key().startsWith("user:"))
                .forEach(r -> rows.putIfAbsent(r.key(), r)));
        return rows;
    }

    private static BigDecimal value(FigureTable.Row row, int column) {
        return row == null || row.values().size() <= column ? null : row.values().get(column);
    }

    private static BigDecimal target(Map<String, KpiTarget> goals, String code) {
        KpiTarget t = goals.get(code);
        return t == null ? null : t.targetValue();
    }
}
