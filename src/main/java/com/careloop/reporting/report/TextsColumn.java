package com.careloop.reporting.report;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The free-text parts of a report (field -> text) as one JSON column. */
@Converter
class TextsColumn implements AttributeConverter<Map<String, String>, String> {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, String>> MAP = new TypeReference<>() { };

    @Override
    public String convertToDatabaseColumn(Map<String, String> texts) {
        return JSON.writeValueAsString(texts == null ? Map.of() : texts);
    }

    @Override
    public Map<String, String> convertToEntityAttribute(String column) {
        return column == null || column.isBlank() ? new LinkedHashMap<>() : JSON.readValue(column, MAP);
    }
}
