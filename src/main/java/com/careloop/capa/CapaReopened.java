package com.careloop.capa;

import java.util.List;

/** Published when a failed effectiveness check re-opens the CAPA; {@code reason} is the check's evidence. */
public record CapaReopened(long capaId, String code, List<SourceRef> sources, String reason, int reopenCount) {
}
