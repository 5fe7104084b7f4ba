package com.careloop.capa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The public API other modules use, called as their event listeners do (no signed-in user): open, openOrAttach
 * (same key attaches, a redelivery is a no-op, after CLOSE a new one opens), forSource and summary.
 */
@RecordApplicationEvents
class OpenOrAttachTest extends ApiTestBase {

    @Autowired
    CorrectiveActions capas;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationEvents events;

    static OpenCapa survey(String key, long itemAnswerId) {
        return new OpenCapa(CapaSources.SURVEY_ITEM, itemAnswerId, key, "SV-" + itemAnswerId, "满意度调查：送货及时性得分低",
                null, null, false);
    }

    @Test
    void theSameKeyAttachesARedeliveryChangesNothingAndAfterCloseANewOneOpens() {
        String key = "SURVEY_ITEM:" + UUID.randomUUID() + ":Q3";
        long base = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        CapaRef first = capas.openOrAttach(survey(key, base + 1));
        assertThat(first.attached()).isFalse();
        assertThat(first.code()).matches("CA\\d{4}-\\d{6}");
        CapaRef second = capas.openOrAttach(survey(key, base + 2));
        assertThat(second.attached()).isTrue();
        assertThat(second.id()).isEqualTo(first.id());
        CapaRef again = capas.openOrAttach(survey(key, base + 2));
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(jdbc.sql("select count(*) from capa_source where capa_id = :id").param("id", first.id())
                .query(Long.class).single()).isEqualTo(2);
        assertThat(events.stream(CapaOpened.class).filter(e -> e.capaId() == first.id()).count()).isEqualTo(1);
        assertThat(capas.forSource(CapaSources.SURVEY_ITEM, base + 2)).extracting(CapaSummary::id).containsExactly(first.id());
        assertThat(jdbc.sql("select opened_by_name from capa where id = :id").param("id", first.id())
                .query(String.class).single()).isEqualTo("系统");

        // walk it to CLOSED (as the system) and the same key opens a new CAPA
        closeAsTheSystem(first.id());
        CapaRef fresh = capas.openOrAttach(survey(key, base + 3));
        assertThat(fresh.attached()).isFalse();
        assertThat(fresh.id()).isNotEqualTo(first.id());
        assertThat(capas.summary(fresh.id()).status()).isEqualTo(CapaStatus.OPEN);
    }

    void closeAsTheSystem(long id) {
        long owner = jdbc.sql("select id from app_user where username = 'depthead'").query(Long.class).single();
        capas.rootCause(id, new CapaCommands.RootCause(java.util.List.of("配送排班不足"), FishboneCategory.MAN, "旺季排班不足", null));
        var d = capas.planAction(id, new CapaCommands.PlanAction("增加旺季临时司机", owner, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(3), null));
        long action = d.actions().get(0).id();
        capas.markActionDone(id, action, new CapaCommands.ActionDone("排班表", null));
        assertThat(events.stream(CapaActionsCompleted.class).filter(e -> e.capaId() == id).count()).isEqualTo(1);
        capas.startVerification(id, null);
        capas.checkEffectiveness(id, new CapaCommands.CheckEffectiveness(false, "仍有延误", null));
        assertThat(events.stream(CapaReopened.class).filter(e -> e.capaId() == id)).singleElement()
                .satisfies(e -> {
                    assertThat(e.reason()).isEqualTo("仍有延误");
                    assertThat(e.reopenCount()).isEqualTo(1);
                    assertThat(e.sources()).hasSize(2);
                });
        CapaSummary reopened = capas.summary(id);
        assertThat(reopened.status()).isEqualTo(CapaStatus.ROOT_CAUSE_FOUND);
        assertThat(reopened.effective()).isFalse();
        assertThat(reopened.reopenCount()).isEqualTo(1);
        d = capas.planAction(id, new CapaCommands.PlanAction("签约第二家物流", owner, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(5), null));
        capas.markActionDone(id, d.actions().get(1).id(), new CapaCommands.ActionDone("合同", null));
        capas.startVerification(id, null);
        capas.checkEffectiveness(id, new CapaCommands.CheckEffectiveness(true, "复查得分回升", null));
        assertThat(events.stream(CapaVerified.class).filter(e -> e.capaId() == id).map(CapaVerified::effective))
                .containsExactly(false, true);
        capas.close(id, new CapaCommands.Close("旺季运力预案", null));
        assertThat(events.stream(CapaClosed.class).filter(e -> e.capaId() == id).count()).isEqualTo(1);
        assertThat(capas.summary(id).closedAt()).isNotNull();
    }

    @Test
    void openWithAFirstActionAndForSourceListsEveryCapaOfTheSourceNewestFirst() {
        long complaint = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        long owner = jdbc.sql("select id from app_user where username = 'depthead'").query(Long.class).single();
        CapaRef a = capas.open(new OpenCapa(CapaSources.COMPLAINT, complaint, null, "TS2026-000001", "轴承异响", null, null, true),
                new PlannedAction("更换轴承批次", owner, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(7)));
        CapaRef b = capas.open(new OpenCapa(CapaSources.COMPLAINT, complaint, null, "TS2026-000001", "包装破损", null, null, false));
        assertThat(capas.forSource(CapaSources.COMPLAINT, complaint)).extracting(CapaSummary::id).containsExactly(b.id(), a.id());
        CapaSummary withAction = capas.summary(a.id());
        assertThat(withAction.status()).isEqualTo(CapaStatus.OPEN);
        assertThat(withAction.actionsTotal()).isEqualTo(1);
        assertThat(withAction.actionsDone()).isZero();
        assertThat(withAction.allActionsDone()).isFalse();
        assertThat(withAction.effective()).isNull();
        assertThat(capas.forSource(CapaSources.CALLBACK, complaint)).isEmpty();
    }
}
