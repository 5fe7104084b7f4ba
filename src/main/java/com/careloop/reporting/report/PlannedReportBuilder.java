package com.careloop.reporting.report;


import com.careloop.platform.FigureQuery;
import com.careloop.reporting.dashboard.FigureSources;
import com.careloop.platform.ReportPeriod;


/**
 * A report built by asking every {@link com.careloop.platform.FigureSource} (in parallel, {@link FigureSources}) for the kind's purpose at company level (the customer's only
 * for a customer's report) and grouping the answers by a {@link SectionPlan}. No source is named: a module that adds a
 * source adds its figures to the reports that ask for its purpose.
 */
class PlannedReportBuilder implements ReportBuilder {

    private final ReportKind kind;
    private final SectionPlan plan;
    private final FigureSources sources;

    PlannedReportBuilder(ReportKind kind, SectionPlan plan, FigureSources sources) {
        this.kind = kind;
        this.plan = plan;
        this.sources = sources;
    }

    @Override
    public ReportKind kind() {
        return kind;
    }

    @Override
    public ReportContent build(ReportPeriod period, Long customerId) {
        FigureQuery query = new FigureQuery(period, FigureQuery.company(), customerId, kind.purpose());
        // fresh, not from the dashboards' cache: a report freezes the figures of the moment it is generated
        FigureSources.Collected collected = sources.fresh(query);
        return plan.assemble(collected.figures(), collected.tables());
    }

    SectionPlan plan() {
        return plan;
    }
}
