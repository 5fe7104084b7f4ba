package com.careloop.reporting.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.platform.Text;
import com.careloop.platform.Texts;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * ECharts options (JSON for {@code data-chart}, drawn by static/js/charts.js as on the statistics pages) built from the
 * dashboard's tables, so a chart shows exactly the table's numbers.
 */
@Component
class DashboardCharts {

    private final JsonMapper json;
    private final Texts texts;

    DashboardCharts(JsonMapper json, Texts texts) {
        this.json = json;
        this.texts = texts;
    }

    /** complaint.pareto: bars of the counts, the cumulative share as a line on a % axis, 80 % marked; null without rows. */
    String pareto(Dashboards.Table pareto) {
        if (pareto == null || pareto.rows().isEmpty()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<BigDecimal> counts = new ArrayList<>();
        List<BigDecimal> cumulative = new ArrayList<>();
        for (Dashboards.TableRow r : pareto.rows()) {
            names.add(r.label());
            counts.add(r.values().get(0));
            BigDecimal c = r.values().get(2);
            cumulative.add(c == null ? null : c.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP));
        }
        String count = pareto.columns().get(0);
        String cum = pareto.columns().get(2);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("legend", Map.of("data", List.of(count, cum)));
        option.put("xAxis", List.of(Map.of("type", "category", "data", names)));
        option.put("yAxis", List.of(Map.of("type", "value", "name", count),
                Map.of("type", "value", "name", "%", "min", 0, "max", 100)));
        option.put("series", List.of(Map.of("name", count, "type", "bar", "data", counts),
                Map.of("name", cum, "type", "line", "yAxisIndex", 1, "data", cumulative,
                        "markLine", Map.of("silent", true, "symbol", "none", "data", List.of(Map.of("yAxis", 80))))));
        return json.writeValueAsString(option);
    }

    /** A table's first column as bars (requests by type); null without rows. */
    String bars(Dashboards.Table table) {
        if (table == null || table.rows().isEmpty()) {
            return null;
        }
        String name = table.columns().get(0);
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("xAxis", List.of(Map.of("type", "category", "data",
                table.rows().stream().map(Dashboards.TableRow::label).toList())));
        option.put("yAxis", List.of(Map.of("type", "value", "name", name)));
        option.put("series", List.of(Map.of("name", name, "type", "bar", "data",
                table.rows().stream().map(r -> r.values().get(0)).toList())));
        return json.writeValueAsString(option);
    }

    String title(String code) {
        return texts.render(Text.of("table." + code));
    }
}
