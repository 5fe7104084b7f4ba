package com.careloop.complaint.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.careloop.complaint.stats.StatsViews.ParetoRow;

import org.junit.jupiter.api.Test;

/** The statistics' arithmetic by hand: shares, per-1,000 rates and the Pareto with its vital few. */
class StatsMathTest {

    @Test
    void sharesAndPerThousandRatesAreNullWhenThereIsNothingToMeasure() {
        assertThat(StatsMath.share(3, 8)).isEqualTo(0.375);
        assertThat(StatsMath.share(0, 0)).isNull();
        assertThat(StatsMath.perThousand(8, 16)).isEqualTo(500.0);
        assertThat(StatsMath.perThousand(7, 2_000)).isEqualTo(3.5);
        assertThat(StatsMath.perThousand(5, 0)).isNull();
    }

    @Test
    void paretoSortsByCountWithCumulativeSharesAndTheVitalFewUpToEightyPercent() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("TRANSPORT_DAMAGE", 1L);
        counts.put("RAW_MATERIAL", 2L);
        counts.put("PROCESS", 4L);
        counts.put("OTHER", 1L);
        counts.put("STORAGE", 0L);
        List<ParetoRow> rows = StatsMath.pareto(counts);
        assertThat(rows).extracting(ParetoRow::cause).containsExactly("PROCESS", "RAW_MATERIAL", "OTHER", "TRANSPORT_DAMAGE");
        assertThat(rows).extracting(ParetoRow::count).containsExactly(4L, 2L, 1L, 1L);
        assertThat(rows.get(0).share()).isEqualTo(0.5);
        assertThat(rows.get(1).cumulative()).isEqualTo(0.75);
        assertThat(rows.get(2).cumulative()).isEqualTo(0.875);
        assertThat(rows.get(3).cumulative()).isCloseTo(1.0, within(1e-12));
        // the cause that crosses 80 % belongs to the vital few, the ones after it do not
        assertThat(rows).extracting(ParetoRow::vitalFew).containsExactly(true, true, true, false);
    }

    @Test
    void aCauseThatReachesExactlyEightyPercentEndsTheVitalFew() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("PROCESS", 8L);
        counts.put("EQUIPMENT", 1L);
        counts.put("OTHER", 1L);
        List<ParetoRow> rows = StatsMath.pareto(counts);
        assertThat(rows.get(0).cumulative()).isEqualTo(0.8);
        assertThat(rows).extracting(ParetoRow::vitalFew).containsExactly(true, false, false);
        assertThat(StatsMath.pareto(Map.of())).isEmpty();
    }
}
