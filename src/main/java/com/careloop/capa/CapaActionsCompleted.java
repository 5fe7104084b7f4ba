package com.careloop.capa;

import java.time.LocalDate;
import java.util.List;

/** Published when the last action of the current round is done; the effectiveness check is due then. */
public record CapaActionsCompleted(long capaId, String code, List<SourceRef> sources, LocalDate effectivenessCheckDue) {
}
