package com.careloop.fieldservice.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import com.careloop.fieldservice.FieldServicePermissions;
import com.careloop.fieldservice.stats.FieldStatistics.Statistics;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.excel.XlsxExport;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

/** The field-service statistics over JSON and as .xlsx (one sheet per table). */
@RestController
@Tag(name = "Field services")
class StatisticsApi {

    static final String PATH = "/api/v1/field-services/statistics";

    private final FieldStatistics statistics;
    private final MessageSource messages;

    StatisticsApi(FieldStatistics statistics, MessageSource messages) {
        this.statistics = statistics;
        this.messages = messages;
    }

    @RequiresPermission(FieldServicePermissions.MANAGE)
    @GetMapping(PATH)
    Statistics statistics(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
        return statistics.of(from, to);
    }

    @RequiresPermission(FieldServicePermissions.MANAGE)
    @GetMapping(PATH + "/export")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                HttpServletResponse response) {
        write(statistics.of(from, to), response, messages, LocaleContextHolder.getLocale());
    }

    static void write(Statistics s, HttpServletResponse response, MessageSource messages, Locale locale) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"field-service-statistics-" + s.from() + "_"
                + s.to() + ".xlsx\"");
        java.util.function.Function<String, String> m = k -> messages.getMessage(k, null, k, locale);
        try (var x = XlsxExport.open(response.getOutputStream(), m.apply("fieldhistory.stats.perKind"),
                List.of(m.apply("fieldhistory.stats.kind"), m.apply("fieldhistory.stats.services"),
                        m.apply("fieldhistory.stats.hours")))) {
            s.perKind().forEach(r -> x.row(m.apply("fieldservice.kind." + r.kind()), r.services(), r.hours()));
            x.row(m.apply("fieldhistory.stats.total"), s.services(), s.hoursOnSite());
            x.sheet(m.apply("fieldhistory.stats.perCustomer"), List.of(m.apply("fieldhistory.failure.customer"),
                    m.apply("fieldhistory.stats.services"), m.apply("fieldhistory.stats.hours")));
            s.perCustomer().forEach(r -> x.row(r.customerName(), r.services(), r.hours()));
            x.sheet(m.apply("fieldhistory.stats.quality"), List.of(m.apply("fieldhistory.stats.figure"),
                    m.apply("fieldhistory.stats.value")));
            x.row(m.apply("fieldhistory.stats.fixed"), s.firstTimeFix().fixed());
            x.row(m.apply("fieldhistory.stats.notFixed"), s.firstTimeFix().notFixed());
            x.row(m.apply("fieldhistory.stats.pending"), s.firstTimeFix().pending());
            x.row(m.apply("fieldhistory.stats.firstTimeFix"), s.firstTimeFix().rate());
            x.row(m.apply("fieldhistory.stats.openPoints"), s.openPoints().open());
            x.row(m.apply("fieldhistory.stats.pointsTotal"), s.openPoints().total());
            x.sheet(m.apply("fieldhistory.stats.perPart"), List.of(m.apply("fieldhistory.failure.product"),
                    m.apply("fieldhistory.failure.part"), m.apply("fieldhistory.stats.failures")));
            s.failuresPerPart().forEach(r -> x.row(r.product(), r.part(), r.failures()));
            x.sheet(m.apply("fieldhistory.stats.pareto"), List.of(m.apply("fieldhistory.failure.mode"),
                    m.apply("fieldhistory.stats.failures"), m.apply("fieldhistory.stats.share"),
                    m.apply("fieldhistory.stats.cumulative")));
            s.failureModes().forEach(r -> x.row(r.modeName(), r.failures(), r.share(), r.cumulative()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
