package com.careloop.servicedesk.web;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.careloop.platform.RequiresPermission;
import com.careloop.platform.excel.XlsxExport;
import com.careloop.servicedesk.ServiceDesk;
import com.careloop.servicedesk.ServiceDeskPermissions;
import com.careloop.servicedesk.ServiceDeskViews.GroupBy;
import com.careloop.servicedesk.ServiceDeskViews.StatisticsRow;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The statistics page (counts, 维修及时率, handling times, re-open and first-contact rates) and its Excel export. */
@Controller
class StatisticsPages {

    /** The period and grouping of the page, defaulted to this month by type; {@code to} is inclusive. */
    record Period(LocalDate from, LocalDate to, GroupBy groupBy) {
    }

    private final ServiceDesk desk;
    private final PageSupport support;
    private final java.time.Clock clock;

    StatisticsPages(ServiceDesk desk, PageSupport support, java.time.Clock clock) {
        this.desk = desk;
        this.support = support;
        this.clock = clock;
    }

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/service-requests/statistics")
    String statistics(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                      @RequestParam(required = false) GroupBy groupBy, Model model) {
        Period period = period(from, to, groupBy);
        model.addAttribute("period", period);
        model.addAttribute("groups", GroupBy.values());
        model.addAttribute("rows", rows(period));
        return "servicedesk/statistics";
    }

    @RequiresPermission(ServiceDeskPermissions.VIEW)
    @GetMapping("/service-requests/statistics/export")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                @RequestParam(required = false) GroupBy groupBy, HttpServletResponse response) throws IOException {
        Period period = period(from, to, groupBy);
        List<StatisticsRow> rows = rows(period);
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"service-requests-" + period.from() + "-"
                + period.to() + ".xlsx\"");
        List<String> headers = List.of(support.message("sdp.stats.group." + period.groupBy()), support.message("sdp.stats.count"),
                support.message("sdp.stats.completed"), support.message("sdp.stats.closed"),
                support.message("sdp.stats.onTimeResponse"), support.message("sdp.stats.onTimeCompletion"),
                support.message("sdp.stats.averageHours"), support.message("sdp.stats.p90Hours"),
                support.message("sdp.stats.reopenRate"), support.message("sdp.stats.firstContact"));
        try (var xlsx = XlsxExport.open(response.getOutputStream(), support.message("sdp.stats.title"), headers)) {
            for (StatisticsRow r : rows) {
                xlsx.row(label(period.groupBy(), r.key()), r.count(), r.completed(), r.closed(), r.onTimeResponseRate(),
                        r.onTimeCompletionRate(), r.averageHandlingHours(), r.p90HandlingHours(), r.reopenRate(),
                        r.firstContactResolutionRate());
            }
        }
    }

    /** A group's key as the reader reads it: enum keys through the labels, names as they are, null = all. */
    String label(GroupBy groupBy, String key) {
        if (key == null) {
            return support.message("sdp.stats.all");
        }
        return switch (groupBy) {
            case TYPE -> support.message("sr.type." + key);
            case CHANNEL -> support.message("sr.channel." + key);
            default -> key;
        };
    }

    private Period period(LocalDate from, LocalDate to, GroupBy groupBy) {
        LocalDate today = LocalDate.now(clock.withZone(support.zone()));
        LocalDate start = from == null ? today.withDayOfMonth(1) : from;
        LocalDate end = to == null ? today : to;
        return new Period(start, end.isBefore(start) ? start : end, groupBy == null ? GroupBy.TYPE : groupBy);
    }

    private List<StatisticsRow> rows(Period p) {
        Instant from = p.from().atStartOfDay(support.zone()).toInstant();
        Instant to = p.to().plusDays(1).atStartOfDay(support.zone()).toInstant();
        return desk.statistics(p.groupBy(), from, to);
    }
}
