package com.careloop.capa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.careloop.capa.handling.CapaScan;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scan: an overdue action escalates once to its owner, then once to the quality and CS managers after the
 * configured days; an effectiveness check that falls due is announced once. Re-runs send nothing new.
 */
class CapaScanTest extends ApiTestBase {

    @Autowired
    CorrectiveActions capas;
    @Autowired
    CapaScan scan;
    @Autowired
    JdbcClient jdbc;

    long user(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    long sent(long capaId, String username) {
        return jdbc.sql("""
                select count(*) from notification n join app_user u on u.id = n.recipient_id
                where n.link = :l and u.username = :u""").param("l", "/capa/" + capaId).param("u", username)
                .query(Long.class).single();
    }

    List<String> keys(long capaId) {
        return jdbc.sql("select alert_key from capa_alert where capa_id = :id order by alert_key").param("id", capaId)
                .query(String.class).list();
    }

    @Test
    void anOverdueActionEscalatesOnceToItsOwnerThenOnceToTheManagers() {
        long owner = user("teamleader");
        CapaRef ref = capas.open(new OpenCapa(CapaSources.AUDIT, 0, null, "IA-" + UUID.randomUUID(), "扫描测试", null, null, false));
        capas.rootCause(ref.id(), new CapaCommands.RootCause(List.of("原因"), FishboneCategory.MAN, "培训不足", null));
        LocalDate due = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(2);
        var d = capas.planAction(ref.id(), new CapaCommands.PlanAction("补充培训", owner, due, null));
        long action = d.actions().get(0).id();
        Instant onTheDueDay = due.atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        scan.scan(onTheDueDay);
        assertThat(keys(ref.id())).isEmpty();

        Instant dayAfter = onTheDueDay.plus(Duration.ofDays(1));
        scan.scan(dayAfter);
        scan.scan(dayAfter);
        assertThat(keys(ref.id())).containsExactly("ACTION_OWNER:" + action);
        assertThat(sent(ref.id(), "teamleader")).isEqualTo(1);
        assertThat(sent(ref.id(), "quality")).isZero();

        Instant later = onTheDueDay.plus(Duration.ofDays(4));
        scan.scan(later);
        scan.scan(later.plus(Duration.ofDays(1)));
        assertThat(keys(ref.id())).containsExactly("ACTION_MANAGER:" + action, "ACTION_OWNER:" + action);
        assertThat(sent(ref.id(), "teamleader")).isEqualTo(1);
        assertThat(sent(ref.id(), "quality")).isEqualTo(1);
        assertThat(sent(ref.id(), "manager")).isEqualTo(1);
        assertThat(sent(ref.id(), "staff")).isZero();
    }

    @Test
    void aDoneActionDoesNotEscalateAndTheCheckDueIsAnnouncedOnce() {
        long owner = user("depthead");
        CapaRef ref = capas.open(new OpenCapa(CapaSources.INSPECTION, 0, null, null, "验证到期测试", null, null, false));
        capas.rootCause(ref.id(), new CapaCommands.RootCause(List.of("原因"), FishboneCategory.MACHINE, "设备", null));
        var d = capas.planAction(ref.id(), new CapaCommands.PlanAction("维修", owner, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), null));
        capas.markActionDone(ref.id(), d.actions().get(0).id(), new CapaCommands.ActionDone("维修单", null));
        LocalDate checkDue = capas.summary(ref.id()).effectivenessCheckDue();
        assertThat(checkDue).isEqualTo(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(30));
        Instant dayBefore = checkDue.minusDays(1).atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        scan.scan(dayBefore);
        assertThat(keys(ref.id())).isEmpty();
        Instant onTheDay = dayBefore.plus(Duration.ofDays(1));
        scan.scan(onTheDay);
        scan.scan(onTheDay.plus(Duration.ofDays(3)));
        assertThat(keys(ref.id())).containsExactly("CHECK_DUE:0");
        assertThat(sent(ref.id(), "quality")).isEqualTo(1);
        assertThat(sent(ref.id(), "depthead")).isZero();
    }
}
