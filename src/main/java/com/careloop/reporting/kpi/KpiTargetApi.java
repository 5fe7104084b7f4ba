package com.careloop.reporting.kpi;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import com.careloop.platform.Figure;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.reporting.ReportingPermissions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** KPI targets of the dashboards and the monthly assessment. */
@RestController
@RequestMapping("/api/v1/kpi-targets")
@Tag(name = "KPI targets", description = "Targets and scoring rules of the KPIs (default and per month)")
class KpiTargetApi {

    /** A target as the API shows it; a PERCENT target is a share 0..1. */
    record TargetView(long id, String figureCode, String label, LocalDate validFrom, Figure.Unit unit,
                      BigDecimal targetValue, Figure.Better comparison, ScoringRule scoringRule, BigDecimal points,
                      long version) {
    }

    /**
     * A change: {@code month} yyyy-MM from which the target applies (null: the default row), {@code version} as read
     * (null to create the month's row), {@code scoringRule} LINEAR or ALL_OR_NOTHING.
     */
    record ChangeTarget(String figureCode, String month, BigDecimal targetValue, String scoringRule, BigDecimal points,
                        Long version) {
    }

    private final KpiTargets targets;
    private final Texts texts;

    KpiTargetApi(KpiTargets targets, Texts texts) {
        this.targets = targets;
        this.texts = texts;
    }

    @RequiresPermission(ReportingPermissions.DASHBOARD)
    @GetMapping
    @Operation(summary = "KPI targets", description = "Every row (defaults and month rows), or with month=yyyy-MM the"
            + " targets that apply in that month, one per KPI.")
    List<TargetView> list(@Parameter(description = "yyyy-MM") @RequestParam(required = false) String month) {
        List<KpiTarget> rows = month == null ? targets.all() : List.copyOf(targets.forMonth(month(month)).values());
        return rows.stream().map(this::view).toList();
    }

    @RequiresPermission(ReportingPermissions.TARGETS)
    @PutMapping
    @Operation(summary = "Set a KPI target", description = "Changes the default row (month null) or a month's row of a"
            + " KPI; a stale version is a 409, a value out of range a 422 naming the field. Audited as kpi-target.")
    TargetView change(@RequestBody ChangeTarget change) {
        return view(targets.save(new KpiTargets.SaveTarget(change.figureCode(),
                change.month() == null || change.month().isBlank() ? null : month(change.month()),
                change.targetValue(), rule(change.scoringRule()), change.points(), change.version())));
    }

    static YearMonth month(String value) {
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "format", Text.of("kpi.error.monthFormat"));
        }
    }

    static ScoringRule rule(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ScoringRule.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("scoringRule", "value", Text.of("kpi.error.ruleRequired"));
        }
    }

    private TargetView view(KpiTarget t) {
        return new TargetView(t.id(), t.figureCode(), texts.render(Text.of("figure." + t.figureCode())), t.validFrom(),
                t.unit(), t.targetValue(), t.comparison(), t.scoringRule(), t.points(), t.version());
    }
}
