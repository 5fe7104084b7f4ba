package com.careloop.reporting.report;

import com.careloop.reporting.dashboard.FigureSources;
import com.careloop.reporting.report.SectionPlan.Section;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/**
 * The report builders of this package: the weekly report of the CS center (客服中心周报表), a key customer's monthly
 * service report (月度服务报告) and the management-review input (管理评审输入). The monthly assessment has its own
 * builder elsewhere. Section titles: {@code report.section.<code>}.
 */
@Configuration(proxyBeanMethods = false)
class ReportBuilders {

    static final Section INTAKE = Section.of("intake", "servicedesk.registered", "servicedesk.respondedOnTimeRate",
            "servicedesk.completedOnTimeRate", "servicedesk.firstContactRate", "servicedesk.averageHandlingHours",
            "servicedesk.reopenRate", "servicedesk.customerFieldServices", "servicedesk.byChannel", "servicedesk.byType",
            "servicedesk.byCategory");
    static final Section DISPATCH = Section.of("dispatch", "servicedesk.byDepartment", "servicedesk.dispatchByDepartment");
    static final Section COMPLAINTS = Section.of("complaints", "complaint.received", "complaint.closed",
            "complaint.acknowledgementOverdue", "complaint.replyOverdue", "complaint.resolutionOverdue",
            "complaint.onTimeAcknowledgementRate", "complaint.major", "complaint.repeat", "complaint.repeatRate",
            "complaint.ratePerThousandRequests", "complaint.ratePerRevenue", "complaint.pareto", "complaint.byCategory",
            "complaint.bySeverity", "complaint.annualByMonth", "complaint.annualByDepartment", "complaint.topCustomers");
    static final Section CLAIMS = Section.of("claims", "complaint.claims", "complaint.claimedAmount",
            "complaint.claimsSettledAmount", "complaint.returns", "complaint.returnsRefundedAmount",
            "complaint.advanceCompensations", "complaint.advanceCompensationsPaidAmount");
    static final Section CALLBACKS = Section.of("callbacks", "callback.*");
    static final Section KEY_CUSTOMERS = Section.of("keyCustomers", "servicedesk.keyCustomerRequests",
            "servicedesk.keyCustomerMatters");
    static final Section CARRIED_OVER = Section.of("carriedOver", "servicedesk.openAtEnd", "servicedesk.overdueNow",
            "servicedesk.carriedOver");
    static final Section CAPA = Section.of("capa", "capa.opened", "capa.closed", "capa.effectivenessRate", "capa.open",
            "capa.overdue", "capa.overdueActions", "capa.planCompletionRate", "capa.*");
    static final Section SATISFACTION = Section.of("satisfaction", "survey.satisfaction", "survey.weightedIndex",
            "survey.classA", "survey.classB", "survey.classC", "survey.responseRate", "survey.responses",
            "survey.campaigns", "survey.*");

    /** Contract review (合同评审): the contract module's report figures (docs/contracts.md "Report figures"). */
    static final Section CONTRACTS = Section.of("contracts", "contract.reviewsSubmitted", "contract.reviewsOnTimeRate",
            "contract.outcomeA", "contract.outcomeB", "contract.outcomeC", "contract.changes", "contract.*");

    @Bean
    ReportBuilder weeklyReportBuilder(FigureSources sources) {
        return new PlannedReportBuilder(ReportKind.WEEKLY, new SectionPlan(List.of(INTAKE, DISPATCH, COMPLAINTS,
                CLAIMS, CALLBACKS, KEY_CUSTOMERS, CARRIED_OVER, CAPA, SATISFACTION, CONTRACTS)), sources);
    }

    @Bean
    ReportBuilder customerMonthlyReportBuilder(FigureSources sources) {
        return new PlannedReportBuilder(ReportKind.CUSTOMER_MONTHLY, new SectionPlan(List.of(INTAKE, DISPATCH,
                COMPLAINTS, CLAIMS, CALLBACKS, SATISFACTION, CAPA, KEY_CUSTOMERS, CARRIED_OVER, CONTRACTS)), sources);
    }

    @Bean
    ReportBuilder managementReviewBuilder(FigureSources sources) {
        return new PlannedReportBuilder(ReportKind.MANAGEMENT_REVIEW, new SectionPlan(List.of(SATISFACTION, COMPLAINTS,
                CLAIMS, CALLBACKS, CAPA, INTAKE, DISPATCH, KEY_CUSTOMERS, CARRIED_OVER,
                Section.placeholder("audits"), CONTRACTS)), sources);
    }
}
