package com.careloop.capa.handling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When the effectiveness check falls due: the company's calendar date on which the last action was done,
 * plus the configured number of days ({@code careloop.capa.effectiveness-days}, default 30).
 */
public record EffectivenessRule(ZoneId zone, int days) {

    public LocalDate due(Instant actionsDoneAt) {
        return LocalDate.ofInstant(actionsDoneAt, zone).plusDays(days);
    }
}
