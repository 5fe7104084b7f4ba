package com.careloop.platform.approval;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.careloop.platform.ApprovalSubject;
import com.careloop.platform.Approvals;
import com.careloop.platform.Text;
import com.careloop.platform.Texts;
import com.careloop.support.ApiTestBase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval service over the API: the inbox, decisions (422 naming the field, 409 on a stale or second decision),
 * a two-stage chain (会签 then 或签), chain editing (409 stale, 422 naming the field), and the deadline job reminding
 * and escalating exactly once.
 */
class ApprovalApiTest extends ApiTestBase {

    private static final String TASKS = "/api/v1/approvals/tasks";

    @Autowired
    Approvals approvals;
    @Autowired
    ApprovalDeadlineJob job;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Texts texts;
    @Autowired
    ApprovalInbox inbox;

    private String chain(String stages) {
        String code = "test." + UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("insert into approval_chain (code, name_code, stages, version, updated_at) values (:c, :c, :s, 0, :at)")
                .param("c", code).param("s", stages).param("at", Timestamp.from(Instant.now())).update();
        return code;
    }

    private long start(String chainCode) {
        long subjectId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
        String number = "T-" + subjectId;
        approvals.start(new ApprovalSubject("test", subjectId, number, Text.literal("测试 " + number),
                "/test/" + subjectId, null), chainCode, null);
        return subjectId;
    }

    private JsonNode myTask(String user, long subjectId) {
        Response mine = get(TASKS + "?mine", tokenFor(user));
        assertThat(mine.status()).as(mine.body()).isEqualTo(200);
        return mine.json().valueStream().filter(t -> t.get("subjectId").asLong() == subjectId).findFirst().orElse(null);
    }

    private Response decide(String user, long taskId, String body) {
        return post(TASKS + "/" + taskId + "/decision", tokenFor(user), j(body));
    }

    @Test
    void aCountersignThenAnyOneOfRunsThroughTheInbox() {
        String code = chain("""
                [{"mode":"ALL_OF","steps":[{"kind":"USER","ref":"manager","deadlineDays":1,"aspect":"approvals.aspect.report"},
                                           {"kind":"USER","ref":"supervisor","deadlineDays":2}]},
                 {"mode":"ANY_OF","steps":[{"kind":"POSITION","ref":"GENERAL_MANAGER","deadlineDays":1},
                                           {"kind":"USER","ref":"quality","deadlineDays":1}]}]""");
        long subject = start(code);
        JsonNode managerTask = myTask("manager", subject);
        JsonNode supervisorTask = myTask("supervisor", subject);
        assertThat(managerTask).isNotNull();
        assertThat(supervisorTask).isNotNull();
        assertThat(myTask("gm", subject)).as("stage 2 not open yet").isNull();
        assertThat(managerTask.get("title").asString()).isEqualTo("测试 T-" + subject);
        assertThat(managerTask.get("overdue").asBoolean()).isFalse();
        assertThat(managerTask.get("link").asString()).isEqualTo("/test/" + subject);

        Response noComment = decide("supervisor", supervisorTask.get("id").asLong(), "{'decision':'REJECT','comment':' '}");
        assertThat(noComment.status()).as(noComment.body()).isEqualTo(422);
        assertThat(noComment.json().get("errors").get(0).get("field").asString()).isEqualTo("comment");
        Response noDecision = decide("supervisor", supervisorTask.get("id").asLong(), "{'comment':'x'}");
        assertThat(noDecision.status()).as(noDecision.body()).isEqualTo(422);
        assertThat(noDecision.body()).contains("decision");
        Response notMine = decide("supervisor", managerTask.get("id").asLong(), "{'decision':'APPROVE'}");
        assertThat(notMine.status()).as(notMine.body()).isEqualTo(409);

        long v = managerTask.get("version").asLong();
        Response approved = decide("manager", managerTask.get("id").asLong(), "{'decision':'APPROVE','version':" + v + "}");
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("approvalStatus").asString()).isEqualTo("OPEN");
        Response again = decide("manager", managerTask.get("id").asLong(), "{'decision':'APPROVE','version':" + v + "}");
        assertThat(again.status()).as("a concurrent / repeated decision loses: " + again.body()).isEqualTo(409);

        Response conditions = decide("supervisor", supervisorTask.get("id").asLong(),
                "{'decision':'APPROVE_WITH_CONDITIONS','comment':'下月补充数据'}");
        assertThat(conditions.status()).as(conditions.body()).isEqualTo(200);

        JsonNode gmTask = myTask("gm", subject);
        JsonNode qualityTask = myTask("quality", subject);
        assertThat(gmTask).isNotNull();
        assertThat(qualityTask).isNotNull();
        Response gm = decide("gm", gmTask.get("id").asLong(), "{'decision':'APPROVE','version':"
                + gmTask.get("version").asLong() + "}");
        assertThat(gm.json().get("approvalStatus").asString()).isEqualTo("APPROVED");
        Response late = decide("quality", qualityTask.get("id").asLong(), "{'decision':'APPROVE','version':"
                + qualityTask.get("version").asLong() + "}");
        assertThat(late.status()).as("the other 或签 approver is too late: " + late.body()).isEqualTo(409);
        assertThat(myTask("quality", subject)).isNull();

        assertThat(approvals.trail("test", subject)).extracting(e -> e.decision() == null ? "-" : e.decision().name())
                .containsExactly("APPROVE", "APPROVE_WITH_CONDITIONS", "APPROVE", "-");
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'approval' and action = 'DECIDE'"
                + " and record_id = (select cast(max(id) as varchar) from approval where subject_id = :s)")
                .param("s", subject).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theInboxReturnsAtMostTheLimitEarliestDueFirst() {
        String username = "inbox" + UUID.randomUUID().toString().substring(0, 8);
        Response user = post("/api/v1/users", tokenFor("admin"), j("{'username':'" + username + "','displayName':'收件箱测试',"
                + "'password':'secret-123','position':'STAFF','roles':['STAFF']}"));
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        long userId = user.json().get("id").asLong();
        long late = start(chain("[{\"mode\":\"ALL_OF\",\"steps\":[{\"kind\":\"USER\",\"ref\":\"" + username
                + "\",\"deadlineDays\":5}]}]"));
        long early = start(chain("[{\"mode\":\"ALL_OF\",\"steps\":[{\"kind\":\"USER\",\"ref\":\"" + username
                + "\",\"deadlineDays\":1}]}]"));
        long middle = start(chain("[{\"mode\":\"ALL_OF\",\"steps\":[{\"kind\":\"USER\",\"ref\":\"" + username
                + "\",\"deadlineDays\":3}]}]"));
        assertThat(inbox.mine(userId, java.util.Locale.SIMPLIFIED_CHINESE, 2)).extracting(ApprovalInbox.Task::subjectId)
                .containsExactly(early, middle);
        assertThat(inbox.mine(userId, java.util.Locale.SIMPLIFIED_CHINESE, 10)).extracting(ApprovalInbox.Task::subjectId)
                .containsExactly(early, middle, late);
        assertThat(inbox.mine(userId, java.util.Locale.SIMPLIFIED_CHINESE, 0)).isEmpty();
    }

    @Test
    void chainsAreEditedWithTheirVersionAndRefusedNamingTheField() {
        String code = chain("[{\"mode\":\"ANY_OF\",\"steps\":[{\"kind\":\"USER\",\"ref\":\"manager\",\"deadlineDays\":1}]}]");
        assertThat(get("/api/v1/approval-chains", tokenFor("supervisor")).status()).isEqualTo(403);
        Response read = get("/api/v1/approval-chains/" + code, tokenFor("manager"));
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().get("version").asLong()).isZero();

        String stages = "[{'mode':'ALL_OF','steps':[{'kind':'USER','ref':'manager','deadlineDays':1},"
                + "{'kind':'DEPARTMENT_HEAD','deadlineDays':2,'aspect':'approvals.aspect.report'}]}]";
        Response stale = put("/api/v1/approval-chains/" + code, tokenFor("manager"), j("{'version':5,'stages':" + stages + "}"));
        assertThat(stale.status()).as(stale.body()).isEqualTo(409);
        Response unknown = put("/api/v1/approval-chains/" + code, tokenFor("manager"), j("{'version':0,'stages':"
                + "[{'mode':'ALL_OF','steps':[{'kind':'USER','ref':'nobody-" + code + "','deadlineDays':1}]}]}"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("stages[0].steps[0].ref");
        Response days = put("/api/v1/approval-chains/" + code, tokenFor("manager"), j("{'version':0,'stages':"
                + "[{'mode':'ALL_OF','steps':[{'kind':'USER','ref':'manager','deadlineDays':0}]}]}"));
        assertThat(days.status()).isEqualTo(422);
        assertThat(days.json().get("errors").get(0).get("field").asString()).isEqualTo("stages[0].steps[0].deadlineDays");

        long running = start(code);
        Response edited = put("/api/v1/approval-chains/" + code, tokenFor("manager"), j("{'version':0,'stages':" + stages + "}"));
        assertThat(edited.status()).as(edited.body()).isEqualTo(200);
        assertThat(edited.json().get("version").asLong()).isEqualTo(1);
        assertThat(edited.json().get("stages").get(0).get("steps").size()).isEqualTo(2);
        assertThat(approvals.trail("test", running)).as("a running approval keeps its snapshot").hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'approval-chain' and record_id = :c")
                .param("c", code).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theDeadlineJobRemindsAndEscalatesEachOnce() {
        String code = chain("[{\"mode\":\"ANY_OF\",\"steps\":[{\"kind\":\"USER\",\"ref\":\"staff\",\"deadlineDays\":1}]}]");
        long subject = start(code);
        JsonNode task = myTask("staff", subject);
        long taskId = task.get("id").asLong();
        long staff = userId("staff");
        long head = userId("depthead");
        Instant past = Instant.now().minus(1, ChronoUnit.DAYS);
        jdbc.sql("update approval_task set remind_at = :p where id = :id").param("p", Timestamp.from(past))
                .param("id", taskId).update();
        long staffBefore = notifications(staff, "T-" + subject);
        job.run();
        job.run();
        assertThat(notifications(staff, "T-" + subject)).as("reminded once").isEqualTo(staffBefore + 1);

        jdbc.sql("update approval_task set due_at = :p where id = :id").param("p", Timestamp.from(past))
                .param("id", taskId).update();
        long headBefore = notifications(head, "T-" + subject);
        job.run();
        job.run();
        assertThat(notifications(head, "T-" + subject)).as("escalated once, to the head").isEqualTo(headBefore + 1);
        JsonNode headTask = myTask("depthead", subject);
        assertThat(headTask).as("the head may now decide").isNotNull();
        assertThat(headTask.get("overdue").asBoolean()).isTrue();
    }

    @Test
    void anOpenedTaskNotifiesEachApproverOncePerTaskWithTheSubjectsLinkButNotTheOneWhoOpenedIt() {
        String code = chain("""
                [{"mode":"ALL_OF","steps":[{"kind":"USER","ref":"manager","deadlineDays":1},
                                           {"kind":"USER","ref":"supervisor","deadlineDays":1}]},
                 {"mode":"ANY_OF","steps":[{"kind":"USER","ref":"gm","deadlineDays":1},
                                           {"kind":"USER","ref":"supervisor","deadlineDays":1}]}]""");
        long subject = start(code);
        String number = "T-" + subject;
        long manager = userId("manager");
        long supervisor = userId("supervisor");
        long gm = userId("gm");
        assertThat(opened(manager, number)).isEqualTo(1);
        assertThat(opened(supervisor, number)).isEqualTo(1);
        assertThat(opened(gm, number)).as("stage 2 not open yet").isZero();
        assertThat(jdbc.sql("select distinct link from notification where recipient_id = :u and title like :t")
                .param("u", manager).param("t", "%" + number + "%").query(String.class).list())
                .containsExactly("/test/" + subject);

        JsonNode m = myTask("manager", subject);
        decide("manager", m.get("id").asLong(), "{'decision':'APPROVE','version':" + m.get("version").asLong() + "}");
        assertThat(opened(manager, number)).as("a decision within a running stage tells nobody again").isEqualTo(1);
        JsonNode s = myTask("supervisor", subject);
        Response done = decide("supervisor", s.get("id").asLong(), "{'decision':'APPROVE','version':"
                + s.get("version").asLong() + "}");
        assertThat(done.status()).as(done.body()).isEqualTo(200);
        assertThat(opened(gm, number)).as("stage 2 opened: its approver is told").isEqualTo(1);
        assertThat(opened(supervisor, number)).as("the supervisor opened stage 2 by deciding: not told").isEqualTo(1);
        assertThat(opened(manager, number)).isEqualTo(1);
    }

    @Test
    void demoSeedingAtStartUpSendsNoOpeningNotices() {
        // ReportDemoData submits (and approves) a year of reports before the application is ready
        Long demoReport = jdbc.sql("select min(id) from report").query(Long.class).single();
        assertThat(demoReport).as("the demo company has reports").isNotNull();
        assertThat(jdbc.sql("select count(*) from approval where subject_type = 'report' and subject_id = :r")
                .param("r", demoReport).query(Long.class).single()).as("its approval ran").isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from notification where link = :l and title_text like '%approvals.opened%'")
                .param("l", "/reports/" + demoReport).query(Long.class).single()).isZero();
    }

    @Test
    void theTrailNamesWhoIsAskedInTheReadersLanguageNotByCode() {
        String code = chain("""
                [{"mode":"ALL_OF","steps":[{"kind":"PERMISSION","ref":"reporting:approve","deadlineDays":1},
                                           {"kind":"DEPARTMENT","ref":"ENG-REPAIR","deadlineDays":1},
                                           {"kind":"DEPARTMENT_HEAD","deadlineDays":1},
                                           {"kind":"POSITION","ref":"GENERAL_MANAGER","deadlineDays":1},
                                           {"kind":"USER","ref":"manager","deadlineDays":1}]}]""");
        long subject = start(code);
        var trail = approvals.trail("test", subject);
        assertThat(trail).extracting(e -> texts.render(e.assignee(), Locale.SIMPLIFIED_CHINESE)).containsExactly(
                "具有“审批定期报告”权限的人员", "部门 维修班 的任一成员", "部门负责人 事项所属部门", "岗位 总经理", "用户 王丽华");
        assertThat(trail).extracting(e -> texts.render(e.assignee(), Locale.ENGLISH)).containsExactly(
                "Holders of “Approve periodic reports”", "Any member of department 维修班",
                "Head of department the record's department", "Position General manager", "User 王丽华");
    }

    private long opened(long user, String number) {
        return jdbc.sql("select count(*) from notification where recipient_id = :u and title like :t"
                        + " and title_text like '%approvals.opened%'")
                .param("u", user).param("t", "%" + number + "%").query(Long.class).single();
    }

    private long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    private long notifications(long user, String number) {
        return jdbc.sql("select count(*) from notification where recipient_id = :u and title like :t")
                .param("u", user).param("t", "%" + number + "%").query(Long.class).single();
    }
}
