package com.careloop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.careloop.platform.CareLoopProperties;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;

class TimeFormatTest {

    private final TimeFormat times = new TimeFormat(Binder.get(new org.springframework.core.env.StandardEnvironment())
            .bindOrCreate("careloop", Bindable.of(CareLoopProperties.class)));

    @Test
    void pagesShowTheCompanysTimeZoneNotTheServersUtc() {
        Instant utcEvening = Instant.parse("2026-12-01T21:52:54Z");
        assertThat(times.second(utcEvening)).isEqualTo("2026-12-02 05:52:54");
        assertThat(times.minute(OffsetDateTime.parse("2026-12-01T21:52:54Z"))).isEqualTo("2026-12-02 05:52");
        assertThat(times.date(utcEvening)).isEqualTo("2026-12-02");
        assertThat(times.date(LocalDate.of(2026, 10, 1))).isEqualTo("2026-10-01");
        assertThat(times.minute(null)).isEmpty();
    }
}
