package com.careloop.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.careloop.platform.Notifications;
import com.careloop.platform.Text;
import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;

/**
 * Every text in the reader's language: the main pages, the records' timelines and change histories, the
 * notifications and the two printouts (投诉处理单, 8D report), rendered for the demo roles in zh-CN, zh-TW and en.
 * Fails on a "中文 / English" pair, a raw enum code ({@code AFTER_SALES_SERVICE}, {@code UNSATISFIED:}), an ISO UTC
 * stamp, and — in English — on Chinese that is not the record's own data (names, what people typed).
 */
class ReaderLanguageTest extends ApiTestBase {

    private static final List<String> LANGUAGES = List.of("zh-CN", "zh-TW", "en");
    private static final List<String> ROLES = List.of("manager", "supervisor", "staff");
    private static final List<String> MAIN_PAGES = List.of("/", "/notifications", "/complaints", "/capa", "/callbacks",
            "/claims", "/returns", "/compensations", "/customers", "/key-customers");

    private static final Pattern PAIR = Pattern.compile("\\p{IsHan}[^\\n/]{0,60}? / [A-Za-z]{2,}");
    private static final Pattern RAW_CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\\b|\\b(?!CAPA)[A-Z]{4,}:");
    private static final Pattern UTC_STAMP = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?Z");
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    com.careloop.platform.CareLoopProperties properties;

    private long busiest(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** The records with the longest timelines, each page with the API resource whose strings are its data. */
    private Map<String, String> records() {
        long complaint = busiest("select complaint_id from complaint_event group by complaint_id order by count(*) desc, complaint_id limit 1");
        long capa = busiest("select capa_id from capa_event group by capa_id order by count(*) desc, capa_id limit 1");
        long request = busiest("select request_id from service_request_event group by request_id order by count(*) desc, request_id limit 1");
        long task = busiest("select task_id from callback_task_event group by task_id order by count(*) desc, task_id limit 1");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/complaints/" + complaint, "/api/v1/complaints/" + complaint);
        pages.put("/complaints/" + complaint + "/form", "/api/v1/complaints/" + complaint);
        pages.put("/audit/history/complaint/" + complaint, "/api/v1/complaints/" + complaint);
        pages.put("/capa/" + capa, "/api/v1/capa/" + capa);
        pages.put("/capa/" + capa + "/8d", "/api/v1/capa/" + capa);
        pages.put("/audit/history/capa/" + capa, "/api/v1/capa/" + capa);
        pages.put("/service-requests/" + request, "/api/v1/service-requests/" + request);
        pages.put("/audit/history/service-request/" + request, "/api/v1/service-requests/" + request);
        pages.put("/callbacks/" + task, "/api/v1/callbacks/" + task);
        return pages;
    }

    @Test
    void pagesNotificationsAndPrintoutsAreInTheReadersLanguage() {
        long manager = jdbc.sql("select id from app_user where username = 'manager'").query(Long.class).single();
        tx.executeWithoutResult(s -> notifications.notify(manager, Text.of("texts.notify.complaint-overdue", "TS2026-000001"),
                Text.of("texts.notify.complaint-due", "Acme", Text.label("texts.clock", "REPLY"),
                        java.time.Instant.parse("2026-03-02T09:30:00Z")), "/complaints"));
        Map<String, String> records = records();
        String people = String.join("\n", jdbc.sql("select display_name from app_user").query(String.class).list())
                + "\n" + String.join("\n", jdbc.sql("select name from department").query(String.class).list())
                + "\n" + jdbc.sql("select name from customer").query(String.class).list().stream()
                        .reduce("", (a, b) -> a + "\n" + b);
        String companyAndLanguageNames = properties.companyName() + "\n简体\n繁體";
        List<String> problems = new ArrayList<>();
        for (String role : ROLES) {
            Map<String, String> traditional = new LinkedHashMap<>();
            for (String language : LANGUAGES) {
                PageSession s = new PageSession(port);
                s.login(role, DEMO_PASSWORD);
                s.get("/?lang=" + language);
                Map<String, String> pages = new LinkedHashMap<>();
                MAIN_PAGES.forEach(p -> pages.put(p, null));
                if (role.equals("manager")) {
                    pages.putAll(records);
                }
                String token = tokenFor(role);
                pages.forEach((path, api) -> {
                    PageSession.Page page = s.get(path);
                    if (page.status() != 200) {
                        return; // not this role's page (the permission matrix tests who sees what)
                    }
                    String text = visibleText(page.body());
                    String where = role + " " + language + " " + path + ": ";
                    if (language.equals("zh-TW")) {
                        traditional.put(path, text);
                    }
                    find(PAIR, text).forEach(m -> problems.add(where + "bilingual pair «" + m + "»"));
                    find(RAW_CODE, text).forEach(m -> problems.add(where + "raw code «" + m + "»"));
                    find(UTC_STAMP, text).forEach(m -> problems.add(where + "UTC stamp «" + m + "»"));
                    if (language.equals("en")) {
                        // Chinese on an English page is data (names, what people typed) only when it is the record's
                        // own (its API resource) or the same on the zh-TW page: a label there is in traditional script
                        String data = people + "\n" + companyAndLanguageNames + "\n" + traditional.getOrDefault(path, "")
                                + (api == null ? "" : "\n" + strings(call("GET", api, token, null, "Accept-Language", "en").json()));
                        find(HAN, text).stream().filter(h -> !data.contains(h)).distinct()
                                .forEach(h -> problems.add(where + "Chinese in English «" + h + "»"));
                    }
                });
            }
        }
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    /** The text a reader sees: no scripts, styles or tags, entities decoded. */
    static String visibleText(String html) {
        String body = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>|<!--.*?-->|<head>.*?</head>", " ");
        return HtmlUtils.htmlUnescape(body.replaceAll("(?s)<[^>]+>", "\n")).replaceAll("[ \\t]+", " ");
    }

    private static List<String> find(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static String strings(JsonNode node) {
        StringBuilder b = new StringBuilder();
        if (node.isString()) {
            b.append(node.asString()).append('\n');
        }
        node.forEach(child -> b.append(strings(child)));
        return b.toString();
    }
}
