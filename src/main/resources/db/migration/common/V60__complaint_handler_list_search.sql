-- Issue 14 §4, lists and search: the complaint's named handler (处理人) and the employee a staff-attitude complaint
-- is about (003-A10 顾客电话投诉员工登记表); the complaint list's filters by department and handler; the queue's
-- search by a caller's phone (full number or its last digits) through the digits and the last four digits.

alter table complaint add column handler_id bigint;
alter table complaint add column concerned_employee_id bigint;
alter table complaint add column concerned_employee_name varchar(100);
create index ix_complaint_handler on complaint (handler_id, id);
create index ix_complaint_department on complaint (department_id, id);
create index ix_complaint_concerned on complaint (concerned_employee_id);

alter table service_request add column contact_phone_digits varchar(40);
alter table service_request add column contact_phone_tail varchar(4);
update service_request set contact_phone_digits = replace(replace(replace(replace(replace(contact_phone,
    '-', ''), ' ', ''), '+', ''), '(', ''), ')', '') where contact_phone is not null;
update service_request set contact_phone_tail = right(contact_phone_digits, 4)
    where contact_phone_digits is not null and length(contact_phone_digits) >= 4;
create index ix_sr_phone_tail on service_request (contact_phone_tail, id);
