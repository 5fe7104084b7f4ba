package com.careloop.capa.handling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.careloop.capa.CapaCommands;
import com.careloop.capa.CapaSources;
import com.careloop.capa.CapaViews.Detail;
import com.careloop.capa.CorrectiveActions;
import com.careloop.capa.FishboneCategory;
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
 * Demo mode only, and only while there is no CAPA yet: an internal-audit finding in progress (contained, root
 * cause found, an action planned) and a closed 8D CAPA for a key customer that failed its first check — entered
 * through the service by the quality manager, so they are numbered, timed and audited like real ones.
 */
@Component
@Order(60)
class CapaBootstrap implements ApplicationRunner {

    private final CorrectiveActions capas;
    private final CustomerDirectory customers;
    private final JdbcClient jdbc;
    private final CareLoopProperties properties;
    private final SignedInAs signedIn;
    private final TransactionTemplate tx;
    private final Clock clock;

    CapaBootstrap(CorrectiveActions capas, CustomerDirectory customers, JdbcClient jdbc, CareLoopProperties properties,
                  SignedInAs signedIn, TransactionTemplate tx, Clock clock) {
        this.capas = capas;
        this.customers = customers;
        this.jdbc = jdbc;
        this.properties = properties;
        this.signedIn = signedIn;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean empty = jdbc.sql("select count(*) from capa").query(Long.class).single() == 0;
        Long depthead = id("select id from org_user where username = 'depthead'");
        Long teamleader = id("select id from org_user where username = 'teamleader'");
        if (!properties.demoData() || !empty || depthead == null || teamleader == null) {
            return;
        }
        signedIn.run("quality", () -> tx.executeWithoutResult(s -> demo(depthead, teamleader)));
    }

    private void demo(long depthead, long teamleader) {
        LocalDate today = LocalDate.now(clock.withZone(properties.zone()));
        Long engineering = id("select id from org_department where code = 'ENG'");
        Detail audit = capas.openManually(new CapaCommands.Open(CapaSources.AUDIT, null, "IA-2026-03",
                "内审发现：维修工程部工具校准记录缺失，3把扭力扳手超过校准有效期仍在使用。", null, engineering, false));
        long a = audit.id();
        capas.containment(a, new CapaCommands.Contain("超期扭力扳手立即停用封存，借用备用已校准扳手。", null));
        capas.rootCause(a, new CapaCommands.RootCause(List.of("扳手超期仍在使用", "无人跟踪校准到期日",
                "校准台账只在年初更新", "未规定台账责任人"), FishboneCategory.MEASUREMENT, "计量器具校准台账无责任人、无到期提醒。", null));
        capas.planAction(a, new CapaCommands.PlanAction("建立计量器具台账并指定责任人，每月核对到期日。", depthead,
                today.plusDays(14), null));

        Long customerId = customers.lookUp("江苏恒顺食品有限公司", 1).stream().findFirst().map(CustomerCard::id).orElse(null);
        Detail closed = capas.openManually(new CapaCommands.Open(CapaSources.INSPECTION, null, "JY-2026-0112",
                "出货检验发现包装线封口温度漂移，部分包装袋封口不严。", customerId, engineering, true));
        long c = closed.id();
        capas.addTeamMember(c, new CapaCommands.AddTeamMember("陈志强", "组长（维修工程部）", null));
        capas.addTeamMember(c, new CapaCommands.AddTeamMember("周卫东", "品管", null));
        capas.containment(c, new CapaCommands.Contain("当班产品全部复检，不良品隔离返工。", null));
        capas.rootCause(c, new CapaCommands.RootCause(List.of("封口不严", "封口温度低于设定值", "温控器漂移"),
                FishboneCategory.MACHINE, "温控器老化导致温度漂移。", null));
        Detail d = capas.planAction(c, new CapaCommands.PlanAction("更换封口温控器。", teamleader, today, null));
        capas.markActionDone(c, d.actions().get(0).id(), new CapaCommands.ActionDone("新温控器安装及试机记录。", null));
        capas.startVerification(c, null);
        capas.checkEffectiveness(c, new CapaCommands.CheckEffectiveness(false, "两周后再次出现封口温度漂移。", null));
        capas.rootCause(c, new CapaCommands.RootCause(List.of("更换温控器后仍漂移", "热电偶安装松动", "无点检项目"),
                FishboneCategory.METHOD, "热电偶固定方式不当且未纳入日常点检。", null));
        d = capas.planAction(c, new CapaCommands.PlanAction("改进热电偶固定方式并纳入每班点检表。", teamleader, today, null));
        capas.markActionDone(c, d.actions().get(1).id(), new CapaCommands.ActionDone("改进后固定件照片及点检表。", null));
        capas.startVerification(c, null);
        capas.checkEffectiveness(c, new CapaCommands.CheckEffectiveness(true, "连续30天封口温度稳定，出货检验无不良。", null));
        capas.close(c, new CapaCommands.Close("点检表纳入设备保养规程；同类包装线全部横向展开。", null));
    }

    private Long id(String sql) {
        return jdbc.sql(sql).query(Long.class).optional().orElse(null);
    }
}
