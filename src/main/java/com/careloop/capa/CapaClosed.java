package com.careloop.capa;

import java.util.List;

/** Published when the quality manager closes the CAPA. */
public record CapaClosed(long capaId, String code, List<SourceRef> sources) {
}
