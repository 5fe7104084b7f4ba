package com.careloop.callback.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import com.careloop.platform.calendar.BusinessCalendar;

/** The callback rules that are plain arithmetic: due dates, the half-year, the key-customer sample. */
public final class CallbackRules {

    /** The share of key customers drawn each half-year, in percent. */
    public static final int SAMPLE_PERCENT = 10;

    private CallbackRules() {
    }

    /** {@code days} after {@code base}; a non-working day moves to the next working day. */
    public static LocalDate dueAfter(LocalDate base, int days, BusinessCalendar calendar) {
        return onOrAfterWorkingDay(base.plusDays(days), calendar);
    }

    /**
     * {@code days} before the warranty ends, moved back to the last working day before it if that day is not
     * one; never before {@code today} (a warranty found late is called at once, on a working day).
     */
    public static LocalDate dueBeforeWarrantyEnd(LocalDate warrantyEnd, int days, LocalDate today,
                                                 BusinessCalendar calendar) {
        LocalDate due = warrantyEnd.minusDays(days);
        for (int i = 0; i < BusinessCalendar.MAX_WALK_DAYS && !calendar.isWorkingDay(due) && due.isAfter(today); i++) {
            due = due.minusDays(1);
        }
        return due.isAfter(today) ? due : onOrAfterWorkingDay(today, calendar);
    }

    /** The next try after a call that did not reach the customer: the next working day after {@code today}. */
    public static LocalDate nextTry(LocalDate today, BusinessCalendar calendar) {
        return onOrAfterWorkingDay(today.plusDays(1), calendar);
    }

    static LocalDate onOrAfterWorkingDay(LocalDate day, BusinessCalendar calendar) {
        LocalDate d = day;
        for (int i = 0; i < BusinessCalendar.MAX_WALK_DAYS && !calendar.isWorkingDay(d); i++) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** The half-year of a day: {@code 2026-H1} (January to June) or {@code 2026-H2}. */
    public static String halfYear(LocalDate day) {
        return day.getYear() + (day.getMonthValue() <= 6 ? "-H1" : "-H2");
    }

    /** ceil(10% of the key customers): 0 -> 0, 1..10 -> 1, 11 -> 2, 95 -> 10. */
    public static int sampleSize(int keyCustomers) {
        return (keyCustomers * SAMPLE_PERCENT + 99) / 100;
    }

    /**
     * Draws {@code count} customers from {@code keyCustomers} without those {@code alreadyDrawn} this half-year.
     * Reproducible: the candidates are sorted by id and shuffled with a {@link Random} of the stored seed, so
     * the same seed and the same candidates always give the same customers, in the same order.
     */
    public static List<Long> draw(Collection<Long> keyCustomers, Set<Long> alreadyDrawn, int count, long seed) {
        List<Long> candidates = new ArrayList<>(new TreeSet<>(keyCustomers));
        candidates.removeAll(alreadyDrawn);
        Collections.shuffle(candidates, new Random(seed));
        return List.copyOf(candidates.subList(0, Math.max(0, Math.min(count, candidates.size()))));
    }

    /** How many more to draw now: the half-year's sample size minus those already drawn (never negative). */
    public static int stillToDraw(int keyCustomers, int alreadyDrawn) {
        return Math.max(0, sampleSize(keyCustomers) - alreadyDrawn);
    }

    /** The source key's round of a service request's work: none for the first, R2, R3 … after re-opens. */
    public static String round(int round) {
        return round <= 1 ? null : "R" + round;
    }

    /** The generation key: plan kind | source type | source id [| half-year]. */
    public static String sourceKey(String planKind, String sourceType, long sourceId, String halfYear) {
        return planKind + "|" + sourceType + "|" + sourceId + (halfYear == null ? "" : "|" + halfYear);
    }
}
