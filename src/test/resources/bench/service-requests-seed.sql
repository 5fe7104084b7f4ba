-- :n service requests (30 % open, deadlines ahead): ServiceDeskBench and memory-stack.sh
insert into service_request (code, customer_name, contact_name, contact_phone, unit_room, request_type, title,
    description, channel, priority, status, registered_by_name, registered_at, responded_at, closed_at,
    response_amount, response_unit, response_due_at, response_warn_at, completion_amount, completion_unit,
    completion_due_at, completion_warn_at, created_at, updated_at)
select 'BB' || lpad(g::text, 8, '0'),
       (array['张','王','李','赵','陈','刘','杨','黄','周','吴'])[1 + g % 10]
         || (array['伟','芳','娜','敏','静','丽','强','磊','军','洋'])[1 + (g / 10) % 10],
       '联系人' || g, '139' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'),
       (1 + g % 30) || '-' || lpad((1 + (g / 30) % 30)::text, 2, '0') || lpad((1 + g % 4)::text, 2, '0'),
       (array['REPAIR','CONSULTATION','COMPLAINT','SUGGESTION','PRAISE','BOOKED_REPAIR'])[1 + (g / 3) % 6],
       (array['卫生间漏水','电梯异响','门禁故障','空调不制冷','楼上噪音','停车位咨询','物业费咨询','垃圾未清运',
              '绿化修剪','楼道停电'])[1 + g % 10] || ' ' || (1 + g % 30) || '号楼',
       '业主来电反映情况，编号 ' || g,
       (array['PHONE','WALK_IN','WEB_FORM','EMAIL'])[1 + g % 4], 'NORMAL',
       case when g % 10 < 3 then (array['REGISTERED','DISPATCHED','IN_PROGRESS'])[1 + (g / 10) % 3] else 'CLOSED' end,
       'bench', now() - g * interval '20 seconds',
       case when g % 10 < 3 and (g / 10) % 3 < 2 then null else now() - g * interval '10 seconds' end,
       case when g % 10 < 3 then null else now() - g * interval '5 seconds' end,
       24, 'CALENDAR_HOURS', now() + interval '30 days', now() + interval '20 days', 48, 'CALENDAR_HOURS',
       now() + interval '40 days', now() + interval '35 days', now(), now()
from generate_series(1, :n) g
