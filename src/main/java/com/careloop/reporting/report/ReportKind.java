package com.careloop.reporting.report;

import com.careloop.platform.FigureQuery;
import com.careloop.platform.ReportPeriod;

/** The periodic reports, each with its period kind, the purpose its figures are asked for and its form code. */
public enum ReportKind {
    /** 客服中心周报表. */
    WEEKLY(ReportPeriod.Kind.WEEK, FigureQuery.Purpose.WEEKLY, "R-CS-W01"),
    /** 客户服务月考核表. */
    MONTHLY_ASSESSMENT(ReportPeriod.Kind.MONTH, FigureQuery.Purpose.MONTHLY_ASSESSMENT, "R-CS-M01"),
    /** 月度服务报告, one per key customer. */
    CUSTOMER_MONTHLY(ReportPeriod.Kind.MONTH, FigureQuery.Purpose.CUSTOMER_MONTHLY, "R-CS-M02"),
    /** 管理评审输入, for a year. */
    MANAGEMENT_REVIEW(ReportPeriod.Kind.YEAR, FigureQuery.Purpose.MANAGEMENT_REVIEW, "R-QP-MR01");

    private final ReportPeriod.Kind periodKind;
    private final FigureQuery.Purpose purpose;
    private final String formCode;

    ReportKind(ReportPeriod.Kind periodKind, FigureQuery.Purpose purpose, String formCode) {
        this.periodKind = periodKind;
        this.purpose = purpose;
        this.formCode = formCode;
    }

    public ReportPeriod.Kind periodKind() {
        return periodKind;
    }

    public FigureQuery.Purpose purpose() {
        return purpose;
    }

    public String formCode() {
        return formCode;
    }
}
