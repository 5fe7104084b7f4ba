package com.careloop.platform.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The 2026 public holidays and make-up workdays (调休上班) of mainland China, per the State Council General
 * Office notice on the 2026 holiday arrangements. Demo data the application loads into its calendar.
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

    private static List<Entry> build() {
        List<Entry> entries = new ArrayList<>();
        off(entries, "元旦", "2026-01-01", "2026-01-03");
        work(entries, "元旦调休上班", "2026-01-04");
        work(entries, "春节调休上班", "2026-02-14");
        off(entries, "春节", "2026-02-15", "2026-02-23");
        work(entries, "春节调休上班", "2026-02-28");
        off(entries, "清明节", "2026-04-04", "2026-04-06");
        off(entries, "劳动节", "2026-05-01", "2026-05-05");
        work(entries, "劳动节调休上班", "2026-05-09");
        off(entries, "端午节", "2026-06-19", "2026-06-21");
        work(entries, "国庆节调休上班", "2026-09-20");
        off(entries, "中秋节", "2026-09-25", "2026-09-27");
        off(entries, "国庆节", "2026-10-01", "2026-10-07");
        work(entries, "国庆节调休上班", "2026-10-10");
        return List.copyOf(entries);
    }

    private static void off(List<Entry> entries, String name, String from, String to) {
        LocalDate end = LocalDate.parse(to);
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(end); d = d.plusDays(1)) {
            entries.add(new Entry(d, name, false));
        }
    }

    private static void work(List<Entry> entries, String name, String date) {
        entries.add(new Entry(LocalDate.parse(date), name, true));
    }
}
