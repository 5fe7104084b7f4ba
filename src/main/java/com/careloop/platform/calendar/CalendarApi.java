package com.careloop.platform.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.calendar.CalendarService.CalendarView;
import com.careloop.platform.calendar.CalendarService.DayKind;
import com.careloop.platform.calendar.CalendarService.SpecialDay;
import com.careloop.platform.org.PlatformPermissions;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Business calendars: read, maintain, and compute a deadline the way the SLA clocks will. */
@RestController
@RequestMapping("/api/v1/calendars")
class CalendarApi {

    record HoursRequest(@NotNull Map<DayOfWeek, List<TimeRange>> weeklyHours, @NotNull Long version) {
    }

    record SpecialDayRequest(@NotNull LocalDate day, @NotNull DayKind kind, @NotBlank @Size(max = 100) String name) {
    }

    record PauseRequest(@NotNull OffsetDateTime start, OffsetDateTime end, @NotBlank @Size(max = 200) String reason) {
    }

    record DeadlineRequest(@NotNull OffsetDateTime start, @NotNull @PositiveOrZero Long amount, @NotNull TimeUnit unit,
                           List<@Valid PauseRequest> pauses) {
    }

    record DeadlineResponse(Instant deadline, OffsetDateTime localDeadline) {
    }

    private final CalendarService calendars;

    CalendarApi(CalendarService calendars) {
        this.calendars = calendars;
    }

    @RequiresPermission(PlatformPermissions.CALENDAR_VIEW)
    @GetMapping
    List<CalendarView> list() {
        return calendars.calendars();
    }

    @RequiresPermission(PlatformPermissions.CALENDAR_VIEW)
    @GetMapping("/{id}")
    CalendarView get(@PathVariable long id) {
        return calendars.view(id);
    }

    @RequiresPermission(PlatformPermissions.CALENDAR_MANAGE)
    @PutMapping("/{id}/working-hours")
    CalendarView hours(@PathVariable long id, @Valid @RequestBody HoursRequest request) {
        return calendars.updateHours(id, request.weeklyHours(), request.version());
    }

    @RequiresPermission(PlatformPermissions.CALENDAR_MANAGE)
    @PostMapping("/{id}/special-days")
    @ResponseStatus(HttpStatus.CREATED)
    SpecialDay addDay(@PathVariable long id, @Valid @RequestBody SpecialDayRequest request) {
        return calendars.addSpecialDay(id, request.day(), request.kind(), request.name());
    }

    @RequiresPermission(PlatformPermissions.CALENDAR_MANAGE)
    @DeleteMapping("/{id}/special-days/{dayId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void removeDay(@PathVariable long id, @PathVariable long dayId) {
        calendars.removeSpecialDay(id, dayId);
    }

    /** What deadline a clock started at {@code start} would have: lets a manager check the rules. */
    @RequiresPermission(PlatformPermissions.CALENDAR_VIEW)
    @PostMapping("/{id}/deadline")
    DeadlineResponse deadline(@PathVariable long id, @Valid @RequestBody DeadlineRequest request) {
        CalendarView view = calendars.view(id);
        BusinessCalendar calendar = CalendarService.toDomain(view);
        Instant start = request.start().toInstant();
        Instant deadline;
        try {
            List<Pause> pauses = request.pauses() == null ? List.of() : request.pauses().stream()
                    .map(p -> new Pause(p.start().toInstant(), p.end() == null ? null : p.end().toInstant(), p.reason()))
                    .toList();
            deadline = calendar.deadline(start, request.amount(), request.unit(), pauses, start);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new InvalidInputException("pauses", "valid", e.getMessage());
        }
        return new DeadlineResponse(deadline, deadline.atZone(view.zone()).toOffsetDateTime());
    }
}
