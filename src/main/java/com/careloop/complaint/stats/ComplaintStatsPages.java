package com.careloop.complaint.stats;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.complaint.ComplaintPermissions;
import com.careloop.complaint.stats.StatsViews.Annual;
import com.careloop.complaint.stats.StatsViews.ParetoRow;
import com.careloop.complaint.stats.StatsViews.Statistics;
import com.careloop.platform.RequiresPermission;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import tools.jackson.databind.json.JsonMapper;

/** The statistics page with the Pareto chart, the printable annual summary, and their Excel downloads. */
@Controller
class ComplaintStatsPages {

    private final ComplaintStatsService stats;
    private final StatsExcel excel;
    private final StatsLabels labels;
    private final JsonMapper json;
    private final AnnualSummaryPrint annual;

    ComplaintStatsPages(ComplaintStatsService stats, StatsExcel excel, StatsLabels labels, JsonMapper json,
                        AnnualSummaryPrint annual) {
        this.annual = annual;
        this.stats = stats;
        this.excel = excel;
        this.labels = labels;
        this.json = json;
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/complaints/stats")
    String statistics(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                      @RequestParam(required = false) String quick,
                      @RequestParam(required = false) StatsGroup groupBy, Model model) {
        Statistics s = stats.statistics(from, to, quick, groupBy);
        model.addAttribute("s", s);
        model.addAttribute("groups", StatsGroup.values());
        model.addAttribute("paretoChart", paretoChart(s.pareto()));
        return "complaint/stats";
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/complaints/stats/export")
    void export(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
                @RequestParam(required = false) String quick, @RequestParam(required = false) StatsGroup groupBy,
                HttpServletResponse response) throws IOException {
        Statistics s = stats.statistics(from, to, quick, groupBy);
        excel.statistics(s, Downloads.xlsx(response, "complaint-statistics-" + s.from() + "-" + s.to()));
    }

    /** The browser's print view of the annual summary: the same document as the PDF, with the year navigation. */
    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping(value = "/complaints/annual", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String annual(@RequestParam(required = false) Integer year) {
        return annual.html(year, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/complaints/annual.pdf")
    ResponseEntity<byte[]> annualPdf(@RequestParam(required = false) Integer year) {
        return annual.pdf(year, LocaleContextHolder.getLocale());
    }

    @RequiresPermission(ComplaintPermissions.VIEW)
    @GetMapping("/complaints/annual/export")
    void annualExport(@RequestParam(required = false) Integer year, HttpServletResponse response) throws IOException {
        Annual a = stats.annual(year);
        excel.annual(a, Downloads.xlsx(response, "complaint-annual-" + a.year()));
    }

    /** The Pareto as an ECharts option: bars of counts, a line of the cumulative % on a second axis, 80 % marked. */
    String paretoChart(List<ParetoRow> pareto) {
        List<String> names = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<Double> cumulative = new ArrayList<>();
        for (ParetoRow p : pareto) {
            names.add(labels.cause(p.cause()));
            counts.add(p.count());
            cumulative.add(Math.round(p.cumulative() * 1000) / 10.0);
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.of(labels.message("complaintstats.count"),
                labels.message("complaintstats.cumulative"))));
        option.put("xAxis", List.of(Map.of("type", "category", "data", names)));
        option.put("yAxis", List.of(Map.of("type", "value", "name", labels.message("complaintstats.count")),
                Map.of("type", "value", "name", "%", "min", 0, "max", 100)));
        option.put("series", List.of(
                Map.of("name", labels.message("complaintstats.count"), "type", "bar", "data", counts),
                Map.of("name", labels.message("complaintstats.cumulative"), "type", "line", "yAxisIndex", 1,
                        "data", cumulative, "markLine", Map.of("silent", true, "symbol", "none",
                                "data", List.of(Map.of("yAxis", 80))))));
        return json.writeValueAsString(option);
    }
}
