-- Categories from the source procedures (物业报事, 产品售后) and the seed SLA defaults:
-- respond within 24 h, finish a repair within 48 h. Administrators maintain both afterwards.
insert into service_category (code, name, callback_required, sort_order, created_at, updated_at) values
 ('WATER-POWER', '水电维修', false, 10, current_timestamp, current_timestamp),
 ('DOOR-WINDOW', '门窗维修', false, 20, current_timestamp, current_timestamp),
 ('ELEVATOR', '电梯故障', true, 30, current_timestamp, current_timestamp),
 ('PIPE', '管道疏通', false, 40, current_timestamp, current_timestamp),
 ('PUBLIC-FACILITY', '公共设施维修', false, 50, current_timestamp, current_timestamp),
 ('PRODUCT-QUALITY', '产品质量咨询', true, 60, current_timestamp, current_timestamp),
 ('INSTALLATION', '安装调试指导', false, 70, current_timestamp, current_timestamp),
 ('AFTER-SALES', '售后服务', false, 80, current_timestamp, current_timestamp),
 ('RETROFIT', '现场改造', false, 90, current_timestamp, current_timestamp),
 ('DELIVERY', '送货与退换货', false, 100, current_timestamp, current_timestamp),
 ('BILLING', '费用与账单', false, 110, current_timestamp, current_timestamp),
 ('CLEANING', '保洁绿化', false, 120, current_timestamp, current_timestamp),
 ('SECURITY', '安保秩序', false, 130, current_timestamp, current_timestamp),
 ('SERVICE-ATTITUDE', '服务态度', true, 140, current_timestamp, current_timestamp),
 ('OTHER', '其他', false, 900, current_timestamp, current_timestamp);

insert into service_sla_policy (request_type, category_id, priority, response_amount, response_unit,
                                completion_amount, completion_unit, created_at, updated_at) values
 (null, null, null, 24, 'CALENDAR_HOURS', null, null, current_timestamp, current_timestamp),
 ('REPAIR', null, null, 24, 'CALENDAR_HOURS', 48, 'CALENDAR_HOURS', current_timestamp, current_timestamp),
 ('BOOKED_REPAIR', null, null, 24, 'CALENDAR_HOURS', 48, 'CALENDAR_HOURS', current_timestamp, current_timestamp),
 ('REPAIR', null, 'URGENT', 2, 'CALENDAR_HOURS', 24, 'CALENDAR_HOURS', current_timestamp, current_timestamp);
