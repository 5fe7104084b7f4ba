package com.careloop.customer.contactlog;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The birthdays that fall in the next {@code days} days from {@code today}, both ends included
 * (days = 0: today only). The window wraps into the next year (Dec 20 + 30 days reaches Jan 19).
 * Rule for 29 February: in a year without it the birthday is celebrated on 28 February.
 */
public final class BirthdayWindow {

    public static final int MAX_DAYS = 366;

    private final LocalDate today;
    private final LocalDate last;

    public BirthdayWindow(LocalDate today, int days) {
        if (days < 0 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 0.." + MAX_DAYS);
        }
        this.today = today;
        this.last = today.plusDays(days);
    }

    public LocalDate today() {
        return today;
    }

    /** The next celebration of a birthday on or after today (28 Feb for 29 Feb in a common year). */
    public static LocalDate nextOccurrence(LocalDate birthday, LocalDate today) {
        MonthDay md = MonthDay.from(birthday);
        LocalDate thisYear = md.atYear(today.getYear());
        return thisYear.isBefore(today) ? md.atYear(today.getYear() + 1) : thisYear;
    }

    /** The celebration before {@code occurrence}: a greeting logged after it counts for {@code occurrence}. */
    public static LocalDate previousOccurrence(LocalDate birthday, LocalDate occurrence) {
        return MonthDay.from(birthday).atYear(occurrence.getYear() - 1);
    }

    /** The celebration inside the window, if there is one. */
    public Optional<LocalDate> occurrence(LocalDate birthday) {
        LocalDate next = nextOccurrence(birthday, today);
        return next.isAfter(last) ? Optional.empty() : Optional.of(next);
    }

    /** The age the person turns on that celebration. */
    public static int turning(LocalDate birthday, LocalDate occurrence) {
        return occurrence.getYear() - birthday.getYear();
    }

    /**
     * The birthdays (as month * 100 + day) the window covers, for the database query; 229 is
     * included when the window holds 28 February of a common year.
     */
    public Set<Integer> monthDays() {
        Set<Integer> result = new TreeSet<>();
        for (LocalDate d = today; !d.isAfter(last); d = d.plusDays(1)) {
            result.add(d.getMonthValue() * 100 + d.getDayOfMonth());
            if (d.getMonthValue() == 2 && d.getDayOfMonth() == 28 && !Year.isLeap(d.getYear())) {
                result.add(229);
            }
        }
        return result;
    }
}
