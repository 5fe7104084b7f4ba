package com.careloop.survey;

import java.time.LocalDate;
import java.util.Optional;

import com.careloop.platform.Text;

/**
 * How often the company's procedure sends the satisfaction questionnaire (调查频次), and when the survey managers are
 * told that the current period has none yet: at least once a quarter (001-D10), or once a year in a given quarter
 * (000-J1: the fourth; 002-E1: yearly to the main customers). The reminder is due in the period's last
 * {@code warnDays} days (and on the day {@code warnDays} before its last), while nothing has been sent in it.
 */
public record SurveyCadence(Kind kind, int quarter, int warnDays) {

    public enum Kind { NONE, QUARTERLY, YEARLY }

    /** A period of company days, both ends included. */
    public record Period(LocalDate first, LocalDate last) {
    }

    public SurveyCadence {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("careloop.survey.cadence-quarter is 1 to 4, not " + quarter);
        }
        if (warnDays < 0) {
            throw new IllegalArgumentException("careloop.survey.cadence-warn-days cannot be negative: " + warnDays);
        }
    }

    /** The period {@code today} belongs to under this cadence, and in which a reminder is due; empty when none is. */
    public Optional<Period> reminderDue(LocalDate today) {
        return period(today).filter(p -> !today.isBefore(p.last().minusDays(warnDays)));
    }

    /** The period containing {@code today}: its quarter, or this year's survey quarter; empty outside any. */
    public Optional<Period> period(LocalDate today) {
        int todays = (today.getMonthValue() - 1) / 3 + 1;
        if (kind == Kind.NONE || kind == Kind.YEARLY && todays != quarter) {
            return Optional.empty();
        }
        LocalDate first = LocalDate.of(today.getYear(), (todays - 1) * 3 + 1, 1);
        return Optional.of(new Period(first, first.plusMonths(3).minusDays(1)));
    }

    /** The rule in words ("at least once a quarter", "once a year, in quarter 4"), in the reader's language. */
    public Text rule() {
        return kind == Kind.YEARLY ? Text.of("surveycampaign.cadence.YEARLY", quarter)
                : Text.label("surveycampaign.cadence", kind);
    }
}
