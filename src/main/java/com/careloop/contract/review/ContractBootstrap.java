package com.careloop.contract.review;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.careloop.contract.ChangeKind;
import com.careloop.contract.ContractClass;
import com.careloop.contract.ContractCommands;
import com.careloop.contract.ContractSource;
import com.careloop.contract.ContractViews.Detail;
import com.careloop.contract.Contracts;
import com.careloop.contract.ResolutionMethod;
import com.careloop.contract.ReviewAspect;
import com.careloop.contract.ReviewOutcome;
import com.careloop.contract.ReviewVerdict;
import com.careloop.customer.CustomerCard;
import com.careloop.customer.CustomerDirectory;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.SignedInAs;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo mode only, and only while there is no contract yet: contracts of the demo paper-packaging customers in the
 * states a newcomer should see — registered, under countersign with an open inconsistency, waiting for the outcome,
 * waiting for the general manager, accepted and in production (then changed: v2 with its change notice), delivered
 * and closed, cancelled; the contract in production has a shipping plan (one lot shipped, one planned). Entered
 * through the
 * service by the salesperson (钱晓东), quality (周卫东) and the general manager (吴建国), so they are numbered, timed and
 * audited like real ones. The demo company has nobody in production, purchasing, technical or finance: their review
 * tasks go to the approval administrators until such users are created.
 */
@Component
@Order(65)
class ContractBootstrap implements ApplicationRunner {

    private final Contracts contracts;
    private final ContractChanges changes;
    private final ContractShipments shipments;
    private final DemoSignatures demo;
    private final CustomerDirectory customers;
    private final JdbcClient jdbc;
    private final CareLoopProperties properties;
    private final SignedInAs signedIn;
    private final TransactionTemplate tx;
    private final Clock clock;

    ContractBootstrap(Contracts contracts, ContractChanges changes, ContractShipments shipments, DemoSignatures demo, CustomerDirectory customers, JdbcClient jdbc, CareLoopProperties properties,
                      SignedInAs signedIn, TransactionTemplate tx, Clock clock) {
        this.contracts = contracts;
        this.changes = changes;
        this.shipments = shipments;
        this.demo = demo;
        this.customers = customers;
        this.jdbc = jdbc;
        this.properties = properties;
        this.signedIn = signedIn;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean empty = jdbc.sql("select count(*) from contract").query(Long.class).single() == 0;
        boolean people = demo.usersExist("sales", "quality", "gm");
        if (!properties.demoData() || !empty || !people) {
            return;
        }
        Long hengshun = call("sales", () -> customer("江苏恒顺食品有限公司"));
        Long lianhua = call("sales", () -> customer("上海联华超市有限公司"));
        Long geely = call("sales", () -> customer("浙江吉利汽车零部件有限公司"));
        if (hengshun == null || lianhua == null || geely == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        // registered, not yet submitted
        signedIn.run("sales", () -> tx.executeWithoutResult(s -> register(geely, "JL-2026-118", ContractSource.QUOTATION,
                ContractClass.SPECIAL, today, today.plusDays(45), "防静电周转箱（新结构）", "650x450x350 防静电",
                "3000", "个", "46.80", "客户提供图纸及防静电检验标准")));
        // special contract under countersign: sales signed, quality logged an inconsistency
        long underReview = call("sales", () -> tx.execute(s -> {
            Detail d = register(hengshun, "HS-CG-2026-0412", ContractSource.WRITTEN, ContractClass.SPECIAL, today,
                    today.plusDays(30), "酱油礼盒彩印瓦楞箱（新版面）", "400x300x250 E楞 四色印刷", "20000", "只", "6.35",
                    "印刷客户商标及条码（附商标印制授权书复印件），执行GB6543-2008");
            contracts.submit(d.id(), null);
            contracts.sign(d.id(), new ContractCommands.Sign(ReviewAspect.QUANTITY_PRICE_PAYMENT, ReviewVerdict.ACCEPT,
                    null));
            return d.id();
        }));
        signedIn.run("quality", () -> tx.executeWithoutResult(s -> contracts.raiseInconsistency(underReview,
                new ContractCommands.RaiseInconsistency(ReviewAspect.INSPECTION_ACCEPTANCE,
                        "客户未注明耐压强度的检验方法和抽样方案", "建议按GB/T 4857.4 和 GB/T 2828.1 一般检验水平II"))));
        // repeat orders: waiting for the outcome, accepted in production, closed, waiting for the GM, cancelled
        repeat(lianhua, "LH-2026-0920", today, "三层瓦楞纸箱（标准箱）", "5200", "2.80");
        long inProduction = repeat(hengshun, "HS-CG-2026-0388", today.minusDays(12), "酱油六瓶装纸箱", "30000", "3.15");
        long closed = repeat(lianhua, "LH-2026-0611", today.minusDays(60), "生鲜周转纸箱", "8000", "4.20");
        long major = repeat(geely, "JL-2026-097", today.minusDays(2), "汽车零部件重型包装箱", "60000", "18.50");
        long cancelled = repeat(lianhua, "LH-2026-0702", today.minusDays(30), "礼品盒", "1000", "5.00");
        signedIn.run("gm", () -> tx.executeWithoutResult(s -> {
            for (long id : List.of(inProduction, closed, major)) {
                contracts.decide(id, new ContractCommands.Decide(ReviewOutcome.A, null, null));
            }
        }));
        signedIn.run("sales", () -> tx.executeWithoutResult(s -> {
            contracts.startProduction(inProduction, null);
            contracts.startProduction(closed, null);
            contracts.delivered(closed, null);
            contracts.close(closed, null);
            contracts.cancel(cancelled, null);
        }));
        // the contract in production changed with the customer (more boxes, later delivery): re-reviewed by the
        // touched departments only, now at v2 with its change notice (合同变更通知单) and a new production notice
        long change = call("sales", () -> tx.execute(s -> changes.request(inProduction, new ContractCommands.RequestChange(
                List.of(ChangeKind.QUANTITY, ChangeKind.DELIVERY_DATE), ResolutionMethod.PHONE, today.minusDays(1),
                "恒顺食品采购部 张经理", "中秋备货增加 2000 只，交期顺延 10 天，单价不变", null,
                today.minusDays(12).plusDays(30), null, null, List.of(new ContractCommands.Line("酱油六瓶装纸箱", null,
                new BigDecimal("32000"), "只", new BigDecimal("3.15"), null)), null)).id()));
        demo.signAll(ContractChanges.SUBJECT, change);
        // the shipping plan (出货计划) of the contract in production: a first lot shipped by the warehouse keeper, the
        // next planned for next week
        Long keeper = jdbc.sql("select id from org_user where username = 'keeper' and active = true")
                .query(Long.class).optional().orElse(null);
        if (keeper != null) {
            long shipped = call("sales", () -> tx.execute(s -> shipments.plan(inProduction, new ContractShipments.Plan(
                    today, null, "恒通物流", "苏E·A3D21", keeper, List.of(new ContractShipment.PlanLine(1,
                    new BigDecimal("10000"), 20, "恒顺食品 HS-CG-2026-0388 / 酱油六瓶装")))).id()));
            signedIn.run("keeper", () -> tx.executeWithoutResult(s -> shipments.ship(inProduction, shipped,
                    new ContractShipments.Ship(today, "SHD-20260001", null, null))));
            signedIn.run("sales", () -> tx.executeWithoutResult(s -> shipments.plan(inProduction,
                    new ContractShipments.Plan(today.plusDays(7), null, "恒通物流", null, keeper, List.of(
                            new ContractShipment.PlanLine(1, new BigDecimal("12000"), 20,
                                    "恒顺食品 HS-CG-2026-0388 / 酱油六瓶装"))))));
        }
    }

    private <T> T call(String username, java.util.function.Supplier<T> work) {
        java.util.concurrent.atomic.AtomicReference<T> result = new java.util.concurrent.atomic.AtomicReference<>();
        signedIn.run(username, () -> result.set(work.get()));
        return result.get();
    }

    /** A repeat order of an unchanged product, registered and submitted (waits for the sales manager's confirmation). */
    private long repeat(long customer, String number, LocalDate orderDate, String product, String quantity, String price) {
        return call("sales", () -> tx.execute(s -> {
            Detail d = register(customer, number, ContractSource.REPEAT, ContractClass.REPEAT_UNCHANGED, orderDate,
                    orderDate.plusDays(20), product, null, quantity, "只", price, null);
            contracts.submit(d.id(), null);
            return d.id();
        }));
    }

    private Detail register(long customer, String number, ContractSource source, ContractClass cls, LocalDate orderDate,
                            LocalDate delivery, String product, String spec, String quantity, String unit, String price,
                            String requirements) {
        return contracts.register(new ContractCommands.Register(customer, number, source, cls, orderDate, delivery,
                "月结60天", requirements, null, "华东", List.of(new ContractCommands.Line(product, spec,
                new BigDecimal(quantity), unit, new BigDecimal(price), null))));
    }

    private Long customer(String name) {
        return customers.lookUp(name, 1).stream().findFirst().map(CustomerCard::id).orElse(null);
    }
}
