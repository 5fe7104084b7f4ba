package com.careloop.capa;

/** One source of a CAPA (a CAPA can have several): complaint, callback, survey item, audit finding … */
public record SourceRef(String sourceType, long sourceId, String sourceCode) {
}
