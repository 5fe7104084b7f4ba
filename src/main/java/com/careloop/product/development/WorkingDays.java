package com.careloop.product.development;

import java.time.LocalDate;
import java.util.function.Predicate;

/**
 * Day arithmetic on the business calendar for the node deadlines: a node opened on day D with a lead time of N
 * working days is due on the N-th working day after D (D itself when N is 0); its lead time is the number of working
 * days after the day it opened up to and including the day it was completed.
 */
public final class WorkingDays {

    private static final int MAX_WALK = 3660;

    private final Predicate<LocalDate> working;

    public WorkingDays(Predicate<LocalDate> working) {
        this.working = working;
    }

    public LocalDate due(LocalDate opened, int leadDays) {
        LocalDate d = opened;
        for (int counted = 0, walked = 0; counted < leadDays && walked < MAX_WALK; walked++) {
            d = d.plusDays(1);
            if (working.test(d)) {
                counted++;
            }
        }
        return d;
    }

    public int between(LocalDate opened, LocalDate completed) {
        int n = 0;
        for (LocalDate d = opened.plusDays(1); !d.isAfter(completed); d = d.plusDays(1)) {
            if (working.test(d)) {
                n++;
            }
        }
        return n;
    }
}
