package com.careloop.reporting.report;

import com.careloop.platform.RecordNumbers;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The record-number rules of the reports (an administrator's later change is kept): ZB weekly report, YK monthly
 * assessment, YF a customer's monthly service report, GP management-review input — e.g. {@code ZB2026-0049}.
 */
@Component
@Order(31)
class ReportSetup implements ApplicationRunner {

    private final RecordNumbers numbers;

    ReportSetup(RecordNumbers numbers) {
        this.numbers = numbers;
    }

    @Override
    public void run(ApplicationArguments args) {
        numbers.define(Reports.RECORD_TYPES.get(ReportKind.WEEKLY), "ZB", 4, "客服中心周报表 R-CS-W01");
        numbers.define(Reports.RECORD_TYPES.get(ReportKind.MONTHLY_ASSESSMENT), "YK", 4, "客户服务月考核表 R-CS-M01");
        numbers.define(Reports.RECORD_TYPES.get(ReportKind.CUSTOMER_MONTHLY), "YF", 4, "月度服务报告 R-CS-M02");
        numbers.define(Reports.RECORD_TYPES.get(ReportKind.MANAGEMENT_REVIEW), "GP", 4, "管理评审输入 R-QP-MR01");
    }
}
