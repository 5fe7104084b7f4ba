package com.careloop.platform.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 2026 public holidays and make-up workdays (调休上班) of mainland China, per the State Council General
 * Office notice on the 2026 holiday arrangements, read from db/holidays/cn-2026.csv (see {@link HolidaySchedules}).
 */
public final class ChineseHolidays2026 {

    /** One date: either a day off ({@code makeUpWorkday == false}) or a weekend day that is worked. */
    public record Entry(LocalDate date, String name, boolean makeUpWorkday) {
    }

    private static final List<Entry> ENTRIES = build();

    private ChineseHolidays2026() {
    }

    /** All entries, sorted by date. */
    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Set<LocalDate> holidays() {
        return dates(false);
    }

    public static Set<LocalDate> makeUpWorkdays() {
        return dates(true);
    }

    /** {@link BusinessCalendar#chinaStandard} loaded with the 2026 schedule. */
    public static BusinessCalendar calendar() {
        return BusinessCalendar.chinaStandard(holidays(), makeUpWorkdays());
    }

    private static Set<LocalDate> dates(boolean makeUpWorkday) {
        return ENTRIES.stream()
                .filter(e -> e.makeUpWorkday() == makeUpWorkday)
                .map(Entry::date)
                .collect(Collectors.toUnmodifiableSet());
    }

    /** From the shipped schedule file db/holidays/cn-2026.csv, the one source of these dates. */
    private static List<Entry> build() {
        return HolidaySchedules.shipped(2026).stream()
                .map(d -> new Entry(d.day(), d.name(), d.kind() == CalendarService.DayKind.MAKEUP_WORKDAY)).toList();
    }
}
