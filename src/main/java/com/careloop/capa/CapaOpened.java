package com.careloop.capa;

import java.util.List;

/** Published when a CAPA is opened. */
public record CapaOpened(long capaId, String code, List<SourceRef> sources, Long customerId) {
}
