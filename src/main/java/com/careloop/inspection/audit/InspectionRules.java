package com.careloop.inspection.audit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.careloop.inspection.ReadinessColour;
import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

/**
 * The date rules of slice 2 without a database, each unit tested with an injected clock's today: the readiness check
 * date (5 working days before the audit on the business calendar), the readiness board colour, the customer reply
 * reminders (at 80 % of the reply window and on the day) and the dates a recurring schedule generates ahead.
 */
public final class InspectionRules {

    /** Working days before the audit the department readiness check is due (000-M2: "验厂前一周"). */
    public static final int READINESS_WORKING_DAYS = 5;
    /** Within this many working days of the audit a department that marked nothing is red. */
    public static final int NOT_STARTED_RED_WORKING_DAYS = 2;

    /** Calendar days before its check date an open readiness task is reminded to the department. */
    public static final int READINESS_REMINDER_DAYS = 2;

    private InspectionRules() {
    }

    /** {@code days} working days before {@code date} (the date itself not counted). */
    public static LocalDate workingDaysBefore(LocalDate date, int days, Predicate<LocalDate> workingDay) {
        LocalDate d = date;
        int left = days;
        for (int i = 0; i < 3660 && left > 0; i++) {
            d = d.minusDays(1);
            if (workingDay.test(d)) {
                left--;
            }
        }
        return d;
    }

    /** The date a department's readiness check is due: 5 working days before the audit. */
    public static LocalDate readinessCheckOn(LocalDate auditDate, Predicate<LocalDate> workingDay) {
        return workingDaysBefore(auditDate, READINESS_WORKING_DAYS, workingDay);
    }

    /** The day an open readiness task is reminded (once): two days before its check date; later runs catch up. */
    public static LocalDate readinessReminderOn(LocalDate checkOn) {
        return checkOn.minusDays(READINESS_REMINDER_DAYS);
    }

    /** The default deadline of a gap finding: the last working day before the audit. */
    public static LocalDate gapDueOn(LocalDate auditDate, Predicate<LocalDate> workingDay) {
        return workingDaysBefore(auditDate, 1, workingDay);
    }

    /** What the colour of a department's readiness task depends on. */
    public record TaskState(int items, int marked, boolean checked, long openFindings, long overdueFindings,
                            LocalDate checkOn, LocalDate auditDate) {
    }

    /**
     * RED: a gap finding overdue, the check not done after its date, or nothing marked within 2 working days of the
     * audit; GREEN: checked with no finding open (all ready, or the gaps closed); else AMBER.
     */
    public static ReadinessColour colour(TaskState s, LocalDate today, Predicate<LocalDate> workingDay) {
        if (s.overdueFindings() > 0) {
            return ReadinessColour.RED;
        }
        if (s.marked() == 0 && !today.isBefore(workingDaysBefore(s.auditDate(), NOT_STARTED_RED_WORKING_DAYS, workingDay))) {
            return ReadinessColour.RED;
        }
        if (!s.checked() && today.isAfter(s.checkOn())) {
            return ReadinessColour.RED;
        }
        if (s.checked() && s.openFindings() == 0) {
            return ReadinessColour.GREEN;
        }
        return ReadinessColour.AMBER;
    }

    /** Where a customer finding's reply stands on a day. */
    public enum ReplyState { NONE, REPLIED, EARLY_REMINDER, DUE_TODAY, OVERDUE }

    /** The day of the 80 % reminder: from + ceil(0.8 × the days of the window), never after the due day. */
    public static LocalDate earlyReminderOn(LocalDate from, LocalDate due) {
        long days = Math.max(0, ChronoUnit.DAYS.between(from, due));
        long at = (days * 8 + 9) / 10;
        LocalDate d = from.plusDays(at);
        return d.isAfter(due) ? due : d;
    }

    public static ReplyState replyState(LocalDate from, LocalDate due, LocalDate repliedOn, LocalDate today) {
        if (due == null) {
            return ReplyState.NONE;
        }
        if (repliedOn != null) {
            return ReplyState.REPLIED;
        }
        if (today.isAfter(due)) {
            return ReplyState.OVERDUE;
        }
        if (today.isEqual(due)) {
            return ReplyState.DUE_TODAY;
        }
        return today.isBefore(earlyReminderOn(from, due)) ? ReplyState.NONE : ReplyState.EARLY_REMINDER;
    }

    /** The recurrence unit of a schedule. */
    public enum Every { MONTHS, WEEKS }

    public static Every every(String unit) {
        try {
            return Every.valueOf(unit == null ? "" : unit.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("unit", "known", Text.of("error.inspection.one-of", "unit", "MONTHS/WEEKS"));
        }
    }

    /** The k-th date after {@code first} (k = 0 is {@code first}), months counted from the first date (no day drift). */
    public static LocalDate occurrence(LocalDate first, int everyN, Every unit, int k) {
        return unit == Every.MONTHS ? first.plusMonths((long) everyN * k) : first.plusWeeks((long) everyN * k);
    }

    /** The dates from {@code next} on, every N units, up to and including {@code until}; at most 500. */
    public static List<LocalDate> datesUntil(LocalDate next, int everyN, Every unit, LocalDate until) {
        List<LocalDate> dates = new ArrayList<>();
        for (int k = 0; k < 500; k++) {
            LocalDate d = occurrence(next, everyN, unit, k);
            if (d.isAfter(until)) {
                break;
            }
            dates.add(d);
        }
        return dates;
    }

    /**
     * The name of an improvement report in the A folder: its reply date first, "2026-12-06 改善报告.pdf" (000-A4
     * "回复客户的问题点改善报告…按照回复时间命名"), so the folder sorts by reply; a name already starting with that date
     * keeps it once.
     */
    public static String improvementReportName(java.time.LocalDate repliedOn, String fileName) {
        String date = repliedOn.toString();
        String name = fileName == null || fileName.isBlank() ? "improvement-report" : fileName.trim();
        if (name.startsWith(date)) {
            name = name.substring(date.length()).replaceFirst("^[\\s_-]+", "");
        }
        return name.isEmpty() ? date : date + " " + name;
    }
}
