package com.careloop.survey.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;

import com.careloop.platform.RequiresPermission;
import com.careloop.survey.SurveyPermissions;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The campaign report over JSON and as an Excel file. */
@RestController
@RequestMapping("/api/v1/survey-campaigns/{id}")
class ReportApi {

    private final SurveyReports reports;
    private final ReportExport export;

    ReportApi(SurveyReports reports, ReportExport export) {
        this.reports = reports;
        this.export = export;
    }

    @RequiresPermission(SurveyPermissions.REPORT)
    @GetMapping("/report")
    SurveyReport report(@PathVariable long id) {
        return reports.report(id);
    }

    @RequiresPermission(SurveyPermissions.REPORT)
    @GetMapping("/report/export")
    void excel(@PathVariable long id, Locale locale, HttpServletResponse response) {
        download(reports.report(id), locale, export, response);
    }

    /** Writes the report as an attachment named after the campaign code. */
    static void download(SurveyReport report, Locale locale, ReportExport export, HttpServletResponse response) {
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"survey-report-"
                + report.campaignCode().replaceAll("[^A-Za-z0-9._-]", "_") + ".xlsx\"");
        try {
            export.write(report, locale, response.getOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
