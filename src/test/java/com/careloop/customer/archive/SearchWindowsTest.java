package com.careloop.customer.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The widening of the customer search's windows and the record-number condition (plain unit tests). */
class SearchWindowsTest {

    @Test
    void aWindowWithSomeMatchesWidensByTheirDensityAndOneWithoutEndsTheWindows() {
        // 22 matches in 20,000 ids, a page of 50 (+1): twice the 46,364 ids their density needs for 51
        assertThat(CustomerService.wider(20_000, 22, 50)).isEqualTo(92_727);
        // 50 of 51: twice the 20,400 ids their density needs
        assertThat(CustomerService.wider(20_000, 50, 50)).isEqualTo(40_800);
        // at least twice as wide, however dense
        assertThat(CustomerService.wider(20_000, 500, 50)).isEqualTo(40_000);
        assertThat(CustomerService.wider(20_000, 0, 50)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aWholeRecordNumberAsksTheIndexForItsLastFiveCharactersAndStrposForAllOfIt() {
        Map<String, Object> params = new HashMap<>();
        assertThat(CustomerService.codeCondition("kb00796919", params))
                .isEqualTo("lower(s.code) like :codeTail and strpos(lower(s.code), :q) > 0");
        assertThat(params).containsEntry("codeTail", "%96919%");
        Map<String, Object> shorter = new HashMap<>();
        assertThat(CustomerService.codeCondition("96919", shorter)).isEqualTo("lower(s.code) like :kw");
        assertThat(CustomerService.codeCondition("kb00_96919", shorter)).as("a wildcard keeps LIKE").isEqualTo("lower(s.code) like :kw");
        assertThat(CustomerService.codeCondition("kb00300021", shorter)).as("a tail of zero padding").isEqualTo("lower(s.code) like :kw");
        assertThat(shorter).doesNotContainKey("codeTail");
    }
}
