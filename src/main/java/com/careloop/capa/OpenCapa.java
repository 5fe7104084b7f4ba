package com.careloop.capa;

/**
 * Opens a CAPA for a source. {@code sourceType} is one of {@link CapaSources}; {@code sourceKey} groups
 * sources for {@link CorrectiveActions#openOrAttach} (e.g. {@code "SURVEY_ITEM:<campaignId>:<itemCode>"}) and
 * may be null for {@link CorrectiveActions#open}; {@code sourceCode} is the source's record number shown as
 * the link text; {@code eightD} asks for the 8D layout (automotive customers).
 */
public record OpenCapa(String sourceType, long sourceId, String sourceKey, String sourceCode, String problem,
                       Long customerId, Long departmentId, boolean eightD) {
}
