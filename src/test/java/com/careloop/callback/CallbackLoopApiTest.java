package com.careloop.callback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import com.careloop.servicedesk.RequestType;
import com.careloop.servicedesk.ServiceRequestClosed;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

/**
 * One callback loop over HTTP: a callback made on the request page (回访 before 销单) is the callback module's one
 * record of it, in either order of events — before the close (the plan then generates nothing) and after the plan
 * generated a task (that task is completed by it, and the next close generates nothing) — and the statistics
 * count it by agent, plan, month and satisfaction.
 */
class CallbackLoopApiTest extends CallbackTestBase {

    static final String DESK = "/api/v1/service-requests";
    static final String CALLBACKS = "/api/v1/callbacks";

    @Autowired
    Clock clock;
    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void aCallbackBeforeCloseIsTheOneRecordAndThePlanCreatesNoTaskAfterTheClose() {
        long customer = customer();
        long request = completedRequest(customer);

        JsonNode sr = deskStep("supervisor", request, "callback",
                "{'satisfaction':'VERY_SATISFIED','notes':'主管回访，客户非常满意'}");
        assertThat(sr.get("status").asString()).isEqualTo("CALLED_BACK");
        JsonNode callback = sr.get("callback");
        assertThat(callback.get("satisfaction").asString()).isEqualTo("VERY_SATISFIED");
        long record = callback.get("recordId").asLong();
        assertThat(callback.get("recordCode").asString()).matches("HF\\d{4}-\\d{6}");

        // the desk's task page shows the same record: satisfaction, notes, the caller as agent, the request as source
        JsonNode t = get(CALLBACKS + "/" + record, tokenFor("supervisor")).json();
        assertThat(t.get("code").asString()).isEqualTo(callback.get("recordCode").asString());
        assertThat(t.get("status").asString()).isEqualTo("DONE");
        assertThat(t.get("plan").asString()).isEqualTo("SERVICE_COMPLETED");
        assertThat(t.get("satisfaction").asString()).isEqualTo("VERY_SATISFIED");
        assertThat(t.get("notes").asString()).isEqualTo("主管回访，客户非常满意");
        assertThat(t.get("assigneeName").asString()).isEqualTo(displayName("supervisor"));
        assertThat(t.get("sourceType").asString()).isEqualTo("SERVICE_REQUEST");
        assertThat(t.get("sourceId").asLong()).isEqualTo(request);
        assertThat(t.get("customerId").asLong()).isEqualTo(customer);
        assertThat(t.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsExactly("CREATED", "RECORDED_ON_REQUEST");

        deskStep("supervisor", request, "close", null);
        awaitGeneration(request);
        assertThat(tasksOf(request)).as("no 服务完成回访 task for a request whose callback is done").isEqualTo(1);

        // the close delivered again (at-least-once): still the one record
        String code = sr.get("code").asString();
        tx.executeWithoutResult(s -> publisher.publishEvent(new ServiceRequestClosed(request, code, RequestType.REPAIR,
                customer, 0)));
        awaitGeneration(request);
        assertThat(tasksOf(request)).isEqualTo(1);
        assertThat(openTasksOf(request)).isZero();
    }

    @Test
    void aTaskTheClosedRequestGotIsCompletedByTheNextCallbackOnTheRequestPage() {
        long customer = customer();
        long request = completedRequest(customer);
        deskStep("supervisor", request, "close", null);
        String key = "SERVICE_COMPLETED|SERVICE_REQUEST|" + request;
        await(() -> jdbc.sql("select count(*) from callback_task where source_key = :k and status = 'OPEN'")
                .param("k", key).query(Long.class).single() == 1);
        long generated = jdbc.sql("select id from callback_task where source_key = :k").param("k", key)
                .query(Long.class).single();

        // the customer calls again before the callback desk reaches them: re-opened, redone, called back on the page
        deskStep("supervisor", request, "reopen", "{'reason':'客户来电：仍有渗水'}");
        deskStep("teamleader", request, "start", null);
        deskStep("teamleader", request, "complete", "{'result':'重新打胶'}");
        JsonNode sr = deskStep("manager", request, "callback", "{'satisfaction':'SATISFIED','notes':'复修后满意'}");
        assertThat(sr.get("callback").get("recordId").asLong()).as("the open task is the record").isEqualTo(generated);

        JsonNode t = get(CALLBACKS + "/" + generated, tokenFor("supervisor")).json();
        assertThat(t.get("status").asString()).isEqualTo("DONE");
        assertThat(t.get("satisfaction").asString()).isEqualTo("SATISFIED");
        assertThat(t.get("attempts").asInt()).isEqualTo(1);
        assertThat(t.get("assigneeName").asString()).isEqualTo(displayName("manager"));
        assertThat(t.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList())
                .containsExactly("CREATED", "RECORDED_ON_REQUEST");

        deskStep("manager", request, "close", null);
        awaitGeneration(request);
        assertThat(tasksOf(request)).as("the second close finds its round called back").isEqualTo(1);
        assertThat(openTasksOf(request)).isZero();
    }

    @Test
    void theStatisticsCountTheRequestPagesCallbackByAgentPlanMonthAndSatisfaction() {
        String month = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString().substring(0, 7);
        String agent = displayName("supervisor");
        JsonNode byAgent = stats("AGENT");
        JsonNode byPlan = stats("PLAN");
        JsonNode byMonth = stats("MONTH");

        long customer = customer();
        long request = completedRequest(customer);
        JsonNode sr = deskStep("supervisor", request, "callback",
                "{'satisfaction':'DISSATISFIED','notes':'地面仍潮湿','followUp':'REOPEN'}");
        assertThat(sr.get("status").asString()).as("re-opened").isEqualTo("DISPATCHED");
        JsonNode t = get(CALLBACKS + "/" + sr.get("callback").get("recordId").asLong(), tokenFor("supervisor")).json();
        assertThat(t.get("followUp").asString()).isEqualTo("REOPEN_REQUEST");
        assertThat(t.get("links").valueStream().map(l -> l.get("kind").asString()).toList())
                .containsExactly("SOURCE", "REOPENED_REQUEST");

        assertOneMoreDissatisfied(byAgent, stats("AGENT"), agent);
        assertOneMoreDissatisfied(byPlan, stats("PLAN"), "SERVICE_COMPLETED");
        assertOneMoreDissatisfied(byMonth, stats("MONTH"), month);
        assertOneMoreDissatisfied(byAgent, stats("AGENT"), null);
    }

    @Test
    void aCallbackMadeBeforeTheOneLoopCompletesTheTaskItsCloseGeneratedAtTheNextStart() throws Exception {
        long customer = customer();
        long request = completedRequest(customer);
        deskStep("supervisor", request, "callback", "{'satisfaction':'SATISFIED','notes':'老版本回访'}");
        // as before V56: the request's callback without a record in the callback module
        tx.executeWithoutResult(s -> {
            jdbc.sql("delete from callback_task_event where task_id in (select id from callback_task where source_id = :id"
                    + " and source_type = 'SERVICE_REQUEST')").param("id", request).update();
            jdbc.sql("delete from callback_task where source_id = :id and source_type = 'SERVICE_REQUEST'")
                    .param("id", request).update();
            jdbc.sql("update service_request set callback_record_id = null, callback_record_code = null where id = :id")
                    .param("id", request).update();
        });
        deskStep("supervisor", request, "close", null);
        String key = "SERVICE_COMPLETED|SERVICE_REQUEST|" + request;
        await(() -> jdbc.sql("select count(*) from callback_task where source_key = :k and status = 'OPEN'")
                .param("k", key).query(Long.class).single() == 1);

        context.getBean("earlierCallbacks", org.springframework.boot.ApplicationRunner.class).run(null);

        JsonNode sr = get(DESK + "/" + request, tokenFor("supervisor")).json();
        long record = sr.get("callback").get("recordId").asLong();
        JsonNode t = get(CALLBACKS + "/" + record, tokenFor("supervisor")).json();
        assertThat(t.get("sourceId").asLong()).isEqualTo(request);
        assertThat(t.get("status").asString()).isEqualTo("DONE");
        assertThat(t.get("satisfaction").asString()).isEqualTo("SATISFIED");
        assertThat(t.get("notes").asString()).isEqualTo("老版本回访");
        assertThat(tasksOf(request)).isEqualTo(1);
        assertThat(openTasksOf(request)).as("the dangling task is the record now").isZero();
    }

    // ---- helpers -----------------------------------------------------------------------------

    JsonNode stats(String groupBy) {
        String month = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).withDayOfMonth(1).toString();
        Response r = get(CALLBACKS + "/statistics?groupBy=" + groupBy + "&from=" + month + "&to="
                + LocalDate.parse(month).plusMonths(1).minusDays(1), tokenFor("manager"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    static void assertOneMoreDissatisfied(JsonNode before, JsonNode after, String key) {
        JsonNode b = row(before, key);
        JsonNode a = row(after, key);
        assertThat(a).as("a statistics row " + key).isNotNull();
        assertThat(a.get("done").asLong() - (b == null ? 0 : b.get("done").asLong())).as("done " + key).isEqualTo(1);
        assertThat(a.get("due").asLong() - (b == null ? 0 : b.get("due").asLong())).as("due " + key).isEqualTo(1);
        assertThat(a.get("satisfaction").get("DISSATISFIED").asLong()
                - (b == null ? 0 : b.get("satisfaction").get("DISSATISFIED").asLong())).as("dissatisfied " + key)
                .isEqualTo(1);
    }

    static JsonNode row(JsonNode rows, String key) {
        for (JsonNode r : rows) {
            boolean total = r.get("key") == null || r.get("key").isNull();
            if (key == null ? total : !total && key.equals(r.get("key").asString())) {
                return r;
            }
        }
        return null;
    }

    /** A REPAIR request of the customer, dispatched, worked and completed (ready for the callback before close). */
    long completedRequest(long customer) {
        Response r = post(DESK, tokenFor("frontdesk"), j("{'customerId':" + customer + ",'type':'REPAIR',"
                + "'title':'阳台渗水','description':'下雨后阳台渗水','channel':'PHONE'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        long dept = jdbc.sql("select id from department where code = 'ENG-REPAIR'").query(Long.class).single();
        long teamleader = jdbc.sql("select id from app_user where username = 'teamleader'").query(Long.class).single();
        deskStep("frontdesk", id, "dispatch", "{'departmentId':" + dept + ",'assigneeId':" + teamleader + "}");
        deskStep("teamleader", id, "start", null);
        deskStep("teamleader", id, "complete", "{'result':'重新打胶密封'}");
        return id;
    }

    JsonNode deskStep(String user, long id, String action, String body) {
        Response r = post(DESK + "/" + id + "/" + action, tokenFor(user), body == null ? null : j(body));
        assertThat(r.status()).as(action + ": " + r.body()).isEqualTo(200);
        return r.json();
    }

    String displayName(String username) {
        return jdbc.sql("select display_name from app_user where username = :u").param("u", username)
                .query(String.class).single();
    }

    long tasksOf(long request) {
        return jdbc.sql("select count(*) from callback_task where source_type = 'SERVICE_REQUEST' and source_id = :id")
                .param("id", request).query(Long.class).single();
    }

    long openTasksOf(long request) {
        return jdbc.sql("""
                select count(*) from callback_task where source_type = 'SERVICE_REQUEST' and source_id = :id
                  and status = 'OPEN'""").param("id", request).query(Long.class).single();
    }

    /** Until the callback plan has handled every close of the request (the listener runs after the commit). */
    void awaitGeneration(long request) {
        await(() -> jdbc.sql("""
                select count(*) from event_publication where completion_date is null
                  and listener_id like '%CallbackGeneration%' and serialized_event like :event""")
                .param("event", "%\"requestId\":" + request + ",%").query(Long.class).single() == 0);
    }
}
