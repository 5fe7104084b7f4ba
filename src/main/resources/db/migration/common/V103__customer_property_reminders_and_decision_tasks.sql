-- Customer property, slice 3: the reminder before an inspection's due day (claimed once per task by the daily job),
-- and the customer's decision on a problem report carried out as a tracked task: owner, deadline, done-record.
alter table customer_property_inspection add column reminded_at timestamp with time zone;
alter table customer_property_problem add column task_owner_id bigint;
alter table customer_property_problem add column task_owner_name varchar(100);
alter table customer_property_problem add column task_due_on date;
alter table customer_property_problem add column task_done_on date;
alter table customer_property_problem add column task_done_by varchar(100);
alter table customer_property_problem add column task_done_note varchar(2000);
alter table customer_property_problem add column task_done_at timestamp with time zone;
create index ix_customer_property_problem_task on customer_property_problem (task_owner_id, task_done_at);
