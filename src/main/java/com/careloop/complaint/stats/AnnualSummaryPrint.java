package com.careloop.complaint.stats;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.careloop.complaint.stats.StatsViews.Annual;
import com.careloop.complaint.stats.StatsViews.ParetoRow;
import com.careloop.platform.PrintCharts;
import com.careloop.platform.PrintDocuments;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The annual complaint summary (management review input) of one year on the platform renderer: the browser's print
 * view (with the year navigation, screen only) and the PDF {@code complaint-annual-<year>.pdf}, both from the print
 * template {@code complaint/print/annual}; the Pareto of causes as a chart image. The procedure gives it no form code.
 */
@Component
class AnnualSummaryPrint {

    static final PrintDocuments.Form FORM = new PrintDocuments.Form("complaint/print/annual", null,
            "complaintstats.annual.printTitle");

    private final ComplaintStatsService stats;
    private final PrintDocuments print;
    private final PrintCharts charts;
    private final StatsLabels labels;

    AnnualSummaryPrint(ComplaintStatsService stats, PrintDocuments print, PrintCharts charts, StatsLabels labels) {
        this.stats = stats;
        this.print = print;
        this.charts = charts;
        this.labels = labels;
    }

    String html(Integer year, Locale locale) {
        Annual a = stats.annual(year);
        return print.html(FORM.template(), model(a, true), header(a), locale);
    }

    ResponseEntity<byte[]> pdf(Integer year, Locale locale) {
        Annual a = stats.annual(year);
        return PrintDocuments.download("complaint-annual-" + a.year(),
                print.pdf(FORM.template(), model(a, false), header(a), locale));
    }

    private static PrintDocuments.Header header(Annual a) {
        return FORM.header(null, String.valueOf(a.year()));
    }

    private Map<String, Object> model(Annual a, boolean links) {
        Map<String, Object> model = new HashMap<>();
        model.put("a", a);
        for (StatsGroup g : StatsGroup.values()) {
            model.put("g" + g.name(), g);
        }
        model.put("links", links);
        List<ParetoRow> pareto = a.pareto();
        model.put("paretoChart", pareto.isEmpty() ? null : charts.pareto(labels.message("complaintstats.pareto"),
                labels.message("complaintstats.count"), labels.message("complaintstats.cumulative"),
                pareto.stream().map(p -> labels.cause(p.cause())).toList(),
                pareto.stream().map(ParetoRow::count).toList()));
        return model;
    }
}
