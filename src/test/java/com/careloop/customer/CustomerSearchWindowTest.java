package com.careloop.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * A keyword search first looks at the newest rows (the search window, here 6 instead of 20,000)
 * and asks the indexes for every match only when the window does not fill a page. Paging through
 * must give exactly the matches, newest first, whichever way each page was found.
 */
// both small windows, so the customer and service-desk search tests share one application context
@TestPropertySource(properties = {"careloop.customer.search-window=6", "careloop.servicedesk.search-window=6"})
class CustomerSearchWindowTest extends ApiTestBase {

    @Test
    void pagingThroughAKeywordSearchGivesEveryMatchOnceNewestFirst() {
        String token = UUID.randomUUID().toString().substring(0, 6);
        String manager = tokenFor("manager");
        List<Long> matches = new ArrayList<>();
        // matches and non-matches interleaved, and a run of non-matches on top: the first page misses the window
        // (2 matches among the newest 6 fill no page of 2 + 1) and comes from the full index look-up, the next ones
        // from the window (4 and more matches among the 6 below the cursor) — on PostgreSQL, where the window applies
        for (int i = 0; i < 9; i++) {
            matches.add(register(manager, "窗口" + token + "客户" + i));
            if (i % 3 == 0) {
                register(manager, "其他客户" + UUID.randomUUID().toString().substring(0, 6));
            }
        }
        for (int i = 0; i < 4; i++) {
            register(manager, "其他客户" + UUID.randomUUID().toString().substring(0, 6));
        }
        List<Long> found = new ArrayList<>();
        String cursor = null;
        do {
            Response r = get("/api/v1/customers?limit=2&q=" + URLEncoder.encode("窗口" + token, StandardCharsets.UTF_8)
                    + (cursor == null ? "" : "&cursor=" + cursor), manager);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode page = r.json();
            page.get("items").forEach(item -> found.add(item.get("id").asLong()));
            cursor = page.get("nextCursor") == null || page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        java.util.Collections.reverse(matches);
        assertThat(found).containsExactlyElementsOf(matches);
    }

    private long register(String token, String name) {
        Response r = post("/api/v1/customers", token, j("{'name':'" + name + "','kind':'ORGANISATION'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
