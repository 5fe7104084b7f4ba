package com.careloop.platform;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores a {@link Text} in a varchar column as its JSON; use {@code @Convert(converter = TextColumn.class)}. */
@Converter
public class TextColumn implements AttributeConverter<Text, String> {

    @Override
    public String convertToDatabaseColumn(Text text) {
        return text == null ? null : text.toJson();
    }

    @Override
    public Text convertToEntityAttribute(String stored) {
        return Text.fromJson(stored);
    }
}
