package com.careloop.customer.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The record-number condition of the customer search (plain unit tests). */
class CustomerCodeConditionTest {

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
