package com.careloop.reporting.kpi;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.careloop.platform.AuditTrail;
import com.careloop.platform.Figure;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI targets: default rows and month rows (docs/reporting-dashboard.md). A month's target of a figure is the row
 * of the latest month on or before it, else the default row. Changes are versioned (a stale version is refused) and
 * written to the audit trail ({@code kpi-target}) in the same transaction.
 */
@Service
@Transactional(readOnly = true)
public class KpiTargets {

    /**
     * A change of one figure's target for a month ({@code month} null: the default row). {@code version} is the row's
     * version as read, or null to create the month's row (it must not exist yet).
     */
    public record SaveTarget(String figureCode, YearMonth month, BigDecimal targetValue, ScoringRule scoringRule,
                             BigDecimal points, Long version) {
    }

    private static final String COLUMNS = "select id, figure_code, valid_from, unit, target_value, comparison,"
            + " scoring_rule, points, sort_order, version from kpi_target";
    static final BigDecimal MAX_POINTS = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    KpiTargets(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Every row: by KPI order, the default first, then the months. */
    public List<KpiTarget> all() {
        return jdbc.sql(COLUMNS + " order by sort_order, figure_code,"
                        + " case when valid_from is null then 0 else 1 end, valid_from")
                .query(this::row).list();
    }

    /** The targets that apply in {@code month}, one per figure code, in KPI order. */
    public Map<String, KpiTarget> forMonth(YearMonth month) {
        LocalDate first = month.atDay(1);
        Map<String, KpiTarget> result = new LinkedHashMap<>();
        for (KpiTarget t : all()) {
            if (t.validFrom() == null || !t.validFrom().isAfter(first)) {
                result.put(t.figureCode(), t); // later rows of the same code (later months) win
            }
        }
        return result;
    }

    @Transactional
    public KpiTarget save(SaveTarget change) {
        KpiTarget byDefault = all().stream().filter(t -> t.figureCode().equals(change.figureCode()) && t.validFrom() == null)
                .findFirst().orElseThrow(() -> new InvalidInputException("figureCode", "unknown",
                        Text.of("kpi.error.unknownFigure", change.figureCode())));
        validate(change, byDefault.unit());
        LocalDate validFrom = change.month() == null ? null : change.month().atDay(1);
        KpiTarget before = all().stream().filter(t -> t.figureCode().equals(change.figureCode())
                && Objects.equals(t.validFrom(), validFrom)).findFirst().orElse(null);
        if (before == null) {
            if (change.version() != null) {
                throw new OptimisticLockingFailureException("kpi target " + change.figureCode() + " " + change.month()
                        + " does not exist (version " + change.version() + ")");
            }
            jdbc.sql("""
                    insert into kpi_target (figure_code, valid_from, unit, target_value, comparison, scoring_rule, points,
                    sort_order, version) values (:code, :from, :unit, :target, :comparison, :rule, :points, :sort, 0)""")
                    .param("code", change.figureCode()).param("from", validFrom).param("unit", byDefault.unit().name())
                    .param("target", change.targetValue()).param("comparison", byDefault.comparison().name())
                    .param("rule", change.scoringRule().name()).param("points", change.points())
                    .param("sort", byDefault.sortOrder()).update();
            KpiTarget created = find(change.figureCode(), validFrom);
            audit.record("kpi-target", String.valueOf(created.id()), "CREATE", AuditTrail.diff(Map.of(), state(created)));
            return created;
        }
        if (change.version() == null || change.version() != before.version()) {
            throw new OptimisticLockingFailureException("kpi target " + before.id() + " was changed by someone else"
                    + " (version " + before.version() + ", yours " + change.version() + ")");
        }
        int updated = jdbc.sql("""
                update kpi_target set target_value = :target, scoring_rule = :rule, points = :points, version = version + 1
                where id = :id and version = :version""")
                .param("target", change.targetValue()).param("rule", change.scoringRule().name())
                .param("points", change.points()).param("id", before.id()).param("version", before.version()).update();
        if (updated == 0) {
            throw new OptimisticLockingFailureException("kpi target " + before.id() + " was changed by someone else");
        }
        KpiTarget after = find(change.figureCode(), validFrom);
        audit.record("kpi-target", String.valueOf(after.id()), "UPDATE", AuditTrail.diff(state(before), state(after)));
        return after;
    }

    private static void validate(SaveTarget change, Figure.Unit unit) {
        if (change.targetValue() == null) {
            throw new InvalidInputException("targetValue", "required", Text.of("kpi.error.targetRequired"));
        }
        if (change.targetValue().signum() < 0
                || (unit == Figure.Unit.PERCENT && change.targetValue().compareTo(BigDecimal.ONE) > 0)) {
            throw new InvalidInputException("targetValue", "range", unit == Figure.Unit.PERCENT
                    ? Text.of("kpi.error.shareRange") : Text.of("kpi.error.notNegative"));
        }
        if (change.targetValue().scale() > 4 || change.targetValue().compareTo(BigDecimal.valueOf(1_000_000)) >= 0) {
            throw new InvalidInputException("targetValue", "format", Text.of("kpi.error.targetFormat"));
        }
        if (change.scoringRule() == null) {
            throw new InvalidInputException("scoringRule", "required", Text.of("kpi.error.ruleRequired"));
        }
        if (change.points() == null || change.points().signum() < 0 || change.points().compareTo(MAX_POINTS) > 0
                || change.points().scale() > 2) {
            throw new InvalidInputException("points", "range", Text.of("kpi.error.pointsRange"));
        }
        if (change.month() != null && (change.month().getYear() < 2000 || change.month().getYear() > 2100)) {
            throw new InvalidInputException("month", "range", Text.of("kpi.error.monthRange"));
        }
    }

    private KpiTarget find(String code, LocalDate validFrom) {
        return all().stream().filter(t -> t.figureCode().equals(code) && Objects.equals(t.validFrom(), validFrom))
                .findFirst().orElseThrow();
    }

    private static Map<String, Object> state(KpiTarget t) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("figureCode", t.figureCode());
        s.put("validFrom", t.validFrom());
        s.put("targetValue", t.targetValue().stripTrailingZeros().toPlainString());
        s.put("scoringRule", t.scoringRule());
        s.put("points", t.points().stripTrailingZeros().toPlainString());
        return s;
    }

    private KpiTarget row(ResultSet rs, int n) throws SQLException {
        java.sql.Date from = rs.getDate("valid_from");
        return new KpiTarget(rs.getLong("id"), rs.getString("figure_code"), from == null ? null : from.toLocalDate(),
                Figure.Unit.valueOf(rs.getString("unit")), rs.getBigDecimal("target_value"),
                Figure.Better.valueOf(rs.getString("comparison")), ScoringRule.valueOf(rs.getString("scoring_rule")),
                rs.getBigDecimal("points"), rs.getInt("sort_order"), rs.getLong("version"));
    }
}
