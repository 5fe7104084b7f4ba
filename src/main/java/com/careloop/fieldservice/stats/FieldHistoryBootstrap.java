package com.careloop.fieldservice.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.careloop.customer.CustomerDirectory;
import com.careloop.fieldservice.FieldServiceReportSigned;
import com.careloop.fieldservice.FieldServiceViews;
import com.careloop.fieldservice.FieldServices;
import com.careloop.fieldservice.failure.FailureSource;
import com.careloop.fieldservice.failure.FailureViews;
import com.careloop.fieldservice.failure.ProductFailures;
import com.careloop.fieldservice.failure.WarrantyFeedback;
import com.careloop.fieldservice.failure.WarrantyFeedbacks;
import com.careloop.fieldservice.failure.WarrantyViews;
import com.careloop.fieldservice.visit.VisitReports;
import com.careloop.fieldservice.visit.VisitViews;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.SignedInAs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The record-number rules (ZF visit report Q/JL081306, SB warranty-part feedback Q/JL100101) and, in demo mode while
 * there is no visit report: a visit to the demo field service's customer with one open action (due in 20 working
 * days, so nothing is overdue), the demo report's findings classified as a failure plus two more failures of the
 * same product, and one returned warranty part analysed by quality. No new open work for the quality staff.
 */
@Component
@Order(65)
class FieldHistoryBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FieldHistoryBootstrap.class);
    static final String PRODUCT = "QF-600 自动包装线";

    private final RecordNumbers numbers;
    private final VisitReports visits;
    private final ProductFailures failures;
    private final WarrantyFeedbacks warranty;
    private final FieldServices services;
    private final CustomerDirectory customers;
    private final JdbcClient jdbc;
    private final CareLoopProperties platform;
    private final SignedInAs signedIn;
    private final TransactionTemplate tx;
    private final Clock clock;

    FieldHistoryBootstrap(RecordNumbers numbers, VisitReports visits, ProductFailures failures,
                          WarrantyFeedbacks warranty, FieldServices services, CustomerDirectory customers,
                          JdbcClient jdbc, CareLoopProperties platform, SignedInAs signedIn, TransactionTemplate tx,
                          Clock clock) {
        this.numbers = numbers;
        this.visits = visits;
        this.failures = failures;
        this.warranty = warranty;
        this.services = services;
        this.customers = customers;
        this.jdbc = jdbc;
        this.platform = platform;
        this.signedIn = signedIn;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        numbers.define(VisitReports.RECORD_TYPE, "ZF", 5, "走访服务报告 Q/JL081306");
        numbers.define(WarrantyFeedbacks.RECORD_TYPE, "SB", 5, "不良品(三包件)信息反馈表 Q/JL100101");
        boolean empty = jdbc.sql("select count(*) from visit_report").query(Long.class).single() == 0;
        if (!platform.demoData() || !empty || user("manager") == null || user("quality") == null
                || user("sales") == null) {
            return;
        }
        List<Long> trips = jdbc.sql("select id from field_service where report_code is not null order by id limit 1")
                .query(Long.class).list();
        if (trips.isEmpty()) {
            return;
        }
        try {
            demo(trips.get(0));
        } catch (RuntimeException e) {
            log.warn("Field history demo data not created: {}", e.toString());
        }
    }

    private void demo(long tripId) {
        LocalDate today = LocalDate.now(clock.withZone(platform.zone()));
        FieldServiceViews.Detail[] trip = new FieldServiceViews.Detail[1];
        signedIn.run("manager", () -> tx.executeWithoutResult(s -> {
            trip[0] = services.detail(tripId);
            if (trip[0].customerId() == null || customers.card(trip[0].customerId()).isEmpty()) {
                return;
            }
            VisitViews.Detail v = visits.plan(new VisitViews.Plan(trip[0].customerId(),
                    "包装线投运后回访：运行状况、操作人员培训效果、备件需求", today.minusDays(2), trip[0].site(),
                    "客服部 王经理；技术部 李工", "设备科 马建军"));
            visits.visited(v.id(), new VisitViews.Visited(null,
                    "设备运行稳定，日产量达到设计值；夜班操作人员对换型步骤不熟练；顾客希望备一套加热片。",
                    "对调试服务满意，希望加强夜班培训。",
                    List.of(new VisitViews.AgreeAction("为夜班操作人员安排一次换型培训并提供操作卡", user("sales"), null,
                            20)), null));
        }));
        if (trip[0] == null || trip[0].customerId() == null) {
            return;
        }
        FieldServiceViews.Detail t = trip[0];
        signedIn.run("quality", () -> tx.executeWithoutResult(s -> {
            failures.intake(new FieldServiceReportSigned(t.id(), t.code(), t.report().code(), t.requestId(),
                    t.customerId(), t.customerName(), t.findings(),
                    t.report().customerSignedAt() == null ? null : t.report().customerSignedAt().toInstant()));
            failures.intakes(true, null, 200).items().stream().filter(i -> i.sourceType() == FailureSource.FIELD_SERVICE
                    && i.sourceId() == t.id()).findFirst().ifPresent(i -> failures.classify(i.id(),
                    new FailureViews.Classify(PRODUCT, "封口机加热片", null, "B2611-07", t.onSiteFrom(),
                            "ELECTRICAL", "运输受潮，加热片绝缘下降", "运输途中防潮不足",
                            "更换加热片；改进运输防潮包装")));
            failures.record(new FailureViews.RecordFailure(PRODUCT, "输送带张紧轮", "QF600-2611-018", null,
                    today.minusDays(40), "WEAR", "张紧轮轴承异响", "轴承润滑不足", "更换轴承并补充润滑规范",
                    FailureSource.FIELD_SERVICE, t.id(), null));
            failures.record(new FailureViews.RecordFailure(PRODUCT, "封口机加热片", null, "B2611-07",
                    today.minusDays(20), "ELECTRICAL", "加热片不升温", null, null, FailureSource.FIELD_SERVICE,
                    t.id(), null));
            WarrantyViews.Detail w = warranty.record(new WarrantyViews.RecordPart(FailureSource.FIELD_SERVICE, t.id(),
                    null, PRODUCT, "封口机加热片", 1, null, "B2611-07", t.onSiteFrom(), "ELECTRICAL",
                    "加热片受潮，绝缘电阻 0.3 MΩ（要求 ≥ 2 MΩ）", user("quality")));
            warranty.analyse(w.id(), new WarrantyViews.Analyse("供应商加热片端子密封不良，运输中受潮",
                    WarrantyFeedback.Responsibility.SUPPLIER, "要求供应商改进端子密封并提供 8D；来料增加绝缘电阻抽检", null));
        }));
    }

    private Long user(String username) {
        return jdbc.sql("select id from org_user where username = :u").param("u", username).query(Long.class)
                .optional().orElse(null);
    }
}
