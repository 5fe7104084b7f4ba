package com.careloop.property.register;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.RecordNumbers;
import com.careloop.platform.SignedInAs;
import com.careloop.property.CustomerProperties;
import com.careloop.property.PropertyCommands.Register;
import com.careloop.property.PropertyCommands.SignHandOver;
import com.careloop.property.PropertyCommands.Verify;
import com.careloop.property.PropertyKind;
import com.careloop.property.PropertyViews.Detail;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The register's record-number rules (GC item, GK arrival feedback, GW problem report — an administrator's later
 * change is kept) and, in demo mode while the register is empty, customers' moulds and printing plates registered by
 * sales, signed by the production department, one of them with its inspection of the last period overdue.
 */
@Component
@Order(62)
class PropertyBootstrap implements ApplicationRunner {

    private final RecordNumbers numbers;
    private final CustomerProperties properties;
    private final PropertyInspectionRepository inspections;
    private final CustomerDirectory customers;
    private final JdbcClient jdbc;
    private final CareLoopProperties platform;
    private final PropertyProperties settings;
    private final SignedInAs signedIn;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final com.careloop.platform.OrgDirectory directory;

    PropertyBootstrap(RecordNumbers numbers, CustomerProperties properties, PropertyInspectionRepository inspections,
                      CustomerDirectory customers, JdbcClient jdbc, CareLoopProperties platform,
                      PropertyProperties settings, SignedInAs signedIn, TransactionTemplate tx, Clock clock,
                      com.careloop.platform.OrgDirectory directory) {
        this.numbers = numbers;
        this.properties = properties;
        this.inspections = inspections;
        this.customers = customers;
        this.jdbc = jdbc;
        this.platform = platform;
        this.settings = settings;
        this.signedIn = signedIn;
        this.tx = tx;
        this.clock = clock;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        numbers.define(CustomerProperties.RECORD_TYPE, "GC", 6, "顾客财产登记表 R-QP-005-04");
        numbers.define(CustomerProperties.FEEDBACK_TYPE, "GK", 5, "供方质量跟踪反馈记录（顾客财产验收）");
        numbers.define(CustomerProperties.PROBLEM_TYPE, "GW", 5, "顾客财产问题报告单");
        boolean empty = jdbc.sql("select count(*) from customer_property").query(Long.class).single() == 0;
        boolean demoCompany = directory.userByUsername("sales").isPresent()
                && directory.departmentByCode("PROD").isPresent();
        if (!platform.demoData() || !empty || !demoCompany) {
            return;
        }
        List<Detail> registered = new java.util.ArrayList<>();
        signedIn.run("sales", () -> tx.executeWithoutResult(s -> registered.addAll(demo())));
        // the production department signs the hand-overs (the demo company has no production user: the system signs)
        tx.executeWithoutResult(s -> {
            for (Detail d : registered) {
                d.movements().stream().filter(m -> m.pending()).findFirst().ifPresent(m ->
                        properties.signHandOver(d.id(), m.id(), new SignHandOver(null)));
            }
            overdueInspection(registered.get(0));
        });
    }

    private List<Detail> demo() {
        LocalDate today = LocalDate.now(clock.withZone(platform.zone()));
        Long geely = customer("浙江吉利汽车零部件有限公司");
        Long hengshun = customer("江苏恒顺食品有限公司");
        if (geely == null || hengshun == null) {
            return List.of();
        }
        Verify ok = new Verify(true, true, true, "周卫东", null, null);
        return List.of(
                properties.register(new Register(geely, PropertyKind.TOOLING, "门把手注塑模具", "GL-M-2231 一出四",
                        BigDecimal.ONE, "套", today.minusMonths(8), "钱晓东", "吉利财产 GL-0007（钢印）", "模具库 A-03",
                        null, null, null, null, "每生产5万模次保养一次", ok, null)),
                properties.register(new Register(geely, PropertyKind.MEASURING_EQUIPMENT, "孔位检具", "GL-J-118",
                        BigDecimal.ONE, "台", today.minusMonths(3), "钱晓东", "吉利财产 GL-0012（标牌）", "检具室 2号柜",
                        null, null, null, null, null, ok, null)),
                properties.register(new Register(hengshun, PropertyKind.TOOLING, "香醋标签印刷版辊", "恒顺 500ml 2026版",
                        new BigDecimal("6"), "支", today.minusMonths(2), "钱晓东", "恒顺财产 HS-P01…P06（激光刻印）",
                        "印版架 B-11", null, null, null, null, null, ok, null)),
                properties.register(new Register(hengshun, PropertyKind.DRAWING_SPEC, "包装设计稿与色标", "HS-SPEC-2026-03",
                        new BigDecimal("1"), "份", today.minusDays(20), "钱晓东", "受控文件章", "技术部档案柜 T-2",
                        null, null, null, null, null, ok, "包装印刷打样与生产，仅限恒顺订单")));
    }

    /** The mould's inspection of the last period, never done: overdue on production's queue. */
    private void overdueInspection(Detail mould) {
        LocalDate today = LocalDate.now(clock.withZone(platform.zone()));
        LocalDate lastPeriod = PropertyInspectionJob.periodStart(today, settings.inspectionMonths())
                .minusMonths(settings.inspectionMonths());
        inspections.saveAndFlush(PropertyInspection.open(mould.id(), lastPeriod, mould.owningDepartmentId(),
                today.minusDays(5), Instant.now(clock)));
    }

    private Long customer(String name) {
        return customers.lookUp(name, 1).stream().findFirst().map(CustomerCard::id).orElse(null);
    }
}
