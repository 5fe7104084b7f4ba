package com.careloop.reporting.delivery;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;

import com.careloop.platform.ReportPeriod;

/**
 * The timing rules of scheduled delivery, pure and exact (no clock of its own: callers pass the instant): when a
 * schedule fires, which period a run delivers and when a failed delivery is tried again.
 *
 * <ul>
 * <li>A run fires in company time: weekly on a day of the week, monthly on a day of the month (clamped to the month's
 * last day, so "the 31st" fires on 30 April), yearly on a month and day (29 February fires on the 28th in other
 * years), each at a time of day.</li>
 * <li>A run delivers the latest <em>complete</em> period of its kind on the run's company day: a weekly run on Monday
 * 08:00 sends last week (Monday to Sunday), a monthly run on the 1st last month, a yearly run last year.</li>
 * <li>A failed attempt {@code n} (1, 2, …) is tried again after 2<sup>n−1</sup> minutes, at most an hour; after
 * {@link #MAX_ATTEMPTS} attempts the delivery is dead (a person retries it from the log).</li>
 * </ul>
 */
public final class DeliveryTiming {

    /** Attempts before a delivery is given up (DEAD). */
    public static final int MAX_ATTEMPTS = 8;
    /** The longest wait between two attempts. */
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);

    public enum Cadence { WEEKLY, MONTHLY, YEARLY }

    /**
     * When a schedule fires: {@code dayOfWeek} for WEEKLY, {@code dayOfMonth} for MONTHLY, {@code month} and
     * {@code dayOfMonth} for YEARLY; the others are ignored.
     */
    public record Rule(Cadence cadence, DayOfWeek dayOfWeek, Integer dayOfMonth, Integer month, LocalTime time) {

        public Rule {
            if (cadence == null || time == null) {
                throw new IllegalArgumentException("a schedule rule needs a cadence and a time");
            }
            switch (cadence) {
                case WEEKLY -> require(dayOfWeek != null, "a weekly rule needs a day of the week");
                case MONTHLY -> require(dayOfMonth != null && dayOfMonth >= 1 && dayOfMonth <= 31,
                        "a monthly rule needs a day of the month 1..31");
                case YEARLY -> require(month != null && month >= 1 && month <= 12 && dayOfMonth != null
                        && dayOfMonth >= 1 && dayOfMonth <= YearMonth.of(2024, month).lengthOfMonth(),
                        "a yearly rule needs a month 1..12 and a day that month has");
            }
        }

        public static Rule weekly(DayOfWeek day, LocalTime time) {
            return new Rule(Cadence.WEEKLY, day, null, null, time);
        }

        public static Rule monthly(int dayOfMonth, LocalTime time) {
            return new Rule(Cadence.MONTHLY, null, dayOfMonth, null, time);
        }

        public static Rule yearly(int month, int dayOfMonth, LocalTime time) {
            return new Rule(Cadence.YEARLY, null, dayOfMonth, month, time);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    private final ZoneId zone;

    public DeliveryTiming(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first run strictly after {@code after}. */
    public Instant nextRun(Rule rule, Instant after) {
        LocalDate day = after.atZone(zone).toLocalDate().minusDays(1);
        for (int i = 0; i < 3; i++) {
            ZonedDateTime run = runOnOrAfter(rule, day);
            if (run.toInstant().isAfter(after)) {
                return run.toInstant();
            }
            day = run.toLocalDate().plusDays(1);
        }
        throw new IllegalStateException("no next run for " + rule);
    }

    /** The latest run at or before {@code now}. */
    public Instant lastRun(Rule rule, Instant now) {
        LocalDate day = now.atZone(zone).toLocalDate();
        for (int i = 0; i < 3; i++) {
            ZonedDateTime run = runOnOrBefore(rule, day);
            if (!run.toInstant().isAfter(now)) {
                return run.toInstant();
            }
            day = run.toLocalDate().minusDays(1);
        }
        throw new IllegalStateException("no last run for " + rule);
    }

    /** The period a run at {@code run} delivers: the latest complete period of {@code kind} before the run's company day. */
    public ReportPeriod coveredPeriod(ReportPeriod.Kind kind, Instant run) {
        LocalDate day = run.atZone(zone).toLocalDate();
        return switch (kind) {
            case DAY -> ReportPeriod.day(day.minusDays(1));
            case WEEK -> ReportPeriod.week(day).previous();
            case MONTH -> ReportPeriod.month(YearMonth.from(day)).previous();
            case YEAR -> ReportPeriod.year(day.getYear() - 1);
            case CUSTOM -> throw new IllegalArgumentException("a custom period is never scheduled");
        };
    }

    /** The period kind a cadence delivers. */
    public static ReportPeriod.Kind periodKind(Cadence cadence) {
        return switch (cadence) {
            case WEEKLY -> ReportPeriod.Kind.WEEK;
            case MONTHLY -> ReportPeriod.Kind.MONTH;
            case YEARLY -> ReportPeriod.Kind.YEAR;
        };
    }

    /** The cadence that delivers a period kind (WEEK: weekly, MONTH: monthly, YEAR: yearly). */
    public static Cadence cadenceFor(ReportPeriod.Kind kind) {
        return switch (kind) {
            case WEEK -> Cadence.WEEKLY;
            case MONTH -> Cadence.MONTHLY;
            case YEAR -> Cadence.YEARLY;
            default -> throw new IllegalArgumentException("no cadence delivers " + kind);
        };
    }

    /** The wait after failed attempt {@code attempt} (1-based): 1, 2, 4, 8 … minutes, at most an hour. */
    public static Duration backoff(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1: " + attempt);
        }
        if (attempt > 7) {
            return MAX_BACKOFF;
        }
        Duration d = Duration.ofMinutes(1L << (attempt - 1));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }

    /** Whether a delivery whose attempt {@code attempt} failed is given up. */
    public static boolean dead(int attempt) {
        return attempt >= MAX_ATTEMPTS;
    }

    /** When a delivery whose attempt {@code attempt} failed at {@code failedAt} is tried again, or null when it is dead. */
    public static Instant nextAttempt(int attempt, Instant failedAt) {
        return dead(attempt) ? null : failedAt.plus(backoff(attempt));
    }

    private ZonedDateTime runOnOrAfter(Rule rule, LocalDate from) {
        return switch (rule.cadence()) {
            case WEEKLY -> at(from.with(TemporalAdjusters.nextOrSame(rule.dayOfWeek())), rule);
            case MONTHLY -> {
                LocalDate d = monthDay(YearMonth.from(from), rule.dayOfMonth());
                yield at(d.isBefore(from) ? monthDay(YearMonth.from(from).plusMonths(1), rule.dayOfMonth()) : d, rule);
            }
            case YEARLY -> {
                LocalDate d = yearDay(from.getYear(), rule);
                yield at(d.isBefore(from) ? yearDay(from.getYear() + 1, rule) : d, rule);
            }
        };
    }

    private ZonedDateTime runOnOrBefore(Rule rule, LocalDate from) {
        return switch (rule.cadence()) {
            case WEEKLY -> at(from.with(TemporalAdjusters.previousOrSame(rule.dayOfWeek())), rule);
            case MONTHLY -> {
                LocalDate d = monthDay(YearMonth.from(from), rule.dayOfMonth());
                yield at(d.isAfter(from) ? monthDay(YearMonth.from(from).minusMonths(1), rule.dayOfMonth()) : d, rule);
            }
            case YEARLY -> {
                LocalDate d = yearDay(from.getYear(), rule);
                yield at(d.isAfter(from) ? yearDay(from.getYear() - 1, rule) : d, rule);
            }
        };
    }

    private static LocalDate monthDay(YearMonth month, int day) {
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }

    private static LocalDate yearDay(int year, Rule rule) {
        return monthDay(YearMonth.of(year, rule.month()), rule.dayOfMonth());
    }

    private ZonedDateTime at(LocalDate day, Rule rule) {
        return ZonedDateTime.of(day, rule.time(), zone);
    }
}
