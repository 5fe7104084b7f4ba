package com.careloop.contract.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.careloop.platform.CareLoopProperties;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * 002-A12 over HTTP: the month-end distribution of the contracts accepted in a company-time month — made on demand by
 * a sales manager (once per month: 409 the second time; 422 for an open, malformed or empty month), one recipient
 * entry per party (the sales manager keeps the originals, each salesperson a copy of their own, finance a copy of
 * all), notified, each acknowledging once (twice 409, not a recipient 403), printed and exported; and the monthly job
 * on fixed clocks: nothing before the first working day after the month, the month then, never twice. The contracts'
 * acceptance is moved into months of 2014 nobody else uses, so the months cannot collide with other tests' data.
 */
class ContractDistributionApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/contracts";
    static final String DISTRIBUTIONS = BASE + "/distributions";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ContractDistributions distributions;
    @Autowired
    CareLoopProperties platform;

    long customerId;

    @BeforeEach
    void people() {
        ensureUser("dstmgr", "SALES", "BUSINESS_MANAGER", "DEPT_HEAD");
        ensureUser("dstsales", "SALES", "STAFF", "STAFF");
        ensureUser("dstfin", "FIN", "STAFF", "STAFF");
        customerId = jdbc.sql("select id from customer where active = true order by id limit 1").query(Long.class)
                .single();
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    /** A repeat order registered for the salesperson and accepted by the sales manager, its acceptance moved to {@code at}. */
    long acceptedAt(String salesperson, String at) {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        Response r = post(BASE, tokenFor("sales"), j("{'customerId':" + customerId + ",'customerNumber':'YM-"
                + UUID.randomUUID().toString().substring(0, 8) + "','source':'REPEAT','contractClass':'REPEAT_UNCHANGED',"
                + "'orderDate':'" + today + "','deliveryDate':'" + today + "','salespersonId':" + userId(salesperson)
                + ",'lines':[{'product':'月末纸箱','quantity':100,'unit':'只','unitPrice':2.5}]}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        assertThat(post(BASE + "/" + id + "/submit", tokenFor("sales"), "{}").status()).isEqualTo(200);
        Response a = post(BASE + "/" + id + "/outcome", tokenFor("dstmgr"), j("{'outcome':'A'}"));
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        jdbc.sql("update contract set accepted_at = :at where id = :id").param("at", Timestamp.from(Instant.parse(at)))
                .param("id", id).update();
        return id;
    }

    static JsonNode recipient(JsonNode d, String party, long userId) {
        return d.get("recipients").valueStream().filter(r -> party.equals(r.get("party").asString())
                && r.get("recipientId").asLong() == userId).findFirst().orElseThrow(() -> new AssertionError(
                party + " " + userId + " not in " + d.get("recipients")));
    }

    @Test
    void aSalesManagerMakesAMonthsDistributionOnceAndEachRecipientAcknowledgesOnce() {
        long a = acceptedAt("sales", "2014-06-03T02:00:00Z");
        long b = acceptedAt("sales", "2014-06-30T15:30:00Z"); // 30 June 23:30 in company time
        long c = acceptedAt("dstsales", "2014-06-15T08:00:00Z");
        long july = acceptedAt("dstsales", "2014-06-30T16:30:00Z"); // 1 July 00:30 in company time

        Response r = post(DISTRIBUTIONS, tokenFor("dstmgr"), j("{'month':'2014-06'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode d = r.json();
        long id = d.get("id").asLong();
        String number = d.get("number").asString();
        assertThat(number).matches("HTFF\\d{4}-\\d{6}");
        assertThat(d.get("month").asString()).isEqualTo("2014-06");
        assertThat(d.get("madeBy").asString()).isEqualTo("MANUAL");
        assertThat(d.get("contractCount").asInt()).isEqualTo(3);
        assertThat(d.get("items").valueStream().map(i -> i.get("contractId").asLong()).toList())
                .as("the month's contracts in company time").containsExactly(a, c, b).doesNotContain(july);
        // originals to the sales manager, a copy of their own to each salesperson, a copy of all to finance
        JsonNode manager = recipient(d, "SALES_MANAGER", userId("dstmgr"));
        assertThat(manager.get("copyKind").asString()).isEqualTo("ORIGINAL");
        assertThat(manager.get("contractCount").asInt()).isEqualTo(3);
        assertThat(recipient(d, "SALESPERSON", userId("sales")).get("contractCount").asInt()).isEqualTo(2);
        assertThat(recipient(d, "SALESPERSON", userId("dstsales")).get("copyKind").asString()).isEqualTo("COPY");
        assertThat(recipient(d, "SALESPERSON", userId("dstsales")).get("contractCount").asInt()).isEqualTo(1);
        assertThat(recipient(d, "FINANCE", userId("dstfin")).get("contractCount").asInt()).isEqualTo(3);
        assertThat(d.get("recipients").valueStream().noneMatch(x -> x.get("acknowledgedAt") != null
                && !x.get("acknowledgedAt").isNull())).isTrue();
        // each recipient is told, in their language, with a link to it
        long told = jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l"
                        + " and title like :n").param("u", userId("dstfin")).param("l", "/contracts/distributions/" + id)
                .param("n", "%" + number + "%").query(Long.class).single();
        assertThat(told).isEqualTo(1);

        // the same month again: the existing one
        r = post(DISTRIBUTIONS, tokenFor("dstmgr"), j("{'month':'2014-06'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("contract.distribution-exists");
        assertThat(r.body()).contains(number);
        assertThat(jdbc.sql("select count(*) from contract_distribution where period_start = :m")
                .param("m", LocalDate.of(2014, 6, 1)).query(Long.class).single()).isEqualTo(1);

        // finance sees the whole month; the list shows it waiting for them
        JsonNode asFinance = get(DISTRIBUTIONS + "/" + id, tokenFor("dstfin")).json();
        assertThat(asFinance.get("items").size()).isEqualTo(3);
        assertThat(asFinance.get("acknowledgeable").asBoolean()).isTrue();
        assertThat(get(DISTRIBUTIONS, tokenFor("dstfin")).json().valueStream()
                .filter(s -> s.get("id").asLong() == id).findFirst().orElseThrow().get("awaitingMe").asBoolean()).isTrue();

        // acknowledging: once, by a recipient
        r = post(DISTRIBUTIONS + "/" + id + "/acknowledge", tokenFor("dstfin"), null);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode fin = recipient(r.json(), "FINANCE", userId("dstfin"));
        assertThat(fin.get("acknowledgedByName").asString()).isEqualTo("dstfin");
        assertThat(fin.get("acknowledgedAt").isNull()).isFalse();
        assertThat(r.json().get("acknowledgeable").asBoolean()).isFalse();
        r = post(DISTRIBUTIONS + "/" + id + "/acknowledge", tokenFor("dstfin"), null);
        assertThat(r.status()).as(r.body()).isEqualTo(409);
        assertThat(r.json().get("code").asString()).isEqualTo("contract.distribution-acknowledged");
        r = post(DISTRIBUTIONS + "/" + id + "/acknowledge", tokenFor("quality"), null);
        assertThat(r.status()).as("not a recipient: " + r.body()).isEqualTo(403);
        assertThat(post(DISTRIBUTIONS + "/" + id + "/acknowledge", tokenFor("dstmgr"), null).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'contract-distribution'"
                + " and record_id = :id and action = 'ACKNOWLEDGE'").param("id", String.valueOf(id))
                .query(Long.class).single()).isEqualTo(2);
        assertThat(get(DISTRIBUTIONS, tokenFor("dstmgr")).json().valueStream()
                .filter(s -> s.get("id").asLong() == id).findFirst().orElseThrow().get("acknowledged").asInt())
                .isEqualTo(2);

        // the printed list and the Excel list
        r = get(DISTRIBUTIONS + "/" + id + ".pdf", tokenFor("dstmgr"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("application/pdf");
        r = get(DISTRIBUTIONS + "/" + id + "/export", tokenFor("dstmgr"));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Disposition")).contains(number);
    }

    @Test
    void aMonthThatIsOpenMalformedOrEmptyIsRefusedNamingTheMonth() {
        String thisMonth = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();
        for (String month : List.of(thisMonth, "2014-13", "", "2013-02")) {
            Response r = post(DISTRIBUTIONS, tokenFor("dstmgr"), j("{'month':'" + month + "'}"));
            assertThat(r.status()).as(month + ": " + r.body()).isEqualTo(422);
            assertThat(r.body()).contains("\"field\":\"month\"");
        }
        assertThat(post(DISTRIBUTIONS, tokenFor("dstsales"), j("{'month':'2014-05'}")).status())
                .as("only a sales manager (contract:decide)").isEqualTo(403);
    }

    @Test
    void theMonthlyJobMakesTheMonthOnTheFirstWorkingDayAfterItAndNeverTwice() {
        long october = acceptedAt("sales", "2014-10-31T15:30:00Z"); // 31 October 23:30 in company time
        long november = acceptedAt("sales", "2014-10-31T16:30:00Z"); // 1 November 00:30 in company time
        // Saturday 1 November 2014, 10:00 in company time: October is over but not yet due
        assertThat(job("2014-11-01T02:00:00Z").run()).isEmpty();
        assertThat(distributions.existing(YearMonth.of(2014, 10))).isEmpty();
        // Monday 3 November: the first working day — made once
        var made = job("2014-11-03T00:10:00Z").run();
        assertThat(made).isPresent();
        assertThat(job("2014-11-03T00:10:00Z").run()).as("a second run").isEmpty();
        assertThat(job("2014-11-04T00:10:00Z").run()).as("the next day").isEmpty();
        assertThat(distributions.existing(YearMonth.of(2014, 10))).contains(made.get());
        JsonNode d = get(DISTRIBUTIONS + "/" + made.get(), tokenFor("dstmgr")).json();
        assertThat(d.get("madeBy").asString()).isEqualTo("JOB");
        assertThat(d.get("items").valueStream().map(i -> i.get("contractId").asLong()).toList())
                .contains(october).doesNotContain(november);
        // asking for the job's month by hand: the existing one
        Response r = post(DISTRIBUTIONS, tokenFor("dstmgr"), j("{'month':'2014-10'}"));
        assertThat(r.status()).isEqualTo(409);
    }

    @Test
    void thePagesListTheDistributionsAndTakeTheAcknowledgementInTheReadersLanguage() {
        acceptedAt("dstsales", "2014-03-10T03:00:00Z");
        Response r = post(DISTRIBUTIONS, tokenFor("dstmgr"), j("{'month':'2014-03'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        String number = r.json().get("number").asString();

        var page = new com.careloop.support.PageSession(port);
        page.login("dstsales", DEMO_PASSWORD);
        page.get("/?lang=zh-CN");
        String list = page.get("/contracts/distributions").body();
        assertThat(list).contains("合同月末分发", number, "2014-03", "待我签收").doesNotContain("MANUAL", "SALESPERSON");
        String detail = page.get("/contracts/distributions/" + id).body();
        assertThat(detail).contains("合同月末分发清单", "销售员（本人合同）", "复印件", "未签收", "distribution-acknowledge")
                .doesNotContain(">COPY<", ">SALESPERSON<");
        var done = page.post("/contracts/distributions/" + id + "/acknowledge");
        assertThat(done.status()).isEqualTo(302);
        assertThat(page.get("/contracts/distributions/" + id).body()).contains("dstsales")
                .doesNotContain("distribution-acknowledge-button");
        // twice: the message on the page, not an error page
        page.post("/contracts/distributions/" + id + "/acknowledge");
        assertThat(page.get("/contracts/distributions/" + id).body()).contains("已由 dstsales");

        page.get("/?lang=en");
        assertThat(page.get("/contracts/distributions").body()).contains("Month-end contract distribution", number);
        assertThat(page.get("/contracts/distributions/" + id).body()).contains("Salesperson (own contracts)", "Copy");
        page.get("/?lang=zh-TW");
        assertThat(page.get("/contracts/distributions/" + id).body()).contains("合約月末分發清單", "影本");
        assertThat(page.get("/contracts/distributions/" + id + "/print").body()).contains("合約月末分發清單", number);
    }

    static final String RECIPIENTS = BASE + "/month-end-recipients";

    /**
     * An administrator sets who receives the distribution (data, not configuration): the configuration is the initial
     * value; every bad entry is a 422 naming it with nothing saved; a stale version 409; saved and audited, the next
     * distribution follows it; the page in zh-CN, zh-TW and en; a reset goes back to the configuration.
     */
    @Test
    void anAdministratorSetsTheRecipientsOnAPageAndTheNextDistributionFollowsThem() {
        String admin = tokenFor("admin");
        JsonNode initial = get(RECIPIENTS, admin).json();
        assertThat(initial.get("fromConfiguration").asBoolean()).isTrue();
        assertThat(initial.get("salesManager").valueStream().map(JsonNode::asString).toList())
                .containsExactly("POSITION:BUSINESS_MANAGER", "DEPARTMENT_HEAD:SALES", "POSITION:GENERAL_MANAGER");
        assertThat(initial.get("financeNow").valueStream().map(JsonNode::asString).toList()).contains("dstfin");
        long version = initial.get("version").asLong();
        long audited = audits();
        assertThat(get(RECIPIENTS, tokenFor("dstmgr")).status()).as("administrators only").isEqualTo(403);
        try {
            String v = ",'version':" + version;
            String ok = "'salesManager':['POSITION:BUSINESS_MANAGER']";
            for (String[] bad : new String[][] {
                    {"{" + ok + ",'finance':['USER:dstsales']}", "version"},
                    {"{'finance':['USER:dstsales']" + v + "}", "salesManager"},
                    {"{" + ok + ",'finance':[]" + v + "}", "finance"},
                    {"{" + ok + ",'finance':['  ']" + v + "}", "finance"},
                    {"{" + ok + ",'finance':['USER']" + v + "}", "finance[0]"},
                    {"{" + ok + ",'finance':['USER:dstsales','BOSS:x']" + v + "}", "finance[1]"},
                    {"{" + ok + ",'finance':['USER:']" + v + "}", "finance[0]"},
                    {"{" + ok + ",'finance':['USER:nobody-here']" + v + "}", "finance[0]"},
                    {"{" + ok + ",'finance':['DEPARTMENT:NOPE']" + v + "}", "finance[0]"},
                    {"{" + ok + ",'finance':['DEPARTMENT_HEAD:NOPE']" + v + "}", "finance[0]"},
                    {"{" + ok + ",'finance':['POSITION:NO_SUCH_POSITION']" + v + "}", "finance[0]"},
                    {"{'salesManager':['POSITION:BUSINESS_MANAGER','position:BUSINESS_MANAGER'],'finance':['DEPARTMENT:FIN']"
                            + v + "}", "salesManager[1]"},
                    {"{" + ok + ",'finance':['DEPARTMENT:FIN','DEPARTMENT:FIN','DEPARTMENT:FIN','DEPARTMENT:FIN',"
                            + "'DEPARTMENT:FIN','DEPARTMENT:FIN','DEPARTMENT:FIN','DEPARTMENT:FIN','DEPARTMENT:FIN',"
                            + "'DEPARTMENT:FIN','DEPARTMENT:FIN']" + v + "}", "finance"}}) {
                Response r = put(RECIPIENTS, admin, j(bad[0]));
                assertThat(r.status()).as(bad[0] + " → " + r.body()).isEqualTo(422);
                assertThat(r.json().get("errors").get(0).get("field").asString()).as(bad[0]).isEqualTo(bad[1]);
            }
            assertThat(get(RECIPIENTS, admin).json().get("version").asLong()).as("nothing saved").isEqualTo(version);
            assertThat(audits()).isEqualTo(audited);
            Response stale = put(RECIPIENTS, admin, j("{" + ok + ",'finance':['USER:dstsales'],'version':"
                    + (version + 3) + "}"));
            assertThat(stale.status()).as(stale.body()).isEqualTo(409);

            // finance's copy now to a named user first, the finance department after
            Response saved = put(RECIPIENTS, admin, j("{" + ok + ",'finance':[' user:dstsales ','DEPARTMENT:FIN']" + v + "}"));
            assertThat(saved.status()).as(saved.body()).isEqualTo(200);
            assertThat(saved.json().get("finance").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("USER:dstsales", "DEPARTMENT:FIN");
            assertThat(saved.json().get("fromConfiguration").asBoolean()).isFalse();
            assertThat(saved.json().get("financeNow").valueStream().map(JsonNode::asString).toList())
                    .containsExactly("dstsales");
            assertThat(saved.json().get("updatedByName").asString()).isNotBlank();
            long v1 = saved.json().get("version").asLong();
            assertThat(v1).isGreaterThan(version);
            assertThat(audits()).isEqualTo(audited + 1);
            assertThat(put(RECIPIENTS, admin, j("{" + ok + ",'finance':['DEPARTMENT:FIN']" + v + "}")).status())
                    .as("the version before the save is stale").isEqualTo(409);

            acceptedAt("sales", "2012-11-12T03:00:00Z");
            Response made = post(DISTRIBUTIONS, tokenFor("dstmgr"), j("{'month':'2012-11'}"));
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            JsonNode d = made.json();
            assertThat(recipient(d, "FINANCE", userId("dstsales")).get("copyKind").asString()).isEqualTo("COPY");
            assertThat(d.get("recipients").valueStream().noneMatch(x -> "FINANCE".equals(x.get("party").asString())
                    && x.get("recipientId").asLong() == userId("dstfin"))).as("the first entry naming somebody wins")
                    .isTrue();

            // the page: the setting, a bad entry as a readable 422, then saved
            var page = new com.careloop.support.PageSession(port);
            page.login("admin", ADMIN_PASSWORD);
            page.get("/?lang=zh-CN");
            String html = page.get("/admin/contract-month-end").body();
            assertThat(html).contains("合同月末分发接收人", "id=\"month-end-form\"", "USER:dstsales", "财务（复印件）",
                    "POSITION:GENERAL_MANAGER");
            var refused = page.post("/admin/contract-month-end", "salesManager", "POSITION:BUSINESS_MANAGER",
                    "finance", "DEPARTMENT:NOPE", "version", String.valueOf(v1), "op", "save");
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.body()).contains("找不到在用的“NOPE”");
            var ok2 = page.post("/admin/contract-month-end", "salesManager", "POSITION:BUSINESS_MANAGER\nDEPARTMENT_HEAD:SALES",
                    "finance", "DEPARTMENT:FIN", "version", String.valueOf(v1), "op", "save");
            assertThat(ok2.status()).isEqualTo(302);
            JsonNode afterPage = get(RECIPIENTS, admin).json();
            assertThat(afterPage.get("salesManager").size()).isEqualTo(2);
            assertThat(afterPage.get("financeNow").valueStream().map(JsonNode::asString).toList()).contains("dstfin");
            page.get("/?lang=zh-TW");
            assertThat(page.get("/admin/contract-month-end").body()).contains("合約月末分發接收人", "財務（影本）");
            page.get("/?lang=en");
            assertThat(page.get("/admin/contract-month-end").body()).contains("Who receives the month-end contract",
                    "Finance (copy)");
            version = afterPage.get("version").asLong();
        } finally {
            long current = get(RECIPIENTS, admin).json().get("version").asLong();
            Response reset = post(RECIPIENTS + "/reset", admin, j("{'version':" + current + "}"));
            assertThat(reset.status()).as(reset.body()).isEqualTo(200);
            assertThat(reset.json().get("fromConfiguration").asBoolean()).isTrue();
        }
    }

    long audits() {
        return jdbc.sql("select count(*) from audit_event where record_type = 'contract-month-end-recipients'")
                .query(Long.class).single();
    }

    ContractDistributionJob job(String utc) {
        return new ContractDistributionJob(distributions, Clock.fixed(Instant.parse(utc), ZoneId.of("UTC")), platform);
    }
}
