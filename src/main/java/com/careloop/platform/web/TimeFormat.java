package com.careloop.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import com.careloop.platform.CareLoopProperties;

import org.springframework.stereotype.Component;

/**
 * Times on pages, in the company's time zone (careloop.zone, Asia/Shanghai) rather than the
 * server's UTC: {@code ${@times.minute(x)}}, {@code ${@times.second(x)}}, {@code ${@times.date(x)}}
 * in any template. Accepts Instant, OffsetDateTime, ZonedDateTime and LocalDate; null stays empty.
 */
@Component("times")
public class TimeFormat {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final ZoneId zone;

    TimeFormat(CareLoopProperties properties) {
        this.zone = properties.zone();
    }

    public String minute(Object time) {
        return format(time, MINUTE);
    }

    public String second(Object time) {
        return format(time, SECOND);
    }

    public String date(Object time) {
        return format(time, DATE);
    }

    private String format(Object time, DateTimeFormatter pattern) {
        TemporalAccessor t;
        if (time == null) {
            return "";
        } else if (time instanceof Instant i) {
            t = i.atZone(zone);
        } else if (time instanceof OffsetDateTime o) {
            t = o.atZoneSameInstant(zone);
        } else if (time instanceof ZonedDateTime z) {
            t = z.withZoneSameInstant(zone);
        } else if (time instanceof java.util.Date d) {
            t = d.toInstant().atZone(zone);
        } else if (time instanceof LocalDate d) {
            t = d;
        } else {
            throw new IllegalArgumentException("not a time: " + time.getClass().getName());
        }
        return t instanceof LocalDate d ? d.format(DATE) : pattern.format(t);
    }
}
