package com.careloop.customer.keys;

import java.time.LocalDate;
import java.util.regex.Pattern;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.Text;

/**
 * A calendar quarter, written {@code 2026-Q4}. The key-customer list is reviewed once a quarter;
 * the review falls due in the quarter's last month (e.g. from 1 December for Q4), so the reminder
 * appears then and stays until every key customer of the quarter is confirmed or removed.
 */
record Quarter(int year, int number) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-Q([1-4])");

    Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("quarter " + number);
        }
    }

    static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    static Quarter parse(String text) {
        var m = text == null ? null : FORMAT.matcher(text.trim());
        if (m == null || !m.matches()) {
            throw new InvalidInputException("quarter", "format", Text.of("error.customer.quarter-look-like-2026"));
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    /** First day of the quarter's last month. */
    LocalDate reviewDueFrom() {
        return firstDay().plusMonths(2);
    }

    /** Whether {@code today} lies in this quarter's review window (its last month). */
    boolean reviewDueOn(LocalDate today) {
        return !today.isBefore(reviewDueFrom()) && !today.isAfter(lastDay());
    }

    Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }
}
