package com.careloop.servicedesk.web;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.platform.CareLoopProperties;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;

/**
 * What the service desk pages share: form times in the company's time zone, field errors as readable
 * messages in the reader's language, and the department list of the selects.
 */
@Component
class PageSupport {

    record Option(long id, String name) {
    }

    private final ZoneId zone;
    private final MessageSource messages;
    private final JdbcClient jdbc;

    PageSupport(CareLoopProperties properties, MessageSource messages, JdbcClient jdbc) {
        this.zone = properties.zone();
        this.messages = messages;
        this.jdbc = jdbc;
    }

    ZoneId zone() {
        return zone;
    }

    /** A {@code datetime-local} field is wall-clock time at the company. */
    OffsetDateTime offset(LocalDateTime local) {
        return local == null ? null : local.atZone(zone).toOffsetDateTime();
    }

    /**
     * A deadline as the request page shows it: still running (remaining time), passed (overdue by), met or
     * stopped (paused: the clock does not run). {@code text} is in the reader's language.
     */
    record DeadlineClock(String state, String text) {
    }

    DeadlineClock clock(boolean running, java.time.Instant due, boolean paused, java.time.Instant now) {
        if (due == null || !running) {
            return new DeadlineClock("done", "");
        }
        if (paused) {
            return new DeadlineClock("paused", message("sdp.clock.paused"));
        }
        java.time.Duration left = java.time.Duration.between(now, due);
        String key = left.isNegative() ? "sdp.clock.overdue" : "sdp.clock.remaining";
        java.time.Duration d = left.abs();
        return new DeadlineClock(left.isNegative() ? "overdue" : "running",
                message(key, message("sdp.clock.duration", d.toDays(), d.toHoursPart(), d.toMinutesPart())));
    }

    /** Field -> message, the first error of each field, in the reader's language. */
    Map<String, String> fieldErrors(BindingResult errors) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> out = new LinkedHashMap<>();
        errors.getFieldErrors().forEach(e -> out.putIfAbsent(e.getField(), messages.getMessage(e, locale)));
        return out;
    }

    String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }

    List<Option> departments() {
        return jdbc.sql("select id, name from org_department where active = true order by sort_order, id")
                .query((rs, n) -> new Option(rs.getLong(1), rs.getString(2))).list();
    }
}
