package com.careloop.reporting.report;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.careloop.customer.KeyCustomers;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.ReportPeriod;
import com.careloop.platform.SignedInAs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only, once, while there is no report: a year of approved reports, so a newcomer finds them filled — the
 * weekly reports of the last 52 weeks (the supervisor generates and writes, the manager approves), a key customer's
 * monthly service reports of the last 12 months, and last year's management-review input (quality manager, approved
 * by the general manager). Entered through the service, so they are numbered, frozen and audited like real ones.
 * One transaction per report keeps each short; the whole runs after the modules' own demo data.
 */
@Component
@Order(200)
class ReportDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportDemoData.class);

    private final Reports reports;
    private final KeyCustomers keyCustomers;
    private final CareLoopProperties properties;
    private final SignedInAs signedIn;
    private final TransactionTemplate tx;
    private final Clock clock;

    ReportDemoData(Reports reports, KeyCustomers keyCustomers, CareLoopProperties properties, SignedInAs signedIn,
                   TransactionTemplate tx, Clock clock) {
        this.reports = reports;
        this.keyCustomers = keyCustomers;
        this.properties = properties;
        this.signedIn = signedIn;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || reports.any()) {
            return;
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        for (int week = 52; week >= 1; week--) {
            ReportPeriod p = ReportPeriod.week(today.minusWeeks(week));
            approved("supervisor", "manager", ReportKind.WEEKLY, p.first(), null, null, null, Map.of(
                    "highlights", "本周受理与派工正常，重点客户事项均已跟进。",
                    "problems", "个别维修单完工超时，已提醒相关班组。",
                    "nextWeekPlan", "跟进遗留未结事项，完成本周投诉回访。"));
        }
        List<Long> keys = keyCustomers.keyCustomerIds();
        if (!keys.isEmpty()) {
            for (int month = 12; month >= 1; month--) {
                YearMonth m = YearMonth.from(today).minusMonths(month);
                approved("supervisor", "manager", ReportKind.CUSTOMER_MONTHLY, null, m.getYear(), m.getMonthValue(),
                        keys.get(0), Map.of("remarks", "感谢贵司本月的支持与配合，如有任何需要请随时联系客服中心。"));
            }
        }
        approved("quality", "gm", ReportKind.MANAGEMENT_REVIEW, null, today.getYear() - 1, null, null,
                Map.of("conclusions", "顾客满意度保持稳定；投诉处理及时率需继续提升，纠正措施计划完成率纳入下年度目标。"));
        log.info("Demo reports generated in {} ms", (System.nanoTime() - started) / 1_000_000);
    }

    private void approved(String writer, String approver, ReportKind kind, LocalDate first, Integer year, Integer month,
                          Long customerId, Map<String, String> texts) {
        long[] id = new long[1];
        signedIn.run(writer, () -> tx.executeWithoutResult(s -> {
            Report r = reports.generated(new ReportCommands.Generate(kind, first, null, year, month, customerId));
            reports.textsWritten(r.getId(), new ReportCommands.WriteTexts(texts, r.getVersion()));
            reports.submitted(r.getId(), null);
            id[0] = r.getId();
        }));
        signedIn.run(approver, () -> tx.executeWithoutResult(s -> reports.approved(id[0], null)));
    }
}
