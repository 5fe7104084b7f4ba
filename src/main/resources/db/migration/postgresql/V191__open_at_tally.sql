-- "Open at" without reading every request (issue 21 §3, docs/BENCHMARKS.md "Issue 21 §3: old-period queue and open-at
-- count", ADR 0036). The month-end figure "open requests at end of period" (ServiceDeskFigures.openAt) counted the
-- requests registered before a time T and not closed by then: every open request qualifies, so it was a sequential
-- scan of the whole table (475,586 buffers, 5.6 s at 10,000,000 requests). The queue's "registered between" and
-- "open on" filters walked the primary key from the newest request back to the period (106,000 buffers a year back).
--
-- A request counts as open at T when registered_at < T and not (closed_at < T): it adds +1 from the UTC day of its
-- registration on and -1 from the UTC day of greatest(registered_at, closed_at) on (the later of the two, so the
-- difference is exact for every T). This insert-only tally keeps those +1/-1 per UTC day ('D') and per UTC month ('M',
-- bucket = the month's first day), per group of the columns the data scope and the per-department figure read. The
-- count at T is the month rows before T's month + the day rows of that month before T's day + the requests
-- registered or closed on T's own day before T (a day of requests, read through the BRIN of V189). A trigger appends
-- the deltas when a request is registered, closed, re-opened, moved between groups or deleted; the job OpenAtTally
-- folds them into one row per (span, bucket, group) now and then, and can rebuild from scratch after a bulk load.
--
-- The registration rows also carry the least and greatest request id registered in their bucket: every request
-- registered up to a day has an id at most the greatest of those days, so the queue's period filters add an id
-- range the primary key walk starts and ends in (exact: implied by the filter).
-- PostgreSQL only: H2 sites are small and count directly.
create table service_request_open_at_tally (
    id            bigserial primary key,
    span          char(1) not null check (span in ('D', 'M')),
    bucket        date    not null,
    department_id bigint,
    assignee_id   bigint,
    registered_by bigint,
    delta         bigint  not null,
    first_id      bigint,
    last_id       bigint,
    folded        boolean not null default false
);

create or replace function careloop_open_at_delta(reg timestamptz, closed timestamptz, department bigint,
                                                  assignee bigint, registrar bigint, request bigint, sign int,
                                                  with_registration boolean, with_end boolean)
    returns void language plpgsql as $$
declare
    reg_day date := (reg at time zone 'UTC')::date;
    end_day date := case when closed is not null then (greatest(reg, closed) at time zone 'UTC')::date end;
begin
    if with_registration then
        insert into service_request_open_at_tally (span, bucket, department_id, assignee_id, registered_by, delta,
                                                   first_id, last_id)
        values ('D', reg_day, department, assignee, registrar, sign, request, request),
               ('M', date_trunc('month', reg_day)::date, department, assignee, registrar, sign, request, request);
    end if;
    if with_end and end_day is not null then
        insert into service_request_open_at_tally (span, bucket, department_id, assignee_id, registered_by, delta)
        values ('D', end_day, department, assignee, registrar, -sign),
               ('M', date_trunc('month', end_day)::date, department, assignee, registrar, -sign);
    end if;
end $$;

create or replace function careloop_open_at_tally() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        perform careloop_open_at_delta(new.registered_at, new.closed_at, new.department_id, new.assignee_id,
                                       new.registered_by, new.id, 1, true, true);
    elsif tg_op = 'DELETE' then
        perform careloop_open_at_delta(old.registered_at, old.closed_at, old.department_id, old.assignee_id,
                                       old.registered_by, old.id, -1, true, true);
    elsif new.department_id is not distinct from old.department_id
            and new.assignee_id is not distinct from old.assignee_id
            and new.registered_by is not distinct from old.registered_by
            and new.registered_at = old.registered_at then
        -- closed, re-opened or closed again: only the end moves
        perform careloop_open_at_delta(old.registered_at, old.closed_at, old.department_id, old.assignee_id,
                                       old.registered_by, old.id, -1, false, true);
        perform careloop_open_at_delta(new.registered_at, new.closed_at, new.department_id, new.assignee_id,
                                       new.registered_by, new.id, 1, false, true);
    else
        perform careloop_open_at_delta(old.registered_at, old.closed_at, old.department_id, old.assignee_id,
                                       old.registered_by, old.id, -1, true, true);
        perform careloop_open_at_delta(new.registered_at, new.closed_at, new.department_id, new.assignee_id,
                                       new.registered_by, new.id, 1, true, true);
    end if;
    return null;
end $$;

create trigger service_request_open_at_tally after insert or delete on service_request
    for each row execute function careloop_open_at_tally();
-- an update touches the tally only when it changes what the tally counts (most updates do not: no function call)
create trigger service_request_open_at_tally_update after update on service_request
    for each row when (new.registered_at is distinct from old.registered_at
        or new.closed_at is distinct from old.closed_at
        or new.department_id is distinct from old.department_id
        or new.assignee_id is distinct from old.assignee_id
        or new.registered_by is distinct from old.registered_by)
    execute function careloop_open_at_tally();

-- The starting point: one row per (span, bucket, group) of the requests there are (the SQL of OpenAtTally.REBUILD).
insert into service_request_open_at_tally (span, bucket, department_id, assignee_id, registered_by, delta, first_id,
                                           last_id, folded)
select s.span, s.bucket, c.department_id, c.assignee_id, c.registered_by, sum(c.delta), min(c.first_id),
       max(c.last_id), true
from (select (registered_at at time zone 'UTC')::date d, department_id, assignee_id, registered_by, 1 delta,
             id first_id, id last_id
      from service_request
      union all
      select (greatest(registered_at, closed_at) at time zone 'UTC')::date, department_id, assignee_id,
             registered_by, -1, null, null
      from service_request where closed_at is not null) c
cross join lateral (values ('D', c.d), ('M', date_trunc('month', c.d)::date)) s(span, bucket)
group by s.span, s.bucket, c.department_id, c.assignee_id, c.registered_by
having sum(c.delta) <> 0 or min(c.first_id) is not null
order by s.span, s.bucket; -- a bucket's groups on adjacent pages: a reader's range of buckets reads few pages

-- The readers ask a range of buckets of one span (index-only once vacuumed); the fold finds the new deltas.
create index ix_sr_open_at_tally on service_request_open_at_tally (span, bucket)
    include (department_id, assignee_id, registered_by, delta, first_id, last_id);
create index ix_sr_open_at_tally_fresh on service_request_open_at_tally (id) where not folded;
analyze service_request_open_at_tally;
