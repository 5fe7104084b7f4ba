package com.careloop.platform;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * A period of company days, first to last inclusive: a day, a week (Monday to Sunday), a month or a year. Its edges
 * in time are company midnights ({@link #from}, {@link #to}: [from, to)), so a week is Monday 00:00 to Sunday 24:00
 * in the company zone whatever the server's zone.
 */
public record ReportPeriod(Kind kind, LocalDate first, LocalDate last) {

    public enum Kind { DAY, WEEK, MONTH, YEAR, CUSTOM }

    public ReportPeriod {
        if (kind == null || first == null || last == null || last.isBefore(first)) {
            throw new IllegalArgumentException("a period needs a kind and first <= last: " + first + ".." + last);
        }
    }

    public static ReportPeriod day(LocalDate day) {
        return new ReportPeriod(Kind.DAY, day, day);
    }

    /** The Monday-to-Sunday week that contains {@code anyDay}. */
    public static ReportPeriod week(LocalDate anyDay) {
        LocalDate monday = anyDay.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return new ReportPeriod(Kind.WEEK, monday, monday.plusDays(6));
    }

    public static ReportPeriod month(YearMonth month) {
        return new ReportPeriod(Kind.MONTH, month.atDay(1), month.atEndOfMonth());
    }

    public static ReportPeriod year(int year) {
        return new ReportPeriod(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
    }

    /** Company midnight at the start of the first day. */
    public Instant from(ZoneId zone) {
        return first.atStartOfDay(zone).toInstant();
    }

    /** Company midnight after the last day (exclusive). */
    public Instant to(ZoneId zone) {
        return last.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /** The period of the same kind just before this one (a custom period: the same number of days before). */
    public ReportPeriod previous() {
        return switch (kind) {
            case DAY -> day(first.minusDays(1));
            case WEEK -> week(first.minusDays(7));
            case MONTH -> month(YearMonth.from(first).minusMonths(1));
            case YEAR -> year(first.getYear() - 1);
            case CUSTOM -> new ReportPeriod(Kind.CUSTOM, first.minusDays(days()), first.minusDays(1));
        };
    }

    public long days() {
        return last.toEpochDay() - first.toEpochDay() + 1;
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(first) && !day.isAfter(last);
    }

    /** How a reader sees the period: "2026 年第 49 周（12 月 1 日—12 月 7 日）", "2026 年 11 月", … (message keys {@code period.*}). */
    public Text label() {
        return switch (kind) {
            case DAY -> Text.of("period.day", first);
            case WEEK -> Text.of("period.week", String.valueOf(first.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR)),
                    String.valueOf(first.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR)), first, last);
            case MONTH -> Text.of("period.month", String.valueOf(first.getYear()), String.valueOf(first.getMonthValue()));
            case YEAR -> Text.of("period.year", String.valueOf(first.getYear()));
            case CUSTOM -> Text.of("period.custom", first, last);
        };
    }
}
