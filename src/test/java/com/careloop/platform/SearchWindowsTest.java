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
        // a phone's last four digits at one million: 10 in the newest 20,000 → ~500 matches (at cost 1)
        // against 102,000 rows walked for 51
        assertThat(SearchWindows.indexCheaper(20_000, 10, 50, 1_000_000)).isTrue();
        // none in the window: rare
        assertThat(SearchWindows.indexCheaper(20_000, 0, 50, 1_000_000)).isTrue();
        // 40 in 20,000 at one million: ~2,000 matches against 25,500 rows: the index
        assertThat(SearchWindows.indexCheaper(20_000, 40, 50, 1_000_000)).isTrue();
        // '客户150' at ten million: 32 in the newest 10,000 → ~32,000 candidates against 15,937.5 rows: walk wider
        assertThat(SearchWindows.indexCheaper(10_000, 32, 50, 10_000_000)).isFalse();
        // '9819' at ten million: 13 in 10,000 → 13,000 against 39,230.8 rows: the index (walking cost ~100 ms)
        assertThat(SearchWindows.indexCheaper(10_000, 13, 50, 10_000_000)).isTrue();
        // the boundary at ten million in 20,000: 45 → 22,500 against 22,666.7 rows: the index; 46 → 23,000 against
        // 22,173.9: walk
        assertThat(SearchWindows.indexCheaper(20_000, 45, 50, 10_000_000)).isTrue();
        assertThat(SearchWindows.indexCheaper(20_000, 46, 50, 10_000_000)).isFalse();
    }
}
