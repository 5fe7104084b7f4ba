package com.careloop.reporting.report;

import java.util.ArrayList;
import java.util.List;

import com.careloop.platform.Figure;
import com.careloop.platform.FigureQuery;
import com.careloop.platform.FigureSource;
import com.careloop.platform.FigureTable;
import com.careloop.platform.ReportPeriod;

import org.springframework.beans.factory.ObjectProvider;

/**
 * A report built by asking every {@link FigureSource} for the kind's purpose at company level (the customer's only
 * for a customer's report) and grouping the answers by a {@link SectionPlan}. No source is named: a module that adds a
 * source adds its figures to the reports that ask for its purpose.
 */
class PlannedReportBuilder implements ReportBuilder {

    private final ReportKind kind;
    private final SectionPlan plan;
    private final ObjectProvider<FigureSource> sources;

    PlannedReportBuilder(ReportKind kind, SectionPlan plan, ObjectProvider<FigureSource> sources) {
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
        List<Figure> figures = new ArrayList<>();
        List<FigureTable> tables = new ArrayList<>();
        sources.orderedStream().forEach(source -> {
            figures.addAll(source.figures(query));
            tables.addAll(source.tables(query));
        });
        return plan.assemble(figures, tables);
    }

    SectionPlan plan() {
        return plan;
    }
}
