package com.careloop.survey.report;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.careloop.platform.excel.XlsxExport;
import com.careloop.survey.scoring.Adjustment;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The 顾客满意度调查统计表 as one Excel sheet for the management review: items, totals, figures, opinions. */
@Component
public class ReportExport {

    private final MessageSource messages;

    ReportExport(MessageSource messages) {
        this.messages = messages;
    }

    public void write(SurveyReport r, Locale locale, OutputStream out) {
        List<String> headers = new ArrayList<>();
        headers.add(m("surveycore.report.item", locale));
        for (int rating : r.scale().ratings()) {
            headers.add(m("surveycore.rating." + r.scale().name() + "." + rating, locale) + " (" + r.scale().points(rating)
                    .stripTrailingZeros().toPlainString() + ")");
        }
        headers.add(m("surveycore.report.answers", locale));
        headers.add(m("surveycore.report.average", locale));
        headers.add(m("surveycore.report.rate", locale));
        try (var xlsx = XlsxExport.open(out, m("surveycore.report.title", locale), headers)) {
            for (SurveyReport.ItemLine i : r.items()) {
                xlsx.row(cells(i.text(), i.counts(), i.answers(), i.averagePoints(), i.satisfactionRate()));
            }
            xlsx.row(cells(m("surveycore.report.total", locale), r.totals().counts(), r.totals().answers(),
                    r.totals().averagePoints(), r.totals().satisfactionRate()));
            xlsx.row();
            for (SurveyReport.DimensionLine d : r.dimensions()) {
                xlsx.row(m("surveycore.report.dimension", locale) + " " + d.name(), d.weight(), d.figure());
            }
            xlsx.row();
            xlsx.row(m("surveycore.report.campaign", locale), r.campaignCode() + " " + r.campaignName());
            xlsx.row(m("surveycore.report.period", locale), r.periodFrom(), r.periodTo());
            xlsx.row(m("surveycore.report.population", locale), r.population());
            xlsx.row(m("surveycore.report.sampleSize", locale), r.sampleSize());
            xlsx.row(m("surveycore.report.sent", locale), r.sent());
            xlsx.row(m("surveycore.report.answered", locale), r.answered());
            xlsx.row(m("surveycore.report.issueRate", locale), r.issueRate());
            xlsx.row(m("surveycore.report.responseRate", locale), r.responseRate());
            xlsx.row(m("surveycore.report.rateBefore", locale), r.responseRateBeforeSupplementary());
            xlsx.row(m("surveycore.report.overallScore", locale), r.overallScore());
            xlsx.row(m("surveycore.report.overallRate", locale), r.overallRate());
            xlsx.row(m("surveycore.report.raw", locale), r.overall().raw());
            for (Adjustment a : r.overall().adjustments()) {
                xlsx.row(m("surveycore.adjustment." + a.kind(), locale), a.count(), a.step(), a.change());
            }
            xlsx.row(m("surveycore.report.adjusted", locale), r.overall().adjusted());
            xlsx.row(m("surveycore.report.index", locale), r.weightedIndex());
            xlsx.row(m("surveycore.report.classes", locale), r.classA(), r.classB(), r.classC());
            xlsx.row(m("surveycore.report.change", locale), r.changeVsPrevious());
            xlsx.row();
            xlsx.row(m("surveycore.report.opinions", locale));
            for (SurveyReport.Opinion o : r.opinions()) {
                xlsx.row(o.customerName(), o.answeredAt(), String.valueOf(o.respondentClass()), o.text(),
                        o.faultConfirmed() ? m("surveycore.report.fault", locale) : "");
            }
        }
    }

    private static Object[] cells(String label, List<Long> counts, long answers, BigDecimal average, BigDecimal rate) {
        List<Object> cells = new ArrayList<>();
        cells.add(label);
        cells.addAll(counts);
        cells.add(answers);
        cells.add(average);
        cells.add(rate);
        return cells.toArray();
    }

    private String m(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
