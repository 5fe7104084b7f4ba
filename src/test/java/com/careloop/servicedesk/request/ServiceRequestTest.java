package com.careloop.servicedesk.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import com.careloop.platform.DomainException;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Satisfaction;
import com.careloop.platform.calendar.ChineseHolidays2026;
import com.careloop.platform.calendar.TimeUnit;
import com.careloop.servicedesk.Channel;
import com.careloop.servicedesk.PauseReason;
import com.careloop.servicedesk.Priority;
import com.careloop.servicedesk.RequestStatus;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.request.RequestEvent.Kind;
import com.careloop.servicedesk.request.ServiceRequest.Handler;
import com.careloop.servicedesk.request.ServiceRequest.Targets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The procedure and the SLA clock of a service request, exact to the minute on the 2026 business calendar
 * (Mon–Fri 08:30–12:00 and 13:30–17:30, Asia/Shanghai, with the national holidays and make-up workdays).
 */
class ServiceRequestTest {

    static final SlaClock SLA = new SlaClock(ChineseHolidays2026.calendar(), 0.8);
    static final Handler SENIOR = new Handler(7, true);
    static final Handler JUNIOR = new Handler(8, false);

    static Instant at(String local) {
        return OffsetDateTime.parse(local + ":00+08:00").toInstant();
    }

    static ServiceRequest request(String registeredAt, Targets targets, boolean key, boolean callbackRequired) {
        var intake = new ServiceRequest.Intake(1L, "王先生", "KH2026-000001", key, null, null, null, "3-1202",
                RequestType.REPAIR, null, null, callbackRequired, "卫生间漏水", null, Channel.PHONE, Priority.NORMAL, null, null);
        return ServiceRequest.register("BS2026-000001", intake, targets, 1L, "张小燕", SLA, at(registeredAt));
    }

    static ServiceRequest working(String registeredAt, int completion, TimeUnit unit) {
        ServiceRequest r = request(registeredAt, new Targets(24, TimeUnit.CALENDAR_HOURS, completion, unit), false, false);
        r.dispatch(10, SENIOR, null, "frontdesk", at(registeredAt));
        r.start(7, "teamleader", at(registeredAt));
        return r;
    }

    @Nested
    class Deadlines {

        @Test
        void theSeedDefaultsAre24HoursToRespondAnd48ToFinishARepair() {
            ServiceRequest r = request("2026-03-02T10:00", new Targets(24, TimeUnit.CALENDAR_HOURS, 48, TimeUnit.CALENDAR_HOURS),
                    false, false);
            assertThat(r.getResponseDueAt()).isEqualTo(at("2026-03-03T10:00"));
            assertThat(r.getCompletionDueAt()).isEqualTo(at("2026-03-04T10:00"));
        }

        @Test
        void theWarningComesAt80PercentOfTheTarget() {
            ServiceRequest r = request("2026-03-02T10:00", new Targets(24, TimeUnit.CALENDAR_HOURS, 48, TimeUnit.CALENDAR_HOURS),
                    false, false);
            assertThat(r.getResponseWarnAt()).isEqualTo(at("2026-03-03T05:12")); // 19 h 12 min
            assertThat(r.getCompletionWarnAt()).isEqualTo(at("2026-03-04T00:24")); // 38 h 24 min
        }

        @Test
        void workingHoursSkipTheWeekend() {
            // Friday 16:00 + 8 working hours: 1.5 h on Friday, 3.5 h Monday morning, 3 h after lunch.
            ServiceRequest r = request("2026-03-06T16:00", new Targets(8, TimeUnit.WORKING_HOURS, null, null), false, false);
            assertThat(r.getResponseDueAt()).isEqualTo(at("2026-03-09T16:30"));
        }

        @Test
        void workingHoursWarnAt80PercentOfTheWorkingTime() {
            // 80% of 8 working hours = 6 h 24 min: 1.5 h Friday, 3.5 h Monday morning, 1 h 24 min after 13:30.
            ServiceRequest r = request("2026-03-06T16:00", new Targets(8, TimeUnit.WORKING_HOURS, null, null), false, false);
            assertThat(r.getResponseWarnAt()).isEqualTo(at("2026-03-09T14:54"));
        }

        @Test
        void theNationalDayHolidayDoesNotCount() {
            // Wednesday 30 September 15:00 + 4 working hours: 2.5 h that day, 1–7 October off, 1.5 h on the 8th.
            ServiceRequest r = request("2026-09-30T15:00", new Targets(4, TimeUnit.WORKING_HOURS, 1, TimeUnit.WORKING_DAYS),
                    false, false);
            assertThat(r.getResponseDueAt()).isEqualTo(at("2026-10-08T10:00"));
            assertThat(r.getCompletionDueAt()).as("one working day after the day of receipt").isEqualTo(at("2026-10-08T17:30"));
        }

        @Test
        void aMakeUpWorkingDayCounts() {
            // Friday 9 October 16:30 + 2 working hours: 1 h that day, then Saturday 10 October is a make-up workday.
            ServiceRequest r = request("2026-10-09T16:30", new Targets(2, TimeUnit.WORKING_HOURS, null, null), false, false);
            assertThat(r.getResponseDueAt()).isEqualTo(at("2026-10-10T09:30"));
        }

        @Test
        void aPauseAcrossAWeekendMovesACalendarHourDeadlineByItsLength() {
            ServiceRequest r = working("2026-03-06T10:00", 48, TimeUnit.CALENDAR_HOURS);
            assertThat(r.getCompletionDueAt()).isEqualTo(at("2026-03-08T10:00"));
            r.pause(PauseReason.WAITING_CUSTOMER, "业主周末不在家", "teamleader", at("2026-03-06T17:00"));
            r.resume("teamleader", SLA, at("2026-03-09T09:00"));
            // 64 paused hours added
            assertThat(r.getCompletionDueAt()).isEqualTo(at("2026-03-11T02:00"));
            assertThat(r.getResponseDueAt()).as("work had started: the response clock is done").isEqualTo(at("2026-03-07T10:00"));
            assertThat(r.getPauses()).singleElement().satisfies(p -> {
                assertThat(p.getStartedAt()).isEqualTo(at("2026-03-06T17:00"));
                assertThat(p.getEndedAt()).isEqualTo(at("2026-03-09T09:00"));
                assertThat(p.getReason()).isEqualTo(PauseReason.WAITING_CUSTOMER);
            });
        }

        @Test
        void aPauseAcrossAWeekendCostsOnlyTheWorkingTimeItCovered() {
            ServiceRequest r = working("2026-03-06T10:00", 16, TimeUnit.WORKING_HOURS);
            assertThat(r.getCompletionDueAt()).isEqualTo(at("2026-03-10T11:00"));
            r.pause(PauseReason.WAITING_THIRD_PARTY, "等供电局停电检修", "teamleader", at("2026-03-06T17:00"));
            r.resume("teamleader", SLA, at("2026-03-09T09:00"));
            // Friday 17:00–17:30 and Monday 08:30–09:00 were working time: one hour later.
            assertThat(r.getCompletionDueAt()).isEqualTo(at("2026-03-10T12:00"));
        }

        @Test
        void theResponseIsTheFirstStartOfWork() {
            ServiceRequest r = request("2026-03-02T10:00", new Targets(24, TimeUnit.CALENDAR_HOURS, null, null), false, false);
            r.dispatch(10, null, at("2026-03-02T18:00"), "frontdesk", at("2026-03-02T10:05"));
            r.start(7, "staff", at("2026-03-03T10:01"));
            assertThat(r.getRespondedAt()).isEqualTo(at("2026-03-03T10:01"));
            assertThat(r.facts().responseOverdue(at("2026-03-05T00:00"))).isTrue();
            assertThat(r.getAssigneeId()).as("who starts unassigned work takes it").isEqualTo(7L);
        }
    }

    @Nested
    class Procedure {

        final Targets repair = new Targets(24, TimeUnit.CALENDAR_HOURS, 48, TimeUnit.CALENDAR_HOURS);

        @Test
        void everyHopIsOnTheTimelineWithItsInternalDeadline() {
            ServiceRequest r = request("2026-03-02T10:00", repair, false, false);
            r.dispatch(10, null, at("2026-03-02T16:00"), "frontdesk", at("2026-03-02T10:05"));
            r.reassign(SENIOR, at("2026-03-02T15:00"), "孙师傅休假", "depthead", at("2026-03-02T10:30"));
            r.handBack("非本部门职责", "depthead", at("2026-03-02T11:00"));
            assertThat(r.getStatus()).isEqualTo(RequestStatus.REGISTERED);
            assertThat(r.getDepartmentId()).isNull();
            assertThat(r.getEvents()).extracting(RequestEvent::getKind)
                    .containsExactly(Kind.REGISTERED, Kind.DISPATCHED, Kind.REASSIGNED, Kind.HANDED_BACK);
            assertThat(r.getEvents().get(1).getInternalDueAt()).isEqualTo(at("2026-03-02T16:00"));
            assertThat(r.getEvents().get(2).getInternalDueAt()).isEqualTo(at("2026-03-02T15:00"));
            assertThat(r.getEvents().get(2).getAssigneeId()).isEqualTo(7L);
            assertThat(r.getEvents().get(3).getReason()).isEqualTo("非本部门职责");
        }

        @Test
        void aClosedRequestCannotBeDispatched() {
            ServiceRequest r = request("2026-03-02T10:00", repair, false, false);
            r.dispatch(10, SENIOR, null, "frontdesk", at("2026-03-02T10:05"));
            r.start(7, "teamleader", at("2026-03-02T11:00"));
            r.complete("更换角阀", "teamleader", at("2026-03-02T15:00"));
            r.close(2, "supervisor", at("2026-03-02T16:00"));
            assertThatThrownBy(() -> r.dispatch(10, SENIOR, null, "frontdesk", at("2026-03-02T17:00")))
                    .isInstanceOf(DomainException.class).hasMessageContaining("the request is Closed")
                    .satisfies(e -> assertThat(((DomainException) e).details()).containsEntry("status", "CLOSED"));
        }

        @Test
        void aPauseNeedsAReasonAndAnExplanation() {
            ServiceRequest r = working("2026-03-02T10:00", 48, TimeUnit.CALENDAR_HOURS);
            assertThatThrownBy(() -> r.pause(null, "等待", "staff", at("2026-03-02T11:00")))
                    .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("reason");
            assertThatThrownBy(() -> r.pause(PauseReason.WAITING_CUSTOMER, " ", "staff", at("2026-03-02T11:00")))
                    .isInstanceOf(InvalidInputException.class).extracting("field").isEqualTo("note");
            assertThat(r.getStatus()).isEqualTo(RequestStatus.IN_PROGRESS);
        }

        @Test
        void aKeyCustomersRequestNeedsASeniorHandler() {
            ServiceRequest r = request("2026-03-02T10:00", repair, true, false);
            assertThatThrownBy(() -> r.dispatch(10, null, null, "frontdesk", at("2026-03-02T10:05")))
                    .isInstanceOf(DomainException.class);
            assertThatThrownBy(() -> r.dispatch(10, JUNIOR, null, "frontdesk", at("2026-03-02T10:05")))
                    .isInstanceOf(DomainException.class).hasMessageContaining("senior");
            r.dispatch(10, SENIOR, null, "frontdesk", at("2026-03-02T10:05"));
            assertThatThrownBy(() -> r.reassign(JUNIOR, null, null, "depthead", at("2026-03-02T10:10")))
                    .isInstanceOf(DomainException.class).hasMessageContaining("senior");
            assertThat(r.getAssigneeId()).isEqualTo(7L);
        }

        @Test
        void aKeyCustomersRequestClosesOnlyAfterTheSupervisorsSatisfiedCallback() {
            ServiceRequest r = request("2026-03-02T10:00", repair, true, false);
            r.dispatch(10, SENIOR, null, "frontdesk", at("2026-03-02T10:05"));
            r.start(7, "teamleader", at("2026-03-02T10:30"));
            r.complete("更换止水阀", "teamleader", at("2026-03-02T14:00"));
            r.signOff("王先生", at("2026-03-02T14:05"), true, "teamleader", at("2026-03-02T14:06"));
            assertThatThrownBy(() -> r.close(2, "supervisor", at("2026-03-02T15:00")))
                    .isInstanceOf(DomainException.class).hasMessageContaining("supervisor");
            r.callback(Satisfaction.SATISFIED, "满意", 4, false, "frontdesk", at("2026-03-02T16:00"));
            assertThatThrownBy(() -> r.close(2, "supervisor", at("2026-03-02T16:10")))
                    .as("a front-desk callback is not the supervisor's").isInstanceOf(DomainException.class);
        }

        @Test
        void aSupervisorsSatisfiedCallbackLetsAKeyCustomersRequestClose() {
            ServiceRequest r = request("2026-03-02T10:00", repair, true, false);
            r.dispatch(10, SENIOR, null, "frontdesk", at("2026-03-02T10:05"));
            r.start(7, "teamleader", at("2026-03-02T10:30"));
            r.complete("更换止水阀", "teamleader", at("2026-03-02T14:00"));
            r.callback(Satisfaction.SATISFIED, "满意", 2, true, "supervisor", at("2026-03-02T16:00"));
            r.close(2, "supervisor", at("2026-03-02T16:10"));
            assertThat(r.getStatus()).isEqualTo(RequestStatus.CLOSED);
        }

        @Test
        void aNeutralCallbackIsNotTheSatisfiedOneAKeyCustomersCloseWaitsFor() {
            ServiceRequest r = request("2026-03-02T10:00", repair, true, false);
            r.dispatch(10, SENIOR, null, "frontdesk", at("2026-03-02T10:05"));
            r.start(7, "teamleader", at("2026-03-02T10:30"));
            r.complete("更换止水阀", "teamleader", at("2026-03-02T14:00"));
            r.callback(Satisfaction.NEUTRAL, "一般", 2, true, "supervisor", at("2026-03-02T16:00"));
            assertThat(r.getStatus()).as("neutral is not dissatisfied: no re-open").isEqualTo(RequestStatus.CALLED_BACK);
            assertThatThrownBy(() -> r.close(2, "supervisor", at("2026-03-02T16:10")))
                    .isInstanceOf(DomainException.class).hasMessageContaining("satisfied callback");
        }

        @Test
        void aVeryDissatisfiedCallbackReOpensLikeADissatisfiedOne() {
            ServiceRequest r = request("2026-03-02T10:00", repair, false, false);
            r.dispatch(10, SENIOR, null, "frontdesk", at("2026-03-02T10:05"));
            r.start(7, "teamleader", at("2026-03-02T10:30"));
            r.complete("疏通", "teamleader", at("2026-03-02T11:00"));
            assertThat(r.round()).isEqualTo(1);
            r.callback(Satisfaction.VERY_DISSATISFIED, "完全没修好", 2, true, "supervisor", at("2026-03-02T15:00"));
            assertThat(r.getStatus()).isEqualTo(RequestStatus.DISPATCHED);
            assertThat(r.round()).as("the next callback is about the next round of work").isEqualTo(2);
        }

        @Test
        void aCategoryThatRequiresACallbackRefusesCloseWithoutOne() {
            ServiceRequest r = request("2026-03-02T10:00", repair, false, true);
            r.dispatch(10, null, null, "frontdesk", at("2026-03-02T10:05"));
            r.start(7, "staff", at("2026-03-02T10:30"));
            r.complete("电梯复位", "staff", at("2026-03-02T11:00"));
            assertThatThrownBy(() -> r.close(2, "supervisor", at("2026-03-02T12:00")))
                    .isInstanceOf(DomainException.class).hasMessageContaining("callback");
            r.callback(Satisfaction.SATISFIED, null, 4, false, "frontdesk", at("2026-03-02T13:00"));
            r.close(2, "supervisor", at("2026-03-02T13:05"));
            assertThat(r.getStatus()).isEqualTo(RequestStatus.CLOSED);
        }

        @Test
        void anUnsatisfiedCallbackReOpensAndKeepsTheHistory() {
            ServiceRequest r = request("2026-03-02T10:00", repair, false, false);
            r.dispatch(10, SENIOR, null, "frontdesk", at("2026-03-02T10:05"));
            r.start(7, "teamleader", at("2026-03-02T10:30"));
            r.complete("疏通", "teamleader", at("2026-03-02T11:00"));
            r.callback(Satisfaction.DISSATISFIED, "仍然堵塞", 2, true, "supervisor", at("2026-03-02T15:00"));
            assertThat(r.getStatus()).isEqualTo(RequestStatus.DISPATCHED);
            assertThat(r.getReopenCount()).isEqualTo(1);
            assertThat(r.getCompletedAt()).isNull();
            assertThat(r.getEvents()).extracting(RequestEvent::getKind).containsSubsequence(Kind.COMPLETED,
                    Kind.CALLED_BACK, Kind.REOPENED);
            r.start(7, "teamleader", at("2026-03-02T16:00"));
            assertThat(r.getRespondedAt()).as("the first response stays").isEqualTo(at("2026-03-02T10:30"));
        }

        @Test
        void aBookedRepairNeedsItsSlot() {
            var intake = new ServiceRequest.Intake(1L, "王先生", null, false, null, null, null, null, RequestType.BOOKED_REPAIR,
                    null, null, false, "约修空调", null, Channel.PHONE, Priority.NORMAL, null, null);
            assertThatThrownBy(() -> ServiceRequest.register("BS2026-000002", intake, repair, 1L, "x", SLA,
                    at("2026-03-02T10:00"))).isInstanceOf(InvalidInputException.class).extracting("field")
                    .isEqualTo("appointmentStart");
        }

        @Test
        void notesAndMaterialsAreRefusedOnAClosedRequest() {
            ServiceRequest r = request("2026-03-02T10:00", repair, false, false);
            r.dispatch(10, SENIOR, null, "frontdesk", at("2026-03-02T10:05"));
            r.start(7, "teamleader", at("2026-03-02T10:30"));
            r.complete("ok", "teamleader", at("2026-03-02T11:00"));
            r.close(2, "supervisor", at("2026-03-02T12:00"));
            assertThatThrownBy(() -> r.requireOpen("add a note to")).isInstanceOf(DomainException.class);
            assertThat(List.of(r.getStatus())).containsExactly(RequestStatus.CLOSED);
        }
    }
}
