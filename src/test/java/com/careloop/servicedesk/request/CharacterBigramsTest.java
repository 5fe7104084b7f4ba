package com.careloop.servicedesk.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import com.careloop.support.ApiTestBase;
import com.careloop.support.TestDatabases;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code careloop_bigrams} (V178's loop) gives the same set of character bigrams as V4's definition did, for
 * Chinese, Latin in any case, digits and separators, characters outside the basic plane, and the short and empty
 * texts; the search indexes only ask containment of that set (PostgreSQL only: H2 searches with LIKE).
 */
class CharacterBigramsTest extends ApiTestBase {

    /** V4's definition, kept here as the reference. */
    static final String V4 = """
            select coalesce(array_agg(distinct substr(lower(cast(:t as text)), i, 2)), '{}')
            from generate_series(1, greatest(char_length(cast(:t as text)) - 1, 1)) i""";

    @Autowired
    JdbcClient jdbc;

    List<String> distinctSorted(String sql, String t) {
        return jdbc.sql("select array(select distinct x from unnest((" + sql + ")) x order by x)").param("t", t)
                .query((rs, n) -> {
                    Object[] values = (Object[]) rs.getArray(1).getArray();
                    return Arrays.stream(values).map(v -> (String) v).toList();
                }).single();
    }

    @Test
    void theLoopGivesTheBigramsOfTheOldDefinition() {
        Assumptions.assumeTrue(TestDatabases.onPostgres(), "careloop_bigrams is PostgreSQL's");
        Random random = new Random(20261206);
        List<String> texts = new ArrayList<>(Arrays.asList("", "a", "漏", "AbC", "漏水了", "3栋-1205 号", "𠀀字𠀁",
                "BS2026-000123", "  ", "aa", "aAa"));
        String alphabet = "漏水门禁空调报修ABCabc0123456789- 号栋𠀀";
        for (int i = 0; i < 200; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(30);
            for (int k = 0; k < length; k++) {
                s.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            texts.add(s.toString());
        }
        for (String t : texts) {
            assertThat(distinctSorted("select careloop_bigrams(cast(:t as text))", t)).as("«%s»", t)
                    .isEqualTo(distinctSorted(V4, t));
        }
        assertThat(jdbc.sql("select careloop_bigrams(null) = (" + V4.replace(":t", "null") + ")").query(Boolean.class)
                .single()).as("null").isTrue();
    }
}
