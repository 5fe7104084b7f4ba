package com.careloop.capa;

import java.util.List;

/** Published for every effectiveness check; a failed one ({@code effective == false}) also re-opens the CAPA. */
public record CapaVerified(long capaId, String code, List<SourceRef> sources, boolean effective, int reopenCount) {
}
