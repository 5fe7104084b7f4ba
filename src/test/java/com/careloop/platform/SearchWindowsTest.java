package com.careloop.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The windows of a newest-first keyword search: how they widen and when the index reads all matches instead. */
class SearchWindowsTest {

    @Test
    void aWindowWithSomeMatchesWidensByTheirDensityAndOneWithoutEndsTheWindows() {
        // 22 matches in 20,000 ids, a page of 50 (+1): twice the 46,364 ids their density needs for 51
        assertThat(SearchWindows.wider(20_000, 22, 50)).isEqualTo(92_727);
        // 50 of 51: twice the 20,400 ids their density needs
        assertThat(SearchWindows.wider(20_000, 50, 50)).isEqualTo(40_800);
        // at least twice as wide, however dense
        assertThat(SearchWindows.wider(20_000, 500, 50)).isEqualTo(40_000);
        assertThat(SearchWindows.wider(20_000, 0, 50)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void theIndexReadsAllMatchesWhenTheirDensitySaysThatCostsLessThanWalkingForAPage() {
        // a phone's last four digits at one million: 10 in the newest 20,000 → ~500 matches (2,000 at cost 4)
        // against 102,000 rows walked for 51
        assertThat(SearchWindows.indexCheaper(20_000, 10, 50, 1_000_000)).isTrue();
        // none in the window: rare
        assertThat(SearchWindows.indexCheaper(20_000, 0, 50, 1_000_000)).isTrue();
        // 40 in 20,000 at one million: ~2,000 matches (8,000) against 25,500 rows: the index
        assertThat(SearchWindows.indexCheaper(20_000, 40, 50, 1_000_000)).isTrue();
        // the same density at ten million: ~20,000 matches (80,000) against 25,500 rows: walk a wider window
        assertThat(SearchWindows.indexCheaper(20_000, 40, 50, 10_000_000)).isFalse();
        // near the boundary, 6,375,000 ids: 20 in 20,000 → 6,375 matches × 4 = 25,500 against 51,000 rows: the index;
        // 30 → 9,562.5 × 4 = 38,250 against 34,000: walk
        assertThat(SearchWindows.indexCheaper(20_000, 20, 50, 6_375_000)).isTrue();
        assertThat(SearchWindows.indexCheaper(20_000, 30, 50, 6_375_000)).isFalse();
    }
}
