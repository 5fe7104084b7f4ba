package com.careloop.contract.stats;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.careloop.contract.ContractPermissions;
import com.careloop.platform.OrgDirectory;
import com.careloop.platform.CareLoopProperties;
import com.careloop.platform.RequiresPermission;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.platform.excel.XlsxExport;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.bind.annotation.RestController;

/** Contract review statistics: {@code GET /api/v1/contracts/statistics}, the page and its Excel export. */
final class ContractStatisticsWeb {

    private ContractStatisticsWeb() {
    }

    /** The period defaults to the current month so far. */
    static LocalDate[] period(LocalDate from, LocalDate to, ZoneId zone) {
        LocalDate today = LocalDate.now(zone);
        return new LocalDate[] {from != null ? from : today.withDayOfMonth(1), to != null ? to : today};
    }

    @Tag(name = "Contracts")
    @RestController
    static class Api {

        private final ContractStatistics statistics;
        private final ZoneId zone;

        Api(ContractStatistics statistics, CareLoopProperties platform) {
            this.statistics = statistics;
            this.zone = platform.zone();
        }

        @Operation(summary = "Contract review statistics", description = "For contracts submitted in [from, to] "
                + "(default: this month) and an optional department: reviews on time, average working hours per aspect, "
                + "A/B/C rates, inconsistencies by aspect and department, changes per contract, tenders bid/won")
        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/api/v1/contracts/statistics")
        ContractStatistics.Figures figures(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                           @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                           @RequestParam(required = false) Long departmentId) {
            LocalDate[] p = period(from, to, zone);
            return statistics.figures(p[0], p[1], departmentId);
        }
    }

    @Controller
    static class Pages {

        private final ContractStatistics statistics;
        private final Texts texts;
        private final OrgDirectory org;
        private final ZoneId zone;

        Pages(ContractStatistics statistics, Texts texts,
              OrgDirectory org, CareLoopProperties platform) {
            this.statistics = statistics;
            this.texts = texts;
            this.org = org;
            this.zone = platform.zone();
        }

        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/contracts/statistics")
        String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                    @RequestParam(required = false) Long departmentId, Model model) {
            LocalDate[] p = period(from, to, zone);
            model.addAttribute("f", statistics.figures(p[0], p[1], departmentId));
            model.addAttribute("departments", org.activeDepartments().stream()
                    .map(d -> new Object[] {d.id(), d.name()}).toList());
            return "contract/statistics";
        }

        @RequiresPermission(ContractPermissions.VIEW)
        @GetMapping("/contracts/statistics/export")
        @ResponseBody
        ResponseEntity<byte[]> export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                      @RequestParam(required = false) Long departmentId) {
            LocalDate[] p = period(from, to, zone);
            ContractStatistics.Figures f = statistics.figures(p[0], p[1], departmentId);
            Locale locale = LocaleContextHolder.getLocale();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (XlsxExport x = XlsxExport.open(out, t("contract.stats.title", locale),
                    List.of(t("contract.stats.figure", locale), t("contract.stats.value", locale)))) {
                x.row(t("contract.stats.period", locale), f.from() + " ~ " + f.to());
                x.row(t("contract.stats.submitted", locale), f.contractsSubmitted());
                x.row(t("contract.stats.signatures", locale), f.signatures());
                x.row(t("contract.stats.onTime", locale), f.signaturesOnTime());
                x.row(t("contract.stats.onTimeRate", locale), f.onTimeRate());
                x.row(t("contract.stats.rateA", locale), f.rateA());
                x.row(t("contract.stats.rateB", locale), f.rateB());
                x.row(t("contract.stats.rateC", locale), f.rateC());
                x.row(t("contract.stats.changesPerContract", locale), f.changesPerContract());
                x.row(t("contract.stats.changes", locale), f.changes());
                x.row(t("contract.stats.contractsChanged", locale), f.contractsChanged());
                f.changesByKind().forEach(k -> x.row(t("contract.change.kind." + k.key(), locale), k.count()));
                f.changesByCustomer().forEach(k -> x.row(t("contract.stats.changesOfCustomer", locale) + " "
                        + k.label(), k.count()));
                x.row(t("contract.stats.tenders", locale), f.tenders());
                x.row(t("contract.stats.bidRate", locale), f.bidRate());
                x.row(t("contract.stats.winRate", locale), f.winRate());
                x.sheet(t("contract.stats.byAspect", locale), List.of(t("contract.stats.aspect", locale),
                        t("contract.stats.signatures", locale), t("contract.stats.onTime", locale),
                        t("contract.stats.averageHours", locale)));
                f.byAspect().forEach(a -> x.row(t(a.aspect(), locale), a.signatures(), a.onTime(), a.averageHours()));
                x.sheet(t("contract.stats.inconsistencies", locale), List.of(t("contract.stats.aspect", locale),
                        t("contract.stats.count", locale)));
                f.inconsistenciesByAspect().forEach(c -> x.row(t("contract.aspect." + c.key(), locale), c.count()));
                f.inconsistenciesByDepartment().forEach(c -> x.row(c.label() == null ? "-" : c.label(), c.count()));
            }
            statistics.exported(f);
            return ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename("contract-statistics-" + f.from() + "-" + f.to() + ".xlsx").build().toString())
                    .body(out.toByteArray());
        }

        private String t(String code, Locale locale) {
            return texts.render(Text.of(code), locale);
        }
    }
}
