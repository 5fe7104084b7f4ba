package com.careloop.callback.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;

import com.careloop.callback.CallbackMethod;
import com.careloop.callback.CallbackViews.GroupBy;
import com.careloop.callback.CallbackViews.StatsRow;
import com.careloop.callback.FollowUp;
import com.careloop.callback.PlanKind;
import com.careloop.callback.TaskStatus;
import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Satisfaction;
import com.careloop.platform.calendar.BusinessCalendar;
import com.careloop.platform.calendar.ChineseHolidays2026;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The callback rules with exact values on the 2026 Chinese calendar (holidays and make-up workdays). */
class CallbackRulesTest {

    static final BusinessCalendar CAL = ChineseHolidays2026.calendar();
    static final Instant NOW = Instant.parse("2026-12-02T02:00:00Z");

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Nested
    class DueDates {

        @ParameterizedTest(name = "{0} + {1} days -> {2}")
        @CsvSource({
                "2026-12-01, 7, 2026-12-08",   // Tuesday -> Tuesday
                "2026-12-05, 7, 2026-12-14",   // Saturday + 7 = Saturday -> Monday
                "2026-09-24, 7, 2026-10-08",   // lands on National Day (1-7 Oct) -> the 8th
                "2026-02-07, 7, 2026-02-14",   // a Saturday that is a make-up workday stays
                "2026-12-02, 3, 2026-12-07",   // complaint closed on Wednesday + 3 = Saturday -> Monday
                "2026-12-02, 0, 2026-12-02"})
        void daysAfterMoveToTheNextWorkingDay(LocalDate base, int days, LocalDate expected) {
            assertThat(CallbackRules.dueAfter(base, days, CAL)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "warranty ends {0}, {1} days before, today {2} -> {3}")
        @CsvSource({
                "2026-12-31, 30, 2026-11-01, 2026-12-01",  // Tuesday, a working day
                "2026-11-05, 30, 2026-09-01, 2026-09-30",  // 6 Oct is a holiday -> back to the last working day, 30 Sep
                "2026-12-20, 30, 2026-12-02, 2026-12-02",  // found late: at once
                "2026-12-20, 30, 2026-12-05, 2026-12-07"}) // found late on a Saturday: the Monday
        void daysBeforeTheWarrantyEnds(LocalDate end, int days, LocalDate today, LocalDate expected) {
            assertThat(CallbackRules.dueBeforeWarrantyEnd(end, days, today, CAL)).isEqualTo(expected);
        }

        @ParameterizedTest(name = "not reached on {0} -> next try {1}")
        @CsvSource({
                "2026-12-02, 2026-12-03",
                "2026-12-04, 2026-12-07",   // Friday -> Monday
                "2026-09-30, 2026-10-08",   // before National Day
                "2026-10-09, 2026-10-10"})  // Saturday 10 Oct is a make-up workday
        void theNextTryIsTheNextWorkingDay(LocalDate today, LocalDate expected) {
            assertThat(CallbackRules.nextTry(today, CAL)).isEqualTo(expected);
        }

        @Test
        void halfYears() {
            assertThat(CallbackRules.halfYear(d("2026-01-01"))).isEqualTo("2026-H1");
            assertThat(CallbackRules.halfYear(d("2026-06-30"))).isEqualTo("2026-H1");
            assertThat(CallbackRules.halfYear(d("2026-07-01"))).isEqualTo("2026-H2");
            assertThat(CallbackRules.halfYear(d("2026-12-31"))).isEqualTo("2026-H2");
        }

        @Test
        void theSourceKeyNamesKindSourceAndHalfYear() {
            assertThat(CallbackRules.sourceKey("SALE", "PURCHASE", 12, null)).isEqualTo("SALE|PURCHASE|12");
            assertThat(CallbackRules.sourceKey("KEY_CUSTOMER_SAMPLE", "CUSTOMER", 7, "2026-H2"))
                    .isEqualTo("KEY_CUSTOMER_SAMPLE|CUSTOMER|7|2026-H2");
        }
    }

    @Nested
    class KeyCustomerSample {

        @ParameterizedTest(name = "{0} key customers -> {1}")
        @CsvSource({"0, 0", "1, 1", "9, 1", "10, 1", "11, 2", "95, 10", "100, 10", "101, 11"})
        void theSampleIsTenPercentRoundedUp(int keyCustomers, int expected) {
            assertThat(CallbackRules.sampleSize(keyCustomers)).isEqualTo(expected);
        }

        @Test
        void theSeededDrawIsReproducibleWhateverTheOrderOfTheCandidates() {
            List<Long> keys = LongStream.rangeClosed(1, 95).boxed().toList();
            List<Long> shuffled = new ArrayList<>(keys);
            Collections.reverse(shuffled);
            List<Long> first = CallbackRules.draw(keys, Set.of(), 10, 20262L);
            assertThat(first).hasSize(10).doesNotHaveDuplicates().allMatch(id -> id >= 1 && id <= 95);
            assertThat(CallbackRules.draw(shuffled, Set.of(), 10, 20262L)).isEqualTo(first);
            assertThat(CallbackRules.draw(keys, Set.of(), 10, 20262L)).isEqualTo(first);
            assertThat(CallbackRules.draw(keys, Set.of(), 10, 20263L)).isNotEqualTo(first);
        }

        @Test
        void theDrawExcludesCustomersAlreadyDrawnThisHalfYear() {
            List<Long> keys = LongStream.rangeClosed(1, 11).boxed().toList();
            Set<Long> drawn = Set.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
            List<Long> more = CallbackRules.draw(keys, drawn, 5, 42L);
            assertThat(more).containsExactlyInAnyOrder(10L, 11L);
            assertThat(CallbackRules.draw(keys, Set.copyOf(keys), 3, 42L)).isEmpty();
        }

        @Test
        void onlyTheMissingPartOfTheSampleIsDrawnAgain() {
            assertThat(CallbackRules.stillToDraw(11, 0)).isEqualTo(2);
            assertThat(CallbackRules.stillToDraw(11, 1)).isEqualTo(1);
            assertThat(CallbackRules.stillToDraw(11, 2)).isZero();
            assertThat(CallbackRules.stillToDraw(9, 2)).isZero();
        }
    }

    @Nested
    class TaskLifecycle {

        CallbackTask task(String sourceType, int maxAttempts) {
            var origin = new CallbackTask.Origin(1, PlanKind.SERVICE_COMPLETED, 1, "k", sourceType, 5L, "BS2026-000005",
                    "after close", 9L, "张三", "KH0009", false);
            return CallbackTask.create("HF2026-000001", origin, d("2026-12-02"), 3L, "客服", CallbackMethod.PHONE,
                    "问题一\n问题二", maxAttempts, "frontdesk", NOW);
        }

        @Test
        void notReachedRetriesOnTheNextWorkingDayUntilUnreachable() {
            CallbackTask t = task("SERVICE_REQUEST", 3);
            t.notReached("无人接听", d("2026-12-03"), "frontdesk", NOW);
            assertThat(t.getStatus()).isEqualTo(TaskStatus.OPEN);
            assertThat(t.getAttempts()).isEqualTo(1);
            assertThat(t.getDueDate()).isEqualTo(d("2026-12-03"));
            assertThat(t.getPlannedDue()).isEqualTo(d("2026-12-02"));
            t.notReached(null, d("2026-12-04"), "frontdesk", NOW);
            assertThat(t.getStatus()).isEqualTo(TaskStatus.OPEN);
            assertThat(t.getAttempts()).isEqualTo(2);
            t.notReached("关机", d("2026-12-07"), "frontdesk", NOW);
            assertThat(t.getStatus()).isEqualTo(TaskStatus.UNREACHABLE);
            assertThat(t.getAttempts()).isEqualTo(3);
            assertThat(t.getEvents()).extracting(CallbackTaskEvent::getKind)
                    .containsExactly("CREATED", "NOT_REACHED", "NOT_REACHED", "UNREACHABLE");
            assertThatThrownBy(() -> t.notReached(null, d("2026-12-08"), "frontdesk", NOW))
                    .isInstanceOf(DomainException.class).hasMessageContaining("UNREACHABLE");
            assertThatThrownBy(() -> t.complete(Satisfaction.SATISFIED, null, null, null, "frontdesk", NOW))
                    .isInstanceOf(DomainException.class).hasMessageContaining("UNREACHABLE");
        }

        @Test
        void aCallbackOnTheRequestPageCompletesTheOpenTaskForTheAgentWhoMadeIt() {
            java.time.Clock clock = java.time.Clock.fixed(java.time.Instant.parse("2026-12-03T02:30:00Z"),
                    java.time.ZoneId.of("Asia/Shanghai"));
            java.time.Instant now = java.time.Instant.now(clock);
            CallbackTask t = task("SERVICE_REQUEST", 3);
            t.recordFromRequestPage(Satisfaction.NEUTRAL, " 一般 ", FollowUp.REOPEN_REQUEST, 2, 4L, "李明", "supervisor", now);
            assertThat(t.getStatus()).isEqualTo(TaskStatus.DONE);
            assertThat(t.getAttempts()).isEqualTo(1);
            assertThat(t.getSatisfaction()).isEqualTo(Satisfaction.NEUTRAL);
            assertThat(t.getNotes()).isEqualTo("一般");
            assertThat(t.getFollowUp()).as("neutral needs no follow-up").isNull();
            assertThat(t.getAssigneeName()).as("counted for the agent who called").isEqualTo("李明");
            assertThat(t.getCoversRound()).isEqualTo(2);
            assertThat(t.getCompletedAt()).isEqualTo(now);
            assertThat(t.getEvents()).extracting(CallbackTaskEvent::getKind).containsExactly("CREATED", "RECORDED_ON_REQUEST");
            assertThatThrownBy(() -> t.recordFromRequestPage(Satisfaction.SATISFIED, null, null, 2, 4L, "李明",
                    "supervisor", now)).isInstanceOf(DomainException.class).hasMessageContaining("DONE");
        }

        @Test
        void aDissatisfiedCallbackOnTheRequestPageKeepsTheFollowUpItHadThere() {
            CallbackTask t = task("SERVICE_REQUEST", 3);
            t.recordFromRequestPage(Satisfaction.VERY_DISSATISFIED, "仍漏水", FollowUp.REOPEN_REQUEST, 1, 4L, "李明",
                    "supervisor", NOW);
            assertThat(t.getFollowUp()).isEqualTo(FollowUp.REOPEN_REQUEST);
            assertThat(t.getSatisfaction().score()).isEqualTo(1);
        }

        @Test
        void onlyAServiceRequestsTaskTakesTheRequestPagesCallback() {
            CallbackTask t = task("COMPLAINT", 3);
            assertThatThrownBy(() -> t.recordFromRequestPage(Satisfaction.SATISFIED, null, null, 1, 4L, "李明",
                    "supervisor", NOW)).isInstanceOf(IllegalStateException.class);
            assertThat(t.getStatus()).isEqualTo(TaskStatus.OPEN);
        }

        @Test
        void oneAllowedAttemptMakesTheFirstMissUnreachable() {
            CallbackTask t = task("SERVICE_REQUEST", 1);
            t.notReached(null, d("2026-12-03"), "frontdesk", NOW);
            assertThat(t.getStatus()).isEqualTo(TaskStatus.UNREACHABLE);
        }

        @Test
        void anUnsatisfiedOutcomeNeedsAFollowUp() {
            CallbackTask t = task("SERVICE_REQUEST", 3);
            assertThatThrownBy(() -> t.complete(Satisfaction.DISSATISFIED, null, "慢", null, "frontdesk", NOW))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("followUp"));
            assertThat(t.getStatus()).isEqualTo(TaskStatus.OPEN);
            t.complete(Satisfaction.VERY_DISSATISFIED, "[]", "慢", FollowUp.REOPEN_REQUEST, "frontdesk", NOW);
            assertThat(t.getStatus()).isEqualTo(TaskStatus.DONE);
            assertThat(t.getAttempts()).isEqualTo(1);
            assertThat(t.getFollowUp()).isEqualTo(FollowUp.REOPEN_REQUEST);
        }

        @Test
        void onlyARequestsCallbackCanReopenIt() {
            CallbackTask t = task("PURCHASE", 3);
            assertThatThrownBy(() -> t.complete(Satisfaction.DISSATISFIED, null, null, FollowUp.REOPEN_REQUEST, "x", NOW))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.rule()).isEqualTo("source"));
            t.complete(Satisfaction.NEUTRAL, null, null, null, "x", NOW);
            assertThat(t.getStatus()).isEqualTo(TaskStatus.DONE);
        }

        @Test
        void aCancelNeedsAReasonAndEndsTheTask() {
            CallbackTask t = task("SERVICE_REQUEST", 3);
            assertThatThrownBy(() -> t.cancel(" ", "x", NOW)).isInstanceOf(InvalidInputException.class);
            t.cancel("客户已搬离", "x", NOW);
            assertThat(t.getStatus()).isEqualTo(TaskStatus.CANCELLED);
            assertThatThrownBy(() -> t.cancel("again", "x", NOW)).isInstanceOf(DomainException.class);
        }
    }

    @Nested
    class Statistics {

        static CallbackStatistics.Input in(PlanKind plan, String agent, String due, TaskStatus status, int attempts,
                                           Satisfaction s) {
            return new CallbackStatistics.Input(plan, agent, d(due), status, attempts, s);
        }

        @Test
        void coverageIsDoneOverDueAndReachRateIsReachedOverAttempted() {
            assertThat(CallbackStatistics.coverage(3, 4)).isEqualTo(0.75);
            assertThat(CallbackStatistics.coverage(0, 0)).isNull();
            assertThat(CallbackStatistics.reachRate(2, 3)).isCloseTo(2.0 / 3, within(1e-12));
            assertThat(CallbackStatistics.reachRate(0, 0)).isNull();
        }

        @Test
        void rowsPerPlanWithTheTotalFirst() {
            List<CallbackStatistics.Input> inputs = List.of(
                    in(PlanKind.SALE, "李丽", "2026-11-03", TaskStatus.DONE, 1, Satisfaction.SATISFIED),
                    in(PlanKind.SALE, "李丽", "2026-11-04", TaskStatus.DONE, 2, Satisfaction.DISSATISFIED),
                    in(PlanKind.SALE, "王强", "2026-12-01", TaskStatus.UNREACHABLE, 3, null),
                    in(PlanKind.SERVICE_COMPLETED, "王强", "2026-12-02", TaskStatus.OPEN, 0, null));
            List<StatsRow> rows = CallbackStatistics.compute(inputs, GroupBy.PLAN);
            assertThat(rows).extracting(StatsRow::key).containsExactly(null, "SALE", "SERVICE_COMPLETED");
            StatsRow total = rows.get(0);
            assertThat(total.due()).isEqualTo(4);
            assertThat(total.done()).isEqualTo(2);
            assertThat(total.coverage()).isEqualTo(0.5);
            assertThat(total.attempted()).isEqualTo(3);
            assertThat(total.reached()).isEqualTo(2);
            assertThat(total.reachRate()).isCloseTo(2.0 / 3, within(1e-12));
            assertThat(total.satisfaction().get(Satisfaction.SATISFIED)).isEqualTo(1);
            assertThat(total.satisfaction().get(Satisfaction.DISSATISFIED)).isEqualTo(1);
            assertThat(total.satisfaction().get(Satisfaction.VERY_SATISFIED)).isZero();
            assertThat(total.averageScore()).isEqualTo(3.0);
            StatsRow sale = rows.get(1);
            assertThat(sale.due()).isEqualTo(3);
            assertThat(sale.coverage()).isCloseTo(2.0 / 3, within(1e-12));
            assertThat(sale.reachRate()).isCloseTo(2.0 / 3, within(1e-12));
            StatsRow service = rows.get(2);
            assertThat(service.coverage()).isEqualTo(0.0);
            assertThat(service.reachRate()).isNull();
            assertThat(service.averageScore()).isNull();

            assertThat(CallbackStatistics.compute(inputs, GroupBy.MONTH)).extracting(StatsRow::key)
                    .containsExactly(null, "2026-11", "2026-12");
            List<StatsRow> byAgent = CallbackStatistics.compute(inputs, GroupBy.AGENT);
            assertThat(byAgent).extracting(StatsRow::key).containsExactly(null, "李丽", "王强");
            assertThat(byAgent.get(1).coverage()).isEqualTo(1.0);
            assertThat(byAgent.get(2).reachRate()).isEqualTo(0.0);
        }

        @Test
        void countedGroupsFromTheDatabaseGiveTheSameRowsAsTheTasksOneByOne() {
            var satisfied = in(PlanKind.SALE, "李丽", "2026-11-03", TaskStatus.DONE, 1, Satisfaction.SATISFIED);
            var unreached = in(PlanKind.SALE, "王强", "2026-12-01", TaskStatus.UNREACHABLE, 3, null);
            var open = in(PlanKind.SERVICE_COMPLETED, "王强", "2026-12-02", TaskStatus.OPEN, 0, null);
            List<CallbackStatistics.Input> oneByOne = List.of(satisfied, satisfied, satisfied, unreached, unreached, open);
            List<CallbackStatistics.Input> counted = List.of(counted(satisfied, 3), counted(unreached, 2), open);
            for (GroupBy by : GroupBy.values()) {
                assertThat(CallbackStatistics.compute(counted, by)).as(by.name())
                        .isEqualTo(CallbackStatistics.compute(oneByOne, by));
            }
            StatsRow total = CallbackStatistics.compute(counted, GroupBy.PLAN).get(0);
            assertThat(total.due()).isEqualTo(6);
            assertThat(total.done()).isEqualTo(3);
            assertThat(total.attempted()).isEqualTo(5);
            assertThat(total.satisfaction().get(Satisfaction.SATISFIED)).isEqualTo(3);
        }

        static CallbackStatistics.Input counted(CallbackStatistics.Input one, long count) {
            return new CallbackStatistics.Input(one.plan(), one.agent(), one.plannedDue(), one.status(), one.attempts(),
                    one.satisfaction(), count);
        }
    }
}
