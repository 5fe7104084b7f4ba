package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.KeysetPages;
import com.careloop.support.TestDatabases;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;


/**
 * The keyword search asks only the columns a keyword can occur in, names by trigrams from 3 characters, record
 * numbers by their last 5 characters, and widening windows of ids (docs/customers.md, "How search works"). Its
 * answers must stay exactly those of the search before that work: each case here compares the pages of the API,
 * paged through, with that search written out as one plain SQL query (on H2 the portable LIKE; on PostgreSQL
 * the union of V4 with every branch, each keyword fragment in every column). The window is 6 customers, so the
 * pages come from windows, from wider ones and from the unbounded look-up.
 */
// both small windows, so the customer and service-desk search tests share one application context
@TestPropertySource(properties = {"careloop.customer.search-window=6", "careloop.servicedesk.search-window=6"})
class CustomerSearchRoutingApiTest extends ApiTestBase {

    @Autowired
    JdbcClient jdbc;

    final Random random = new Random();

    /** Seven digits that no record number, phone prefix or other test's data contains by chance. */
    private String digits() {
        return "9" + String.format("%06d", random.nextInt(1_000_000));
    }

    @Test
    void aDigitFragmentFindsNamesContactNamesPhonesContactPhonesAndRoomsWithDigits() {
        String d = digits();
        String manager = tokenFor("manager");
        List<Long> expected = new ArrayList<>();
        expected.add(register(manager, "门店" + d + "号", null, null, null, null));
        expected.add(register(manager, "电话客户" + tag(), "13" + d + "42", null, null, null));
        expected.add(register(manager, "联系人名带数字" + tag(), null, null, "联系人" + d, null));
        expected.add(register(manager, "联系人电话" + tag(), null, null, "王经理", "15" + d + "11"));
        expected.add(register(manager, "房号客户" + tag(), null, "A座" + d, null, null));
        expected.add(register(manager, "座机客户" + tag(), "0512-" + d, null, null, null));
        register(manager, "不相干" + tag(), "138" + d.substring(1) + "00", null, null, null); // six of the digits only
        java.util.Collections.reverse(expected);
        for (String q : List.of(d, d.substring(1), "2-" + d, "13" + d)) {
            assertThat(searchAll(q, 2)).as(q).isEqualTo(before(q));
        }
        assertThat(searchAll(d, 2)).as("every column, newest first").containsExactlyElementsOf(expected);
    }

    @Test
    void aChineseFragmentFindsRoomsWithChineseAndDigitsAndNamesButNoPhoneOrCode() {
        String t = cjk(3);
        String manager = tokenFor("manager");
        long room = register(manager, "业主" + tag(), null, "翠湖" + t + "栋1203", null, null);
        long name = register(manager, "苏州" + t + "贸易公司", null, null, null, null);
        long contact = register(manager, "联系人客户" + tag(), null, null, "张" + t, null);
        for (String q : List.of(t, t + "栋12", "湖" + t, t.substring(0, 2), "栋1203")) {
            assertThat(searchAll(q, 2)).as(q).isEqualTo(before(q));
        }
        assertThat(searchAll(t, 2)).containsExactly(contact, name, room);
    }

    @Test
    void recordNumbersByWholeNumberTailAndPrefixInAnyCase() {
        String manager = tokenFor("manager");
        long id = register(manager, "编号客户" + tag(), null, null, null, null);
        String code = get("/api/v1/customers/" + id, manager).json().get("code").asString();
        for (String q : List.of(code, code.toLowerCase(), code.substring(code.length() - 6), code.substring(2),
                code.substring(code.length() - 4), code + "9")) {
            assertThat(searchAll(q, 3)).as(q).isEqualTo(before(q));
        }
        assertThat(searchAll(code.toLowerCase(), 3)).containsExactly(id);
        // a prefix every number shares: the newest pages compared, not every customer
        String prefix = code.substring(0, Math.min(code.length(), 6)).toLowerCase();
        assertThat(firstPages(prefix, 5, 3)).isEqualTo(before(prefix).subList(0, Math.min(15, before(prefix).size())));
    }

    @Test
    void latinLettersAndLikeWildcardsAskEveryColumn() {
        String manager = tokenFor("manager");
        String t = UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "x");
        String d = digits();
        long latin = register(manager, "Acme " + t.toUpperCase() + " 贸易", null, null, null, null);
        long phone = register(manager, "通配符" + tag(), "13" + d + "42", null, null, null);
        for (String q : List.of("acme " + t, t.toUpperCase(), d.substring(0, 3) + "_" + d.substring(4), "13" + d.substring(0, 2) + "%"
                + d.substring(5), d.substring(0, 3) + "%42")) {
            assertThat(searchAll(q, 2)).as(q).isEqualTo(before(q));
        }
        assertThat(searchAll("acme " + t, 2)).containsExactly(latin);
        assertThat(searchAll(d.substring(0, 3) + "_" + d.substring(4), 2)).contains(phone);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private String cjk(int n) {
        return KeysetPages.cjk(random, n);
    }


    private long register(String token, String name, String phone, String room, String contact, String contactPhone) {
        StringBuilder body = new StringBuilder("{'name':'" + name + "','kind':'ORGANISATION','confirmDuplicate':true");
        if (phone != null) {
            body.append(",'phone':'").append(phone).append("'");
        }
        if (room != null) {
            body.append(",'room':'").append(room).append("'");
        }
        if (contact != null || contactPhone != null) {
            body.append(",'contacts':[{'name':'").append(contact == null ? "联系人" : contact).append("'")
                    .append(contactPhone == null ? "" : ",'phone':'" + contactPhone + "'").append("}]");
        }
        Response r = post("/api/v1/customers", token, j(body.append("}").toString()));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    /** Every match through the API, paged by the cursor. */
    private List<Long> searchAll(String q, int limit) {
        return firstPages(q, limit, Integer.MAX_VALUE);
    }

    private List<Long> firstPages(String q, int limit, int pages) {
        return KeysetPages.ids(path -> get(path, tokenFor("manager")), "/api/v1/customers?limit=" + limit + "&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8), pages);
    }

    /** The matches as the search found them before the routing, newest first: one query, every column. */
    private List<Long> before(String keyword) {
        String q = keyword.trim().toLowerCase();
        String matches;
        if (!TestDatabases.onPostgres()) {
            matches = """
                    select s.id from customer s where lower(s.name) like :kw or lower(s.code) like :kw
                      or s.phone like :kw or s.room like :kw
                    union select k.customer_id from customer_contact k where k.name like :kw or k.phone like :kw""";
        } else if (q.length() < 3) {
            matches = """
                    select s.id from customer s where careloop_bigrams(s.name) @> careloop_bigrams(:q) and lower(s.name) like :kw
                    union select k.customer_id from customer_contact k
                      where careloop_bigrams(k.name) @> careloop_bigrams(:q) and lower(k.name) like :kw
                    union select s.id from customer s where (s.room = :q or lower(s.code) = :q)""";
        } else {
            matches = """
                    select s.id from customer s where careloop_bigrams(s.name) @> careloop_bigrams(:q) and lower(s.name) like :kw
                    union select k.customer_id from customer_contact k
                      where careloop_bigrams(k.name) @> careloop_bigrams(:q) and lower(k.name) like :kw
                    union select s.id from customer s where lower(s.code) like :kw
                    union select s.id from customer s where s.phone like :kw
                    union select s.id from customer s where s.room like :kw
                    union select k.customer_id from customer_contact k where k.phone like :kw""";
        }
        return jdbc.sql("select c.id from customer c where c.active = true and c.id in (" + matches + ") order by c.id desc")
                .param("q", q).param("kw", "%" + q + "%").query(Long.class).list();
    }
}
