package com.careloop.fieldservice.stats;

import java.time.LocalDate;

import com.careloop.fieldservice.FieldServicePermissions;
import com.careloop.platform.RequiresPermission;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The field-service statistics page (the period form, the tables, the Pareto of failure modes, the .xlsx link). */
@Controller
class StatisticsPage {

    private final FieldStatistics statistics;

    StatisticsPage(FieldStatistics statistics) {
        this.statistics = statistics;
    }

    @RequiresPermission(FieldServicePermissions.MANAGE)
    @GetMapping("/field-services/statistics")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to, Model model) {
        model.addAttribute("s", statistics.of(from, to));
        return "fieldservice/stats/statistics";
    }
}
