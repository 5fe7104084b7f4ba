package com.careloop.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import com.careloop.callback.task.CallbackGeneration;
import com.careloop.callback.task.CallbackRules;
import com.careloop.complaint.ComplaintClosed;
import com.careloop.platform.calendar.CalendarService;
import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceRequestClosed;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * Callbacks over HTTP: the full task journey (not reached, unsatisfied -> complaint, unsatisfied -> re-open,
 * new issue -> new request), idempotent generation (the same event twice, the daily job twice), bad input,
 * refusals, plans, statistics and the schedule API of other modules.
 */
class CallbackApiTest extends CallbackTestBase {

    static final String BASE = "/api/v1/callbacks";
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    CallbackGeneration generation;
    @Autowired
    Callbacks callbacks;
    @Autowired
    CalendarService calendars;
    @Autowired
    Clock clock;
    @Autowired
    com.careloop.capa.CorrectiveActions capa;

    LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    long tasksWithKey(String key) {
        return jdbc.sql("select count(*) from callback_task where source_key = :k").param("k", key).query(Long.class).single();
    }

    JsonNode step(String user, long id, String action, String body) {
        Response r = post(BASE + "/" + id + "/" + action, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    JsonNode manual(long customer) {
        Response r = post(BASE, tokenFor("supervisor"), j("{'customerId':" + customer + ",'due':'" + today()
                + "','method':'PHONE','reason':'人工回访','questions':'是否满意？\\n还有什么建议？'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /** A REPAIR request of the customer, worked and closed through the desk's API; returns its id. */
    long closedRequest(long customer) {
        String desk = "/api/v1/service-requests";
        Response r = post(desk, tokenFor("frontdesk"), j("{'customerId':" + customer + ",'type':'REPAIR','title':'水龙头漏水',"
                + "'description':'厨房水龙头滴水','channel':'PHONE'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        long dept = jdbc.sql("select id from department where code = 'ENG-REPAIR'").query(Long.class).single();
        for (String[] s : new String[][] {
                {"frontdesk", "dispatch", "{'departmentId':" + dept + ",'assigneeId':" + userId("teamleader") + "}"},
                {"teamleader", "start", null}, {"teamleader", "complete", "{'result':'更换阀芯'}"},
                {"supervisor", "close", null}}) {
            Response step = post(desk + "/" + id + "/" + s[1], tokenFor(s[0]), s[2] == null ? null : j(s[2]));
            assertThat(step.status()).as(s[1] + ": " + step.body()).isEqualTo(200);
        }
        return id;
    }

    @Test
    void theJourneyNotReachedThenUnsatisfiedBecomesAComplaintAndANewRequest() {
        long customer = customer();
        JsonNode t = manual(customer);
        long id = t.get("id").asLong();
        assertThat(t.get("code").asString()).matches("HF\\d{4}-\\d{6}");
        assertThat(t.get("status").asString()).isEqualTo("OPEN");
        assertThat(t.get("plan").asString()).isEqualTo("MANUAL");
        assertThat(t.get("questions").valueStream().map(JsonNode::asString).toList())
                .containsExactly("是否满意？", "还有什么建议？");
        assertThat(t.get("maxAttempts").asInt()).isEqualTo(3);

        JsonNode missed = step("supervisor", id, "attempts", "{'note':'无人接听','version':" + t.get("version").asLong() + "}");
        assertThat(missed.get("attempts").asInt()).isEqualTo(1);
        assertThat(missed.get("status").asString()).isEqualTo("OPEN");
        assertThat(missed.get("due").asString()).isEqualTo(CallbackRules.nextTry(today(), calendars.standard()).toString());
        assertThat(missed.get("plannedDue").asString()).isEqualTo(today().toString());

        Response stale = post(BASE + "/" + id + "/complete", tokenFor("supervisor"),
                j("{'satisfaction':'SATISFIED','version':" + t.get("version").asLong() + "}"));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        Response noFollowUp = post(BASE + "/" + id + "/complete", tokenFor("supervisor"),
                j("{'satisfaction':'DISSATISFIED','notes':'上门太晚'}"));
        assertThat(noFollowUp.status()).as(noFollowUp.body()).isEqualTo(422);
        assertThat(noFollowUp.body()).contains("followUp");
        Response reopenOfManual = post(BASE + "/" + id + "/complete", tokenFor("supervisor"),
                j("{'satisfaction':'DISSATISFIED','followUp':'REOPEN_REQUEST'}"));
        assertThat(reopenOfManual.status()).as(reopenOfManual.body()).isEqualTo(422);
        Response bad = post(BASE + "/" + id + "/complete", tokenFor("supervisor"), j("{'satisfaction':'MEH'}"));
        assertThat(bad.status()).as(bad.body()).isEqualTo(400);
        assertThat(get(BASE + "/" + id, tokenFor("supervisor")).json().get("status").asString()).isEqualTo("OPEN");

        JsonNode done = step("supervisor", id, "complete", "{'satisfaction':'VERY_DISSATISFIED','answers':['不满意','希望更快'],"
                + "'notes':'维修拖了一周','followUp':'COMPLAINT','followUpNote':'维修拖延一周',"
                + "'newIssue':'咨询延保服务','newIssueType':'CONSULTATION','newIssueDetail':'客户想了解延保价格'}");
        assertThat(done.get("status").asString()).isEqualTo("DONE");
        assertThat(done.get("attempts").asInt()).isEqualTo(2);
        assertThat(done.get("satisfaction").asString()).isEqualTo("VERY_DISSATISFIED");
        assertThat(done.get("answers").get(1).get("question").asString()).isEqualTo("还有什么建议？");
        assertThat(done.get("answers").get(1).get("answer").asString()).isEqualTo("希望更快");
        List<String> links = done.get("links").valueStream().map(l -> l.get("kind").asString()).toList();
        assertThat(links).containsExactly("COMPLAINT", "NEW_REQUEST");
        long complaint = done.get("links").get(0).get("id").asLong();
        JsonNode c = get("/api/v1/complaints/" + complaint, tokenFor("supervisor")).json();
        assertThat(c.get("channel").asString()).isEqualTo("CALLBACK");
        assertThat(c.get("customerId").asLong()).isEqualTo(customer);
        assertThat(c.get("content").asString()).contains(done.get("code").asString()).contains("维修拖延一周");
        long request = done.get("links").get(1).get("id").asLong();
        JsonNode sr = get("/api/v1/service-requests/" + request, tokenFor("supervisor")).json();
        assertThat(sr.get("title").asString()).isEqualTo("咨询延保服务");
        assertThat(sr.get("type").asString()).isEqualTo("CONSULTATION");
        assertThat(sr.get("description").asString()).contains(done.get("code").asString());
        assertThat(done.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsExactly("CREATED", "NOT_REACHED", "DONE", "COMPLAINT_OPENED", "NEW_REQUEST");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'callback-task' and record_id = :id")
                .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(3);

        Response again = post(BASE + "/" + id + "/complete", tokenFor("supervisor"), j("{'satisfaction':'SATISFIED'}"));
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("DONE");
        assertThat(get(BASE + "/987654321", tokenFor("supervisor")).status()).isEqualTo(404);
    }

    @Test
    void aClosedRequestIsCalledBackOnceAndAnUnsatisfiedCallbackReopensIt() {
        long customer = customer();
        long request = closedRequest(customer);
        String key = "SERVICE_COMPLETED|SERVICE_REQUEST|" + request;
        await(() -> tasksWithKey(key) == 1);
        long id = jdbc.sql("select id from callback_task where source_key = :k").param("k", key).query(Long.class).single();
        JsonNode t = get(BASE + "/" + id, tokenFor("supervisor")).json();
        assertThat(t.get("due").asString()).isEqualTo(CallbackRules.dueAfter(today(), 7, calendars.standard()).toString());
        assertThat(t.get("sourceType").asString()).isEqualTo("SERVICE_REQUEST");
        assertThat(t.get("questions").size()).isEqualTo(3);

        // the same event delivered again: still one task
        String code = t.get("sourceCode").asString();
        tx.executeWithoutResult(s -> publisher.publishEvent(new ServiceRequestClosed(request, code, RequestType.REPAIR, customer, 0)));
        tx.executeWithoutResult(s -> publisher.publishEvent(new ServiceRequestClosed(request, code, RequestType.REPAIR, customer, 0)));
        sleep(1500);
        assertThat(tasksWithKey(key)).isEqualTo(1);

        JsonNode done = step("supervisor", id, "complete", "{'satisfaction':'DISSATISFIED','notes':'仍然滴水',"
                + "'followUp':'REOPEN_REQUEST'}");
        assertThat(done.get("links").valueStream().map(l -> l.get("kind").asString()).toList())
                .containsExactly("SOURCE", "REOPENED_REQUEST");
        JsonNode sr = get("/api/v1/service-requests/" + request, tokenFor("supervisor")).json();
        assertThat(sr.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(sr.get("reopenCount").asInt()).isEqualTo(1);
    }

    @Test
    void aClosedComplaintDeliveredTwiceGivesOneTask() {
        long customer = customer();
        long complaintId = 900_000_000L + (long) (Math.random() * 1_000_000);
        for (int i = 0; i < 2; i++) {
            tx.executeWithoutResult(s -> publisher.publishEvent(new ComplaintClosed(complaintId, "TS-TEST", customer)));
        }
        String key = "COMPLAINT_CLOSED|COMPLAINT|" + complaintId;
        await(() -> tasksWithKey(key) == 1);
        sleep(1500);
        assertThat(tasksWithKey(key)).isEqualTo(1);
        JsonNode row = get(BASE + "?tab=OPEN&customerId=" + customer, tokenFor("supervisor")).json().get("items").get(0);
        assertThat(row.get("plan").asString()).isEqualTo("COMPLAINT_CLOSED");
        assertThat(row.get("due").asString()).isEqualTo(CallbackRules.dueAfter(today(), 3, calendars.standard()).toString());
        assertThat(row.get("assigneeName").isNull()).isFalse();
    }

    @Test
    void theDailyJobRunTwiceCreatesEachSaleWarrantyAndSampleTaskOnce() {
        long customer = customer();
        LocalDate sold = today().minusDays(2);
        Response p = post("/api/v1/customers/" + customer + "/purchases", tokenFor("manager"), j("{'product':'空气净化器',"
                + "'model':'AP-9','serialNo':'SN" + UUID.randomUUID().toString().substring(0, 6) + "','saleDate':'" + sold
                + "','warrantyEnd':'" + today().plusDays(20) + "'}"));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        long purchase = p.json().get("id").asLong();
        generation.run(today());
        CallbackGeneration.Run second = generation.run(today());
        assertThat(second.sales()).isZero();
        assertThat(second.warranties()).isZero();
        assertThat(second.sample()).isZero();
        assertThat(tasksWithKey("SALE|PURCHASE|" + purchase)).isEqualTo(1);
        assertThat(tasksWithKey("WARRANTY_EXPIRY|PURCHASE|" + purchase)).isEqualTo(1);
        LocalDate saleDue = jdbc.sql("select due_date from callback_task where source_key = :k")
                .param("k", "SALE|PURCHASE|" + purchase).query(LocalDate.class).single();
        assertThat(saleDue).isEqualTo(CallbackRules.dueAfter(sold, 7, calendars.standard()));
        LocalDate warrantyDue = jdbc.sql("select due_date from callback_task where source_key = :k")
                .param("k", "WARRANTY_EXPIRY|PURCHASE|" + purchase).query(LocalDate.class).single();
        assertThat(warrantyDue).isEqualTo(CallbackRules.dueBeforeWarrantyEnd(today().plusDays(20), 30, today(),
                calendars.standard()));

        // the sample: ceil(10%) of the current key customers drawn (other tests may add key customers meanwhile;
        // a later run tops up), each customer once, each with its task of the half-year
        String half = CallbackRules.halfYear(today());
        List<Long> keys = jdbc.sql("select id from customer where key_customer = true and active = true")
                .query(Long.class).list();
        List<Long> drawn = jdbc.sql("select customer_id from callback_sample_draw where half_year = :h").param("h", half)
                .query(Long.class).list();
        assertThat(drawn).doesNotHaveDuplicates();
        assertThat(drawn.stream().filter(keys::contains).count()).isGreaterThanOrEqualTo(CallbackRules.sampleSize(keys.size()));
        for (long c : drawn) {
            assertThat(tasksWithKey("KEY_CUSTOMER_SAMPLE|CUSTOMER|" + c + "|" + half)).as("sample task of " + c).isEqualTo(1);
        }
    }

    @Test
    void anUnsatisfiedCallbackCanOpenACapa() {
        long id = manual(customer()).get("id").asLong();
        JsonNode done = step("supervisor", id, "complete", "{'satisfaction':'DISSATISFIED','notes':'包装破损第三次',"
                + "'followUp':'CAPA','followUpNote':'包装反复破损'}");
        assertThat(done.get("followUp").asString()).isEqualTo("CAPA");
        JsonNode link = done.get("links").get(0);
        assertThat(link.get("kind").asString()).isEqualTo("CAPA");
        var capas = capa.forSource("CALLBACK", id);
        assertThat(capas).hasSize(1);
        assertThat(capas.get(0).id()).isEqualTo(link.get("id").asLong());
        assertThat(capas.get(0).code()).isEqualTo(link.get("code").asString());
    }

    @Test
    void otherModulesScheduleOncePerSource() {
        long customer = customer();
        long response = 800_000_000L + (long) (Math.random() * 1_000_000);
        var cmd = new ScheduleCallback("SURVEY_RESPONSE", response, "DY-1", customer, today().plusDays(2), "低分问卷");
        long first = callbacks.schedule(cmd);
        assertThat(callbacks.schedule(cmd)).isEqualTo(first);
        JsonNode t = get(BASE + "/" + first, tokenFor("supervisor")).json();
        assertThat(t.get("plan").asString()).isEqualTo("SCHEDULED");
        assertThat(t.get("sourceType").asString()).isEqualTo("SURVEY_RESPONSE");
        assertThat(t.get("reason").asString()).isEqualTo("低分问卷");
        assertThat(t.get("due").asString()).isEqualTo(today().plusDays(2).toString());
    }

    @Test
    void plansAreEditedAsRevisionsAndBadInputIsRefused() {
        JsonNode plans = get(BASE + "/plans", tokenFor("supervisor")).json();
        JsonNode sale = plans.valueStream().filter(p -> p.get("kind").asString().equals("WARRANTY_EXPIRY")).findFirst().orElseThrow();
        long id = sale.get("id").asLong();
        int revision = sale.get("revision").asInt();
        String body = "{'name':'保修到期回访','enabled':true,'days':30,'assigneeRule':'REPRESENTATIVE',"
                + "'assigneePosition':'CS_SUPERVISOR','method':'PHONE','questions':'产品运行如何？\\n需要检修吗？',"
                + "'maxAttempts':4,'version':" + sale.get("version").asLong() + "}";
        Response saved = put(BASE + "/plans/" + id, tokenFor("supervisor"), j(body));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("revision").asInt()).isEqualTo(revision + 1);
        assertThat(saved.json().get("maxAttempts").asInt()).isEqualTo(4);
        assertThat(saved.json().get("questions").size()).isEqualTo(2);
        assertThat(put(BASE + "/plans/" + id, tokenFor("supervisor"), j(body)).status()).isEqualTo(409);
        Response negative = put(BASE + "/plans/" + id, tokenFor("supervisor"), j(body.replace("'days':30", "'days':-1")));
        assertThat(negative.status()).isIn(400, 422);
        assertThat(put(BASE + "/plans/" + id, tokenFor("frontdesk"), j(body)).status()).isEqualTo(403);

        Response noCustomer = post(BASE, tokenFor("supervisor"), j("{'customerId':987654321,'due':'" + today() + "'}"));
        assertThat(noCustomer.status()).isEqualTo(422);
        Response past = post(BASE, tokenFor("supervisor"), j("{'customerId':" + customer() + ",'due':'2020-01-01'}"));
        assertThat(past.status()).isEqualTo(422);
        assertThat(past.body()).contains("due");
    }

    @Test
    void statisticsCountCoverageAndReachForThePeriod() {
        long customer = customer();
        long a = manual(customer).get("id").asLong();
        long b = manual(customer).get("id").asLong();
        manual(customer);
        step("supervisor", a, "complete", "{'satisfaction':'SATISFIED'}");
        step("supervisor", b, "attempts", null);
        Response r = get(BASE + "/statistics?groupBy=PLAN&from=" + today() + "&to=" + today(), tokenFor("manager"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode manualRow = r.json().valueStream().filter(x -> "MANUAL".equals(x.get("key").asString(null)))
                .findFirst().orElseThrow();
        assertThat(manualRow.get("due").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(manualRow.get("coverage").asDouble()).isEqualTo(
                (double) manualRow.get("done").asLong() / manualRow.get("due").asLong());
        assertThat(manualRow.get("reachRate").asDouble()).isEqualTo(
                (double) manualRow.get("reached").asLong() / manualRow.get("attempted").asLong());
        assertThat(get(BASE + "/statistics?from=2026-02-01&to=2026-01-01", tokenFor("manager")).status()).isEqualTo(422);
        assertThat(get(BASE + "/statistics?from=" + today() + "&to=" + today(), tokenFor("frontdesk")).status()).isEqualTo(403);
        Response annual = get(BASE + "/key-customers/annual?year=" + today().getYear(), tokenFor("manager"));
        assertThat(annual.status()).as(annual.body()).isEqualTo(200);
    }
}
