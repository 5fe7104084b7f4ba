package com.careloop.survey.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** The report's ECharts options built on the server from the report's own figures (fragments/charts.html). */
@Component
class ReportCharts {

    private final MessageSource messages;
    private final JsonMapper json;

    ReportCharts(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** Stacked horizontal bars: answers per rating for each item, best rating first. */
    String distribution(SurveyReport r, Locale locale) {
        List<Object> series = new ArrayList<>();
        List<Integer> ratings = r.scale().ratings();
        for (int k = 0; k < ratings.size(); k++) {
            int index = k;
            series.add(Map.of("name", label(r, ratings.get(k), locale), "type", "bar", "stack", "total",
                    "data", r.items().stream().map(i -> i.counts().get(index)).toList()));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", ratings.stream().map(x -> label(r, x, locale)).toList()));
        option.put("grid", Map.of("left", "20%"));
        option.put("xAxis", Map.of("type", "value"));
        option.put("yAxis", Map.of("type", "category", "inverse", true,
                "data", r.items().stream().map(SurveyReport.ItemLine::text).toList()));
        option.put("series", series);
        return json.writeValueAsString(option);
    }

    /** Lines over the campaigns of the template: raw, adjusted and weighted index. */
    String trend(SurveyReport r, Locale locale) {
        String raw = messages.getMessage("surveycore.report.raw", null, locale);
        String adjusted = messages.getMessage("surveycore.report.adjusted", null, locale);
        String index = messages.getMessage("surveycore.report.index", null, locale);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.of(raw, adjusted, index)));
        option.put("xAxis", Map.of("type", "category", "data", r.trend().stream().map(SurveyReport.TrendPoint::code).toList()));
        option.put("yAxis", Map.of("type", "value", "scale", true));
        option.put("series", List.of(
                line(raw, r.trend().stream().map(SurveyReport.TrendPoint::raw).toList()),
                line(adjusted, r.trend().stream().map(SurveyReport.TrendPoint::adjusted).toList()),
                line(index, r.trend().stream().map(SurveyReport.TrendPoint::weightedIndex).toList())));
        return json.writeValueAsString(option);
    }

    private static Map<String, Object> line(String name, List<?> data) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("type", "line");
        s.put("data", data);
        return s;
    }

    private String label(SurveyReport r, int rating, Locale locale) {
        return messages.getMessage("surveycore.rating." + r.scale().name() + "." + rating, null, locale);
    }
}
