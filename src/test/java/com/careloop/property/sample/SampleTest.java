package com.careloop.property.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.property.SampleStatus;

import org.junit.jupiter.api.Test;

/** The sample's rounds and states with a fixed clock (company day 2026-12-05, Asia/Shanghai). */
class SampleTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-05T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    static final LocalDate TODAY = LocalDate.now(CLOCK);
    static final Instant NOW = Instant.now(CLOCK);

    final AtomicInteger numbers = new AtomicInteger();

    Sample.Notice notice(BigDecimal quantity, LocalDate requiredOn) {
        return new Sample.Notice(1L, "江苏恒顺食品", "香醋瓶贴", "80×120", quantity, "张", requiredOn, "ΔE ≤ 2", 7L, "钱晓东", 3L, 4L, 5L);
    }

    Sample sample() {
        return Sample.request(() -> "YP2026-0000" + numbers.incrementAndGet(), notice(BigDecimal.TEN, TODAY), "钱晓东",
                TODAY, NOW);
    }

    Sample made() {
        Sample s = sample();
        s.accept("生产", NOW);
        s.make("120 m/min", TODAY, BigDecimal.TEN, "生产", TODAY, NOW);
        return s;
    }

    String inspect(Sample s, boolean passed) {
        return s.inspect(() -> "YJ2026-0000" + numbers.incrementAndGet(), passed,
                List.of(new Sample.Line("色差", "ΔE ≤ 2", passed ? "1.0" : "3.0", passed)), "周卫东", TODAY,
                passed ? null : "色差超标", "品管", TODAY, NOW);
    }

    @Test
    void aNoticeNeedsAPositiveQuantityAndARequiredDateNotInThePastAndUsesNoNumberOtherwise() {
        assertThatThrownBy(() -> Sample.request(() -> { throw new AssertionError("numbered"); },
                notice(BigDecimal.ZERO, TODAY), "x", TODAY, NOW)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.field()).isEqualTo("quantity"));
        assertThatThrownBy(() -> Sample.request(() -> { throw new AssertionError("numbered"); },
                notice(BigDecimal.ONE, TODAY.minusDays(1)), "x", TODAY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("requiredOn"));
        Sample s = sample();
        assertThat(s.getStatus()).isEqualTo(SampleStatus.REQUESTED);
        assertThat(s.getRoundNo()).isEqualTo(1);
    }

    @Test
    void aFailedInspectionSendsTheSampleBackToProductionAsTheNextRound() {
        Sample s = made();
        String code = inspect(s, false);
        assertThat(s.getStatus()).isEqualTo(SampleStatus.IN_PRODUCTION);
        assertThat(s.getRoundNo()).isEqualTo(2);
        assertThat(s.getRounds().get(0).getInspectionCode()).isEqualTo(code);
        assertThat(s.current().getReason()).contains(code).contains("色差超标");
    }

    @Test
    void onlyAPassedSampleIsDispatched() {
        Sample s = made();
        assertThatThrownBy(() -> s.dispatch(null, BigDecimal.ONE, null, null, null, null, "业务", TODAY, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("sample.not-passed"));
        inspect(s, false);
        assertThatThrownBy(() -> s.dispatch(null, BigDecimal.ONE, null, null, null, null, "业务", TODAY, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("sample.not-passed"));
        s.make("降速", TODAY, BigDecimal.TEN, "生产", TODAY, NOW);
        inspect(s, true);
        s.dispatch(null, BigDecimal.ONE, null, "顺丰", "SF1", null, "业务", TODAY, NOW);
        assertThat(s.getStatus()).isEqualTo(SampleStatus.SENT);
        assertThat(s.current().getReceivedOn()).as("received = inspected by default").isEqualTo(TODAY);
        assertThat(s.current().getSentOn()).isEqualTo(TODAY);
    }

    @Test
    void aRejectionNeedsTheReasonAndOpensTheNextRoundAnApprovalIsSealedOnce() {
        Sample s = made();
        inspect(s, true);
        s.dispatch(null, BigDecimal.ONE, null, null, null, null, "业务", TODAY, NOW);
        assertThatThrownBy(() -> s.confirm(false, " ", null, "PHONE", "业务", TODAY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("note"));
        s.confirm(false, "颜色偏暗", null, "PHONE", "业务", TODAY, NOW);
        assertThat(s.getRoundNo()).isEqualTo(2);
        assertThat(s.getStatus()).isEqualTo(SampleStatus.IN_PRODUCTION);
        assertThat(s.current().getReason()).isEqualTo("颜色偏暗");
        assertThatThrownBy(() -> s.confirm(true, null, null, "PHONE", "业务", TODAY, NOW))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("sample.state"));
        s.make("加深", TODAY, BigDecimal.TEN, "生产", TODAY, NOW);
        inspect(s, true);
        s.dispatch(null, BigDecimal.ONE, null, null, null, null, "业务", TODAY, NOW);
        assertThatThrownBy(() -> s.seal("Q-1", TODAY.plusYears(2), 5L, "业务", TODAY, NOW))
                .isInstanceOf(DomainException.class);
        s.confirm(true, null, null, "LINK", "顾客", TODAY, NOW);
        assertThatThrownBy(() -> s.seal("Q-1", TODAY, 5L, "业务", TODAY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("keepUntil"));
        s.seal("Q-1", TODAY.plusYears(2), 5L, "业务", TODAY, NOW);
        assertThat(s.getStatus()).isEqualTo(SampleStatus.SEALED);
        assertThat(s.getSealedUntil()).isEqualTo(LocalDate.of(2028, 12, 5));
        assertThatThrownBy(() -> s.seal("Q-2", TODAY.plusYears(2), 5L, "业务", TODAY, NOW))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void productionDeclinesOnlyBeforeTheSampleIsMadeWithAReason() {
        Sample s = sample();
        assertThatThrownBy(() -> s.decline(null, "生产", NOW)).isInstanceOf(InvalidInputException.class);
        s.decline("无刀模", "生产", NOW);
        assertThat(s.getStatus()).isEqualTo(SampleStatus.UNABLE);
        assertThatThrownBy(() -> s.accept("生产", NOW)).isInstanceOf(DomainException.class);
        Sample m = made();
        assertThatThrownBy(() -> m.decline("晚了", "生产", NOW)).isInstanceOf(DomainException.class);
    }

    Sample sealed() {
        Sample s = made();
        inspect(s, true);
        s.dispatch(null, BigDecimal.ONE, null, null, null, null, "业务", TODAY, NOW);
        s.confirm(true, null, null, "PHONE", "业务", TODAY, NOW);
        s.seal("Q-1", TODAY.plusDays(20), 5L, "业务", TODAY, NOW);
        return s;
    }

    @Test
    void theKeepingDepartmentExtendsResealsOrDisposesOfASealedSampleAndWhoAndWhenAreRecorded() {
        Sample s = sealed();
        assertThat(s.getKeepingDepartmentId()).isEqualTo(5L);
        assertThatThrownBy(() -> s.extendKeep(TODAY.plusDays(10), null, "品管", TODAY, NOW))
                .as("not later than the present keep-until date")
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("keepUntil");
                    assertThat(e.rule()).isEqualTo("after-current");
                });
        s.extendKeep(TODAY.plusYears(1), "仍在量产", "周卫东", TODAY, NOW);
        assertThat(s.getSealedUntil()).isEqualTo(LocalDate.of(2027, 12, 5));
        assertThat(s.getKeepDecision()).isEqualTo("EXTENDED");
        assertThat(s.getKeepDecidedBy()).isEqualTo("周卫东");
        assertThat(s.getKeepDecidedAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> s.reseal(" ", TODAY.plusYears(2), null, "品管", TODAY, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("location"));
        Instant later = NOW.plusSeconds(3600);
        s.reseal("Q-9", TODAY.plusYears(2), "旧封样褪色", "李品管", TODAY, later);
        assertThat(s.getSealedLocation()).isEqualTo("Q-9");
        assertThat(s.getSealedOn()).isEqualTo(TODAY);
        assertThat(s.getSealedBy()).isEqualTo("李品管");
        assertThat(s.getKeepDecision()).isEqualTo("RESEALED");
        assertThat(s.getKeepDecidedAt()).isEqualTo(later);
        assertThatThrownBy(() -> s.dispose(null, "品管", NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("note"));
        s.dispose("产品停产，封样粉碎处理", "周卫东", later);
        assertThat(s.getStatus()).isEqualTo(SampleStatus.DISPOSED);
        assertThat(s.getKeepDecision()).isEqualTo("DISPOSED");
        assertThat(s.getEvents()).extracting(SampleEvent::getKind).containsSubsequence("SEALED", "KEEP_EXTENDED",
                "RESEALED", "DISPOSED");
        assertThatThrownBy(() -> s.extendKeep(TODAY.plusYears(3), null, "品管", TODAY, NOW))
                .as("a disposed sample takes no decision").isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.code()).isEqualTo("sample.state"));
    }
}
