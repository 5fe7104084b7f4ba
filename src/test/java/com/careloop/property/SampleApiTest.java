package com.careloop.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.KeysetPages;
import com.careloop.support.PageSession;
import com.careloop.support.PrintedPdf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Samples over HTTP (H2 and PostgreSQL): the notice from sales, production's acceptance and making, quality's
 * inspection report (a failure is the next round; its PDF), dispatch only when passed, the customer's answer through
 * the personal link (a rejection is the next round, answering twice is refused) and by sales, the sealed master
 * sample found for the product, the register with its filters, export and print, bad input with nothing saved.
 */
class SampleApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/samples";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Samples samples;

    long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    long customer() {
        String name = "样品客户" + UUID.randomUUID().toString().substring(0, 6);
        String phone = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        long sales = jdbc.sql("select id from app_user where username = 'sales'").query(Long.class).single();
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name
                + "','kind':'ORGANISATION','phone':'" + phone + "','representativeId':" + sales + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }

    static String today(int plusDays) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plusDays).toString();
    }

    static String path(String url) {
        return url.replaceAll("^https?://[^/]+", "");
    }

    /** A notice by sales, produced by the engineering department (whose head may produce and sees it). */
    JsonNode notice(long customer, String item) {
        Response r = post(BASE, tokenFor("sales"), j("{'customerId':" + customer + ",'itemName':'" + item
                + "','spec':'80×120mm','quantity':20,'unit':'张','requiredOn':'" + today(3)
                + "','requirements':'色差 ΔE ≤ 2','productionDepartmentId':" + department("ENG") + "}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode step(String user, long id, String step, String body) {
        Response r = post(BASE + "/" + id + "/" + step, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(step + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode passed(long customer, String item) {
        long id = notice(customer, item).get("id").asLong();
        step("depthead", id, "accept", null);
        step("depthead", id, "making", "{'parameters':'120 m/min','quantityMade':20}");
        return step("quality", id, "inspection", "{'passed':true,'measurements':[{'characteristic':'尺寸',"
                + "'requirement':'80×120±0.5','measured':'80.1×119.8','ok':true}]}");
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void aSampleGoesFromNoticeThroughAFailedInspectionAndARejectionToTheSealedMasterSample() {
        long customer = customer();
        String item = "香醋瓶贴" + UUID.randomUUID().toString().substring(0, 4);
        JsonNode d = notice(customer, item);
        long id = d.get("id").asLong();
        assertThat(d.get("code").asString()).matches("YP\\d{4}-\\d{5}");
        assertThat(d.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(d.get("salesperson").asString()).isEqualTo("钱晓东");
        d = step("depthead", id, "accept", "{'version':" + d.get("version").asLong() + "}");
        assertThat(d.get("status").asString()).isEqualTo("IN_PRODUCTION");
        d = step("depthead", id, "making", "{'parameters':'印刷 120 m/min；UV 3 灯','madeOn':'" + today(0)
                + "','quantityMade':20}");
        assertThat(d.get("status").asString()).isEqualTo("MADE");
        // quality fails it: back to production as round 2
        d = step("quality", id, "inspection", "{'passed':false,'inspectorName':'周卫东','note':'色差 ΔE 3.1',"
                + "'measurements':[{'characteristic':'色差','requirement':'ΔE ≤ 2','measured':'3.1','ok':false}]}");
        assertThat(d.get("status").asString()).isEqualTo("IN_PRODUCTION");
        assertThat(d.get("round").asInt()).isEqualTo(2);
        String failedReport = d.get("rounds").get(0).get("inspectionCode").asString();
        assertThat(failedReport).matches("YJ\\d{4}-\\d{5}");
        assertThat(d.get("rounds").get(1).get("reason").asString()).contains("色差 ΔE 3.1");
        // filtered by status, the register lists the sample's current round (V184: kept after the failed inspection)
        JsonNode current = get(BASE + "?customerId=" + customer + "&status=IN_PRODUCTION", tokenFor("sales")).json()
                .get("items");
        assertThat(current).hasSize(1);
        assertThat(current.get(0).get("round").asInt()).isEqualTo(2);
        // a failed sample is not sent
        Response refused = post(BASE + "/" + id + "/dispatch", tokenFor("sales"), j("{'quantitySent':5}"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("code").asString()).isEqualTo("sample.not-passed");
        step("depthead", id, "making", "{'parameters':'降速 100 m/min','quantityMade':20}");
        d = step("quality", id, "inspection", "{'passed':true,'measurements':[{'characteristic':'色差',"
                + "'requirement':'ΔE ≤ 2','measured':'1.2','ok':true},{'characteristic':'尺寸','requirement':'80×120',"
                + "'measured':'80×120','ok':true}]}");
        assertThat(d.get("status").asString()).isEqualTo("PASSED");
        String report = d.get("rounds").get(1).get("inspectionCode").asString();
        PrintedPdf pdf = PrintedPdf.fetch(http, port, BASE + "/" + id + "/rounds/2/inspection.pdf", tokenFor("sales"),
                null, report);
        assertThat(pdf.text()).contains("样品检查报告").contains(report).contains(item).contains("色差");
        // the sample production notice in the paper layout (样品生产通知单), with production's receipt
        PrintedPdf notice = PrintedPdf.fetch(http, port, BASE + "/" + id + "/notice.pdf", tokenFor("sales"), null,
                d.get("code").asString());
        assertThat(notice.text()).contains("样品生产通知单").contains(item).contains("80×120mm").contains("钱晓东")
                .contains("陈志强");
        d = step("sales", id, "dispatch", "{'quantitySent':10,'courier':'顺丰速运','trackingNo':'SF1234567890',"
                + "'remark':'附检查报告'}");
        assertThat(d.get("status").asString()).isEqualTo("SENT");
        // the customer rejects through the personal link: round 3
        Response link = post(BASE + "/" + id + "/link", tokenFor("sales"), j("{'email':'buyer@example.com',"
                + "'language':'en'}"));
        assertThat(link.status()).as(link.body()).isEqualTo(200);
        String url = link.json().get("url").asString();
        assertThat(url).contains("/public/sample-confirmations/");
        PageSession customerPage = new PageSession(port);
        PageSession.Page page = customerPage.get(path(url));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(item).contains("confirm-form").doesNotContain("??");
        PageSession.Page noReason = customerPage.post(path(url), "approved", "false");
        assertThat(noReason.status()).as("a rejection needs the reason").isEqualTo(422);
        assertThat(get(BASE + "/" + id, tokenFor("sales")).json().get("status").asString()).isEqualTo("SENT");
        PageSession.Page rejected = customerPage.post(path(url), "approved", "false", "note", "颜色偏暗");
        assertThat(rejected.status()).isEqualTo(200);
        assertThat(rejected.body()).contains("sample-public-thanks");
        PageSession.Page twice = customerPage.post(path(url), "approved", "true");
        assertThat(twice.status()).as("once").isEqualTo(409);
        d = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(d.get("round").asInt()).isEqualTo(3);
        assertThat(d.get("status").asString()).isEqualTo("IN_PRODUCTION");
        assertThat(d.get("rounds").get(1).get("confirmation").asString()).isEqualTo("REJECTED");
        assertThat(d.get("rounds").get(1).get("confirmedVia").asString()).isEqualTo("LINK");
        assertThat(d.get("rounds").get(2).get("reason").asString()).isEqualTo("颜色偏暗");
        current = get(BASE + "?customerId=" + customer + "&status=IN_PRODUCTION", tokenFor("sales")).json().get("items");
        assertThat(current).as("the link's rejection moved the current round").hasSize(1);
        assertThat(current.get(0).get("round").asInt()).isEqualTo(3);
        assertThat(get(BASE + "?customerId=" + customer + "&status=SENT", tokenFor("sales")).json().get("items")).isEmpty();
        // round 3: made, passed, sent, approved by link, sealed
        step("depthead", id, "making", "{'parameters':'加深 5%','quantityMade':20}");
        step("quality", id, "inspection", "{'passed':true}");
        step("sales", id, "dispatch", "{'quantitySent':10,'sentOn':'" + today(0) + "'}");
        String url3 = post(BASE + "/" + id + "/link", tokenFor("sales"), null).json().get("url").asString();
        PageSession fresh = new PageSession(port);
        fresh.get(path(url3));
        assertThat(fresh.post(path(url3), "approved", "true", "note", "认可").status()).isEqualTo(200);
        d = get(BASE + "/" + id, tokenFor("sales")).json();
        assertThat(d.get("status").asString()).isEqualTo("APPROVED");
        d = step("sales", id, "seal", "{'location':'品管部封样柜 Q-1'}");
        assertThat(d.get("status").asString()).isEqualTo("SEALED");
        assertThat(d.get("seal").get("keepUntil").asString()).isEqualTo(LocalDate.now(ZoneId.of("Asia/Shanghai"))
                .plusYears(2).toString());
        assertThat(d.get("seal").get("sealedBy").asString()).isEqualTo("钱晓东");
        assertThat(samples.sealedFor(customer, " " + item.toUpperCase() + " ")).extracting(s -> s.location())
                .containsExactly("品管部封样柜 Q-1");
        assertThat(d.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList()).containsSubsequence(
                "REQUESTED", "ACCEPTED", "MADE", "INSPECTED_FAILED", "REMAKE", "MADE", "INSPECTED_PASSED", "SENT",
                "REJECTED", "REMAKE", "APPROVED", "SEALED");
        // the register: one line per round, found by customer and salesperson and status
        JsonNode rows = get(BASE + "?customerId=" + customer, tokenFor("sales")).json().get("items");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get("trackingNo").asString()).isEqualTo("SF1234567890");
        assertThat(rows.get(1).get("confirmation").asString()).isEqualTo("REJECTED");
        JsonNode sealed = get(BASE + "?customerId=" + customer + "&status=SEALED", tokenFor("quality")).json()
                .get("items");
        assertThat(sealed).hasSize(1);
        assertThat(sealed.get(0).get("round").asInt()).isEqualTo(3);
        assertThat(get(BASE + "/export?customerId=" + customer, tokenFor("sales")).status()).isEqualTo(200);
        PrintedPdf register = PrintedPdf.fetch(http, port, BASE + "/register.pdf?customerId=" + customer,
                tokenFor("sales"), null, "R-QP-005-5");
        assertThat(register.text()).contains("样品发送登记表").contains("SF1234567890");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'sample' and record_id = :id"
                + " and action = 'SEAL'").param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * The register pages by round: under the default sort (newest round first) and a column sort, walking page by
     * page with one row per page returns every round of the customer once, in the order of the one-page list.
     * (The cursor used to be the sample's id while the key was the round's: page 2 repeated or skipped rows.)
     */
    @Test
    void theRegisterPagesThroughEveryRoundOnceUnderTheDefaultAndAColumnSort() {
        long customer = customer();
        // a sample with two rounds (the first failed) and two with one: sample ids and round ids apart
        long first = notice(customer, "分页样品A").get("id").asLong();
        step("depthead", first, "accept", null);
        step("depthead", first, "making", "{'parameters':'p','quantityMade':1}");
        step("quality", first, "inspection", "{'passed':false,'note':'尺寸超差'}");
        notice(customer, "分页样品B");
        passed(customer, "分页样品C");
        for (String sort : new String[] {"", "&sort=code", "&sort=-sentOn"}) {
            JsonNode all = get(BASE + "?customerId=" + customer + sort, tokenFor("sales")).json().get("items");
            java.util.List<Long> expected = all.valueStream().map(x -> x.get("roundId").asLong()).toList();
            assertThat(expected).hasSize(4).doesNotHaveDuplicates();
            java.util.List<Long> walked = KeysetPages.ids(p -> get(p, tokenFor("sales")), BASE + "?customerId="
                    + customer + sort + "&limit=1", 10, "roundId");
            assertThat(walked).as("sort '" + sort + "'").containsExactlyElementsOf(expected);
        }
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSaved() {
        long customer = customer();
        long before = count("sample");
        String[][] cases = {
                {"{'customerId':" + customer + ",'itemName':'x','quantity':0,'unit':'张','requiredOn':'" + today(1) + "'}",
                        "quantity", "positive"},
                {"{'customerId':" + customer + ",'itemName':'x','quantity':-2,'unit':'张','requiredOn':'" + today(1) + "'}",
                        "quantity", "positive"},
                {"{'customerId':" + customer + ",'itemName':'x','quantity':1,'unit':'张','requiredOn':'" + today(-1) + "'}",
                        "requiredOn", "not-in-past"},
                {"{'customerId':" + customer + ",'quantity':1,'unit':'张','requiredOn':'" + today(1) + "'}",
                        "itemName", "required"},
                {"{'itemName':'x','quantity':1,'unit':'张','requiredOn':'" + today(1) + "'}", "customerId", "required"}};
        for (String[] c : cases) {
            Response r = post(BASE, tokenFor("sales"), j(c[0]));
            assertThat(r.status()).as(c[1] + " -> " + r.body()).isEqualTo(422);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo(c[1]);
            assertThat(r.json().get("errors").get(0).get("rule").asString()).isEqualTo(c[2]);
        }
        assertThat(count("sample")).isEqualTo(before);
        // dispatch without any inspection: 409, nothing changes
        long id = notice(customer, "无检验样品").get("id").asLong();
        Response r = post(BASE + "/" + id + "/dispatch", tokenFor("sales"), j("{'quantitySent':1}"));
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("sample.not-passed");
        // an NG line cannot pass; a failure needs the note
        step("depthead", id, "accept", null);
        step("depthead", id, "making", "{'parameters':'p','quantityMade':1}");
        r = post(BASE + "/" + id + "/inspection", tokenFor("quality"), j("{'passed':true,'measurements':"
                + "[{'characteristic':'外观','ok':false}]}"));
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("passed");
        r = post(BASE + "/" + id + "/inspection", tokenFor("quality"), j("{'passed':false}"));
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("note");
        assertThat(get(BASE + "/" + id, tokenFor("sales")).json().get("status").asString()).isEqualTo("MADE");
        assertThat(jdbc.sql("select count(*) from sample_round where sample_id = :id and inspection_code is not null")
                .param("id", id).query(Long.class).single()).as("no report number used").isZero();
    }

    @Test
    void salesRecordTheAnswerOnceAStaleVersionIsRefusedAndProductionMayDecline() {
        long customer = customer();
        JsonNode d = passed(customer, "门把手装饰盖");
        long id = d.get("id").asLong();
        long version = d.get("version").asLong();
        step("sales", id, "dispatch", "{'quantitySent':2,'version':" + version + "}");
        assertThat(post(BASE + "/" + id + "/confirmation", tokenFor("sales"), j("{'approved':true,'version':" + version
                + "}")).status()).as("stale").isEqualTo(409);
        d = step("sales", id, "confirmation", "{'approved':true,'via':'MAIL','note':'邮件确认'}");
        assertThat(d.get("status").asString()).isEqualTo("APPROVED");
        Response again = post(BASE + "/" + id + "/confirmation", tokenFor("sales"), j("{'approved':false,'note':'x'}"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("sample.state");
        // production cannot make another one: the salesperson hears of it
        long other = notice(customer, "异形瓶标").get("id").asLong();
        d = step("depthead", other, "decline", "{'reason':'模切刀模无法加工此异形'}");
        assertThat(d.get("status").asString()).isEqualTo("UNABLE");
        long sales = jdbc.sql("select id from app_user where username = 'sales'").query(Long.class).single();
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l")
                .param("u", sales).param("l", "/samples/" + other).query(Long.class).single()).isEqualTo(1);
        // the salesperson sees their own samples only; others' are 404 to them
        assertThat(get(BASE + "/" + other, tokenFor("staff")).status()).isEqualTo(404);
    }

    @Test
    void theSealedSampleShowsOnTheComplaintAboutThatCustomersProductAndTheNoticeFormPicksTheCustomer() {
        long customer = customer();
        String item = "醋瓶标签" + UUID.randomUUID().toString().substring(0, 4);
        long id = passed(customer, item).get("id").asLong();
        step("sales", id, "dispatch", "{'quantitySent':5}");
        step("sales", id, "confirmation", "{'approved':true,'via':'PHONE'}");
        JsonNode sealed = step("sales", id, "seal", "{'location':'品管部封样柜 C-7'}");
        String code = sealed.get("code").asString();
        long complaint = complaint(customer, item);
        long other = complaint(customer, "其他产品");
        PageSession cs = new PageSession(port);
        cs.login("complaints", DEMO_PASSWORD);
        String page = cs.get("/complaints/" + complaint).body();
        assertThat(page).contains("complaint-sealed-samples").contains(code).contains("品管部封样柜 C-7")
                .contains("/samples/" + id).doesNotContain("??");
        assertThat(cs.get("/complaints/" + other).body()).doesNotContain("complaint-sealed-samples");

        // the notice form's customer picker: found by name, preselected when coming from the customer page
        String name = get("/api/v1/customers/" + customer, tokenFor("manager")).json().get("name").asString();
        PageSession sales = new PageSession(port);
        sales.login("sales", DEMO_PASSWORD);
        String found = sales.get("/samples/new?customer=" + java.net.URLEncoder.encode(name,
                java.nio.charset.StandardCharsets.UTF_8)).body();
        assertThat(found).contains("customer-lookup").contains("value=\"" + customer + "\"").contains(name);
        assertThat(sales.get("/samples/new?customerId=" + customer).body()).contains("selected").contains(name);
        assertThat(sales.get("/samples/new").body()).contains("id=\"customerId\"").doesNotContain(name);
    }

    long complaint(long customer, String product) {
        Response r = post("/api/v1/complaints", tokenFor("complaints"), j("{'customerId':" + customer
                + ",'channel':'PHONE','product':'" + product + "','content':'标签颜色与样品不一致 " + UUID.randomUUID()
                + "'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
