package com.careloop.servicedesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.careloop.support.ApiTestBase;
import com.careloop.support.PageSession;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

/** The service desk over HTTP: the full journey for an ordinary and a key customer, and every bad input. */
class ServiceDeskApiTest extends ApiTestBase {

    static final String BASE = "/api/v1/service-requests";
    static final String PNG = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";

    @Autowired
    JdbcClient jdbc;

    // ---- helpers -----------------------------------------------------------------------------

    long userId(String username) {
        return jdbc.sql("select id from app_user where username = :u").param("u", username).query(Long.class).single();
    }

    long department(String code) {
        return jdbc.sql("select id from department where code = :c").param("c", code).query(Long.class).single();
    }

    long category(String code) {
        return jdbc.sql("select id from service_category where code = :c").param("c", code).query(Long.class).single();
    }

    long customer(boolean key) {
        String name = "业主" + UUID.randomUUID().toString().substring(0, 6);
        String phone = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        Response r = post("/api/v1/customers", tokenFor("manager"), j("{'name':'" + name
                + "','kind':'INDIVIDUAL','phone':'" + phone + "','project':'翠湖花园','room':'3-1202'}"));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        long id = r.json().get("id").asLong();
        if (key) {
            // The key-customer approval flow belongs to the customer module; here the flag is the precondition.
            jdbc.sql("update customer set key_customer = true where id = :id").param("id", id).update();
        }
        return id;
    }

    JsonNode register(String token, String body) {
        Response r = post(BASE, token, j(body));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    JsonNode repair(long customer, String title, Long category) {
        return register(tokenFor("frontdesk"), "{'customerId':" + customer + ",'type':'REPAIR','title':'" + title
                + "','description':'卫生间角阀漏水，地面有积水','channel':'PHONE','unitRoom':'3-1202'"
                + (category == null ? "" : ",'categoryId':" + category) + "}");
    }

    JsonNode step(String token, long id, String action, String body) {
        Response r = post(BASE + "/" + id + "/" + action, token, body == null ? null : j(body));
        assertThat(r.status()).as(action + ": " + r.body()).isIn(200, 201);
        return r.json();
    }

    static Instant time(JsonNode node, String field) {
        return Instant.parse(node.get(field).asString());
    }

    static List<String> kinds(JsonNode detail) {
        return detail.get("timeline").valueStream().map(e -> e.get("kind").asString()).toList();
    }

    static String field(Response r) {
        return r.json().get("errors").get(0).get("field").asString();
    }

    // ---- journeys ----------------------------------------------------------------------------

    /** The 201 answer is built from the aggregate just written, not read back: it must be what a reader then sees. */
    @Test
    void theIntakeAnswerIsTheRequestPageAsReadAfterwards() {
        long customer = customer(true);
        for (JsonNode created : List.of(repair(customer, "入户门锁损坏", category("WATER-POWER")),
                register(tokenFor("frontdesk"), "{'contactName':'李先生','contactPhone':'13812345678','type':'BOOKED_REPAIR',"
                        + "'title':'预约维修空调','channel':'WALK_IN','priority':'HIGH','location':'5号楼大堂',"
                        + "'appointmentStart':'2030-05-06T09:00:00+08:00','appointmentEnd':'2030-05-06T11:00:00+08:00'}"))) {
            Response read = get(BASE + "/" + created.get("id").asLong(), tokenFor("frontdesk"));
            assertThat(read.status()).isEqualTo(200);
            assertThat(created).isEqualTo(read.json());
        }
        // a masked reader sees the masked phone in the answer too
        JsonNode masked = register(tokenFor("staff"), "{'contactName':'王女士','contactPhone':'13812345678',"
                + "'type':'REPAIR','title':'楼道灯不亮','channel':'STAFF_REPORT'}");
        assertThat(masked.get("contactPhone").asString()).isEqualTo("138****5678");
    }

    /**
     * The answer to each step is read from the rows it has just flushed (ADR 0042): it must be the page a reader then
     * gets, and the timeline names the department and handler of every hop.
     */
    @Test
    void everyStepsAnswerIsThePageAsReadAfterwardsWithEachHopsNames() {
        long id = repair(customer(false), "改派后的工单页", category("WATER-POWER")).get("id").asLong();
        String frontdesk = tokenFor("frontdesk");
        String[][] steps = {
                {frontdesk, "dispatch", "{'departmentId':" + department("ENG-REPAIR") + ",'assigneeId':" + userId("teamleader") + "}"},
                {tokenFor("depthead"), "reassign", "{'assigneeId':" + userId("staff") + ",'reason':'换人'}"},
                {tokenFor("staff"), "notes", "{'body':'已联系业主','visibleToCustomer':false}"},
                {tokenFor("staff"), "start", null},
                {tokenFor("staff"), "complete", "{'result':'更换角阀'}"},
                {tokenFor("supervisor"), "callback", "{'satisfaction':'SATISFIED','notes':'满意'}"}};
        for (String[] st : steps) {
            JsonNode answer = step(st[0], id, st[1], st[2]);
            // the page as the same reader then reads it: same fields, names, masking and rendered texts
            assertThat(answer).as(st[1]).isEqualTo(get(BASE + "/" + id, st[0]).json());
        }
        JsonNode page = get(BASE + "/" + id, frontdesk).json();
        JsonNode timeline = page.get("timeline");
        JsonNode dispatched = timeline.valueStream().filter(e -> e.get("kind").asString().equals("DISPATCHED")).findFirst().orElseThrow();
        JsonNode reassigned = timeline.valueStream().filter(e -> e.get("kind").asString().equals("REASSIGNED")).findFirst().orElseThrow();
        assertThat(dispatched.get("departmentName").asString()).isEqualTo("维修班");
        assertThat(dispatched.get("assigneeId").asLong()).isEqualTo(userId("teamleader"));
        assertThat(dispatched.get("assigneeName").asString()).isNotBlank().isNotEqualTo("孙师傅");
        assertThat(reassigned.get("assigneeName").asString()).isEqualTo("孙师傅");
        assertThat(page.get("assigneeName").asString()).isEqualTo("孙师傅");
        assertThat(page.get("departmentName").asString()).isEqualTo("维修班");
        assertThat(page.get("callback").get("byName").asString()).isNotBlank();
        assertThat(page.get("callback").get("byId").asLong()).isEqualTo(userId("supervisor"));
        assertThat(page.get("notes").get(0).get("body").asString()).isEqualTo("已联系业主");
    }

    @Test
    void anOrdinaryRepairTravelsFromIntakeToClose() {
        long customer = customer(false);
        JsonNode r = repair(customer, "3号楼1202卫生间漏水", category("WATER-POWER"));
        long id = r.get("id").asLong();
        assertThat(r.get("code").asString()).matches("BS\\d{4}-\\d{6}");
        assertThat(r.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(r.get("keyCustomer").asBoolean()).isFalse();
        Instant registered = time(r, "registeredAt");
        JsonNode deadlines = r.get("deadlines");
        assertThat(time(deadlines, "responseDueAt")).isEqualTo(registered.plus(Duration.ofHours(24)));
        assertThat(time(deadlines, "completionDueAt")).isEqualTo(registered.plus(Duration.ofHours(48)));
        assertThat(time(deadlines, "responseWarnAt")).isEqualTo(registered.plus(Duration.ofMinutes(19 * 60 + 12)));

        Instant internal = registered.plus(Duration.ofHours(8)).truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        JsonNode d = step(tokenFor("frontdesk"), id, "dispatch", "{'departmentId':" + department("ENG-REPAIR")
                + ",'assigneeId':" + userId("staff") + ",'internalDeadline':'" + internal + "'}");
        assertThat(d.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(d.get("assigneeName").asString()).isEqualTo("孙师傅");
        assertThat(d.get("departmentName").asString()).isEqualTo("维修班");
        assertThat(time(d.get("deadlines"), "internalDueAt")).isEqualTo(internal);

        String staff = tokenFor("staff");
        JsonNode started = step(staff, id, "start", null);
        assertThat(started.get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(started.get("deadlines").get("respondedAt").isNull()).isFalse();
        step(staff, id, "pause", "{'reason':'WAITING_CUSTOMER','note':'业主不在家，约明天上午'}");
        JsonNode resumed = step(staff, id, "resume", "{}");
        JsonNode pause = resumed.get("pauses").get(0);
        Duration paused = Duration.between(time(pause, "startedAt"), time(pause, "endedAt"));
        assertThat(pause.get("reason").asString()).isEqualTo("WAITING_CUSTOMER");
        assertThat(time(resumed.get("deadlines"), "completionDueAt"))
                .as("paused time does not count").isEqualTo(registered.plus(Duration.ofHours(48)).plus(paused));
        assertThat(time(resumed.get("deadlines"), "responseDueAt")).isEqualTo(registered.plus(Duration.ofHours(24)));

        step(staff, id, "notes", "{'body':'角阀老化，需更换','visibleToCustomer':false}");
        step(staff, id, "notes", "{'body':'已约定明早九点上门','visibleToCustomer':true}");
        step(staff, id, "materials", "{'item':'角阀 DN15','quantity':2,'unit':'个'}");
        step(staff, id, "complete", "{'result':'更换角阀两个，试水无渗漏'}");
        JsonNode signed = step(staff, id, "sign-off", "{'name':'王先生','satisfied':true,'signatureImage':'" + PNG + "'}");
        assertThat(signed.get("signOff").get("hasSignature").asBoolean()).isTrue();
        step(tokenFor("supervisor"), id, "callback", "{'satisfaction':'SATISFIED','notes':'业主表示满意'}");
        JsonNode closed = step(tokenFor("supervisor"), id, "close", null);

        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        assertThat(kinds(closed)).containsExactly("REGISTERED", "DISPATCHED", "STARTED", "PAUSED", "RESUMED", "COMPLETED",
                "SIGNED_OFF", "CALLED_BACK", "CLOSED");
        assertThat(closed.get("notes").size()).isEqualTo(2);
        assertThat(closed.get("notes").get(1).get("visibleToCustomer").asBoolean()).isTrue();
        assertThat(closed.get("materials").get(0).get("item").asString()).isEqualTo("角阀 DN15");
        assertThat(closed.get("materials").get(0).get("quantity").asInt()).isEqualTo(2);
        assertThat(closed.get("callback").get("bySupervisor").asBoolean()).isTrue();
        assertThat(closed.get("deadlines").get("completionOverdue").asBoolean()).isFalse();

        JsonNode trail = get("/api/v1/audit-events/service-request/" + id, tokenFor("manager")).json();
        assertThat(trail.valueStream().map(e -> e.get("action").asString()).toList())
                .contains("CREATE", "DISPATCH", "PAUSE", "RESUME", "NOTE", "MATERIAL", "COMPLETE", "CLOSE");
    }

    @Test
    void aKeyCustomersRequestGoesToTheTeamLeaderAndClosesOnlyAfterTheSupervisorsCallback() {
        long customer = customer(true);
        JsonNode r = repair(customer, "重点客户：电梯困人后异响", null);
        long id = r.get("id").asLong();
        assertThat(r.get("keyCustomer").asBoolean()).isTrue();
        String code = r.get("code").asString();
        JsonNode inbox = get("/api/v1/notifications?unread=true", tokenFor("supervisor")).json();
        assertThat(inbox.valueStream().map(n -> n.get("title").asString())).anyMatch(t -> t.contains(code));

        Response junior = post(BASE + "/" + id + "/dispatch", tokenFor("frontdesk"),
                j("{'departmentId':" + department("ENG-REPAIR") + ",'assigneeId':" + userId("staff") + "}"));
        assertThat(junior.status()).as(junior.body()).isEqualTo(409);
        assertThat(junior.body()).contains("senior");

        JsonNode d = step(tokenFor("frontdesk"), id, "dispatch", "{'departmentId':" + department("ENG") + "}");
        assertThat(d.get("assigneeId").asLong()).as("straight to the team leader").isEqualTo(userId("teamleader"));
        assertThat(get("/api/v1/notifications?unread=true", tokenFor("teamleader")).json().valueStream()
                .map(n -> n.get("title").asString())).anyMatch(t -> t.contains(code));

        String leader = tokenFor("teamleader");
        step(leader, id, "start", null);
        step(leader, id, "pause", "{'reason':'WAITING_THIRD_PARTY','note':'等电梯维保公司到场'}");
        step(leader, id, "resume", null);
        step(leader, id, "complete", "{'result':'维保公司更换导靴，运行正常'}");
        assertThat(get("/api/v1/notifications?unread=true", tokenFor("supervisor")).json().valueStream()
                .map(n -> n.get("title").asString())).as("the center follows it to the end")
                .anyMatch(t -> t.contains(code) && t.contains("请回访"));
        step(leader, id, "sign-off", "{'name':'业主','satisfied':true}");
        Response early = post(BASE + "/" + id + "/close", tokenFor("supervisor"), null);
        assertThat(early.status()).as(early.body()).isEqualTo(409);
        assertThat(early.json().get("messageCode").asString()).isEqualTo("error.servicedesk.key-callback-required");
        assertThat(early.body()).contains("主管回访满意");

        step(tokenFor("supervisor"), id, "callback", "{'satisfaction':'SATISFIED','notes':'主管回访，客户满意'}");
        JsonNode closed = step(tokenFor("supervisor"), id, "close", "{}");
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");
        Instant registered = time(closed, "registeredAt");
        JsonNode pause = closed.get("pauses").get(0);
        Duration paused = Duration.between(time(pause, "startedAt"), time(pause, "endedAt"));
        assertThat(time(closed.get("deadlines"), "completionDueAt"))
                .isEqualTo(registered.plus(Duration.ofHours(48)).plus(paused));
    }

    @Test
    void anUnsatisfiedCallbackReOpensTheRequestAndKeepsItsHistory() {
        JsonNode r = repair(customer(false), "下水道反味", null);
        long id = r.get("id").asLong();
        step(tokenFor("frontdesk"), id, "dispatch", "{'departmentId':" + department("ENG-REPAIR") + ",'assigneeId':"
                + userId("teamleader") + "}");
        step(tokenFor("teamleader"), id, "start", null);
        step(tokenFor("teamleader"), id, "complete", "{'result':'已疏通'}");
        JsonNode reopened = step(tokenFor("supervisor"), id, "callback", "{'satisfaction':'DISSATISFIED','notes':'仍有异味'}");
        assertThat(reopened.get("status").asString()).isEqualTo("DISPATCHED");
        assertThat(reopened.get("reopenCount").asInt()).isEqualTo(1);
        assertThat(kinds(reopened)).endsWith("COMPLETED", "CALLED_BACK", "REOPENED");
    }

    @Test
    void aMoreSpecificPolicyInWorkingHoursSetsTheDeadlineOnTheBusinessCalendar() {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8);
        Response c = post("/api/v1/service-categories", tokenFor("manager"), j("{'code':'" + code + "','name':'测试类别'}"));
        assertThat(c.status()).as(c.body()).isEqualTo(201);
        long cat = c.json().get("id").asLong();
        Response p = post("/api/v1/sla-policies", tokenFor("manager"), j("{'type':'REPAIR','categoryId':" + cat
                + ",'responseAmount':4,'responseUnit':'WORKING_HOURS','completionAmount':2,'completionUnit':'WORKING_DAYS'}"));
        assertThat(p.status()).as(p.body()).isEqualTo(201);
        JsonNode r = repair(customer(false), "门锁损坏", cat);
        var calendar = com.careloop.platform.calendar.ChineseHolidays2026.calendar();
        Instant registered = time(r, "registeredAt");
        assertThat(time(r.get("deadlines"), "responseDueAt")).isEqualTo(
                calendar.deadline(registered, 4, com.careloop.platform.calendar.TimeUnit.WORKING_HOURS, List.of()));
        assertThat(time(r.get("deadlines"), "completionDueAt")).isEqualTo(
                calendar.deadline(registered, 2, com.careloop.platform.calendar.TimeUnit.WORKING_DAYS, List.of()));
        assertThat(r.get("deadlines").get("response").get("unit").asString()).isEqualTo("WORKING_HOURS");
    }

    @Test
    void aCustomerCanBeCreatedOnTheSpotAtIntakeAndADuplicateIsFlagged() {
        String name = "现场建档" + UUID.randomUUID().toString().substring(0, 6);
        String phone = "136" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        String body = "{'newCustomer':{'name':'" + name + "','kind':'INDIVIDUAL','phone':'" + phone
                + "','room':'5-801'},'type':'CONSULTATION','title':'咨询物业费','channel':'WALK_IN'}";
        JsonNode r = register(tokenFor("frontdesk"), body);
        assertThat(r.get("customerId").isNull()).isFalse();
        assertThat(r.get("customerName").asString()).isEqualTo(name);
        assertThat(r.get("unitRoom").asString()).isEqualTo("5-801");
        assertThat(get("/api/v1/customers/" + r.get("customerId").asLong(), tokenFor("manager")).json().get("name")
                .asString()).isEqualTo(name);
        Response twice = post(BASE, tokenFor("frontdesk"), j(body));
        assertThat(twice.status()).as(twice.body()).isEqualTo(409);
        assertThat(twice.body()).contains("duplicates");
    }

    // ---- bad input ---------------------------------------------------------------------------

    @Test
    void anUnknownCustomerOrDepartmentIsRefusedNamingTheField() {
        Response unknown = post(BASE, tokenFor("frontdesk"), j("{'customerId':987654321,'type':'REPAIR','title':'x','channel':'PHONE'}"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(field(unknown)).isEqualTo("customerId");
        Response anonymous = post(BASE, tokenFor("frontdesk"), j("{'type':'CONSULTATION','title':'x','channel':'PHONE'}"));
        assertThat(anonymous.status()).isEqualTo(422);
        assertThat(field(anonymous)).isEqualTo("customerId");

        long id = repair(customer(false), "未知部门", null).get("id").asLong();
        Response dept = post(BASE + "/" + id + "/dispatch", tokenFor("frontdesk"), j("{'departmentId':987654321}"));
        assertThat(dept.status()).isEqualTo(422);
        assertThat(field(dept)).isEqualTo("departmentId");
        Response outsider = post(BASE + "/" + id + "/dispatch", tokenFor("frontdesk"),
                j("{'departmentId':" + department("ENG-REPAIR") + ",'assigneeId':" + userId("sales") + "}"));
        assertThat(outsider.status()).isEqualTo(422);
        assertThat(field(outsider)).isEqualTo("assigneeId");
    }

    @Test
    void aClosedRequestCannotBeDispatchedAndACallbackCategoryCannotCloseWithoutOne() {
        long id = repair(customer(false), "电梯按钮失灵", category("ELEVATOR")).get("id").asLong();
        step(tokenFor("frontdesk"), id, "dispatch", "{'departmentId':" + department("ENG-REPAIR") + "}");
        step(tokenFor("teamleader"), id, "start", null);
        step(tokenFor("teamleader"), id, "complete", "{'result':'更换按钮'}");
        Response close = post(BASE + "/" + id + "/close", tokenFor("supervisor"), null);
        assertThat(close.status()).as(close.body()).isEqualTo(409);
        assertThat(close.body()).contains("callback").contains("回访");
        step(tokenFor("supervisor"), id, "callback", "{'satisfaction':'SATISFIED'}");
        step(tokenFor("supervisor"), id, "close", null);
        Response again = post(BASE + "/" + id + "/dispatch", tokenFor("frontdesk"), j("{'departmentId':" + department("ENG") + "}"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body()).contains("CLOSED").contains("已销单");
    }

    @Test
    void badBodiesAreClearClientErrorsNeverA500() {
        long id = repair(customer(false), "坏输入", null).get("id").asLong();
        step(tokenFor("frontdesk"), id, "dispatch", "{'departmentId':" + department("ENG-REPAIR") + "}");
        step(tokenFor("teamleader"), id, "start", null);
        Response noReason = post(BASE + "/" + id + "/pause", tokenFor("teamleader"), j("{'note':'等待'}"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(field(noReason)).isEqualTo("reason");
        Response badReason = post(BASE + "/" + id + "/pause", tokenFor("teamleader"), j("{'reason':'LUNCH','note':'x'}"));
        assertThat(badReason.status()).isEqualTo(400);
        Response malformed = post(BASE, tokenFor("frontdesk"), "{\"type\":\"REPAIR\",");
        assertThat(malformed.status()).isEqualTo(400);
        Response badImage = post(BASE + "/" + id + "/sign-off", tokenFor("teamleader"),
                j("{'name':'x','satisfied':true,'signatureImage':'data:text/html;base64,PGI+'}"));
        assertThat(badImage.status()).isEqualTo(422);
        assertThat(field(badImage)).isEqualTo("signatureImage");
        assertThat(get(BASE + "/987654321", tokenFor("frontdesk")).status()).isEqualTo(404);
        assertThat(get(BASE + "?cursor=abc", tokenFor("frontdesk")).status()).isEqualTo(422);
    }

    @Test
    void aStaleVersionIsRefusedSoTwoAgentsCannotOverwriteEachOther() {
        JsonNode r = repair(customer(false), "并发改派", null);
        long id = r.get("id").asLong();
        JsonNode d = step(tokenFor("frontdesk"), id, "dispatch", "{'departmentId':" + department("ENG-REPAIR") + "}");
        long seen = d.get("version").asLong();
        step(tokenFor("depthead"), id, "reassign", "{'assigneeId':" + userId("staff") + ",'version':" + seen + "}");
        Response second = post(BASE + "/" + id + "/reassign", tokenFor("teamleader"),
                j("{'assigneeId':" + userId("teamleader") + ",'version':" + seen + "}"));
        assertThat(second.status()).as(second.body()).isEqualTo(409);
        assertThat(get(BASE + "/" + id, tokenFor("frontdesk")).json().get("assigneeId").asLong()).isEqualTo(userId("staff"));
    }

    @Test
    void aReplayedIntakeWithTheSameIdempotencyKeyCreatesNothingNew() {
        long customer = customer(false);
        String title = "幂等" + UUID.randomUUID().toString().substring(0, 6);
        String body = j("{'customerId':" + customer + ",'type':'CONSULTATION','title':'" + title + "','channel':'API'}");
        String key = UUID.randomUUID().toString();
        Response first = post(BASE, tokenFor("frontdesk"), body, "Idempotency-Key", key);
        Response replay = post(BASE, tokenFor("frontdesk"), body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.json().get("id").asLong()).isEqualTo(first.json().get("id").asLong());
        assertThat(jdbc.sql("select count(*) from service_request where title = :t").param("t", title)
                .query(Long.class).single()).isEqualTo(1);
    }

    // ---- the queue ---------------------------------------------------------------------------

    /** Every column the keyword covers, by a 2-character fragment (bigrams) and by 3 or more (trigrams). */
    @Test
    void theKeywordFindsTitleDescriptionRoomAndRecordNumberByShortAndLongFragments() {
        java.util.Random random = new java.util.Random();
        String pair = new String(new char[] {(char) (0x4E00 + random.nextInt(20000)), (char) (0x4E00 + random.nextInt(20000))});
        String tag = UUID.randomUUID().toString().substring(0, 6);
        JsonNode created = register(tokenFor("frontdesk"), "{'customerId':" + customer(false) + ",'type':'REPAIR','title':'标题"
                + tag + "','description':'描述" + pair + "结束','channel':'PHONE','unitRoom':'r" + tag + "'}");
        long id = created.get("id").asLong();
        String code = created.get("code").asString();
        String fd = tokenFor("frontdesk");
        for (String q : List.of(pair, "题" + tag.substring(0, 2), "r" + tag.substring(0, 3), code.toLowerCase(),
                code.substring(code.length() - 4), tag.toUpperCase())) {
            JsonNode found = get(BASE + "?limit=100&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), fd).json();
            assertThat(found.get("items").valueStream().map(i -> i.get("id").asLong())).as(q).contains(id);
        }
        JsonNode none = get(BASE + "?q=" + java.net.URLEncoder.encode(pair + "x", java.nio.charset.StandardCharsets.UTF_8), fd).json();
        assertThat(none.get("items").size()).isZero();
    }

    @Test
    void theQueueFiltersByKeywordKeyCustomersAndMineAndPagesByCursor() {
        String tag = UUID.randomUUID().toString().substring(0, 4);
        JsonNode before = get(BASE + "/counts", tokenFor("frontdesk")).json();
        JsonNode staffBefore = get(BASE + "/counts", tokenFor("staff")).json();
        long ordinary = repair(customer(false), "翠湖" + tag + "号楼外墙渗水", null).get("id").asLong();
        long key = repair(customer(true), "翠湖" + tag + "号楼电梯异响", null).get("id").asLong();
        String fd = tokenFor("frontdesk");
        JsonNode found = get(BASE + "?q=" + java.net.URLEncoder.encode(tag + "号楼", java.nio.charset.StandardCharsets.UTF_8), fd).json();
        assertThat(found.get("items").valueStream().map(i -> i.get("id").asLong())).containsExactly(key, ordinary);
        JsonNode keyOnly = get(BASE + "?keyOnly=true&q=" + tag, fd).json();
        assertThat(keyOnly.get("items").valueStream().map(i -> i.get("id").asLong())).containsExactly(key);
        JsonNode page1 = get(BASE + "?limit=1&q=" + tag, fd).json();
        assertThat(page1.get("items").get(0).get("id").asLong()).isEqualTo(key);
        JsonNode page2 = get(BASE + "?limit=1&q=" + tag + "&cursor=" + page1.get("nextCursor").asString(), fd).json();
        assertThat(page2.get("items").get(0).get("id").asLong()).isEqualTo(ordinary);
        assertThat(page2.get("nextCursor").isNull()).isTrue();

        step(fd, ordinary, "dispatch", "{'departmentId':" + department("ENG-REPAIR") + ",'assigneeId':" + userId("staff") + "}");
        assertThat(get(BASE + "?dueSoon=true&q=" + tag, fd).json().get("items").size()).as("fresh requests").isZero();
        assertThat(get(BASE + "?overdue=true&q=" + tag, fd).json().get("items").size()).isZero();
        JsonNode after = get(BASE + "/counts", tokenFor("frontdesk")).json();
        assertThat(after.get("open").asLong()).isEqualTo(before.get("open").asLong() + 2);
        assertThat(after.get("unassigned").asLong()).isEqualTo(before.get("unassigned").asLong() + 1);
        assertThat(after.get("keyCustomers").asLong()).isEqualTo(before.get("keyCustomers").asLong() + 1);
        assertThat(get(BASE + "/counts", tokenFor("staff")).json().get("mine").asLong())
                .isEqualTo(staffBefore.get("mine").asLong() + 1);
        JsonNode mine = get(BASE + "?mine=true&q=" + tag, tokenFor("staff")).json();
        assertThat(mine.get("items").valueStream().map(i -> i.get("id").asLong())).containsExactly(ordinary);
        JsonNode staffSees = get(BASE + "?q=" + tag, tokenFor("staff")).json();
        assertThat(staffSees.get("items").valueStream().map(i -> i.get("id").asLong()))
                .as("own-records scope").containsExactly(ordinary);
        assertThat(get(BASE + "/" + key, tokenFor("staff")).status()).isEqualTo(404);
        JsonNode unassigned = get(BASE + "?unassigned=true&q=" + tag, fd).json();
        assertThat(unassigned.get("items").valueStream().map(i -> i.get("id").asLong())).containsExactly(key);
    }

    // ---- statistics --------------------------------------------------------------------------

    @Test
    void statisticsCountOnTimeCompletionReOpensAndFirstContactResolutionPerCategory() {
        String name = "统计" + UUID.randomUUID().toString().substring(0, 6);
        long cat = post("/api/v1/service-categories", tokenFor("manager"), j("{'code':'" + name + "','name':'" + name + "'}"))
                .json().get("id").asLong();
        long customer = customer(false);
        long done = repair(customer, "统计完工", cat).get("id").asLong();
        long reopened = repair(customer, "统计重开", cat).get("id").asLong();
        long handedBack = repair(customer, "统计退回", cat).get("id").asLong();
        repair(customer, "统计未派", cat);
        // handed back to the center once: completed, but not by the first handler
        step(tokenFor("frontdesk"), handedBack, "dispatch", "{'departmentId':" + department("ENG-REPAIR") + "}");
        step(tokenFor("teamleader"), handedBack, "hand-back", "{'reason':'不属本部门'}");
        for (long id : List.of(done, reopened, handedBack)) {
            step(tokenFor("frontdesk"), id, "dispatch", "{'departmentId':" + department("ENG-REPAIR") + "}");
            step(tokenFor("teamleader"), id, "start", null);
            step(tokenFor("teamleader"), id, "complete", "{'result':'完成'}");
        }
        step(tokenFor("supervisor"), reopened, "callback", "{'satisfaction':'DISSATISFIED'}");
        step(tokenFor("teamleader"), reopened, "start", null);
        step(tokenFor("teamleader"), reopened, "complete", "{'result':'返修完成'}");

        Response r = get(BASE + "/statistics?groupBy=CATEGORY", tokenFor("manager"));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().get(0).get("key").isNull()).as("the total comes first").isTrue();
        JsonNode row = r.json().valueStream().filter(n -> !n.get("key").isNull() && name.equals(n.get("key").asString())).findFirst().orElseThrow();
        assertThat(row.get("count").asLong()).isEqualTo(4);
        assertThat(row.get("completed").asLong()).isEqualTo(3);
        assertThat(row.get("onTimeCompletionRate").asDouble()).isEqualTo(1.0);
        assertThat(row.get("onTimeResponseRate").asDouble()).isEqualTo(1.0);
        assertThat(row.get("reopenRate").asDouble()).isEqualTo(1.0 / 4);
        // only "done" was completed by its first handler without a re-open or a hand-back
        assertThat(row.get("firstContactResolutionRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(row.get("p90HandlingHours").asDouble()).isLessThan(1.0);
        assertThat(get(BASE + "/statistics?groupBy=COLOUR", tokenFor("manager")).status()).isEqualTo(400);
    }

    // ---- dispatch suggestion, the handler's phone, a complaint needs a customer archive --------

    @Test
    void dispatchSuggestsTheCategorysDepartmentAndListsOnlyItsHandlers() {
        String code = "派工" + UUID.randomUUID().toString().substring(0, 6);
        Response cat = post("/api/v1/service-categories", tokenFor("manager"), j("{'code':'" + code + "','name':'" + code
                + "','defaultDepartmentId':" + department("ENG") + "}"));
        assertThat(cat.status()).as(cat.body()).isEqualTo(201);
        assertThat(cat.json().get("defaultDepartmentId").asLong()).isEqualTo(department("ENG"));
        long id = repair(customer(false), "派工建议", cat.json().get("id").asLong()).get("id").asLong();

        JsonNode s = get(BASE + "/" + id + "/dispatch-suggestion", tokenFor("supervisor")).json();
        assertThat(s.get("departmentId").asLong()).isEqualTo(department("ENG"));
        assertThat(s.get("fromCategory").asBoolean()).isTrue();
        // the department and its sub-departments (工程部 → 维修班), never the general manager's office
        assertThat(s.get("handlers").valueStream().map(h -> h.get("id").asLong()).toList())
                .contains(userId("depthead"), userId("teamleader"), userId("staff"))
                .doesNotContain(userId("gm"), userId("quality"), userId("supervisor"));

        JsonNode qa = get(BASE + "/" + id + "/dispatch-suggestion?departmentId=" + department("QA"), tokenFor("supervisor")).json();
        assertThat(qa.get("fromCategory").asBoolean()).isFalse();
        assertThat(qa.get("handlers").valueStream().map(h -> h.get("id").asLong()).toList()).containsExactly(userId("quality"));

        // a request without a category: no suggestion at all (the page asks), not the top of the tree
        long bare = register(tokenFor("frontdesk"), "{'customerId':" + customer(false)
                + ",'type':'REPAIR','title':'无类别','channel':'PHONE'}").get("id").asLong();
        JsonNode none = get(BASE + "/" + bare + "/dispatch-suggestion", tokenFor("supervisor")).json();
        assertThat(none.get("departmentId").isNull()).isTrue();
        assertThat(none.get("handlers").size()).isZero();

        Response unknown = get(BASE + "/" + id + "/dispatch-suggestion?departmentId=987654321", tokenFor("supervisor"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(field(unknown)).isEqualTo("departmentId");
        assertThat(get(BASE + "/" + id + "/dispatch-suggestion", tokenFor("staff")).status()).isEqualTo(403);
        Response badDefault = put("/api/v1/service-categories/" + cat.json().get("id").asLong(), tokenFor("manager"),
                j("{'code':'" + code + "','name':'" + code + "','defaultDepartmentId':987654321,'version':0}"));
        assertThat(badDefault.status()).isEqualTo(422);
        assertThat(field(badDefault)).isEqualTo("defaultDepartmentId");
    }

    @Test
    void theHandlerSeesTheCallersFullPhoneAuditedOthersSeeItMasked() {
        String phone = "137" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        long id = register(tokenFor("frontdesk"), "{'contactName':'赵先生','contactPhone':'" + phone
                + "','type':'REPAIR','title':'水管爆裂','channel':'PHONE'}").get("id").asLong();
        step(tokenFor("supervisor"), id, "dispatch", "{'departmentId':" + department("ENG-REPAIR") + ",'assigneeId':"
                + userId("staff") + "}");
        String masked = phone.substring(0, 3) + "****" + phone.substring(7);

        assertThat(get(BASE + "/" + id, tokenFor("teamleader")).json().get("contactPhone").asString())
                .as("the department's team leader is not the handler").isEqualTo(masked);
        assertThat(views(id)).as("a masked read is no sensitive view").isZero();
        assertThat(get(BASE + "/" + id, tokenFor("staff")).json().get("contactPhone").asString()).isEqualTo(phone);
        assertThat(views(id)).isEqualTo(1);
        assertThat(jdbc.sql("""
                select actor from audit_event where record_type = 'service-request' and record_id = :id
                  and action = 'VIEW_SENSITIVE'""").param("id", String.valueOf(id)).query(String.class).single())
                .isEqualTo("staff");
        PageSession page = new PageSession(port);
        page.login("staff", DEMO_PASSWORD);
        assertThat(page.get("/service-requests/" + id).body()).contains(phone);
        assertThat(views(id)).as("the page view is audited too").isEqualTo(2);
    }

    long views(long id) {
        return jdbc.sql("""
                select count(*) from audit_event where record_type = 'service-request' and record_id = :id
                  and action = 'VIEW_SENSITIVE'""").param("id", String.valueOf(id)).query(Long.class).single();
    }

    @Test
    void aRequestWithoutACustomerArchiveIsNotTurnedIntoAComplaintSilently() {
        long id = register(tokenFor("frontdesk"), "{'contactName':'钱女士','contactPhone':'13612345678',"
                + "'type':'REPAIR','title':'门铃不响','channel':'PHONE'}").get("id").asLong();
        step(tokenFor("supervisor"), id, "dispatch", "{'departmentId':" + department("ENG-REPAIR") + "}");
        step(tokenFor("teamleader"), id, "start", null);
        step(tokenFor("teamleader"), id, "complete", "{'result':'更换门铃电池'}");
        Response refused = post(BASE + "/" + id + "/callback", tokenFor("supervisor"),
                j("{'satisfaction':'DISSATISFIED','followUp':'COMPLAINT'}"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);
        assertThat(field(refused)).isEqualTo("followUp");
        assertThat(refused.json().get("errors").get(0).get("rule").asString()).isEqualTo("customer-required");
        assertThat(get(BASE + "/" + id, tokenFor("supervisor")).json().get("status").asString()).isEqualTo("COMPLETED");
        PageSession page = new PageSession(port);
        page.login("supervisor", DEMO_PASSWORD);
        assertThat(page.get("/service-requests/" + id).body()).contains("id=\"complaint-needs-customer\"")
                .contains("先建立客户档案").contains("href=\"/customers/new\"");
    }
}
