package com.careloop.capa;

/** The CAPA a source was given: {@code attached} when an existing one took it instead of a new one. */
public record CapaRef(long id, String code, boolean attached) {
}
