package com.careloop.contract.tender;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import com.careloop.contract.ContractCommands;
import com.careloop.contract.review.DemoSignatures;
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
 * Demo mode only, and only while there is no tender yet (after the demo contracts): three tenders of the demo
 * paper-packaging company a newcomer should see — one under countersign, one countersigned, bid and won (it became a
 * contract of source TENDER that links back), one countersigned and not bid. Entered through the services by the
 * salesperson (钱晓东) and the general manager (吴建国); each countersign task is signed by a user the platform lets decide
 * it (the approval administrators stand in for the departments the demo company has no people in).
 */
@Component
@Order(66)
class TenderBootstrap implements ApplicationRunner {

    private final Tenders tenders;
    private final DemoSignatures demo;
    private final CustomerDirectory customers;
    private final JdbcClient jdbc;
    private final CareLoopProperties properties;
    private final SignedInAs signedIn;
    private final TransactionTemplate tx;
    private final Clock clock;

    TenderBootstrap(Tenders tenders, DemoSignatures demo, CustomerDirectory customers, JdbcClient jdbc,
                    CareLoopProperties properties, SignedInAs signedIn, TransactionTemplate tx, Clock clock) {
        this.tenders = tenders;
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
        boolean empty = jdbc.sql("select count(*) from tender").query(Long.class).single() == 0;
        boolean people = demo.usersExist("sales", "gm");
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
        // under countersign
        call("sales", () -> tx.execute(s -> {
            long id = register(geely, "JLZB-2026-031", "2027年度汽车零部件包装箱招标", today.plusDays(14),
                    "重型瓦楞包装箱 12万只/年，三种规格", "860000", "按吉利包装规范 QJL-BZ-006，含防潮处理");
            tenders.submit(id, null);
            return id;
        }));
        // countersigned, bid and won: becomes a contract of source TENDER
        long won = call("sales", () -> tx.execute(s -> {
            long id = register(lianhua, "LHZB-2026-112", "门店生鲜周转箱集中采购", today.plusDays(5),
                    "生鲜周转纸箱 5万只", "210000", "防潮涂层，承重 25 kg");
            tenders.submit(id, null);
            return id;
        }));
        demo.signAll(Tenders.REVIEW_SUBJECT, won);
        signedIn.run("gm", () -> tx.executeWithoutResult(s -> tenders.decide(won,
                new TenderCommands.Decide(Tender.Decision.BID, "产能与材料均可满足，投标", null))));
        signedIn.run("sales", () -> tx.executeWithoutResult(s -> tenders.result(won, new TenderCommands.Result(
                Tender.Result.WON, "中标通知书 LH-ZB-2026-112", today.plusDays(35), "月结60天", List.of(
                new ContractCommands.Line("生鲜周转纸箱", "600x400x300 防潮", new BigDecimal("50000"), "只",
                        new BigDecimal("4.10"), null)), null))));
        // countersigned, not bid
        long notBid = call("sales", () -> tx.execute(s -> {
            long id = register(hengshun, "HSZB-2026-007", "出口酱油礼盒彩印箱招标", today.plusDays(3),
                    "七色印刷礼盒 8000套", "96000", "出口欧盟，需 FSC 认证纸板");
            tenders.submit(id, null);
            return id;
        }));
        demo.signAll(Tenders.REVIEW_SUBJECT, notBid);
        signedIn.run("gm", () -> tx.executeWithoutResult(s -> tenders.decide(notBid,
                new TenderCommands.Decide(Tender.Decision.NO_BID, "无 FSC 认证纸板供应商，交期不能满足", null))));
    }

    private long register(long customer, String tenderNo, String title, LocalDate deadline, String scope, String amount,
                          String requirements) {
        return tenders.register(new TenderCommands.Register(customer, tenderNo, title, deadline, scope,
                new BigDecimal(amount), requirements, null)).id();
    }

    private <T> T call(String username, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        signedIn.run(username, () -> result.set(work.get()));
        return result.get();
    }

    private Long customer(String name) {
        return customers.lookUp(name, 1).stream().findFirst().map(CustomerCard::id).orElse(null);
    }
}
