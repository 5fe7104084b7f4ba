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

/** The standard calendar (Mon–Fri 08:30–12:00, 13:30–17:30) and the shipped Chinese holiday schedules (every mode). */
@Component
@Order(20)
class CalendarBootstrap implements ApplicationRunner {

    private final CalendarService calendars;
    private final CareLoopProperties properties;
    private final HolidaySchedules schedules;

    CalendarBootstrap(CalendarService calendars, CareLoopProperties properties, HolidaySchedules schedules) {
        this.calendars = calendars;
        this.properties = properties;
        this.schedules = schedules;
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
        schedules.loadShipped(id);
    }
}
