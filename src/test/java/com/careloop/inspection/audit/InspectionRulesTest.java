package com.careloop.inspection.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.function.Predicate;

import com.careloop.inspection.ReadinessColour;
import com.careloop.inspection.audit.InspectionRules.Every;
import com.careloop.inspection.audit.InspectionRules.ReplyState;
import com.careloop.inspection.audit.InspectionRules.TaskState;
import com.careloop.platform.InvalidInputException;

import org.junit.jupiter.api.Test;

/** The date rules of readiness, board colours, reply reminders and schedules, on a fixed clock's today. */
class InspectionRulesTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday 2026-12-07 09:00 in Shanghai. */
    static final Clock CLOCK = Clock.fixed(ZonedDateTime.of(2026, 12, 7, 9, 0, 0, 0, SHANGHAI).toInstant(), SHANGHAI);
    /** Weekdays, with a made-up holiday on Wednesday 2026-12-16. */
    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 12, 16));
    static final Predicate<LocalDate> WORKING = d -> d.getDayOfWeek() != DayOfWeek.SATURDAY
            && d.getDayOfWeek() != DayOfWeek.SUNDAY && !HOLIDAYS.contains(d);

    static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    @Test
    void theReadinessCheckIsFiveWorkingDaysBeforeTheAuditSkippingWeekendsAndHolidays() {
        // audit on Friday 18 Dec: Thu 17, (Wed 16 holiday), Tue 15, Mon 14, Fri 11, Thu 10 -> Thu 10
        assertThat(InspectionRules.readinessCheckOn(LocalDate.of(2026, 12, 18), WORKING)).isEqualTo(LocalDate.of(2026, 12, 10));
        // audit on Monday 14 Dec: Fri 11, Thu 10, Wed 9, Tue 8, Mon 7 -> today
        assertThat(InspectionRules.readinessCheckOn(LocalDate.of(2026, 12, 14), WORKING)).isEqualTo(today());
        // a gap's default deadline is the last working day before the audit
        assertThat(InspectionRules.gapDueOn(LocalDate.of(2026, 12, 14), WORKING)).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(InspectionRules.gapDueOn(LocalDate.of(2026, 12, 17), WORKING)).isEqualTo(LocalDate.of(2026, 12, 15));
    }

    TaskState task(int marked, boolean checked, long open, long overdue, LocalDate auditDate) {
        return new TaskState(3, marked, checked, open, overdue, InspectionRules.readinessCheckOn(auditDate, WORKING), auditDate);
    }

    @Test
    void boardColoursFollowTheStateOfTheDepartmentOnTheClocksToday() {
        LocalDate farAudit = LocalDate.of(2026, 12, 18);
        // checked, nothing open: green
        assertThat(InspectionRules.colour(task(3, true, 0, 0, farAudit), today(), WORKING)).isEqualTo(ReadinessColour.GREEN);
        // checked, gaps with findings open and due before the audit: amber
        assertThat(InspectionRules.colour(task(3, true, 2, 0, farAudit), today(), WORKING)).isEqualTo(ReadinessColour.AMBER);
        // being prepared in time: amber
        assertThat(InspectionRules.colour(task(1, false, 0, 0, farAudit), today(), WORKING)).isEqualTo(ReadinessColour.AMBER);
        assertThat(InspectionRules.colour(task(0, false, 0, 0, farAudit), today(), WORKING)).isEqualTo(ReadinessColour.AMBER);
        // a gap finding overdue: red
        assertThat(InspectionRules.colour(task(3, true, 1, 1, farAudit), today(), WORKING)).isEqualTo(ReadinessColour.RED);
        // not checked after its check date: red (audit Mon 14 -> check on Mon 7; on Tue 8 it is late)
        assertThat(InspectionRules.colour(task(2, false, 0, 0, LocalDate.of(2026, 12, 14)), today().plusDays(1), WORKING))
                .isEqualTo(ReadinessColour.RED);
        // nothing marked within 2 working days of the audit: red (audit Wed 9 -> 2 working days before is Mon 7)
        LocalDate soon = LocalDate.of(2026, 12, 9);
        assertThat(InspectionRules.colour(new TaskState(3, 0, false, 0, 0, today().plusDays(5), soon), today(), WORKING))
                .isEqualTo(ReadinessColour.RED);
        assertThat(InspectionRules.colour(new TaskState(3, 0, false, 0, 0, today().plusDays(5), soon), today().minusDays(3),
                WORKING)).isEqualTo(ReadinessColour.AMBER);
    }

    @Test
    void theReplyRemindersComeAtEightyPercentOfTheWindowAndOnTheDay() {
        LocalDate from = today();
        LocalDate due = from.plusDays(10);
        assertThat(InspectionRules.earlyReminderOn(from, due)).isEqualTo(from.plusDays(8));
        assertThat(InspectionRules.earlyReminderOn(from, from.plusDays(3))).isEqualTo(from.plusDays(3)); // ceil(2.4)
        assertThat(InspectionRules.earlyReminderOn(from, from)).isEqualTo(from);
        assertThat(InspectionRules.replyState(from, due, null, from.plusDays(7))).isEqualTo(ReplyState.NONE);
        assertThat(InspectionRules.replyState(from, due, null, from.plusDays(8))).isEqualTo(ReplyState.EARLY_REMINDER);
        assertThat(InspectionRules.replyState(from, due, null, due)).isEqualTo(ReplyState.DUE_TODAY);
        assertThat(InspectionRules.replyState(from, due, null, due.plusDays(1))).isEqualTo(ReplyState.OVERDUE);
        assertThat(InspectionRules.replyState(from, due, due.plusDays(1), due.plusDays(3))).isEqualTo(ReplyState.REPLIED);
        assertThat(InspectionRules.replyState(from, null, null, due)).isEqualTo(ReplyState.NONE);
    }

    @Test
    void aScheduleGeneratesTheDatesWithinItsDaysAheadWithoutMonthDrift() {
        LocalDate until = today().plusDays(30);
        assertThat(InspectionRules.datesUntil(today().plusDays(1), 1, Every.WEEKS, until)).containsExactly(
                LocalDate.of(2026, 12, 8), LocalDate.of(2026, 12, 15), LocalDate.of(2026, 12, 22), LocalDate.of(2026, 12, 29),
                LocalDate.of(2027, 1, 5));
        assertThat(InspectionRules.datesUntil(LocalDate.of(2027, 1, 31), 1, Every.MONTHS, LocalDate.of(2027, 4, 30)))
                .containsExactly(LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31), LocalDate.of(2027, 4, 30));
        assertThat(InspectionRules.datesUntil(today().plusDays(40), 12, Every.MONTHS, until)).isEmpty();
        assertThat(InspectionRules.occurrence(LocalDate.of(2027, 1, 31), 1, Every.MONTHS, 3)).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThatThrownBy(() -> InspectionRules.every("DAYS")).isInstanceOf(InvalidInputException.class)
                .extracting("field").isEqualTo("unit");
    }

    @Test
    void everyReadyTemplateHasItsSectionsAndItemsInTraditionalChineseAndEnglish() {
        for (var t : ReadyTemplates.all()) {
            for (var section : t.sections()) {
                assertThat(section.titleZhTw()).as(t.code() + " " + section.titleZhCn()).isNotBlank();
                assertThat(section.titleEn()).as(t.code() + " " + section.titleZhCn()).isNotBlank();
                for (var item : section.items()) {
                    assertThat(item.textZhTw()).as(t.code() + " " + item.textZhCn()).isNotBlank();
                    assertThat(item.textEn()).as(t.code() + " " + item.textZhCn()).isNotBlank();
                }
            }
        }
    }

    @Test
    void aReadinessTaskIsRemindedTwoDaysBeforeItsCheckDate() {
        assertThat(InspectionRules.readinessReminderOn(LocalDate.of(2026, 12, 10))).isEqualTo(LocalDate.of(2026, 12, 8));
        assertThat(InspectionRules.readinessReminderOn(LocalDate.of(2026, 3, 1))).isEqualTo(LocalDate.of(2026, 2, 27));
    }

    @Test
    void anImprovementReportIsNamedByItsReplyDateOnce() {
        LocalDate on = LocalDate.of(2026, 12, 6);
        assertThat(InspectionRules.improvementReportName(on, "改善报告.pdf")).isEqualTo("2026-12-06 改善报告.pdf");
        assertThat(InspectionRules.improvementReportName(on, "2026-12-06_改善报告.pdf")).isEqualTo("2026-12-06 改善报告.pdf");
        assertThat(InspectionRules.improvementReportName(on, "2026-12-05 改善报告.pdf"))
                .isEqualTo("2026-12-06 2026-12-05 改善报告.pdf");
        assertThat(InspectionRules.improvementReportName(on, " ")).isEqualTo("2026-12-06 improvement-report");
    }
}
