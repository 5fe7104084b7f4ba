package com.careloop.servicedesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which index conditions the service desk's keyword asks on PostgreSQL (plain unit tests of the branch list). */
class KeywordBranchesTest {

    static final String TEXT = "lower(" + ServiceRequestQueries.SEARCH_TEXT + ")";

    @Test
    void threeOrMoreLettersAndDigitsGoThroughTheTrigramsOfTheOneSearchedTextAndTheRoomValues() {
        assertThat(ServiceRequestQueries.indexedKeyword("漏水了")).containsExactly(TEXT + " like :kw",
                "r.unit_room in (select v.unit_room from service_request_room_value v where v.unit_room like :kw)");
        assertThat(ServiceRequestQueries.indexedKeyword("a12")).first().isEqualTo(TEXT + " like :kw");
    }

    @Test
    void aLongRecordNumberIsAskedByItsTailUnlessTheTailIsZeroPadding() {
        assertThat(ServiceRequestQueries.indexedKeyword("bb00123456")).first()
                .isEqualTo(TEXT + " like :codeTail and strpos(" + TEXT + ", :q) > 0");
        assertThat(ServiceRequestQueries.indexedKeyword("bb00300021")).as("a tail of zero padding").first()
                .isEqualTo(TEXT + " like :kw");
        assertThat(ServiceRequestQueries.indexedKeyword("漏水漏水漏水")).as("not a number").first()
                .isEqualTo(TEXT + " like :kw");
    }

    @Test
    void twoCharactersOrASeparatorGoThroughTheBigrams() {
        String bigrams = "careloop_bigrams(" + ServiceRequestQueries.SEARCH_TEXT + ") @> careloop_bigrams(:q) and strpos("
                + TEXT + ", :q) > 0";
        for (String q : new String[] {"漏水", "bb", "12-05", "3栋-12", "号 12"}) {
            assertThat(ServiceRequestQueries.indexedKeyword(q)).as(q).hasSize(2).first().isEqualTo(bigrams);
        }
    }

    @Test
    void wildcardsAndSingleCharactersKeepThePortableLike() {
        assertThat(ServiceRequestQueries.indexedKeyword("12_05")).isEmpty();
        assertThat(ServiceRequestQueries.indexedKeyword("5%")).isEmpty();
        assertThat(ServiceRequestQueries.indexedKeyword("漏")).isEmpty();
    }
}
