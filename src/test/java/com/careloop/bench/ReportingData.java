package com.careloop.bench;

import java.util.List;
import java.util.stream.Collectors;

import com.careloop.survey.template.SurveyTemplates;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The data of the reporting benchmark (issue 15): 1,000,000 service requests, 500,000 complaints, 100,000 CAPAs and
 * 200,000 survey responses (4 half-year campaigns of 10 items, 2,000,000 answers), spread over the last 730 company
 * days (Asia/Shanghai) up to yesterday, in working hours, ids growing with time. Realistic enough that every figure
 * is non-trivial: types, channels, categories, departments and 40 assignees; response and completion against their
 * deadlines (about 3 in 4 on time); the last 10 days still partly open in every status; a DISPATCHED event per
 * request; complaints with categories, severities, causes, handlers and a repeat share, CAPAs from every fifth
 * complaint. Everything is set-based {@code INSERT … SELECT generate_series} on one connection (the machine is
 * shared), table by table, each only when the table holds fewer rows than asked, so a loaded database is reused.
 * {@code bench.scale} (default 1) shrinks every volume, e.g. 0.01 to try the loader on a scratch database.
 */
final class ReportingData {

    static final double SCALE = Double.parseDouble(System.getProperty("bench.scale", "1"));
    static final int REQUESTS = (int) (1_000_000 * SCALE);
    static final int COMPLAINTS = (int) (500_000 * SCALE);
    static final int CAPAS = (int) (100_000 * SCALE);
    static final int RESPONSES = (int) (200_000 * SCALE);
    static final int CUSTOMERS = Math.max(100, (int) (50_000 * SCALE));
    static final int ASSIGNEES = 40;
    /** At least this many callbacks: those of half the closed requests (the after-service callback plan). */
    static final int CALLBACKS = (int) (450_000 * SCALE);
    static final int DAYS = 730;
    static final int CAMPAIGNS = 4;

    /** The start of company day {@code DAYS - d} before today plus a working-hours time from {@code g}, as SQL. */
    private static final String DAY_TIME = """
            (((current_timestamp at time zone 'Asia/Shanghai')::date - {days} + ({day})::int)::timestamp
              + interval '8 hours' + (({g}::bigint * 7919) % 36000) * interval '1 second') at time zone 'Asia/Shanghai'""";

    private final JdbcClient jdbc;

    private ReportingData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What the database holds after loading what was missing, and the seconds the loading took. */
    record Volumes(long requests, long complaints, long capas, long responses, long answers, double loadSeconds) {
    }

    static Volumes ensure(JdbcClient jdbc, SurveyTemplates templates) throws Exception {
        return new ReportingData(jdbc).load(templates);
    }

    private Volumes load(SurveyTemplates templates) throws Exception {
        long t = System.nanoTime();
        boolean loaded = false;
        if (count("customer") < CUSTOMERS) {
            timed("customers", this::customers);
            loaded = true;
        }
        if (count("app_user where username like 'bench%'") < ASSIGNEES) {
            timed("assignees", this::assignees);
        }
        if (count("service_request") < REQUESTS) {
            timed("service requests", this::requests);
            loaded = true;
        }
        if (count("complaint") < COMPLAINTS) {
            timed("complaints", this::complaints);
            loaded = true;
        }
        // CAPAs come from every fifth complaint past acknowledgement, a few short of CAPAS: loaded once
        if (count("capa where code like 'RP%'") == 0) {
            timed("capas", this::capas);
            loaded = true;
        }
        if (count("callback_task where source_type = 'SERVICE_REQUEST'") < CALLBACKS) {
            timed("callbacks", this::callbacks);
            loaded = true;
        }
        if (count("survey_response") < RESPONSES) {
            long template = SurveyReportBench.template(templates, jdbc);
            timed("survey responses", () -> surveys(template));
            loaded = true;
        }
        if (loaded) {
            timed("vacuum analyze", () -> {
                for (String table : List.of("customer", "service_request", "service_request_event", "callback_task",
                        "complaint", "capa",
                        "capa_source", "survey_invitation", "survey_response", "survey_answer")) {
                    jdbc.sql("vacuum analyze " + table).update();
                }
            });
        }
        return new Volumes(count("service_request"), count("complaint"), count("capa"), count("survey_response"),
                count("survey_answer"), loaded ? (System.nanoTime() - t) / 1e9 : 0);
    }

    interface Step {
        void run() throws Exception;
    }

    private static void timed(String what, Step step) throws Exception {
        long t = System.nanoTime();
        step.run();
        BenchSupport.report(String.format(java.util.Locale.ROOT, "reporting-load %s in %.1fs", what,
                (System.nanoTime() - t) / 1e9));
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static String dayTime(String day, String g) {
        return DAY_TIME.replace("{days}", String.valueOf(DAYS)).replace("{day}", day).replace("{g}", g);
    }

    /** A SQL array literal of the ids a query returns ({@code array[null]} when none). */
    private String ids(String query) {
        List<Long> ids = jdbc.sql(query).query(Long.class).list();
        return ids.isEmpty() ? "array[null::bigint]"
                : "array[" + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + "]::bigint[]";
    }

    private void customers() {
        jdbc.sql("""
                insert into customer (code, name, kind, key_customer, active, created_at, updated_at)
                select 'RK' || lpad(g::text, 7, '0'),
                       (array['苏州','上海','杭州','南京','合肥','无锡','宁波','常州'])[1 + g % 8]
                         || (array['恒顺','联华','吉利','金陵','华源','永盛','宏达','新华','天成','瑞丰'])[1 + (g / 8) % 10]
                         || (array['食品','包装','电器','建材','物业'])[1 + (g / 80) % 5] || '有限公司' || g,
                       'ORGANISATION', g % 20 = 0, true, now(), now()
                from generate_series(1, :n) g""").param("n", CUSTOMERS).update();
    }

    /** 40 handlers in the departments that take requests and complaints (the admin's password hash, never used). */
    private void assignees() {
        jdbc.sql("""
                insert into app_user (username, display_name, password_hash, department_id, position, senior, active,
                    failed_logins, version, created_at, updated_at)
                select 'bench' || g, (array['王','李','赵','陈','刘','杨','黄','周'])[1 + g % 8]
                         || (array['建华','志军','海红','春平','晓明','丽娟','国强','玉兰','文杰','秀英'])[1 + g % 10],
                       (select password_hash from app_user where username = 'admin'),
                       (:depts)[1 + g % cardinality(:depts)], 'STAFF', false, true, 0, 0, now(), now()
                from generate_series(1, :n) g
                where not exists (select 1 from app_user u where u.username = 'bench' || g)"""
                .replace(":depts", handlingDepartments())).param("n", ASSIGNEES).update();
    }

    private String handlingDepartments() {
        return ids("select id from department where code in ('CS','ENG','ENG-REPAIR','PROP','SEC','TECH','QA','PROD') "
                + "order by id");
    }

    /** A customer id picked by the SQL expression {@code g} (customers are assumed to have consecutive ids). */
    private static String customer(String g) {
        return "(select min(id) from customer) + ((" + g + ")::bigint * 7919) % (select count(*) from customer)";
    }

    /**
     * The after-service callback (plan SERVICE_COMPLETED) of every other closed request, planned 7 days after the close:
     * done by one of the assignees on the planned day or up to 3 days late (about 1 in 4 late), a satisfaction spread
     * over the scale with 1 in 12 unsatisfied and followed up; the newest still open.
     */
    private void callbacks() {
        String assignees = ids("select id from app_user where username like 'bench%' order by id");
        jdbc.sql("""
                insert into callback_task (code, plan_id, plan_kind, plan_revision, source_key, source_type, source_id,
                    source_code, customer_id, customer_name, key_customer, planned_due, due_date, assignee_id,
                    assignee_name, method, status, attempts, max_attempts, last_attempt_at, satisfaction, follow_up,
                    completed_at, completed_by, created_at, created_by, version)
                select 'HF' || lpad(r.id::text, 9, '0'), (select id from callback_plan where kind = 'SERVICE_COMPLETED'),
                       'SERVICE_COMPLETED', 1, 'SR:' || r.id, 'SERVICE_REQUEST', r.id, r.code, r.customer_id,
                       r.customer_name, r.key_customer, x.planned, x.planned, x.assignee, '回访员' || (r.id % 40),
                       (array['PHONE','PHONE','PHONE','MESSAGE','VISIT'])[1 + (r.id % 5)::int],
                       case when x.done then 'DONE' else 'OPEN' end, case when x.done then 1 else 0 end, 3,
                       case when x.done then x.completed end,
                       case when x.done then (array['VERY_SATISFIED','SATISFIED','SATISFIED','SATISFIED','VERY_SATISFIED',
                           'NEUTRAL','SATISFIED','VERY_SATISFIED','SATISFIED','NEUTRAL','SATISFIED','DISSATISFIED'])[1 + ((r.id / 10) % 12)::int] end,
                       case when x.done and (r.id / 10) % 12 = 11 then 'REOPENED' end,
                       case when x.done then x.completed end, case when x.done then '回访员' end,
                       r.closed_at, 'system', 0
                from service_request r
                cross join lateral (select ((r.closed_at at time zone 'Asia/Shanghai')::date + 7) planned,
                       (:assignees)[1 + ((r.id / 3) % cardinality(:assignees))::int] assignee,
                       ((r.closed_at at time zone 'Asia/Shanghai')::date + 7) <= (current_timestamp at time zone 'Asia/Shanghai')::date done,
                       (((r.closed_at at time zone 'Asia/Shanghai')::date + 7 + (case when r.id % 4 = 0 then 1 + r.id % 3 else 0 end)::int)::timestamp
                         + interval '10 hours') at time zone 'Asia/Shanghai' completed) x
                where r.status = 'CLOSED' and r.closed_at is not null and r.id % 2 = 0
                  and not exists (select 1 from callback_task t where t.source_key = 'SR:' || r.id)
                """.replace(":assignees", assignees)).update();
    }

    private void requests() {
        String assignees = ids("select id from app_user where username like 'bench%' order by id");
        long registrar = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
        jdbc.sql("""
                insert into service_request (code, customer_id, customer_name, key_customer, contact_name, contact_phone,
                    unit_room, request_type, category_id, title, description, channel, priority, status, department_id,
                    assignee_id, registered_by, registered_by_name, registered_at, responded_at, completed_at, closed_at,
                    reopen_count, response_amount, response_unit, response_due_at, response_warn_at, completion_amount,
                    completion_unit, completion_due_at, completion_warn_at, version, created_at, updated_at)
                select 'RB' || lpad(g::text, 8, '0'), x.customer, '客户' || x.customer, x.customer % 20 = 0,
                       '联系人' || g, '139' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'),
                       (1 + g % 30) || '-' || lpad((1 + (g / 30) % 30)::text, 2, '0'),
                       (array['REPAIR','REPAIR','REPAIR','REPAIR','CONSULTATION','CONSULTATION','BOOKED_REPAIR',
                              'COMPLAINT','SUGGESTION','PRAISE'])[1 + (g / 3) % 10],
                       (:categories)[1 + g % cardinality(:categories)],
                       (array['卫生间漏水','电梯异响','门禁故障','空调不制冷','楼上噪音','停车位咨询','物业费咨询','垃圾未清运',
                              '绿化修剪','楼道停电'])[1 + g % 10] || ' ' || (1 + g % 30) || '号楼',
                       '客户来电反映情况，编号 ' || g,
                       (array['PHONE','PHONE','PHONE','PHONE','WEB_FORM','WEB_FORM','EMAIL','WALK_IN'])[1 + g % 8], 'NORMAL',
                       x.status, case when x.status <> 'REGISTERED' then (:depts)[1 + g % cardinality(:depts)] end,
                       case when x.status not in ('REGISTERED','DISPATCHED') then (:assignees)[1 + (g / 7) % cardinality(:assignees)] end,
                       :registrar, '前台', x.registered,
                       case when x.status <> 'REGISTERED' then x.registered + (30 + (g * 13) % 1800) * interval '1 minute' end,
                       case when x.status in ('COMPLETED','SIGNED_OFF','CALLED_BACK','CLOSED')
                            then x.registered + (2 + (g * 17) % 100) * interval '1 hour' end,
                       case when x.status = 'CLOSED' then x.registered + (6 + (g * 17) % 100 + g % 72) * interval '1 hour' end,
                       case when g % 40 = 0 then 1 else 0 end,
                       24, 'CALENDAR_HOURS', x.registered + interval '24 hours', x.registered + interval '19 hours',
                       72, 'CALENDAR_HOURS', x.registered + interval '72 hours', x.registered + interval '58 hours',
                       0, x.registered, x.registered
                from generate_series(1, :n) g
                cross join lateral (select {customer} customer,
                       {registered} registered,
                       case when (g::bigint * :days) / :n >= :days - 10 then
                              (array['REGISTERED','DISPATCHED','IN_PROGRESS','IN_PROGRESS','PAUSED','COMPLETED',
                                     'SIGNED_OFF','CALLED_BACK','CLOSED','CLOSED'])[1 + (g * 31) % 10]
                            when g % 997 = 0 then 'IN_PROGRESS' else 'CLOSED' end status) x"""
                .replace("{customer}", customer("g"))
                .replace("{registered}", dayTime("((g - 1)::bigint * :days) / :n", "g"))
                .replace(":categories", ids("select id from service_category order by id"))
                .replace(":depts", handlingDepartments()).replace(":assignees", assignees))
                .param("n", REQUESTS).param("days", DAYS).param("registrar", registrar).update();
        // the first dispatch (the weekly report's dispatch-on-time table reads it)
        jdbc.sql("""
                insert into service_request_event (request_id, kind, occurred_at, actor, department_id, assignee_id)
                select r.id, 'DISPATCHED', r.registered_at + ((r.id * 11) % 180) * interval '1 minute', '前台',
                       r.department_id, r.assignee_id
                from service_request r where r.code like 'RB%' and r.department_id is not null""").update();
    }

    private void complaints() {
        String handlers = ids("select id from app_user where username like 'bench%' order by id");
        long admin = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
        jdbc.sql("""
                insert into complaint (code, customer_id, customer_name, customer_code, key_customer, received_at, channel,
                    order_number, product, content, status, category, severity, department_id, handler_id, acknowledged_at,
                    cause_category, cause_analysis, investigated_at, first_action_at, decision_at, verified_at,
                    quality_confirmed_at, closed_at, received_by, received_by_name, acknowledge_due_at,
                    acknowledge_warn_at, reply_due_at, reply_warn_at, resolve_due_at, resolve_warn_at, version,
                    created_at, updated_at)
                select 'RC' || lpad(g::text, 8, '0'), x.customer, '客户' || x.customer,
                       'RK' || lpad((x.customer - (select min(id) from customer) + 1)::text, 7, '0'), x.customer % 20 = 0,
                       x.received, (array['PHONE','EMAIL','VISIT','ONLINE','SALES_REP'])[1 + g % 5], 'HT' || g,
                       (array['瓦楞纸箱（五层）','瓦楞纸箱（三层）','彩印礼盒','纸护角','蜂窝纸板','食品包装袋','牛皮纸袋',
                              '纸托盘'])[1 + g % 8],
                       (array['纸箱抗压不足，堆码后塌箱','印刷色差明显','纸箱边缘开胶','纸板受潮发软','交期延误三天',
                              '尺寸偏差装不进托盘','包装袋有异味','运输途中破损','送货人员态度差','对账金额错误'])[1 + g % 10],
                       x.status,
                       case when x.step >= 2 then (array['PRODUCT_QUALITY','PRODUCT_QUALITY','PRODUCT_QUALITY',
                            'DELIVERY_LOGISTICS','AFTER_SALES_SERVICE','PRICE_FEES','STAFF_ATTITUDE','PRODUCT_QUALITY',
                            'DELIVERY_LOGISTICS','OTHER'])[1 + (g / 7) % 10] end,
                       case when x.step >= 2 then case when g % 10 = 0 then 'MAJOR' else 'GENERAL' end end,
                       (:depts)[1 + g % cardinality(:depts)], (:handlers)[1 + (g / 3) % cardinality(:handlers)],
                       case when x.step >= 1 then x.received + (1 + g % 30) * interval '1 hour' end,
                       case when x.step >= 3 then (array['RAW_MATERIAL','PROCESS','PROCESS','EQUIPMENT','TRANSPORT_DAMAGE',
                              'STORAGE','INSPECTION_MEASUREMENT','OTHER','PROCESS','RAW_MATERIAL'])[1 + (g / 3) % 10] end,
                       case when x.step >= 3 then '原因分析 ' || g end,
                       case when x.step >= 3 then x.received + (20 + g % 50) * interval '1 hour' end,
                       case when x.step >= 4 then x.received + (30 + g % 60) * interval '1 hour' end,
                       case when x.step >= 5 then x.received + (40 + g % 60) * interval '1 hour' end,
                       case when x.step >= 6 then x.received + (3 + g % 5) * interval '1 day' end,
                       case when x.step >= 7 then x.received + (4 + g % 5) * interval '1 day' end,
                       case when x.step >= 8 then x.received + (4 + g % 6) * interval '1 day' + (g % 24) * interval '1 hour' end,
                       :admin, '投诉专员',
                       x.received + interval '24 hours', x.received + interval '19 hours',
                       x.received + interval '72 hours', x.received + interval '58 hours',
                       x.received + interval '5 days', x.received + interval '4 days', 0, x.received, x.received
                from generate_series(1, :n) g
                cross join lateral (select {customer} customer, {registered} received,
                       case when (g::bigint * :days) / :n >= :days - 14 then (g * 31) % 9 else 8 end step) s
                cross join lateral (select s.customer, s.received, s.step,
                       (array['RECEIVED','ACKNOWLEDGED','ASSESSED','INVESTIGATED','ACTION_TAKEN','DECISION_COMMUNICATED',
                              'VERIFIED','QUALITY_CONFIRMED','CLOSED'])[1 + s.step] status) x"""
                .replace("{customer}", customer("g"))
                .replace("{registered}", dayTime("((g - 1)::bigint * :days) / :n", "g"))
                .replace(":depts", handlingDepartments()).replace(":handlers", handlers))
                .param("n", COMPLAINTS).param("days", DAYS).param("admin", admin).update();
        // 8 % are repeats of a complaint of the same customer a little earlier
        jdbc.sql("update complaint set repeat_of_id = id - 37 where code like 'RC%' and id % 12 = 0 "
                + "and id - 37 >= (select min(id) from complaint where code like 'RC%')").update();
    }

    /** A CAPA from every fifth complaint (its cause category decides the department), most closed and effective. */
    private void capas() {
        long admin = jdbc.sql("select id from app_user where username = 'admin'").query(Long.class).single();
        jdbc.sql("""
                insert into capa (code, status, problem, customer_id, department_id, eight_d, round_no, opened_by,
                    opened_by_name, opened_at, contained_at, root_cause, root_cause_at, actions_done_at,
                    effectiveness_check_due, verification_started_at, effective, reopen_count, closed_at, created_at,
                    updated_at)
                select 'RP' || substring(c.code from 3), x.status, c.content, c.customer_id, c.department_id, c.id % 50 = 0, 1,
                       :admin, '质量经理', x.opened, x.opened + interval '1 day',
                       case when x.step >= 2 then '根本原因 ' || c.id end,
                       case when x.step >= 2 then x.opened + (3 + c.id % 10) * interval '1 day' end,
                       case when x.step >= 4 then x.opened + (10 + c.id % 30) * interval '1 day' end,
                       case when x.step >= 4 then (x.opened + (40 + c.id % 30) * interval '1 day')::date end,
                       case when x.step >= 5 then x.opened + (40 + c.id % 30) * interval '1 day' end,
                       case when x.step >= 6 then c.id % 17 <> 0 end, 0,
                       case when x.step >= 7 then x.opened + (45 + c.id % 40) * interval '1 day' end, x.opened, x.opened
                from (select c.*, row_number() over (order by c.id) n from complaint c
                      where c.code like 'RC%' and c.id % 5 = 0 and c.status not in ('RECEIVED','ACKNOWLEDGED')) c
                cross join lateral (select c.received_at + interval '2 days' opened,
                       case when c.received_at > now() - interval '90 days' then (c.id / 5) % 8 else 7 end step) s
                cross join lateral (select s.opened, s.step, (array['OPEN','CONTAINED','ROOT_CAUSE_FOUND','ACTIONS_PLANNED',
                       'ACTIONS_DONE','VERIFICATION_PENDING','VERIFIED_EFFECTIVE','CLOSED'])[1 + s.step] status) x
                where c.n <= :n""").param("admin", admin).param("n", CAPAS).update();
        jdbc.sql("""
                insert into capa_source (capa_id, source_type, source_id, source_code, attached_at)
                select p.id, 'COMPLAINT', c.id, c.code, p.opened_at
                from capa p join complaint c on c.code = 'RC' || substring(p.code from 3) where p.code like 'RP%'""").update();
    }

    /** Four half-year campaigns (the last two years), their invitations, responses and 10 answers each. */
    private void surveys(long template) {
        int perCampaign = RESPONSES / CAMPAIGNS;
        for (int k = 0; k < CAMPAIGNS; k++) {
            String code = "RB-SURVEY-" + k;
            // campaign k covers company days [k * 182, (k + 1) * 182) of the 730; answers arrive over its last 60 days
            int firstDay = k * 182;
            jdbc.sql("""
                    insert into survey_campaign (code, name, template_id, period_from, period_to, deadline, status,
                      population_filter, population_size, sample_size, created_by, version, created_at, updated_at)
                    select :code, '半年度顾客满意度调查 ' || (:k + 1), :t, d, d + 181, d + 190,
                           case when :k = :last then 'SENT' else 'CLOSED' end, '{}', :n, :n, 'bench', 0, now(), now()
                    from (select (current_timestamp at time zone 'Asia/Shanghai')::date - :days + :first d) s
                    where not exists (select 1 from survey_campaign where code = :code)""")
                    .param("code", code).param("k", k).param("last", CAMPAIGNS - 1).param("t", template)
                    .param("n", perCampaign).param("days", DAYS).param("first", firstDay).update();
            long campaign = jdbc.sql("select id from survey_campaign where code = :c").param("c", code)
                    .query(Long.class).single();
            jdbc.sql("""
                    insert into survey_invitation (campaign_id, customer_id, customer_name, channel, language, sent_at,
                      answered_at, version)
                    select :c, x.customer, '客户' || x.customer, 'EMAIL', 'zh-CN', x.answered - interval '5 days',
                           x.answered, 0
                    from generate_series(1, :n) g
                    cross join lateral (select {customer} customer, {answered} answered) x"""
                    .replace("{customer}", customer("g + :k * 13"))
                    .replace("{answered}", dayTime(":first + 122 + ((g - 1)::bigint * 60) / :n", "g")))
                    .param("c", campaign).param("n", perCampaign).param("k", k).param("first", firstDay)
                    .param("days", DAYS).update();
            SurveyReportBench.respond(jdbc, campaign, template, "(r.id * 7919 + it.sort_order * 104729 + :k * 31) % 100",
                    java.util.Map.of("k", k));
        }
    }
}
