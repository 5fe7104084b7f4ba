package com.careloop.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.KeysetPages;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;


/**
 * The queue's keyword search asks the record number only for keywords a number can contain (by the number's
 * last 5 characters from 6), keywords with a separator through bigrams, rooms through their distinct values
 * (docs/servicedesk.md, "Keyword search"). Its answers must stay those of a plain {@code LIKE} over title,
 * description, customer, room and record number — what the search always meant, on H2 and on PostgreSQL: every
 * case pages through the API (2 a page, a window of 6 requests, so pages come from windows, wider windows and the
 * unbounded look-up) and compares with that query.
 */
// both small windows, so the customer and service-desk search tests share one application context
@TestPropertySource(properties = {"careloop.customer.search-window=6", "careloop.servicedesk.search-window=6"})
class ServiceDeskSearchApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/service-requests";

    @Autowired
    JdbcClient jdbc;

    final Random random = new Random();

    @Test
    void chineseRoomsDigitsInTitlesAndCustomersGiveTheSameMatchesAsLike() {
        String t = cjk(3);
        String d = "9" + String.format("%05d", random.nextInt(100_000));
        String fd = tokenFor("frontdesk");
        long customer = customer("业主" + t + "先生");
        List<Long> ids = new ArrayList<>();
        ids.add(request(fd, customer, "漏水" + t, "描述", "翠湖" + t + "栋-12" + d));
        ids.add(request(fd, null, "报修" + d + "号", "描述" + t + "结束", null));
        ids.add(request(fd, null, "门禁", "编号 " + d, "A" + d));
        for (int i = 0; i < 5; i++) {
            request(fd, null, "无关" + UUID.randomUUID().toString().substring(0, 6), "无关", null); // newer non-matches
        }
        ids.add(request(fd, null, "空调" + t + d, "描述", null));
        for (String q : List.of(t, t.substring(1), t + "栋-12", "栋-12" + d, d, "2" + d, "业主" + t, t + "先生", "a" + d,
                t.substring(0, 2), d.substring(0, 2), "号 " + d.substring(0, 3), "a" + d.substring(0, 1) + "-",
                // none among the newest 6 (the index is read instead of the newest ids), and in no request at all
                "A" + d, "无此" + t, t + "无")) {
            assertThat(searchAll(q, 2)).as(q).isEqualTo(like(q));
        }
        java.util.Collections.reverse(ids);
        assertThat(searchAll(d, 2)).as("title, description, room and title again, newest first").containsExactly(
                ids.get(0), ids.get(1), ids.get(2), ids.get(3));
    }

    @Test
    void recordNumbersByWholeNumberTailPrefixAndCase() {
        String fd = tokenFor("frontdesk");
        long id = request(fd, null, "编号查询" + UUID.randomUUID().toString().substring(0, 4), "描述", null);
        String code = get(BASE + "/" + id, fd).json().get("code").asString();
        for (String q : List.of(code, code.toLowerCase(), code.substring(code.length() - 6), code.substring(2),
                code.substring(code.length() - 4), code + "9", code.substring(1, 9))) {
            assertThat(searchAll(q, 2)).as(q).isEqualTo(like(q));
        }
        assertThat(searchAll(code.toLowerCase(), 2)).containsExactly(id);
        String prefix = code.substring(0, Math.min(6, code.length()));
        List<Long> all = like(prefix);
        assertThat(firstPages(prefix, 5, 3)).isEqualTo(all.subList(0, Math.min(15, all.size())));
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String cjk(int n) {
        return KeysetPages.cjk(random, n);
    }


    private long customer(String name) {
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name + "','kind':'INDIVIDUAL'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private long request(String token, Long customer, String title, String description, String room) {
        String body = "{" + (customer == null ? "'contactName':'来电人','contactPhone':'13800000000'" : "'customerId':" + customer)
                + ",'type':'REPAIR','title':'" + title + "','description':'" + description + "','channel':'PHONE'"
                + (room == null ? "" : ",'unitRoom':'" + room + "'") + "}";
        Response r = post(BASE, token, j(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    private List<Long> searchAll(String q, int limit) {
        return firstPages(q, limit, Integer.MAX_VALUE);
    }

    private List<Long> firstPages(String q, int limit, int pages) {
        return KeysetPages.ids(path -> get(path, tokenFor("frontdesk")), BASE + "?limit=" + limit + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8), pages);
    }

    private List<Long> like(String keyword) {
        return like(jdbc, keyword);
    }

    /** What the keyword means: a plain LIKE over the five columns, newest first. */
    static List<Long> like(JdbcClient jdbc, String keyword) {
        return jdbc.sql("""
                select r.id from service_request r
                where lower(r.title) like :kw or lower(r.description) like :kw or lower(r.customer_name) like :kw
                   or r.unit_room like :kw or lower(r.code) like :kw
                order by r.id desc""").param("kw", "%" + keyword.trim().toLowerCase() + "%").query(Long.class).list();
    }
}
