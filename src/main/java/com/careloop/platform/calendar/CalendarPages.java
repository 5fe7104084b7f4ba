package com.careloop.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.InvalidInputException;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.org.PlatformPermissions;
import com.careloop.platform.Text;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The calendar admin page: weekly hours, holidays and make-up working days. */
@Controller
class CalendarPages {

    private final CalendarService calendars;
    private final HolidaySchedules schedules;

    CalendarPages(CalendarService calendars, HolidaySchedules schedules) {
        this.calendars = calendars;
        this.schedules = schedules;
    }

    @RequiresPermission(PlatformPermissions.CALENDAR_VIEW)
    @GetMapping("/admin/calendar")
    String page(@RequestParam(required = false) Integer year, Model model) {
        var view = calendars.view(calendars.calendars().get(0).id());
        int shownYear = year == null ? LocalDate.now(view.zone()).getYear() : year;
        model.addAttribute("calendar", view);
        model.addAttribute("year", shownYear);
        model.addAttribute("days", view.specialDays().stream().filter(d -> d.day().getYear() == shownYear).toList());
        model.addAttribute("weekdays", DayOfWeek.values());
        Map<DayOfWeek, String> hoursText = new EnumMap<>(DayOfWeek.class);
        view.weeklyHours().forEach((d, ranges) -> hoursText.put(d, format(ranges)));
        model.addAttribute("hoursText", hoursText);
        model.addAttribute("kinds", CalendarService.DayKind.values());
        return "platform/calendar";
    }

    /**
     * Hours per weekday as text, e.g. {@code 08:30-12:00,13:30-17:30}; empty means no work that day.
     */
    @RequiresPermission(PlatformPermissions.CALENDAR_MANAGE)
    @PostMapping("/admin/calendar/{id}/hours")
    String hours(@PathVariable long id, @RequestParam Map<String, String> form, @RequestParam long version,
                 RedirectAttributes flash) {
        Map<DayOfWeek, List<TimeRange>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            String text = form.getOrDefault("hours_" + d.name(), "").trim();
            if (!text.isEmpty()) {
                hours.put(d, parse(d, text));
            }
        }
        calendars.updateHours(id, hours, version);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/admin/calendar";
    }

    @RequiresPermission(PlatformPermissions.CALENDAR_MANAGE)
    @PostMapping("/admin/calendar/{id}/days")
    String addDay(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                  @RequestParam CalendarService.DayKind kind, @RequestParam String name, RedirectAttributes flash) {
        if (name.isBlank() || name.length() > 100) {
            throw new InvalidInputException("name", "length", Text.of("error.platform.name-1-100-characters"));
        }
        calendars.addSpecialDay(id, day, kind, name.trim());
        flash.addFlashAttribute("success", "saved");
        return "redirect:/admin/calendar?year=" + day.getYear();
    }

    /**
     * A year's schedule from a .csv or .xlsx (date, kind, name): every row valid or nothing written, the refused rows
     * listed on the page; the year's special days become the file's (one audit entry names the file).
     */
    @RequiresPermission(PlatformPermissions.CALENDAR_MANAGE)
    @PostMapping("/admin/calendar/{id}/import")
    String importYear(@PathVariable long id, @RequestParam int year, @RequestParam(required = false) MultipartFile file,
                      RedirectAttributes flash) throws java.io.IOException {
        try (var in = file == null ? java.io.InputStream.nullInputStream() : file.getInputStream()) {
            int days = schedules.importYear(id, year, file == null ? "" : file.getOriginalFilename(), in);
            flash.addFlashAttribute("importedDays", days);
            flash.addFlashAttribute("success", "saved");
        } catch (HolidaySchedules.ImportRefused e) {
            flash.addFlashAttribute("importErrors", e.errors());
        }
        return "redirect:/admin/calendar?year=" + year;
    }

    @RequiresPermission(PlatformPermissions.CALENDAR_MANAGE)
    @PostMapping("/admin/calendar/{id}/days/{dayId}/remove")
    String removeDay(@PathVariable long id, @PathVariable long dayId, RedirectAttributes flash) {
        calendars.removeSpecialDay(id, dayId);
        flash.addFlashAttribute("success", "saved");
        return "redirect:/admin/calendar";
    }

    /** The editable text of a day's hours, the same format {@link #parse} reads back. */
    static String format(List<TimeRange> ranges) {
        return String.join(",", ranges.stream().map(r -> r.start() + "-" + r.end()).toList());
    }

    static List<TimeRange> parse(DayOfWeek day, String text) {
        List<TimeRange> ranges = new ArrayList<>();
        for (String part : text.split("[,，;；\\s]+")) {
            String[] ends = part.split("[-–~]");
            try {
                if (ends.length != 2) {
                    throw new IllegalArgumentException(part);
                }
                ranges.add(new TimeRange(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim())));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new InvalidInputException("hours_" + day.name(), "format",
                        Text.of("error.platform.hours-look-like-08", part));
            }
        }
        return ranges;
    }
}
