package com.careloop.platform.calendar;

import java.time.DayOfWeek;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.CareLoopProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The standard calendar (Mon–Fri 08:30–12:00, 13:30–17:30) and, in demo mode, the 2026 Chinese holidays. */
@Component
@Order(20)
class CalendarBootstrap implements ApplicationRunner {

    private final CalendarService calendars;
    private final CareLoopProperties properties;

    CalendarBootstrap(CalendarService calendars, CareLoopProperties properties) {
        this.calendars = calendars;
        this.properties = properties;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.put(d, List.of(TimeRange.of("08:30", "12:00"), TimeRange.of("13:30", "17:30")));
        }
        long id = calendars.ensure(CalendarService.STANDARD, "标准工作日历", properties.zone(), hours);
        if (properties.demoData() && calendars.view(id).specialDays().isEmpty()) {
            ChineseHolidays2026.entries().forEach(e -> calendars.addSpecialDay(id, e.date(),
                    e.makeUpWorkday() ? CalendarService.DayKind.MAKEUP_WORKDAY : CalendarService.DayKind.HOLIDAY,
                    e.name()));
        }
    }
}
