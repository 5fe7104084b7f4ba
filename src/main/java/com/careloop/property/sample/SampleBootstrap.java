package com.careloop.property.sample;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.SignedInAs;
import com.careloop.property.SampleCommands;
import com.careloop.property.SampleViews.Detail;
import com.careloop.property.Samples;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The samples' record-number rules (YP notice, YJ inspection report — an administrator's later change is kept) and,
 * in demo mode while there are no samples, two samples of the demo company issued by sales: Hengshun's vinegar label
 * approved and sealed, Geely's door-handle cover sent and waiting for the customer. Production and quality steps are
 * the system's (the demo company has no production user), so nobody's queue changes.
 */
@Component
@Order(63)
class SampleBootstrap implements ApplicationRunner {

    private final RecordNumbers numbers;
    private final Samples samples;
    private final CustomerDirectory customers;
    private final JdbcClient jdbc;
    private final CareLoopProperties platform;
    private final SignedInAs signedIn;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final com.careloop.platform.OrgDirectory directory;

    SampleBootstrap(RecordNumbers numbers, Samples samples, CustomerDirectory customers, JdbcClient jdbc,
                    CareLoopProperties platform, SignedInAs signedIn, TransactionTemplate tx, Clock clock,
                    com.careloop.platform.OrgDirectory directory) {
        this.numbers = numbers;
        this.samples = samples;
        this.customers = customers;
        this.jdbc = jdbc;
        this.platform = platform;
        this.signedIn = signedIn;
        this.tx = tx;
        this.clock = clock;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        numbers.define(Samples.RECORD_TYPE, "YP", 5, "样品生产通知单");
        numbers.define(Samples.INSPECTION_TYPE, "YJ", 5, "样品检查报告");
        boolean empty = jdbc.sql("select count(*) from sample").query(Long.class).single() == 0;
        boolean demoCompany = directory.userByUsername("sales").isPresent()
                && directory.departmentByCode("PROD").isPresent() && directory.departmentByCode("QA").isPresent();
        if (!platform.demoData() || !empty || !demoCompany) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(platform.zone()));
        Long[] ids = new Long[2];
        signedIn.run("sales", () -> {
            ids[0] = customer("江苏恒顺食品有限公司");
            ids[1] = customer("浙江吉利汽车零部件有限公司");
        });
        Long hengshun = ids[0];
        Long geely = ids[1];
        if (hengshun == null || geely == null) {
            return;
        }
        Detail[] issued = new Detail[2];
        signedIn.run("sales", () -> tx.executeWithoutResult(s -> {
            issued[0] = samples.request(new SampleCommands.Request(hengshun, "香醋瓶贴标签", "500ml 2026版 80×120mm",
                    new BigDecimal("50"), "张", today, "色差 ΔE ≤ 2；背胶耐冷藏", null));
            issued[1] = samples.request(new SampleCommands.Request(geely, "门把手装饰盖", "GL-M-2231 配套 黑色哑光",
                    new BigDecimal("10"), "件", today.plusDays(7), "表面无缩痕，卡扣插拔力 30–50 N", null));
        }));
        // production and quality (the system: the demo company has no production user)
        tx.executeWithoutResult(s -> {
            for (Detail d : issued) {
                samples.accept(d.id(), null);
                samples.make(d.id(), new SampleCommands.Make("印刷速度 120 m/min；UV 固化 3 灯", today, d.quantity(), null));
                samples.inspect(d.id(), new SampleCommands.Inspect(true, List.of(
                        new SampleCommands.Measurement("尺寸", d.spec(), "符合", true),
                        new SampleCommands.Measurement("外观", "无缺陷", "无缺陷", true)), "周卫东", today, null, null));
            }
        });
        signedIn.run("sales", () -> tx.executeWithoutResult(s -> {
            for (Detail d : issued) {
                samples.dispatch(d.id(), new SampleCommands.Dispatch(today, d.quantity(), today, "顺丰速运",
                        "SF" + (1_000_000_000L + d.id()), null, null));
            }
            samples.confirm(issued[0].id(), new SampleCommands.Confirm(true, "颜色与样稿一致，确认", today, "PHONE", null));
            samples.seal(issued[0].id(), new SampleCommands.Seal("品管部封样柜 Q-1", null, null, null));
        }));
    }

    private Long customer(String name) {
        return customers.lookUp(name, 1).stream().findFirst().map(CustomerCard::id).orElse(null);
    }
}
