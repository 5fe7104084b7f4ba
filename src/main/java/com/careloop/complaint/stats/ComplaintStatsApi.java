package com.careloop.complaint.stats;

import java.io.IOException;
import java.time.LocalDate;

import com.careloop.complaint.ComplaintPermissions;
import com.careloop.complaint.stats.StatsViews.Annual;
import com.careloop.complaint.stats.StatsViews.Statistics;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Complaint statistics and the annual summary over JSON, and both as .xlsx downloads. */
@RestController
class ComplaintStatsApi {

    private final ComplaintStatsService stats;
    private final StatsExcel excel;
    private final AnnualSummaryPrint annualPrint;

    ComplaintStatsApi(ComplaintStatsService stats, StatsExcel excel, AnnualSummaryPrint annualPrint) {
        this.stats = stats;
        this.excel = excel;
        this.annualPrint = annualPrint;
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/api/v1/complaints/statistics")
    Statistics statistics(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                          @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                          @RequestParam(required = false) String quick,
                          @RequestParam(required = false) StatsGroup groupBy) {
        return stats.statistics(from, to, quick, groupBy);
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/api/v1/complaints/statistics/export")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                @RequestParam(required = false) String quick, @RequestParam(required = false) StatsGroup groupBy,
                HttpServletResponse response) throws IOException {
        Statistics s = statistics(from, to, quick, groupBy);
        excel.statistics(s, Downloads.xlsx(response, "complaint-statistics-" + s.from() + "-" + s.to()));
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/api/v1/complaints/annual")
    Annual annual(@RequestParam(required = false) Integer year) {
        return stats.annual(year);
    }

    /** The annual summary as PDF in the reader's language (Accept-Language): complaint-annual-<year>.pdf. */
    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/api/v1/complaints/annual.pdf")
    ResponseEntity<byte[]> annualPdf(@RequestParam(required = false) Integer year) {
        return annualPrint.pdf(year, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/api/v1/complaints/annual/export")
    void annualExport(@RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        Annual a = annual(year);
        excel.annual(a, Downloads.xlsx(response, "complaint-annual-" + a.year()));
    }
}
