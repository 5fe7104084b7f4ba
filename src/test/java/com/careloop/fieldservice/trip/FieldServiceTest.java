package com.careloop.fieldservice.trip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import com.careloop.fieldservice.FieldServiceStatus;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.api.Test;

/** The rules of a field service as the procedure states them, with a fixed clock. */
class FieldServiceTest {

    final Clock clock = Clock.fixed(Instant.parse("2026-12-07T02:00:00Z"), ZoneOffset.UTC);
    final Instant now = Instant.now(clock);
    final LocalDate today = LocalDate.of(2026, 12, 7);

    FieldService planned() {
        FieldService f = FieldService.plan("XC2026-00001",
                new FieldService.Request(1, "BS2026-000001", 7L, "恒顺", "INSTALLATION_COMMISSIONING", "安装调试"),
                new FieldService.Plan("3号车间", "马工", "0511", today, today, today.plusDays(2), today.plusDays(3),
                        "商务车", "计划"),
                new FieldService.Assignment(new TeamMember.Person(10, "陈志强", 1L, "工程部"), "负责", today),
                List.of(new FieldService.Assignment(new TeamMember.Person(11, "刘大伟", 2L, "生产部"), "安装", today),
                        new FieldService.Assignment(new TeamMember.Person(12, "周卫东", 3L, "品管部"), "测量", today)),
                List.of(new FieldService.ToolLine("万用表", true, null)),
                List.of(new FieldService.PartLine("加热片", new BigDecimal("4"), "片")),
                List.of("PPE", "HELMET", "COURTESY"), 1L, "王丽华", now);
        // ids as the database would give them
        long id = 100;
        for (TeamMember m : f.getTeam()) {
            set(m, "id", id++);
        }
        set(f.getParts().get(0), "id", 200L);
        return f;
    }

    static void set(Object target, String name, Object value) {
        try {
            Field field = target.getClass().getDeclaredField(name);
            field.setAccessible(true);
            field.set(target, value);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    FieldService onSite() {
        FieldService f = planned();
        f.departureException("紧急抢修", "王丽华", now);
        f.depart(now.minus(Duration.ofHours(6)), now);
        f.arrive(now.minus(Duration.ofHours(4)), now);
        return f;
    }

    @Test
    void departureIsRefusedUntilTheBriefingIsAcknowledgedByEveryMemberAndTheChecklistIsComplete() {
        FieldService f = planned();
        assertThatThrownBy(() -> f.depart(null, now)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("fieldservice.briefing-missing");
        f.brief("保安部 韩队长", "高处作业", List.of(10L, 11L), now);
        f.checklist(List.of("PPE", "HELMET", "COURTESY"), "王丽华", now);
        assertThatThrownBy(() -> f.depart(null, now)).as("one member has not signed the briefing")
                .isInstanceOf(DomainException.class);
        f.acknowledge(12L, now);
        f.checklist(List.of("PPE", "HELMET"), "王丽华", now);
        assertThatThrownBy(() -> f.depart(null, now)).as("the checklist lost an item").isInstanceOf(DomainException.class);
        f.checklist(List.of("PPE", "HELMET", "COURTESY"), "王丽华", now);
        f.depart(null, now);
        assertThat(f.getStatus()).isEqualTo(FieldServiceStatus.DEPARTED);
        assertThat(f.getDepartedAt()).isEqualTo(now);
    }

    @Test
    void aStepRefusedInTheWrongStatusIsNamedByAMessageInEveryLanguageNotByACode() throws Exception {
        FieldService f = onSite();
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> f.brief("韩队长", "高处作业",
                List.of(10L), now));
        com.careloop.platform.Text text = ((DomainException) refused).text();
        assertThat(text.code()).isEqualTo("error.fieldservice.state");
        assertThat(text.args().get(1)).isEqualTo(new com.careloop.platform.Text.Arg.Message(
                com.careloop.platform.Text.of("fieldservice.step.brief")));
        for (String bundle : new String[] {"", "_zh_TW", "_en"}) {
            java.util.Properties p = new java.util.Properties();
            try (var in = getClass().getResourceAsStream("/messages/fieldservice" + bundle + ".properties")) {
                p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(p.getProperty("fieldservice.step.brief")).as(bundle).isNotBlank();
        }
    }

    @Test
    void aManagersExceptionWithAReasonLetsTheTeamDepartWithoutTheBriefing() {
        FieldService f = planned();
        assertThatThrownBy(() -> f.departureException(" ", "王丽华", now)).isInstanceOf(InvalidInputException.class);
        f.departureException("顾客停产抢修，交底在途中电话进行", "王丽华", now);
        f.depart(null, now);
        assertThat(f.getStatus()).isEqualTo(FieldServiceStatus.DEPARTED);
    }

    @Test
    void anUnknownChecklistItemAndAnAcknowledgementByANonMemberAreRefused() {
        FieldService f = planned();
        assertThatThrownBy(() -> f.checklist(List.of("PPE", "SWIM"), "x", now)).isInstanceOf(InvalidInputException.class);
        f.brief("韩队长", "安全", List.of(), now);
        assertThatThrownBy(() -> f.acknowledge(99L, now)).isInstanceOf(DomainException.class);
    }

    @Test
    void hoursMustEndAfterTheyStartAndNeverOverlapTheSameMembersHours() {
        FieldService f = onSite();
        Instant eight = now.minus(Duration.ofHours(10));
        f.hours(100, eight, eight.plus(Duration.ofHours(3)), null, now);
        assertThatThrownBy(() -> f.hours(100, eight.plus(Duration.ofHours(3)), eight.plus(Duration.ofHours(2)), null,
                now)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("to");
        assertThatThrownBy(() -> f.hours(100, eight.plus(Duration.ofHours(2)), eight.plus(Duration.ofHours(4)), null,
                now)).as("overlaps 8–11").isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).rule()).isEqualTo("overlap");
        f.hours(100, eight.plus(Duration.ofHours(3)), eight.plus(Duration.ofHours(5)), null, now);
        f.hours(101, eight, eight.plus(Duration.ofHours(3)), null, now);
        assertThat(f.getHours()).hasSize(3);
        assertThat(f.getHours().stream().mapToDouble(HoursEntry::hours).sum()).isEqualTo(8.0);
    }

    @Test
    void aPartCannotBeUsedAboveWhatWasIssuedNorNegative() {
        FieldService f = onSite();
        assertThatThrownBy(() -> f.partUsed(200, new BigDecimal("4.5"), now)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).rule()).isEqualTo("max-issued");
        assertThatThrownBy(() -> f.partUsed(200, new BigDecimal("-1"), now)).isInstanceOf(InvalidInputException.class);
        f.partUsed(200, new BigDecimal("4"), now);
        assertThat(f.getParts().get(0).getUsed()).isEqualByComparingTo("4");
    }

    @Test
    void theCustomerCannotSignBeforeTheTeamArrivedAndSignsOnlyOnce() {
        FieldService f = planned();
        assertThatThrownBy(f::requireSignable).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("fieldservice.signed-before-arrival");
        FieldService there = onSite();
        there.customerSigned("XB2026-00001", "马建军", "SATISFIED", null, 5L, now);
        assertThat(there.getStatus()).isEqualTo(FieldServiceStatus.REPORTED);
        assertThat(there.getReportCode()).isEqualTo("XB2026-00001");
        assertThatThrownBy(there::requireSignable).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> there.hours(100, now.minusSeconds(600), now, null, now))
                .as("nothing is recorded on a signed report").isInstanceOf(DomainException.class);
    }

    @Test
    void thePlanRefusesDatesOutOfOrderAndAPersonTwice() {
        assertThatThrownBy(() -> FieldService.plan("X", new FieldService.Request(1, "B", null, null, null, "t"),
                new FieldService.Plan("s", null, null, today, today.minusDays(1), today, today, null, null),
                new FieldService.Assignment(new TeamMember.Person(1, "a", null, null), "t", today), List.of(),
                List.of(), List.of(), List.of(), null, "x", now)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).field()).isEqualTo("onSiteFrom");
        assertThatThrownBy(() -> FieldService.plan("X", new FieldService.Request(1, "B", null, null, null, "t"),
                new FieldService.Plan("s", null, null, today, today, today, today, null, null),
                new FieldService.Assignment(new TeamMember.Person(1, "a", null, null), "t", today),
                List.of(new FieldService.Assignment(new TeamMember.Person(1, "a", null, null), "t2", today)),
                List.of(), List.of(), List.of(), null, "x", now)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void arrivalCannotBeBeforeDeparture() {
        FieldService f = planned();
        f.departureException("r", "m", now);
        f.depart(now.minusSeconds(60), now);
        assertThatThrownBy(() -> f.arrive(now.minusSeconds(120), now)).isInstanceOf(InvalidInputException.class);
        f.arrive(now, now);
        assertThat(f.getStatus()).isEqualTo(FieldServiceStatus.ON_SITE);
    }
}
