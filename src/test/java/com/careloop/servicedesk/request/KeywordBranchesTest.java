package com.careloop.servicedesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which columns the service desk's keyword asks on PostgreSQL (plain unit tests of the branch list). */
class KeywordBranchesTest {

    @Test
    void theRecordNumberIsAskedOnlyForLettersDigitsAndDashesAndByItsTailFromSixCharacters() {
        assertThat(ServiceRequestQueries.indexedKeyword("漏水了")).hasSize(4).noneMatch(b -> b.contains("code"));
        assertThat(ServiceRequestQueries.indexedKeyword("3栋-12")).hasSize(4).anyMatch(b -> b.contains("service_request_room_value"));
        assertThat(ServiceRequestQueries.indexedKeyword("bb00123456")).hasSize(5)
                .contains("lower(r.code) like :codeTail and strpos(lower(r.code), :q) > 0");
        assertThat(ServiceRequestQueries.indexedKeyword("a12")).hasSize(5).contains("lower(r.code) like :kw");
        assertThat(ServiceRequestQueries.indexedKeyword("bb00300021")).as("a tail of zero padding").hasSize(5)
                .contains("lower(r.code) like :kw");
        // a separator: bigrams (trigrams would split "12-05" into padded short words that many titles have)
        assertThat(ServiceRequestQueries.indexedKeyword("12-05")).hasSize(5)
                .contains("careloop_bigrams(r.code) @> careloop_bigrams(:q) and strpos(lower(r.code), :q) > 0")
                .noneMatch(b -> b.contains("like :kw") && !b.contains("service_request_room_value"));
        assertThat(ServiceRequestQueries.indexedKeyword("bb")).hasSize(5);
        assertThat(ServiceRequestQueries.indexedKeyword("漏水")).hasSize(4);
    }

    @Test
    void wildcardsAndSingleCharactersKeepThePortableLike() {
        assertThat(ServiceRequestQueries.indexedKeyword("12_05")).isEmpty();
        assertThat(ServiceRequestQueries.indexedKeyword("5%")).isEmpty();
        assertThat(ServiceRequestQueries.indexedKeyword("漏")).isEmpty();
    }
}
