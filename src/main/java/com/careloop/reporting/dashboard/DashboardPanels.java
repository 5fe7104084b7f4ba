package com.careloop.reporting.dashboard;

import java.util.List;
import java.util.Map;

import com.careloop.platform.CurrentUser;
import com.careloop.platform.HomePanel;
import com.careloop.platform.ReportPeriod;
import com.careloop.reporting.ReportingPermissions;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reporting's home panels: "my work" for everyone, the KPI dashboard ({@code reporting:dashboard}) and the company
 * panel ({@code reporting:company}); the period is the home page's {@code ?period=DAY|WEEK|MONTH} (today by default).
 */
@Configuration
class DashboardPanels {

    /** The KPI or company panel's model: the period chosen, the periods to choose from, the figures and the charts. */
    record KpiView(DashboardPeriod period, String periodLabel, List<DashboardPeriod> periods, Dashboards.Part part,
                   String paretoChart, String typeChart, Dashboards.Company company) {
    }

    record Panel(int order, String fragment, String permission, Model model) implements HomePanel {

        @Override
        public boolean visibleTo(CurrentUser me) {
            return permission == null || me.can(permission);
        }

        @Override
        public Object model(CurrentUser me, Map<String, String> parameters) {
            return model.of(me, DashboardPeriod.parse(parameters.get("period")));
        }
    }

    interface Model {
        Object of(CurrentUser me, DashboardPeriod period);
    }

    @Bean
    HomePanel myWorkPanel(Dashboards dashboards) {
        return new Panel(100, "reporting/dashboard :: work", null, (me, period) -> dashboards.work(me));
    }

    @Bean
    HomePanel kpiPanel(Dashboards dashboards, DashboardCharts charts) {
        return new Panel(200, "reporting/dashboard :: kpis", ReportingPermissions.DASHBOARD, (me, period) -> {
            ReportPeriod p = dashboards.period(period);
            return view(dashboards, charts, period, p, dashboards.kpis(me, p), null);
        });
    }

    @Bean
    HomePanel companyPanel(Dashboards dashboards, DashboardCharts charts) {
        return new Panel(300, "reporting/dashboard :: company", ReportingPermissions.COMPANY, (me, period) -> {
            ReportPeriod p = dashboards.period(period);
            Dashboards.Company company = dashboards.company(p);
            return view(dashboards, charts, period, p, company.part(), company);
        });
    }

    private static KpiView view(Dashboards dashboards, DashboardCharts charts, DashboardPeriod period, ReportPeriod p,
                                Dashboards.Part part, Dashboards.Company company) {
        return new KpiView(period, dashboards.periodLabel(p), List.of(DashboardPeriod.values()), part,
                charts.pareto(part.table("complaint.pareto")), charts.bars(part.table("servicedesk.byType")), company);
    }
}
