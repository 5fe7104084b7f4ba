package com.careloop.fieldservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.UUID;

import javax.imageio.ImageIO;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PrintedPdf;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/**
 * Visit reports, the product failure history, warranty-part feedback and the statistics over HTTP (H2 and
 * PostgreSQL): bad input refused with 422 naming the field and nothing saved; actions tracked to done by their owner;
 * recurring failures flagged; a signed report's findings classified as a failure; a returned part analysed by quality.
 */
class FieldHistoryApiTest extends ApiTestBase {

    static final String VISITS = "/api/v1/visit-reports";
    static final String FAILURES = "/api/v1/product-failures";
    static final String PARTS = "/api/v1/warranty-parts";

    @Autowired
    JdbcClient jdbc;

    long user(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static String day(int plus) {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(plus).toString();
    }

    long customer() {
        String phone = "138" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        Response c = post("/api/v1/customers", tokenFor("manager"), j("{'name':'走访客户" + unique()
                + "','kind':'ORGANISATION','phone':'" + phone + "'}"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        return c.json().get("id").asLong();
    }

    JsonNode request(long customer, String type) {
        Response r = post("/api/v1/service-requests", tokenFor("manager"), j("{'customerId':" + customer
                + ",'contactName':'马工','contactPhone':'13900000000','location':'镇江','type':'" + type + "',"
                + ("FIELD_SERVICE".equals(type) ? "'fieldKind':'AFTER_SALES'," : "")
                + "'title':'设备故障','channel':'PHONE'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A field service signed by the customer with findings (departure by the manager's exception). */
    JsonNode signedFieldService(String findings) throws Exception {
        return signedFieldService(findings, customer(), false);
    }

    /** The same for a given customer; with two hours on site of the leader when {@code hours}. */
    JsonNode signedFieldService(String findings, long customer, boolean hours) throws Exception {
        long request = request(customer, "FIELD_SERVICE").get("id").asLong();
        Response p = post("/api/v1/field-services", tokenFor("manager"), j("{'requestId':" + request + ",'travelOutOn':'"
                + day(0) + "','onSiteFrom':'" + day(0) + "','onSiteTo':'" + day(1) + "','returnOn':'" + day(1) + "',"
                + "'leader':{'userId':" + user("depthead") + ",'task':'现场总负责'},'parts':[],'workPlan':'维修'}"));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        long id = p.json().get("id").asLong();
        String base = "/api/v1/field-services/" + id;
        ok(post(base + "/departure-exception", tokenFor("manager"), j("{'reason':'抢修'}")));
        ok(post(base + "/depart", tokenFor("depthead"), "{}"));
        JsonNode there = ok(post(base + "/arrive", tokenFor("depthead"), "{}"));
        if (hours) {
            java.time.OffsetDateTime now = java.time.OffsetDateTime.now();
            ok(post(base + "/hours", tokenFor("depthead"), j("{'memberId':" + there.get("team").get(0).get("id").asLong()
                    + ",'from':'" + now.minusHours(3) + "','to':'" + now.minusHours(1) + "'}")));
        }
        ok(post(base + "/findings", tokenFor("depthead"), j("{'findings':'" + findings + "'}")));
        return ok(post(base + "/customer-signature", tokenFor("depthead"), j("{'signerName':'马工',"
                + "'evaluation':'SATISFIED','signatureImage':'" + png() + "'}")));
    }

    static JsonNode ok(Response r) {
        assertThat(r.status()).as(r.body()).isIn(200, 201);
        return r.json();
    }

    static String png() throws Exception {
        BufferedImage image = new BufferedImage(120, 40, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(5, 5, 0xff000080);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static void refused(Response r, int status, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        if (field != null) {
            assertThat(r.body()).contains(field);
        }
    }

    /** The intake entry of a source, once the listener (after commit, asynchronous) has written it; else null. */
    JsonNode awaitIntake(String sourceType, long sourceId) throws InterruptedException {
        for (int i = 0; i < 150; i++) {
            JsonNode intake = ok(get(FAILURES + "/intake?limit=200", tokenFor("quality"))).get("items").valueStream()
                    .filter(x -> x.get("sourceType").asString().equals(sourceType)
                            && x.get("sourceId").asLong() == sourceId).findFirst().orElse(null);
            if (intake != null) {
                return intake;
            }
            Thread.sleep(100);
        }
        return null;
    }

    /** The customer's contact-log entry naming a record, once the customer module's listener has written it. */
    JsonNode awaitContact(long customer, String code) {
        for (int i = 0; i < 150; i++) {
            JsonNode entry = ok(get("/api/v1/customers/" + customer + "/contact-log", tokenFor("manager")))
                    .get("items").valueStream().filter(e -> e.get("summary").asString().contains(code)).findFirst()
                    .orElse(null);
            if (entry != null) {
                return entry;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    @Test
    void aVisitDeliveredTwiceIsOneContactLogEntry() throws Exception {
        long customer = customer();
        String key = "visit-report:test-" + unique();
        for (int i = 0; i < 2; i++) {
            tx.executeWithoutResult(s -> publisher.publishEvent(new com.careloop.customer.CustomerVisited(customer, key,
                    java.time.Instant.now(), user("manager"), key + " · 回访")));
        }
        assertThat(awaitContact(customer, key)).isNotNull();
        Thread.sleep(1000);
        assertThat(jdbc.sql("select count(*) from contact_log where source_key = :k").param("k", key)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSignedFieldServiceReportIsOneVisitEntryInTheCustomersContactLog() throws Exception {
        String findings = "主轴异响" + unique();
        JsonNode f = signedFieldService(findings);
        long customer = f.get("customerId").asLong();
        String report = f.get("report").get("code").asString();
        JsonNode contact = awaitContact(customer, report);
        assertThat(contact).as("the signed report is in the customer's contact log").isNotNull();
        assertThat(contact.get("kind").asString()).isEqualTo("VISIT");
        assertThat(contact.get("channel").asString()).isEqualTo("VISIT");
        assertThat(contact.get("summary").asString()).contains(f.get("code").asString()).contains(findings);
        assertThat(contact.get("staffId").asLong()).as("by the team leader").isEqualTo(user("depthead"));
        String key = "field-service:" + f.get("id").asLong();
        // the same event delivered again (a retried publication) adds nothing
        tx.executeWithoutResult(s -> publisher.publishEvent(new com.careloop.customer.CustomerVisited(customer, key,
                java.time.Instant.now(), user("depthead"), report + " · again")));
        Thread.sleep(1000);
        assertThat(jdbc.sql("select count(*) from contact_log where source_key = :k").param("k", key)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDemoCompanysCommissioningTripHasItsSignedReportAndIsInTheCustomersContactLog() {
        long id = jdbc.sql("select id from field_service where customer_name like '%恒顺%' order by id limit 1")
                .query(Long.class).single();
        JsonNode trip = ok(get("/api/v1/field-services/" + id, tokenFor("manager")));
        assertThat(trip.get("kind").asString()).isEqualTo("INSTALLATION_COMMISSIONING");
        assertThat(trip.get("status").asString()).isEqualTo("REPORTED");
        assertThat(trip.get("team").valueStream().map(m -> m.get("department").asString()).distinct().count())
                .as("a team from several departments").isGreaterThanOrEqualTo(3);
        assertThat(trip.get("openPoints").size()).as("no open points").isZero();
        JsonNode report = trip.get("report");
        assertThat(report.get("code").asString()).startsWith("XB");
        assertThat(report.get("customerSignature").asBoolean()).isTrue();
        assertThat(report.get("leaderSignature").asBoolean()).isTrue();
        long entries = 0;
        for (int i = 0; i < 150 && entries == 0; i++) {
            entries = jdbc.sql("select count(*) from contact_log where source_key = :k and customer_id = :c")
                    .param("k", "field-service:" + id).param("c", trip.get("customerId").asLong())
                    .query(Long.class).single();
            sleep(100);
        }
        assertThat(entries).as("the demo report in the customer's contact log, once").isEqualTo(1);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    @Test
    void aVisitIsPlannedVisitedAndClosedWhenItsOwnerFinishesTheAgreedAction() {
        long customer = customer();
        long before = count("visit_report");
        refused(post(VISITS, tokenFor("manager"), j("{'customerId':" + customer + ",'visitOn':'" + day(0) + "'}")),
                422, "purpose");
        refused(post(VISITS, tokenFor("manager"), j("{'customerId':987654321,'purpose':'回访','visitOn':'" + day(0)
                + "'}")), 422, "customerId");
        refused(post(VISITS, tokenFor("staff"), j("{'customerId':" + customer + ",'purpose':'回访','visitOn':'" + day(0)
                + "'}")), 403, null);
        assertThat(count("visit_report")).as("nothing saved").isEqualTo(before);

        JsonNode v = ok(post(VISITS, tokenFor("manager"), j("{'customerId':" + customer + ",'purpose':'投运后回访',"
                + "'visitOn':'" + day(0) + "','place':'镇江','participants':'王经理','contactsMet':'马工'}")));
        long id = v.get("id").asLong();
        assertThat(v.get("code").asString()).startsWith("ZF");
        assertThat(v.get("status").asString()).isEqualTo("PLANNED");

        Response badAction = post(VISITS + "/" + id + "/visit", tokenFor("manager"), j("{'findings':'运行稳定',"
                + "'actions':[{'description':'培训夜班','ownerId':" + user("staff") + "}]}"));
        refused(badAction, 422, "actions[0].dueOn");
        assertThat(ok(get(VISITS + "/" + id, tokenFor("manager"))).get("status").asString())
                .as("nothing saved half-way").isEqualTo("PLANNED");

        JsonNode visited = ok(post(VISITS + "/" + id + "/visit", tokenFor("manager"), j("{'findings':'运行稳定',"
                + "'customerOpinion':'满意','actions':[{'description':'培训夜班','ownerId':" + user("staff")
                + ",'dueInWorkingDays':5}]}")));
        assertThat(visited.get("status").asString()).isEqualTo("VISITED");
        JsonNode contact = awaitContact(customer, v.get("code").asString());
        assertThat(contact).as("the visit is in the customer's contact log").isNotNull();
        assertThat(contact.get("kind").asString()).isEqualTo("VISIT");
        assertThat(contact.get("summary").asString()).contains("投运后回访").contains("运行稳定");
        assertThat(contact.get("staffId").asLong()).isEqualTo(user("manager"));
        JsonNode action = visited.get("actions").get(0);
        assertThat(LocalDate.parse(action.get("dueOn").asString())).isAfter(LocalDate.parse(day(4)));
        assertThat(action.get("overdue").asBoolean()).isFalse();
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l")
                .param("u", user("staff")).param("l", "/visit-reports/" + id).query(Long.class).single())
                .as("the owner is notified").isEqualTo(1);
        assertThat(get(VISITS + "/my-actions", tokenFor("staff")).json().valueStream()
                .anyMatch(a -> a.get("reportId").asLong() == id)).isTrue();
        assertThat(get("/api/v1/dashboards/me", tokenFor("staff")).json().get("work").valueStream()
                .anyMatch(w -> w.get("code").asString().equals("fieldhistory.visitActions"))).isTrue();

        long actionId = action.get("id").asLong();
        refused(post(VISITS + "/" + id + "/actions/" + actionId + "/done", tokenFor("teamleader"), "{}"), 403, null);
        JsonNode done = ok(post(VISITS + "/" + id + "/actions/" + actionId + "/done", tokenFor("staff"),
                j("{'note':'已培训 12 人'}")));
        assertThat(done.get("status").asString()).isEqualTo("CLOSED");
        refused(post(VISITS + "/" + id + "/actions/" + actionId + "/done", tokenFor("staff"), "{}"), 409, null);

        assertThat(get(VISITS + "?customerId=" + customer, tokenFor("staff")).json().get("items").size()).isEqualTo(1);
        PrintedPdf pdf = PrintedPdf.fetch(http, port, VISITS + "/" + id + "/report.pdf", tokenFor("manager"), null,
                v.get("code").asString());
        assertThat(pdf.text()).contains("投运后回访").contains("培训夜班").contains("Q/JL081306");
    }

    @Test
    void failuresAreRecordedFromTheirSourceSearchedAndFlaggedWhenTheyRecur() {
        String product = "泵-" + unique();
        JsonNode req = request(customer(), "REPAIR");
        long before = count("product_failure");
        refused(post(FAILURES, tokenFor("quality"), j("{'product':'" + product + "','failedOn':'" + day(-1)
                + "','mode':'NO_SUCH','sourceType':'REQUEST','sourceCode':'" + req.get("code").asString() + "'}")),
                422, "mode");
        refused(post(FAILURES, tokenFor("quality"), j("{'product':'" + product + "','failedOn':'" + day(-1)
                + "','mode':'LEAK','sourceType':'REQUEST','sourceCode':'NOPE-1'}")), 422, "sourceCode");
        refused(post(FAILURES, tokenFor("quality"), j("{'product':'" + product + "','failedOn':'" + day(3)
                + "','mode':'LEAK','sourceType':'REQUEST','sourceId':" + req.get("id").asLong() + "}")), 422, "failedOn");
        refused(post(FAILURES, tokenFor("staff"), j("{'product':'" + product + "'}")), 403, null);
        assertThat(count("product_failure")).as("nothing saved").isEqualTo(before);

        JsonNode first = ok(post(FAILURES, tokenFor("quality"), j("{'product':'" + product + "','part':'机封',"
                + "'serialNo':'SN-" + product + "','failedOn':'" + day(-100) + "','mode':'LEAK','cause':'密封老化',"
                + "'sourceType':'REQUEST','sourceCode':'" + req.get("code").asString() + "'}")));
        assertThat(first.get("sourceId").asLong()).isEqualTo(req.get("id").asLong());
        assertThat(first.get("customerId").asLong()).isEqualTo(req.get("customerId").asLong());
        assertThat(first.get("recurring").asBoolean()).isFalse();
        for (int d : new int[] {-30, -2}) {
            ok(post(FAILURES, tokenFor("quality"), j("{'product':'" + product + "','part':'机封','failedOn':'" + day(d)
                    + "','mode':'LEAK','sourceType':'REQUEST','sourceId':" + req.get("id").asLong() + "}")));
        }
        ok(post(FAILURES, tokenFor("quality"), j("{'product':'" + product + "','part':'叶轮','failedOn':'" + day(-5)
                + "','mode':'WEAR','sourceType':'REQUEST','sourceId':" + req.get("id").asLong() + "}")));

        JsonNode page = ok(get(FAILURES + "?product=" + product + "&limit=2", tokenFor("staff")));
        assertThat(page.get("items").size()).isEqualTo(2);
        assertThat(page.get("items").get(0).get("failedOn").asString()).as("newest first").isEqualTo(day(-2));
        assertThat(page.get("items").get(0).get("recurring").asBoolean()).as("3 leaks in 12 months").isTrue();
        assertThat(page.get("items").get(1).get("recurring").asBoolean()).as("one wear").isFalse();
        JsonNode next = ok(get(FAILURES + "?product=" + product + "&limit=2&cursor=" + page.get("nextCursor").asString(),
                tokenFor("staff")));
        assertThat(next.get("items").size()).isEqualTo(2);
        assertThat(next.get("nextCursor").isNull()).isTrue();
        assertThat(page.get("previousCursor").isNull()).as("the first page has none before it").isTrue();
        JsonNode back = ok(get(FAILURES + "?product=" + product + "&limit=2&cursor="
                + next.get("previousCursor").asString(), tokenFor("staff")));
        assertThat(ids(back)).as("the previous page is the first page again").isEqualTo(ids(page));
        assertThat(back.get("previousCursor").isNull()).isTrue();
        assertThat(back.get("nextCursor").asString()).isEqualTo(page.get("nextCursor").asString());
        assertThat(ok(get(FAILURES + "?serial=SN-" + product, tokenFor("staff"))).get("items").size()).isEqualTo(1);
        assertThat(ok(get(FAILURES + "?product=" + product + "&mode=WEAR", tokenFor("staff"))).get("items").size())
                .isEqualTo(1);

        JsonNode timeline = ok(get(FAILURES + "/timeline?product=" + product, tokenFor("staff")));
        assertThat(timeline.get("failures").size()).isEqualTo(4);
        assertThat(timeline.get("modes").get(0).get("mode").asString()).isEqualTo("LEAK");
        assertThat(timeline.get("modes").get(0).get("recurring").asBoolean()).isTrue();
        assertThat(ok(get(FAILURES + "/recurring", tokenFor("staff"))).valueStream()
                .anyMatch(r -> r.get("product").asString().equals(product))).isTrue();

        // The window's first day (exactly 12 months ago) counts, the day before does not: the flag reads whole
        // months from the rollup and the partial edge months from the rows.
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String edge = "阀-" + unique();
        for (LocalDate on : new LocalDate[] {today.minusMonths(12).minusDays(1), today.minusMonths(6), today}) {
            ok(post(FAILURES, tokenFor("quality"), j("{'product':'" + edge + "','failedOn':'" + on
                    + "','mode':'CRACK','sourceType':'REQUEST','sourceId':" + req.get("id").asLong() + "}")));
        }
        assertThat(ok(get(FAILURES + "?product=" + edge, tokenFor("staff"))).get("items").get(0).get("recurring")
                .asBoolean()).as("two in the window").isFalse();
        ok(post(FAILURES, tokenFor("quality"), j("{'product':'" + edge + "','failedOn':'" + today.minusMonths(12)
                + "','mode':'CRACK','sourceType':'REQUEST','sourceId':" + req.get("id").asLong() + "}")));
        assertThat(ok(get(FAILURES + "?product=" + edge, tokenFor("staff"))).get("items").get(0).get("recurring")
                .asBoolean()).as("the first day of the window counts").isTrue();

        Response xlsx = get(FAILURES + "/export?product=" + product, tokenFor("staff"));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");

        JsonNode en = ok(call("GET", FAILURES + "/modes", tokenFor("staff"), null, "Accept-Language", "en"));
        assertThat(en.valueStream().anyMatch(m -> m.get("name").asString().equals("Leak"))).isTrue();
    }

    static java.util.List<Long> ids(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("id").asLong()).toList();
    }

    @Test
    void theIntakeIsKeysetPagedBothWays() {
        long customer = customer();
        long first = 700_000_000L + (long) (Math.random() * 90_000_000L);
        for (long id = first; id < first + 3; id++) {
            long complaint = id;
            tx.executeWithoutResult(s -> publisher.publishEvent(new com.careloop.complaint.ComplaintClosed(complaint,
                    "TS-P" + complaint, customer, "投诉顾客", "灌装机", com.careloop.complaint.ComplaintCategory.PRODUCT_QUALITY,
                    LocalDate.now(ZoneId.of("Asia/Shanghai")), "漏液", null, null, null)));
        }
        for (long id = first; id < first + 3; id++) {
            try {
                assertThat(awaitIntake("COMPLAINT", id)).isNotNull();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
        JsonNode one = ok(get(FAILURES + "/intake?limit=2", tokenFor("quality")));
        assertThat(one.get("items").size()).isEqualTo(2);
        assertThat(one.get("previousCursor").isNull()).isTrue();
        JsonNode two = ok(get(FAILURES + "/intake?limit=2&cursor=" + one.get("nextCursor").asString(),
                tokenFor("quality")));
        assertThat(ids(two)).isNotEmpty().doesNotContainAnyElementsOf(ids(one));
        assertThat(ids(two).get(0)).as("newest first, continuing").isLessThan(ids(one).get(1));
        JsonNode back = ok(get(FAILURES + "/intake?limit=2&cursor=" + two.get("previousCursor").asString(),
                tokenFor("quality")));
        assertThat(ids(back)).isEqualTo(ids(one));
        assertThat(back.get("previousCursor").isNull()).isTrue();
        refused(get(FAILURES + "/intake?cursor=not-a-cursor", tokenFor("quality")), 422, "cursor");
    }

    @Test
    void theFindingsOfASignedReportAreClassifiedAsAFailure() throws Exception {
        JsonNode f = signedFieldService("密封圈老化漏油" + unique());
        long serviceId = f.get("id").asLong();
        JsonNode intake = awaitIntake("FIELD_SERVICE", serviceId);
        assertThat(intake).as("the signed report's findings arrive for quality").isNotNull();
        assertThat(intake.get("findings").asString()).startsWith("密封圈老化漏油");
        long intakeId = intake.get("id").asLong();
        refused(post(FAILURES + "/intake/" + intakeId + "/classify", tokenFor("quality"), j("{'part':'密封圈'}")),
                422, "product");
        JsonNode row = ok(post(FAILURES + "/intake/" + intakeId + "/classify", tokenFor("quality"),
                j("{'product':'减速机-" + unique() + "','part':'密封圈','mode':'LEAK'}")));
        assertThat(row.get("sourceType").asString()).isEqualTo("FIELD_SERVICE");
        assertThat(row.get("sourceId").asLong()).isEqualTo(serviceId);
        assertThat(row.get("sourceLink").asString()).isEqualTo("/field-services/" + serviceId);
        refused(post(FAILURES + "/intake/" + intakeId + "/dismiss", tokenFor("quality"), "{}"), 409, null);
    }

    @Test
    void aReturnedWarrantyPartIsAnalysedByQualityAndFeedsTheFailureHistory() throws Exception {
        JsonNode f = signedFieldService("更换损坏的轴承");
        long serviceId = f.get("id").asLong();
        String product = "风机-" + unique();
        long before = count("warranty_feedback");
        refused(post(PARTS, tokenFor("manager"), j("{'sourceType':'FIELD_SERVICE','sourceId':" + serviceId
                + ",'product':'" + product + "','part':'轴承','quantity':0,'failedOn':'" + day(0)
                + "','mode':'WEAR','failureDescription':'异响'}")), 422, "quantity");
        refused(post(PARTS, tokenFor("manager"), j("{'sourceType':'COMPLAINT','sourceId':1,'product':'" + product
                + "','part':'轴承','quantity':1,'failedOn':'" + day(0) + "','mode':'WEAR','failureDescription':'x'}")),
                422, "sourceType");
        assertThat(count("warranty_feedback")).as("nothing saved").isEqualTo(before);

        JsonNode w = ok(post(PARTS, tokenFor("manager"), j("{'sourceType':'FIELD_SERVICE','sourceId':" + serviceId
                + ",'product':'" + product + "','part':'轴承','quantity':2,'serialNo':'B-77','failedOn':'" + day(0)
                + "','mode':'WEAR','failureDescription':'轴承异响，保持架磨损','qualityUserId':" + user("quality") + "}")));
        long id = w.get("id").asLong();
        assertThat(w.get("code").asString()).startsWith("SB");
        assertThat(w.get("status").asString()).isEqualTo("SENT");
        long failureId = w.get("failureId").asLong();
        assertThat(jdbc.sql("select count(*) from notification where recipient_id = :u and link = :l")
                .param("u", user("quality")).param("l", "/warranty-parts/" + id).query(Long.class).single()).isEqualTo(1);
        assertThat(get("/api/v1/dashboards/me", tokenFor("quality")).json().get("work").valueStream()
                .anyMatch(x -> x.get("code").asString().equals("fieldhistory.warrantyToAnalyse"))).isTrue();

        refused(post(PARTS + "/" + id + "/close", tokenFor("quality"), "{}"), 409, null);
        refused(post(PARTS + "/" + id + "/analysis", tokenFor("quality"), j("{'cause':'润滑不足','action':'改进'}")),
                422, "responsibility");
        refused(post(PARTS + "/" + id + "/analysis", tokenFor("staff"), j("{'cause':'x'}")), 403, null);
        JsonNode analysed = ok(post(PARTS + "/" + id + "/analysis", tokenFor("quality"), j("{'cause':'供应商润滑脂不足',"
                + "'responsibility':'SUPPLIER','action':'供应商 8D；来料抽检'}")));
        assertThat(analysed.get("status").asString()).isEqualTo("ANALYSED");
        JsonNode row = ok(get(FAILURES + "/" + failureId, tokenFor("staff")));
        assertThat(row.get("product").asString()).isEqualTo(product);
        assertThat(row.get("cause").asString()).isEqualTo("供应商润滑脂不足");
        assertThat(row.get("sourceLink").asString()).isEqualTo("/field-services/" + serviceId);
        assertThat(ok(post(PARTS + "/" + id + "/close", tokenFor("quality"), "{}")).get("status").asString())
                .isEqualTo("CLOSED");
        PrintedPdf pdf = PrintedPdf.fetch(http, port, PARTS + "/" + id + "/form.pdf", tokenFor("manager"), null,
                w.get("code").asString());
        assertThat(pdf.text()).contains("轴承").contains("Q/JL100101");
    }

    @Test
    void aClaimIsGivenByTheNumberAUserKnowsAndAnUnknownNumberIsRefusedNamingSourceCode() {
        long customer = customer();
        JsonNode claim = ok(post("/api/v1/claims", tokenFor("complaints"), j("{'customerId':" + customer
                + ",'product':'输送机','claimedAmount':800,'description':'链条断裂'}")));
        String number = claim.get("code").asString();
        String product = "输送机-" + unique();
        long failuresBefore = count("product_failure");
        long partsBefore = count("warranty_feedback");
        refused(post(FAILURES, tokenFor("quality"), j("{'product':'" + product + "','failedOn':'" + day(-1)
                + "','mode':'CRACK','sourceType':'CLAIM','sourceCode':'SP1999-999999'}")), 422, "sourceCode");
        refused(post(PARTS, tokenFor("manager"), j("{'sourceType':'CLAIM','sourceCode':'SP1999-999999','product':'"
                + product + "','part':'链条','quantity':1,'failedOn':'" + day(0) + "','mode':'CRACK',"
                + "'failureDescription':'断裂'}")), 422, "sourceCode");
        assertThat(count("product_failure")).as("nothing saved").isEqualTo(failuresBefore);
        assertThat(count("warranty_feedback")).as("nothing saved").isEqualTo(partsBefore);

        JsonNode failure = ok(post(FAILURES, tokenFor("quality"), j("{'product':'" + product + "','failedOn':'"
                + day(-1) + "','mode':'CRACK','sourceType':'CLAIM','sourceCode':' " + number.toLowerCase() + " '}")));
        assertThat(failure.get("sourceId").asLong()).isEqualTo(claim.get("id").asLong());
        assertThat(failure.get("sourceCode").asString()).isEqualTo(number);
        assertThat(failure.get("customerId").asLong()).isEqualTo(customer);
        JsonNode part = ok(post(PARTS, tokenFor("manager"), j("{'sourceType':'CLAIM','sourceCode':'" + number
                + "','product':'" + product + "','part':'链条','quantity':1,'failedOn':'" + day(0) + "','mode':'CRACK',"
                + "'failureDescription':'断裂'}")));
        assertThat(part.get("sourceId").asLong()).isEqualTo(claim.get("id").asLong());
        assertThat(part.get("sourceCode").asString()).isEqualTo(number);
        assertThat(part.get("customerId").asLong()).isEqualTo(customer);
    }

    @Test
    void theStatisticsCountServicesFailuresAndTheFirstTimeFixRate() throws Exception {
        long customer = customer();
        signedFieldService("无异常", customer, true);
        String product = "统计泵-" + unique();
        long req = request(customer, "REPAIR").get("id").asLong();
        for (String mode : new String[] {"LEAK", "LEAK", "NOISE"}) {
            ok(post(FAILURES, tokenFor("quality"), j("{'product':'" + product + "','part':'机封','failedOn':'" + day(-1)
                    + "','mode':'" + mode + "','sourceType':'REQUEST','sourceId':" + req + "}")));
        }
        JsonNode s = ok(get("/api/v1/field-services/statistics?from=" + day(-30) + "&to=" + day(0),
                tokenFor("manager")));
        assertThat(s.get("services").asLong()).isPositive();
        assertThat(s.get("perKind").valueStream().anyMatch(k -> k.get("kind").asString().equals("AFTER_SALES")))
                .isTrue();
        JsonNode mine = s.get("perCustomer").valueStream().filter(c -> c.get("customerId").asLong() == customer)
                .findFirst().orElseThrow();
        assertThat(mine.get("services").asLong()).as("one service for this customer").isEqualTo(1);
        assertThat(mine.get("hours").asDouble()).as("the leader's two hours on site").isEqualTo(2.0);
        assertThat(s.get("hoursOnSite").asDouble()).isGreaterThanOrEqualTo(2.0);
        assertThat(s.get("firstTimeFix").get("pending").asLong()).as("reported within 30 days").isPositive();
        assertThat(s.get("failuresPerPart").valueStream().filter(p -> p.get("product").asString().equals(product))
                .findFirst().orElseThrow().get("failures").asLong()).isEqualTo(3);
        JsonNode pareto = s.get("failureModes");
        assertThat(pareto.size()).isPositive();
        for (int i = 1; i < pareto.size(); i++) {
            assertThat(pareto.get(i).get("failures").asLong()).as("Pareto order")
                    .isLessThanOrEqualTo(pareto.get(i - 1).get("failures").asLong());
        }
        assertThat(pareto.get(pareto.size() - 1).get("cumulative").decimalValue())
                .isEqualByComparingTo(java.math.BigDecimal.ONE);
        refused(get("/api/v1/field-services/statistics?from=" + day(0) + "&to=" + day(-1), tokenFor("manager")),
                422, "to");
        refused(get("/api/v1/field-services/statistics", tokenFor("staff")), 403, null);
        Response xlsx = get("/api/v1/field-services/statistics/export", tokenFor("manager"));
        assertThat(xlsx.status()).isEqualTo(200);
        assertThat(xlsx.header("Content-Type")).contains("spreadsheetml");
    }

    @Test
    void anEndedClaimNamingAProductWaitsInTheIntakeWithItsFactsAndIsClassifiedByMode() throws Exception {
        String product = "纸箱机-" + unique();
        long claim = ok(post("/api/v1/claims", tokenFor("complaints"), j("{'customerId':" + customer() + ",'product':'"
                + product + "','claimedAmount':500,'description':'到货后开裂'}"))).get("id").asLong();
        String base = "/api/v1/claims/" + claim;
        ok(post(base + "/evidence", tokenFor("complaints"), j("{'note':'照片'}")));
        ok(post(base + "/inspect", tokenFor("quality"), j("{'method':'RETURNED_GOODS','findings':'焊缝开裂',"
                + "'inspector':'周卫东','inspectedOn':'" + day(0) + "'}")));
        ok(post(base + "/responsibility", tokenFor("complaints"), j("{'responsibility':'CUSTOMER','note':'超载使用'}")));
        ok(post(base + "/close", tokenFor("complaints"), null));
        JsonNode intake = awaitIntake("CLAIM", claim);
        assertThat(intake).as("the ended claim's findings arrive for quality").isNotNull();
        assertThat(intake.get("findings").asString()).isEqualTo("焊缝开裂");
        assertThat(intake.get("product").asString()).isEqualTo(product);
        assertThat(intake.get("failedOn").asString()).isEqualTo(day(0));
        JsonNode row = ok(post(FAILURES + "/intake/" + intake.get("id").asLong() + "/classify", tokenFor("quality"),
                j("{'mode':'CRACK'}")));
        assertThat(row.get("product").asString()).as("the claim's product stands").isEqualTo(product);
        assertThat(row.get("cause").asString()).isEqualTo("超载使用");
        assertThat(row.get("sourceType").asString()).isEqualTo("CLAIM");
        assertThat(row.get("sourceId").asLong()).isEqualTo(claim);
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher publisher;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void aClosedProductQualityComplaintFeedsTheIntakeOnceAndOtherComplaintsDoNot() throws Exception {
        long customer = customer();
        long quality = 800_000_000L + (long) (Math.random() * 100_000_000L);
        long attitude = quality + 1;
        String product = "包装机-" + unique();
        LocalDate received = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(9);
        for (int i = 0; i < 2; i++) {
            tx.executeWithoutResult(s -> publisher.publishEvent(new com.careloop.complaint.ComplaintClosed(quality,
                    "TS-F" + quality, customer, "投诉顾客", product, com.careloop.complaint.ComplaintCategory.PRODUCT_QUALITY,
                    received, "封口不严漏料", com.careloop.complaint.CauseCategory.EQUIPMENT, "加热片老化", "更换加热片")));
        }
        tx.executeWithoutResult(s -> publisher.publishEvent(new com.careloop.complaint.ComplaintClosed(attitude,
                "TS-F" + attitude, customer, "投诉顾客", product, com.careloop.complaint.ComplaintCategory.STAFF_ATTITUDE,
                received, "态度差", null, null, null)));
        JsonNode intake = awaitIntake("COMPLAINT", quality);
        assertThat(intake).isNotNull();
        assertThat(intake.get("product").asString()).isEqualTo(product);
        assertThat(intake.get("failedOn").asString()).isEqualTo(received.toString());
        assertThat(intake.get("action").asString()).isEqualTo("更换加热片");
        Thread.sleep(1000);
        assertThat(jdbc.sql("select count(*) from failure_intake where source_type = 'COMPLAINT' and source_id in (:a, :b)")
                .param("a", quality).param("b", attitude).query(Long.class).single())
                .as("once for the product complaint (delivered twice), none for the attitude complaint").isEqualTo(1);
    }
}
