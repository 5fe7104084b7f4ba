package com.careloop.capa;

import java.time.LocalDate;

/** A first corrective action given with {@link CorrectiveActions#open(OpenCapa, PlannedAction)}. */
public record PlannedAction(String description, long ownerUserId, LocalDate due) {
}
