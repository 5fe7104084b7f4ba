package com.careloop.complaint.claim;

import java.math.BigDecimal;
import java.time.LocalDate;

import com.careloop.complaint.AdvanceCompensations;
import com.careloop.complaint.ClaimCommands.AddEvidenceNote;
import com.careloop.complaint.ClaimCommands.DetermineResponsibility;
import com.careloop.complaint.ClaimCommands.Inspect;
import com.careloop.complaint.ClaimCommands.Propose;
import com.careloop.complaint.ClaimCommands.RegisterClaim;
import com.careloop.complaint.ClaimCommands.Step;
import com.careloop.complaint.Claims;
import com.careloop.complaint.CompensationCommands.RequestCompensation;
import com.careloop.complaint.GoodsCondition;
import com.careloop.complaint.InspectionMethod;
import com.careloop.complaint.RefundMethod;
import com.careloop.complaint.Responsibility;
import com.careloop.complaint.RetailReturns;
import com.careloop.complaint.ReturnCommands.Refund;
import com.careloop.complaint.ReturnCommands.RequestReturn;
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
 * Demo mode only, each kind once (while its table is empty): a claim awaiting approval, two seven-day return
 * slips (one refunded, one just requested) and an advance compensation awaiting the manager — entered through the
 * services by the demo people who would do it (complaint specialist, front desk, supervisor).
 */
@Component
@Order(60)
class ClaimDemoData implements ApplicationRunner {

    private final Claims claims;
    private final RetailReturns returns;
    private final AdvanceCompensations compensations;
    private final CustomerDirectory customers;
    private final CareLoopProperties properties;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final SignedInAs signedIn;
    private final RecordSteps steps;

    ClaimDemoData(Claims claims, RetailReturns returns, AdvanceCompensations compensations, CustomerDirectory customers,
                  CareLoopProperties properties, JdbcClient jdbc, TransactionTemplate tx, SignedInAs signedIn,
                  RecordSteps steps) {
        this.claims = claims;
        this.returns = returns;
        this.compensations = compensations;
        this.customers = customers;
        this.properties = properties;
        this.jdbc = jdbc;
        this.tx = tx;
        this.signedIn = signedIn;
        this.steps = steps;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demoData() || jdbc.sql("select count(*) from org_user where username in ('complaints', 'supervisor', 'frontdesk')")
                .query(Long.class).single() < 3) {
            return;
        }
        LocalDate today = LocalDate.now(steps.clock().withZone(properties.zone()));
        once("claim", "complaints", () -> customer("江苏恒顺食品有限公司", c -> {
            long id = claims.register(new RegisterClaim(c.id(), null, "瓦楞纸箱（五层）BC-580x380", "PO-2026-0318",
                    new BigDecimal("3600.00"), "到货纸箱受潮塌陷约 300 只，影响客户灌装线包装，要求赔偿损失。")).id();
            claims.addEvidenceNote(id, new AddEvidenceNote("客户提供到货照片 12 张及收货单签注「外箱潮湿」。", null));
            claims.inspect(id, new Inspect(InspectionMethod.ON_SITE, "现场抽检 50 只，含水率 18%（标准 ≤ 12%），"
                    + "系运输途中遭雨淋。", "周卫东", today.minusDays(2), null));
            claims.determineResponsibility(id, new DetermineResponsibility(Responsibility.SHARED, new BigDecimal("40"),
                    "承运商未加盖篷布；我方未按约定加防潮膜。", null));
            claims.propose(id, new Propose(new BigDecimal("1440.00"), null));
        }));
        once("return_slip", "frontdesk", () -> {
            customer("陈美玲", c -> {
                long id = returns.request(new RequestReturn(c.id(), null, "电热水壶", "ZK-1517", "DR2026110088",
                        today.minusDays(6), today.minusDays(5), today.minusDays(2), "颜色与图片不符",
                        GoodsCondition.OPENED_UNDAMAGED, new BigDecimal("129.00"), RefundMethod.WECHAT_PAY)).id();
                returns.accept(id, new Step(null));
                returns.refund(id, new Refund("WX20261130-0091", null));
            });
            customer("刘建华", c -> returns.request(new RequestReturn(c.id(), null, "智能门锁指纹模组", "S30-FP",
                    null, today.minusDays(3), today.minusDays(3), today, null, GoodsCondition.INTACT,
                    new BigDecimal("399.00"), RefundMethod.ORIGINAL_PAYMENT)));
        });
        once("advance_compensation", "complaints", () -> customer("黄晓明", c -> {
            long id = compensations.request(new RequestCompensation(c.id(), null,
                    "维修人员两次未按约定时间上门，顾客请假损失，先行赔付误工费。", new BigDecimal("300.00"))).id();
            as("supervisor", () -> compensations.approveAsSupervisor(id, new Step(null)));
        }));
    }

    private void once(String table, String username, Runnable load) {
        if (jdbc.sql("select count(*) from " + table).query(Long.class).single() == 0) {
            as(username, () -> tx.executeWithoutResult(s -> load.run()));
        }
    }

    private void customer(String name, java.util.function.Consumer<CustomerCard> use) {
        customers.lookUp(name, 1).stream().findFirst().ifPresent(use);
    }

    private void as(String username, Runnable work) {
        signedIn.run(username, work);
    }
}
