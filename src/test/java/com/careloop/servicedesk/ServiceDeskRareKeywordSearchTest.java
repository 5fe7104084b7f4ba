package com.careloop.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import com.careloop.support.ApiTestBase;
import com.careloop.support.KeysetPages;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A keyword whose matches are sparse among the newest requests: the first window holds one, and its density says the
 * keyword's index costs less than walking for a page. On PostgreSQL the search then reads the matches among the
 * newest ids that density says hold a page (the index intersected with the ids' block ranges, V200), and reads the
 * whole index only when they do not. Either way the pages are the newest matches, as a plain LIKE gives them: one
 * keyword whose page lies within that range, one whose second match is far older. Windows of 1,000 requests, 8,000
 * of them inserted, 2 a page.
 */
@TestPropertySource(properties = "careloop.servicedesk.search-window=1000")
class ServiceDeskRareKeywordSearchTest extends ApiTestBase {

    static final String BASE = "/api/v1/service-requests";
    static final int REQUESTS = 8_000;

    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate template;

    private final String prefix = "RK" + System.nanoTime() % 1_000_000_000L + "-";

    @AfterEach
    void removeTheTestsRequests() {
        jdbc.sql("delete from service_request where code like :p").param("p", prefix + "%").update();
    }

    @Test
    void sparseKeywordsGiveTheNewestMatchesWhetherOrNotTheNewestIdsHoldAPage() {
        Random random = new Random();
        String near = "zq" + letters(random);
        String far = "zq" + letters(random);
        // positions counted from the newest: the first window (1,000) holds one match of each; a page (3 matches) of
        // `near` lies within the 6,000 newest, `far` has its second match beyond them
        Set<Integer> nearAt = Set.of(100, 2_000, 3_500, 5_000, 7_500);
        Set<Integer> farAt = Set.of(150, 7_600);
        Timestamp at = Timestamp.from(Instant.parse("2026-01-05T02:00:00Z"));
        Timestamp due = Timestamp.from(Instant.parse("2099-01-01T00:00:00Z"));
        List<Object[]> rows = new ArrayList<>();
        for (int i = REQUESTS; i >= 1; i--) {
            String description = nearAt.contains(i) ? "客户说 " + near + " 的情况" : farAt.contains(i) ? far + " 门禁"
                    : "无关描述 " + i;
            rows.add(new Object[] {prefix + i, description, at, due, due, at, at, at});
        }
        template.batchUpdate("""
                insert into service_request (code, request_type, title, description, channel, priority, status,
                  registered_by_name, registered_at, response_amount, response_unit, response_due_at, response_warn_at,
                  closed_at, created_at, updated_at)
                values (?, 'REPAIR', '稀疏关键词', ?, 'PHONE', 'NORMAL', 'CLOSED', 'test', ?, 4, 'CALENDAR_HOURS', ?, ?, ?,
                  ?, ?)""", rows);

        List<Long> nearMatches = like(near);
        assertThat(nearMatches).hasSize(5);
        assertThat(searchAll(near)).isEqualTo(nearMatches);
        List<Long> farMatches = like(far);
        assertThat(farMatches).hasSize(2);
        assertThat(searchAll(far)).isEqualTo(farMatches);
    }

    private static String letters(Random random) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            s.append((char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private List<Long> searchAll(String q) {
        return KeysetPages.ids(path -> get(path, tokenFor("frontdesk")), BASE + "?limit=2&q="
                + URLEncoder.encode(q, StandardCharsets.UTF_8), Integer.MAX_VALUE);
    }

    private List<Long> like(String keyword) {
        return ServiceDeskSearchApiTest.like(jdbc, keyword);
    }
}
