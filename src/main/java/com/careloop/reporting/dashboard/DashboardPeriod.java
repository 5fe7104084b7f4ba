package com.careloop.reporting.dashboard;

import java.time.LocalDate;
import java.time.YearMonth;

import com.careloop.platform.ReportPeriod;

/** The dashboard's period selector: today, this week (Monday to Sunday), this month, in company days. */
public enum DashboardPeriod {
    DAY, WEEK, MONTH;

    public ReportPeriod of(LocalDate today) {
        return switch (this) {
            case DAY -> ReportPeriod.day(today);
            case WEEK -> ReportPeriod.week(today);
            case MONTH -> ReportPeriod.month(YearMonth.from(today));
        };
    }

    /** A page parameter: the named period, DAY when missing or unknown. */
    static DashboardPeriod parse(String value) {
        if (value != null) {
            for (DashboardPeriod p : values()) {
                if (p.name().equalsIgnoreCase(value.trim())) {
                    return p;
                }
            }
        }
        return DAY;
    }
}
