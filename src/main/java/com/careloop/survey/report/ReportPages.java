package com.careloop.survey.report;

import java.util.Locale;

import com.careloop.platform.NotFoundException;
import com.careloop.platform.RequiresPermission;
import com.careloop.survey.SurveyPermissions;
import com.careloop.survey.response.SurveyResponses;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The 顾客满意度调查统计表 page (R-QP-005-02 layout) with charts, its Excel export and the fault confirmation. */
@Controller
class ReportPages {

    private final SurveyReports reports;
    private final ReportCharts charts;
    private final ReportExport export;
    private final SurveyResponses responses;

    ReportPages(SurveyReports reports, ReportCharts charts, ReportExport export, SurveyResponses responses) {
        this.reports = reports;
        this.charts = charts;
        this.export = export;
        this.responses = responses;
    }

    @RequiresPermission(SurveyPermissions.REPORT)
    @GetMapping("/surveys/campaigns/{id}/report")
    String report(@PathVariable long id, Locale locale, Model model) {
        SurveyReport r = reports.report(id);
        model.addAttribute("r", r);
        model.addAttribute("distributionChart", charts.distribution(r, locale));
        model.addAttribute("trendChart", charts.trend(r, locale));
        model.addAttribute("maxOpinions", SurveyReports.MAX_OPINIONS);
        return "survey/report";
    }

    @RequiresPermission(SurveyPermissions.REPORT)
    @GetMapping("/surveys/campaigns/{id}/report/export")
    void excel(@PathVariable long id, Locale locale, HttpServletResponse response) {
        ReportApi.download(reports.report(id), locale, export, response);
    }

    @RequiresPermission(SurveyPermissions.REPORT)
    @PostMapping("/surveys/campaigns/{id}/report/opinions/{responseId}/fault")
    String fault(@PathVariable long id, @PathVariable long responseId, @RequestParam boolean confirmed,
                 RedirectAttributes flash) {
        if (responses.detail(responseId).campaignId() != id) {
            throw new NotFoundException(SurveyResponses.RECORD_TYPE, responseId);
        }
        responses.confirmFault(responseId, confirmed);
        flash.addFlashAttribute("success", true);
        return "redirect:/surveys/campaigns/" + id + "/report#opinions";
    }
}
