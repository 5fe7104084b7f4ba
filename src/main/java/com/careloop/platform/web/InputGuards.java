package com.careloop.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;

import com.careloop.platform.InvalidInputException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.HandlerInterceptor;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Input every endpoint refuses, in one place: text with NUL (U+0000, which PostgreSQL cannot store) and dates
 * outside the years {@value #FIRST_YEAR}–{@value #LAST_YEAR} (a typo such as year 99999). JSON bodies are checked
 * as Jackson reads them (a field error naming the JSON path, 422); query and form parameters by
 * {@link #parameterGuard()} before any handler runs (the handler's field error: 422 on the API, the reason on the
 * page).
 */
@Configuration
public class InputGuards {

    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2200;

    /** A JSON value that parsed but breaks an input rule ({@code nul}, {@code date-range}). */
    public static final class InputRuleException extends MismatchedInputException {

        private final String rule;

        InputRuleException(JsonParser parser, String rule, String message) {
            super(parser, message);
            this.rule = rule;
        }

        public String rule() {
            return rule;
        }
    }

    private final MessageSource messages;

    InputGuards(MessageSource messages) {
        this.messages = messages;
    }

    @Bean
    JacksonModule inputGuardsModule() {
        return new SimpleModule("careloop-input-guards").setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
                                                           ValueDeserializer<?> deserializer) {
                Class<?> type = beanDesc.getBeanClass();
                return type == String.class || isTemporal(type) ? new Guarded(deserializer) : deserializer;
            }
        });
    }

    @Bean
    HandlerInterceptor parameterGuard() {
        return new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                Map<String, String[]> parameters;
                try {
                    parameters = request.getParameterMap();
                } catch (MultipartException e) {
                    return true; // an oversized upload: the handler answers it with its own field error
                }
                parameters.forEach((name, values) -> {
                    for (String value : values) {
                        if (value != null && value.indexOf('\0') >= 0) {
                            throw new InvalidInputException(name, "nul", name + ": " + message("input.nul"));
                        }
                    }
                });
                return true;
            }
        };
    }

    private static boolean isTemporal(Class<?> type) {
        return type == LocalDate.class || type == LocalDateTime.class || type == OffsetDateTime.class
                || type == ZonedDateTime.class || type == Instant.class;
    }

    /** The year a date or time falls in (instants in UTC, clamped to ±10,000), or null for any other value. */
    static Integer yearOf(Object value) {
        if (value instanceof LocalDate d) {
            return d.getYear();
        } else if (value instanceof LocalDateTime t) {
            return t.getYear();
        } else if (value instanceof OffsetDateTime t) {
            return t.getYear();
        } else if (value instanceof ZonedDateTime t) {
            return t.getYear();
        } else if (value instanceof Instant i) {
            long clamped = Math.max(-YEAR_10000_SECONDS, Math.min(YEAR_10000_SECONDS, i.getEpochSecond()));
            return Instant.ofEpochSecond(clamped).atOffset(ZoneOffset.UTC).getYear();
        }
        return null;
    }

    private static final long YEAR_10000_SECONDS = LocalDate.of(10_000, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    /** Reads the value as usual, then checks the rule; Jackson adds the JSON path to the refusal. */
    private final class Guarded extends DelegatingDeserializer {

        Guarded(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new Guarded(delegate);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            return check(p, super.deserialize(p, ctxt));
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt, Object intoValue) {
            return check(p, super.deserialize(p, ctxt, intoValue));
        }

        private Object check(JsonParser p, Object value) {
            if (value instanceof String s && s.indexOf('\0') >= 0) {
                throw new InputRuleException(p, "nul", message("input.nul"));
            }
            Integer year = yearOf(value);
            if (year != null && (year < FIRST_YEAR || year > LAST_YEAR)) {
                throw new InputRuleException(p, "date-range", message("input.date-range", FIRST_YEAR, LAST_YEAR));
            }
            return value;
        }
    }
}
