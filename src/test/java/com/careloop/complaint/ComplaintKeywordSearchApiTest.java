package com.careloop.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

/**
 * The list's keyword search gives the rows of the plain LIKE over the searched text, newest first, page by page:
 * on PostgreSQL through the trigram and bigram indexes (V54), on H2 the LIKE itself. The reference is worked out
 * here in Java over every complaint: the lower-cased text of code, customer, customer code, order number,
 * product and content contains the keyword.
 */
class ComplaintKeywordSearchApiTest extends ComplaintTestBase {

    static final String BASE = "/api/v1/complaints";

    long receive(long customer, String order, String product, String content) {
        Response r = post(BASE, tokenFor("complaints"), j("{'customerId':" + customer + ",'channel':'PHONE','orderNumber':'"
                + order + "','product':'" + product + "','content':'" + content + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** Every page of the search, limit 3 a page. */
    List<Long> search(String q) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        do {
            Response r = get(BASE + "?limit=3&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)
                    + (cursor == null ? "" : "&cursor=" + cursor), tokenFor("gm"));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode page = r.json();
            page.get("items").forEach(i -> ids.add(i.get("id").asLong()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        return ids;
    }

    /** What the LIKE finds: the complaints whose searched text contains the keyword, newest first. */
    List<Long> like(String q) {
        String word = q.strip().toLowerCase(Locale.ROOT);
        return jdbc.sql("""
                select id, code || ' ' || customer_name || ' ' || coalesce(customer_code, '') || ' '
                       || coalesce(order_number, '') || ' ' || coalesce(product, '') || ' ' || content
                from complaint order by id desc""")
                .query((rs, n) -> rs.getString(2).toLowerCase(Locale.ROOT).contains(word) ? rs.getLong(1) : null).list()
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    @Test
    void theIndexedSearchFindsTheLikesRowsInTheLikesOrder() {
        String m = UUID.randomUUID().toString().substring(0, 6);
        long customer = customer();
        long first = receive(customer, "HT-" + m + "1", "纸箱AB-" + m, "抗压不足，堆码后塌箱");
        receive(customer, "HT-" + m + "2", "彩印礼盒", "印刷色差明显，五折退货_内部");
        receive(customer(), "HT-" + m + "3", "纸箱ab", "纸箱塌箱，交期延误");
        for (int i = 0; i < 4; i++) {
            receive(customer, "HT-" + m + "4" + i, "蜂窝纸板 " + i, "纸板受潮发软，塌箱" + i);
        }
        String code = jdbc.sql("select code from complaint where id = :id").param("id", first).query(String.class).single();
        List<String> keywords = List.of(
                "塌箱", "色差", "礼盒", "受潮",              // 2-character Chinese words: the bigram index
                "纸箱AB", "蜂窝纸板", "HT-" + m,              // product fragment (any case), order numbers: trigrams
                code.substring(code.length() - 5), code,      // record number fragment, the whole number
                m + " 抗压",                                  // across two fields: product's end, content's start
                "_内", "%", "折_", " 塌箱 ",                   // wildcards are characters, blanks around are trimmed
                "箱", "x", "无此词语", "qq");                  // one character (no index), no match
        for (String q : keywords) {
            assertThat(search(q)).as(q).isEqualTo(like(q));
        }
        assertThat(search("HT-" + m + "4")).hasSize(4);
        assertThat(search(m + " 抗压")).containsExactly(first);
    }
}
