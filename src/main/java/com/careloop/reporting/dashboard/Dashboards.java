package com.careloop.reporting.dashboard;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.CurrentUser;
import com.careloop.platform.DataScope;
import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureTable;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.platform.WorkCount;
import com.careloop.platform.WorkSource;
import com.careloop.reporting.ReportingPermissions;
import com.careloop.reporting.kpi.KpiTarget;
import com.careloop.reporting.kpi.KpiTargets;

import org.springframework.stereotype.Service;

/**
 * What the home dashboards show a user (docs/reporting-dashboard.md): their work from every {@link WorkSource}; with
 * {@code reporting:dashboard} every source's DASHBOARD figures of the period within their data scope against the KPI
 * targets; with {@code reporting:company} the same at company scope with the company highlights. Labels are rendered
 * in the current request's language.
 */
@Service
public class Dashboards {

    /** One line of "my work". */
    public record WorkLine(String code, String label, long count, boolean urgent, String link) {
    }

    /** A figure as the dashboard shows it: value in its unit, against its target when it has one. */
    public record Kpi(String code, String label, BigDecimal value, Figure.Unit unit, String display, Long numerator,
                      Long denominator, BigDecimal target, String targetDisplay, Boolean met, String drillDown) {
    }

    public record TableRow(String key, String label, List<BigDecimal> values, List<String> display, String drillDown) {
    }

    public record Table(String code, String title, List<String> columns, List<Figure.Unit> units, List<TableRow> rows) {
    }

    /** The figures and tables of one scope and period. */
    public record Part(String scope, List<Kpi> figures, List<Table> tables) {

        public Kpi figure(String code) {
            return figures.stream().filter(f -> f.code().equals(code)).findFirst().orElse(null);
        }

        public Table table(String code) {
            return tables.stream().filter(t -> t.code().equals(code)).findFirst().orElse(null);
        }
    }

    /** The company panel's highlights besides its figures; red-line audit failures wait for the inspections module. */
    public record Company(Part part, Kpi majorComplaints, Kpi capaEffectiveness, String redLineAuditFailures) {
    }

    /** The whole dashboard of a user (the API's answer); a part the user may not see is null. */
    public record Dashboard(DashboardPeriod period, String periodLabel, LocalDate first, LocalDate last,
                            List<WorkLine> work, Part kpis, Company company) {
    }

    private final List<WorkSource> work;
    private final FigureSources figures;
    private final KpiTargets targets;
    private final Texts texts;
    private final FigureFormat format;
    private final Clock clock;
    private final ZoneId zone;

    Dashboards(List<WorkSource> work, FigureSources figures, KpiTargets targets, Texts texts, FigureFormat format,
               Clock clock, CareLoopProperties properties) {
        this.work = List.copyOf(work);
        this.figures = figures;
        this.targets = targets;
        this.texts = texts;
        this.format = format;
        this.clock = clock;
        this.zone = properties.zone();
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public ReportPeriod period(DashboardPeriod period) {
        return period.of(today());
    }

    public String periodLabel(ReportPeriod period) {
        return texts.render(period.label());
    }

    public Dashboard dashboard(CurrentUser me, DashboardPeriod period) {
        ReportPeriod p = period(period);
        return new Dashboard(period, texts.render(p.label()), p.first(), p.last(), work(me),
                me.can(ReportingPermissions.DASHBOARD) ? kpis(me, p) : null,
                me.can(ReportingPermissions.COMPANY) ? company(p) : null);
    }

    /** Every source's work lines for {@code me}, in source order. */
    public List<WorkLine> work(CurrentUser me) {
        List<WorkLine> lines = new ArrayList<>();
        for (WorkSource source : work) {
            for (WorkCount w : source.work(me)) {
                lines.add(new WorkLine(w.code(), texts.render(Text.of(w.labelKey())), w.count(), w.urgent(), w.link()));
            }
        }
        return lines;
    }

    /** The DASHBOARD figures of the period within the viewer's data scope. */
    public Part kpis(CurrentUser me, ReportPeriod period) {
        return part(me.scope(), period);
    }

    /** The same at company scope, with the highlights. */
    public Company company(ReportPeriod period) {
        Part part = part(FigureQuery.company(), period);
        return new Company(part, part.figure("complaint.major"), part.figure("capa.effectivenessRate"),
                texts.render(Text.of("dashboard.company.redLine.notYet")));
    }

    private Part part(DataScope scope, ReportPeriod period) {
        FigureSources.Collected c = figures.collect(new FigureQuery(period, scope, null, FigureQuery.Purpose.DASHBOARD));
        Map<String, KpiTarget> goals = targets.forMonth(YearMonth.from(period.first()));
        List<Kpi> kpis = c.figures().stream().map(f -> kpi(f, goals.get(f.code()))).toList();
        List<Table> tables = c.tables().stream().map(this::table).toList();
        return new Part(scope.kind().name(), kpis, tables);
    }

    private Kpi kpi(Figure f, KpiTarget target) {
        return new Kpi(f.code(), texts.render(Text.of(f.labelKey())), f.value(), f.unit(), format.value(f.value(), f.unit()),
                f.numerator(), f.denominator(), target == null ? null : target.targetValue(),
                target == null ? null : format.value(target.targetValue(), target.unit()),
                target == null ? null : target.met(f.value()), f.drillDown());
    }

    private Table table(FigureTable t) {
        List<TableRow> rows = t.rows().stream().map(r -> {
            List<String> display = new ArrayList<>();
            for (int i = 0; i < r.values().size(); i++) {
                display.add(format.value(r.values().get(i), t.units().get(i)));
            }
            return new TableRow(r.key(), texts.render(r.label()), r.values(), display, r.drillDown());
        }).toList();
        return new Table(t.code(), texts.render(Text.of(t.titleKey())), t.columns().stream().map(texts::render).toList(),
                t.units(), rows);
    }
}
