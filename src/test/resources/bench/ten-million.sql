-- Issue 21 §3: the ten-million data set, set-based (run by TenMillionBench; ${...} are filled in by the bench).
-- Volumes at scale 1: ${customers} customers (200,000; at least 60,000), ${requests} service requests (10,000,000, 30 % open),
-- ${complaints} complaints (2,000,000), callbacks from one closed request in ${callbackEvery} (1,000,000), spread
-- over ${days} company days (five years, Asia/Shanghai) up to yesterday, ids growing with time.
-- Skew: 80 % of requests and complaints come from the first 20 % of the customers (the "hot" ones).
-- Open requests have their SLA deadlines ahead (the SLA scan finds nothing due: it is timed, not flooded).
-- Departments: five (工程维修部 45 %, 客户服务中心 25 %, 保洁部 15 %, 秩序维护部 10 %, 绿化部 5 % of the dispatched
-- requests); each of the 40 handlers belongs to one, and a request is handled by one of its department's handlers.
-- One statement per block; blocks are separated by a line holding only ";".

insert into customer (code, name, kind, key_customer, active, created_at, updated_at)
select 'TM' || lpad(g::text, 7, '0'),
       (array['苏州','上海','杭州','南京','合肥','无锡','宁波','常州'])[1 + g % 8]
         || (array['恒顺','联华','吉利','金陵','华源','永盛','宏达','新华','天成','瑞丰'])[1 + (g / 8) % 10]
         || (array['食品','包装','电器','建材','物业'])[1 + (g / 80) % 5] || '有限公司' || g,
       'ORGANISATION', g % 20 = 0, true, now(), now()
from generate_series(1, ${customers}) g
where not exists (select 1 from customer where code = 'TM' || lpad(g::text, 7, '0'))
;
insert into department (code, name, sort_order, active, version, created_at, updated_at)
select 'TM-D' || g, (array['工程维修部','客户服务中心','保洁部','秩序维护部','绿化部'])[g], g, true, 0, now(), now()
from generate_series(1, 5) g
where not exists (select 1 from department where code = 'TM-D' || g)
;
insert into app_user (username, display_name, password_hash, department_id, position, senior, active, failed_logins,
    version, created_at, updated_at)
select 'tm' || g, (array['王','李','赵','陈','刘','杨','黄','周'])[1 + g % 8]
         || (array['建华','志军','海红','春平','晓明','丽娟','国强','玉兰','文杰','秀英'])[1 + g % 10],
       (select password_hash from app_user where username = 'admin'),
       (select id from department where code = 'TM-D' || (1 + g % 5)), 'STAFF', false, true, 0, 0, now(), now()
from generate_series(1, 40) g
where not exists (select 1 from app_user u where u.username = 'tm' || g)
;
insert into service_request (code, customer_id, customer_name, key_customer, contact_name, contact_phone,
    contact_phone_digits, contact_phone_tail, unit_room, request_type, title, description, channel, priority, status, department_id, assignee_id,
    registered_by_name, registered_at, responded_at, completed_at, closed_at, reopen_count, response_amount,
    response_unit, response_due_at, response_warn_at, completion_amount, completion_unit, completion_due_at,
    completion_warn_at, version, created_at, updated_at)
select 'TM' || lpad(g::text, 9, '0'), x.customer, '客户' || x.customer, x.customer % 20 = 0,
       '联系人' || g, '139' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'),
       '139' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'),
       right(lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'), 4),
       (1 + g % 30) || '-' || lpad((1 + (g / 30) % 30)::text, 2, '0') || lpad((1 + g % 4)::text, 2, '0'),
       (array['REPAIR','REPAIR','REPAIR','REPAIR','CONSULTATION','CONSULTATION','BOOKED_REPAIR','COMPLAINT',
              'SUGGESTION','PRAISE'])[1 + (g / 3) % 10],
       (array['卫生间漏水','电梯异响','门禁故障','空调不制冷','楼上噪音','停车位咨询','物业费咨询','垃圾未清运',
              '绿化修剪','楼道停电'])[1 + g % 10] || ' ' || (1 + g % 30) || '号楼',
       '客户来电反映情况，编号 ' || g,
       (array['PHONE','PHONE','PHONE','PHONE','WEB_FORM','WEB_FORM','EMAIL','WALK_IN'])[1 + g % 8], 'NORMAL',
       x.status, case when x.status <> 'REGISTERED' then d.a[x.dk] end,
       case when x.status not in ('REGISTERED','DISPATCHED') then x.assignee end,
       '前台', x.registered,
       case when x.status not in ('REGISTERED','DISPATCHED') then x.registered + (30 + (g * 13) % 1800) * interval '1 minute' end,
       case when x.status = 'CLOSED' then x.registered + (2 + (g * 17) % 100) * interval '1 hour' end,
       case when x.status = 'CLOSED' then x.registered + (6 + (g * 17) % 100 + g % 72) * interval '1 hour' end,
       case when g % 40 = 0 then 1 else 0 end,
       24, 'CALENDAR_HOURS', x.due, x.due - interval '5 hours', 72, 'CALENDAR_HOURS', x.due + interval '48 hours',
       x.due + interval '34 hours', 0, x.registered, x.registered
from generate_series(1, ${requests}) g
cross join (select min(id) c0, count(*) n from customer where code like 'TM%') c
cross join (select array_agg(id order by id) a from app_user where username like 'tm%') u
cross join (select array_agg(id order by code) a from department where code like 'TM-D%') d
cross join lateral (select (case when (g::bigint * 104729 / 7) % 100 < 45 then 1
                                 when (g::bigint * 104729 / 7) % 100 < 70 then 2
                                 when (g::bigint * 104729 / 7) % 100 < 85 then 3
                                 when (g::bigint * 104729 / 7) % 100 < 95 then 4 else 5 end) dk) k
cross join lateral (select k.dk,
       case when (g::bigint * 7919) % 100 < 80 then c.c0 + (g::bigint * 104729) % (c.n / 5)
            else c.c0 + c.n / 5 + (g::bigint * 104729) % (c.n - c.n / 5) end customer,
       -- handler tm<n> is in department TM-D<1 + n % 5>: the eight handlers of the request's department
       u.a[case when k.dk = 1 then 5 * (1 + (g / 7) % 8) else k.dk - 1 + 5 * ((g / 7) % 8) end] assignee,
       ((((current_timestamp at time zone 'Asia/Shanghai')::date - ${days} + ((g - 1)::bigint * ${days} / ${requests})::int)::timestamp
         + interval '8 hours' + ((g::bigint * 7919) % 36000) * interval '1 second') at time zone 'Asia/Shanghai') registered,
       case when g % 10 < 3 then (array['REGISTERED','DISPATCHED','IN_PROGRESS'])[1 + (g / 10) % 3] else 'CLOSED' end status,
       now() + (1 + g % 30) * interval '1 day' due) x
where not exists (select 1 from service_request where code = 'TM000000001')
;
insert into complaint (code, customer_id, customer_name, customer_code, key_customer, received_at, channel,
    order_number, product, content, status, category, severity, department_id, handler_id, acknowledged_at,
    cause_category, cause_analysis, investigated_at, first_action_at, decision_at, verified_at,
    quality_confirmed_at, closed_at, received_by, received_by_name, acknowledge_due_at, acknowledge_warn_at, reply_due_at,
    reply_warn_at, resolve_due_at, resolve_warn_at, version, created_at, updated_at)
select 'TC' || lpad(g::text, 9, '0'), x.customer, '客户' || x.customer,
       'TM' || lpad((x.customer - c.c0 + 1)::text, 7, '0'), x.customer % 20 = 0,
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
       (select min(id) from department), u.a[1 + (g / 3) % 40],
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
       (select id from app_user where username = 'admin'), '投诉专员', x.received + interval '24 hours', x.received + interval '19 hours',
       x.received + interval '72 hours', x.received + interval '58 hours',
       x.received + interval '5 days', x.received + interval '4 days', 0, x.received, x.received
from generate_series(1, ${complaints}) g
cross join (select min(id) c0, count(*) n from customer where code like 'TM%') c
cross join (select array_agg(id order by id) a from app_user where username like 'tm%') u
cross join (select array_agg(id order by code) a from department where code like 'TM-D%') d
cross join lateral (select (case when (g::bigint * 104729 / 7) % 100 < 45 then 1
                                 when (g::bigint * 104729 / 7) % 100 < 70 then 2
                                 when (g::bigint * 104729 / 7) % 100 < 85 then 3
                                 when (g::bigint * 104729 / 7) % 100 < 95 then 4 else 5 end) dk) k
cross join lateral (select k.dk,
       case when (g::bigint * 7919) % 100 < 80 then c.c0 + (g::bigint * 104729) % (c.n / 5)
            else c.c0 + c.n / 5 + (g::bigint * 104729) % (c.n - c.n / 5) end customer,
       ((((current_timestamp at time zone 'Asia/Shanghai')::date - ${days} + ((g - 1)::bigint * ${days} / ${complaints})::int)::timestamp
         + interval '8 hours' + ((g::bigint * 7919) % 36000) * interval '1 second') at time zone 'Asia/Shanghai') received,
       case when (g::bigint * ${days}) / ${complaints} >= ${days} - 14 then (g * 31) % 9 else 8 end step) s0
cross join lateral (select s0.customer, s0.received, s0.step,
       (array['RECEIVED','ACKNOWLEDGED','ASSESSED','INVESTIGATED','ACTION_TAKEN','DECISION_COMMUNICATED',
              'VERIFIED','QUALITY_CONFIRMED','CLOSED'])[1 + s0.step] status) x
where not exists (select 1 from complaint where code = 'TC000000001')
;
insert into callback_task (code, plan_id, plan_kind, plan_revision, source_key, source_type, source_id,
    source_code, customer_id, customer_name, key_customer, planned_due, due_date, assignee_id,
    assignee_name, method, status, attempts, max_attempts, last_attempt_at, satisfaction, follow_up,
    completed_at, completed_by, created_at, created_by, version)
select 'TH' || lpad(r.id::text, 10, '0'), (select id from callback_plan where kind = 'SERVICE_COMPLETED'),
       'SERVICE_COMPLETED', 1, 'SR:' || r.id, 'SERVICE_REQUEST', r.id, r.code, r.customer_id,
       r.customer_name, r.key_customer, x.planned, x.planned, u.a[1 + ((r.id / 3) % 40)::int], '回访员' || (r.id % 40),
       (array['PHONE','PHONE','PHONE','MESSAGE','VISIT'])[1 + (r.id % 5)::int],
       case when x.done then 'DONE' else 'OPEN' end, case when x.done then 1 else 0 end, 3,
       case when x.done then x.completed end,
       case when x.done then (array['VERY_SATISFIED','SATISFIED','SATISFIED','SATISFIED','VERY_SATISFIED',
           'NEUTRAL','SATISFIED','VERY_SATISFIED','SATISFIED','NEUTRAL','SATISFIED','DISSATISFIED'])[1 + ((r.id / 10) % 12)::int] end,
       case when x.done and (r.id / 10) % 12 = 11 then 'REOPENED' end,
       case when x.done then x.completed end, case when x.done then '回访员' end,
       r.closed_at, 'system', 0
from service_request r
cross join (select array_agg(id order by id) a from app_user where username like 'tm%') u
cross join lateral (select ((r.closed_at at time zone 'Asia/Shanghai')::date + 7) planned,
       ((r.closed_at at time zone 'Asia/Shanghai')::date + 7) <= (current_timestamp at time zone 'Asia/Shanghai')::date done,
       (((r.closed_at at time zone 'Asia/Shanghai')::date + 7 + (case when r.id % 4 = 0 then 1 + r.id % 3 else 0 end)::int)::timestamp
         + interval '10 hours') at time zone 'Asia/Shanghai' completed) x
where r.code like 'TM%' and r.status = 'CLOSED' and r.id % ${callbackEvery} = 0
  and not exists (select 1 from callback_task where code like 'TH%')
