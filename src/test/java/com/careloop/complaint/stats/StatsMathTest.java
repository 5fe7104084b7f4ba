package com.careloop.complaint.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
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
    void p90InterpolatesBetweenTheTwoNearestRanksLikePercentileCont() {
        // 1, 2, 3, 4, 6, 10 days: position 0.9 * 5 = 4.5 -> 6 + 0.5 * (10 - 6) = 8 days
        Map<Long, Long> hours = new LinkedHashMap<>();
        for (long days : new long[] {10, 2, 6, 1, 4, 3}) {
            hours.merge(days * 24, 1L, Long::sum);
        }
        assertThat(StatsMath.p90Days(hours)).isCloseTo(8.0, within(1e-12));
        // repeated values: 1 day x 9, 5 days x 1 -> position 8.1: rank 8 is 1 day, rank 9 is 5 days -> 1.4
        assertThat(StatsMath.p90Days(Map.of(24L, 9L, 120L, 1L))).isCloseTo(1.4, within(1e-12));
        // 1 day x 10, 5 days x 1 -> n 11, position 9.0: rank 9 is 1 day
        assertThat(StatsMath.p90Days(Map.of(24L, 10L, 120L, 1L))).isCloseTo(1.0, within(1e-12));
        // 1 day x 8, 5 days x 2 -> position 8.1: rank 8 is 5 days, rank 9 is 5 days
        assertThat(StatsMath.p90Days(Map.of(24L, 8L, 120L, 2L))).isCloseTo(5.0, within(1e-12));
        // 1 day x 9, 11 days x 2 -> n 11, position 9: exactly rank 9 (11 days)
        assertThat(StatsMath.p90Days(Map.of(24L, 9L, 264L, 2L))).isCloseTo(11.0, within(1e-12));
        assertThat(StatsMath.p90Days(Map.of(12L, 1L))).isCloseTo(0.5, within(1e-12));
        // hour bins: 1 h and 2 h -> position 0.9: 1 + 0.9 * (2 - 1) = 1.9 h = 0.0791666… days
        assertThat(StatsMath.p90Days(Map.of(1L, 1L, 2L, 1L))).isCloseTo(1.9 / 24, within(1e-12));
        assertThat(StatsMath.p90Days(Map.of())).isNull();
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

    static LocalDate d(String day) {
        return LocalDate.parse(day);
    }

    static List<LocalDate> span(String from, String to, String today) {
        return List.of(StatsMath.rolledSpan(d(from), d(to), d(today)));
    }

    @Test
    void theRolledUpMonthsAreTheWholeOnesAndAPartialOneWhenLessOfItLiesOutsideThePeriod() {
        // whole months only: Jan 20 - Mar 15 (Jan: 12 days in, 19 out; Mar: 15 in, 16 out) -> February
        assertThat(span("2013-01-20", "2013-03-15", "2026-12-02")).containsExactly(d("2013-02-01"), d("2013-03-01"));
        // Jan 6 - Mar 28: 5 days of January and 3 of March outside -> January to March, those days taken off
        assertThat(span("2013-01-06", "2013-03-28", "2026-12-02")).containsExactly(d("2013-01-01"), d("2013-04-01"));
        // March 1-16 in (16 days), 17-31 out (15): taken off; March 1-15 in (15), 16-31 out (16): live
        assertThat(span("2013-02-01", "2013-03-16", "2026-12-02")).containsExactly(d("2013-02-01"), d("2013-04-01"));
        assertThat(span("2013-02-01", "2013-03-15", "2026-12-02")).containsExactly(d("2013-02-01"), d("2013-03-01"));
        // whole calendar year, and this year up to today: the days after today have no complaints
        assertThat(span("2025-01-01", "2025-12-31", "2026-12-02")).containsExactly(d("2025-01-01"), d("2026-01-01"));
        assertThat(span("2026-01-01", "2026-12-02", "2026-12-02")).containsExactly(d("2026-01-01"), d("2027-01-01"));
        // the bench's year: Dec 3 - Dec 2 -> December 2025 less its first two days, and December 2026 up to today
        assertThat(span("2025-12-03", "2026-12-02", "2026-12-02")).containsExactly(d("2025-12-01"), d("2027-01-01"));
        // within one month: 2 days outside against 26 inside -> the month; 11 inside against 17 outside -> none
        assertThat(span("2013-02-02", "2013-02-27", "2026-12-02")).containsExactly(d("2013-02-01"), d("2013-03-01"));
        assertThat(span("2013-02-10", "2013-02-20", "2026-12-02")).containsExactly(d("2013-02-21"), d("2013-02-21"));
        assertThat(span("2013-02-01", "2013-02-28", "2026-12-02")).containsExactly(d("2013-02-01"), d("2013-03-01"));
        // two partial months, neither worth it: none
        assertThat(span("2013-01-20", "2013-02-10", "2026-12-02")).containsExactly(d("2013-02-11"), d("2013-02-11"));
    }
}
