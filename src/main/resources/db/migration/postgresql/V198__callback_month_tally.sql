-- Callback statistics by month (issue 21 §3, ADR 0040, CallbackStatistics). The statistics grouped every task planned
-- in the period on each call: a year is ~200,000 tasks at ten million requests (p50 166-213 ms, p95 212-299 ms, a
-- sort spilling to disk at 4 MB work_mem), yet only ~700 groups of (plan, agent, month, status, tried, satisfaction).
-- Instead a tally of those groups per month of the planned due date: +1/-1 deltas appended by triggers as tasks are
-- created, change group (done, tried, satisfaction recorded, re-assigned, cancelled) or are deleted, folded now and then
-- into one row per group. A period reads its whole months from the tally and counts the tasks of its partial months.
-- PostgreSQL only: H2 sites are small and count the tasks.
create table callback_month_tally (
    id            bigserial    primary key,
    month         date         not null,  -- the first day of the planned due date's month
    plan_kind     varchar(30)  not null,
    assignee_name varchar(100),
    status        varchar(20)  not null,
    attempted     boolean      not null,  -- attempts > 0
    satisfaction  varchar(30),
    delta         bigint       not null,
    folded        boolean      not null default false
);

create or replace function careloop_callback_month_added() returns trigger language plpgsql as $$
begin
    insert into callback_month_tally (month, plan_kind, assignee_name, status, attempted, satisfaction, delta)
    select date_trunc('month', planned_due)::date, plan_kind, assignee_name, status, attempts > 0, satisfaction, count(*)
    from new_rows group by 1, 2, 3, 4, 5, 6;
    return null;
end $$;

create or replace function careloop_callback_month_removed() returns trigger language plpgsql as $$
begin
    insert into callback_month_tally (month, plan_kind, assignee_name, status, attempted, satisfaction, delta)
    select date_trunc('month', planned_due)::date, plan_kind, assignee_name, status, attempts > 0, satisfaction,
           -count(*)
    from old_rows group by 1, 2, 3, 4, 5, 6;
    return null;
end $$;

create or replace function careloop_callback_month_moved() returns trigger language plpgsql as $$
begin
    insert into callback_month_tally (month, plan_kind, assignee_name, status, attempted, satisfaction, delta)
    values (date_trunc('month', old.planned_due)::date, old.plan_kind, old.assignee_name, old.status, old.attempts > 0,
            old.satisfaction, -1),
           (date_trunc('month', new.planned_due)::date, new.plan_kind, new.assignee_name, new.status, new.attempts > 0,
            new.satisfaction, 1);
    return null;
end $$;

create trigger callback_month_tally_insert after insert on callback_task referencing new table as new_rows
    for each statement execute function careloop_callback_month_added();
create trigger callback_month_tally_delete after delete on callback_task referencing old table as old_rows
    for each statement execute function careloop_callback_month_removed();
-- an update touches the tally only when the task changes group (an attempt after the first, notes, answers: no call)
create trigger callback_month_tally_update after update on callback_task
    for each row when (date_trunc('month', new.planned_due) is distinct from date_trunc('month', old.planned_due)
        or new.plan_kind is distinct from old.plan_kind
        or new.assignee_name is distinct from old.assignee_name
        or new.status is distinct from old.status
        or (new.attempts > 0) is distinct from (old.attempts > 0)
        or new.satisfaction is distinct from old.satisfaction)
    execute function careloop_callback_month_moved();

-- The starting point (the SQL of CallbackMonthTally.REBUILD).
insert into callback_month_tally (month, plan_kind, assignee_name, status, attempted, satisfaction, delta, folded)
select date_trunc('month', planned_due)::date, plan_kind, assignee_name, status, attempts > 0, satisfaction, count(*),
       true
from callback_task group by 1, 2, 3, 4, 5, 6 order by 1;

-- The statistics read a range of months (index-only once vacuumed); the fold finds the new deltas.
create index ix_callback_month_tally on callback_month_tally (month)
    include (plan_kind, assignee_name, status, attempted, satisfaction, delta);
create index ix_callback_month_tally_fresh on callback_month_tally (id) where not folded;
analyze callback_month_tally;
