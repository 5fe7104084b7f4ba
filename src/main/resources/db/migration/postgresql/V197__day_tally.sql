-- Records per UTC day (issue 21 §3, ADR 0040, platform.DayTally). The survey report adjusts each campaign's figure by
-- the complaints received and the praises registered in its period, and its trend computes six campaigns: twelve
-- counts of a half year each, ~200,000 complaint index entries (35-56 ms) and ~100,000 request entries (20-25 ms)
-- per campaign at ten million requests. Instead: one tally of +1/-1 deltas per (subject, UTC day), appended by the
-- owners' triggers and folded now and then into one row per (subject, day); a period is its whole UTC days from the
-- tally plus its two partial days counted from the records.
-- Subjects: 'complaint' (received_at), 'request.<request_type>' (registered_at).
-- PostgreSQL only: H2 sites are small and count directly.
create table day_tally (
    id      bigserial   primary key,
    subject varchar(40) not null,
    day     date        not null,
    delta   bigint      not null,
    folded  boolean     not null default false
);

-- Inserts and deletes per statement (a bulk INSERT ... SELECT adds one row per day, not per record); a move to another
-- day (or type) per row, only when it happens (most updates do not: no function call).
create or replace function careloop_complaint_day_added() returns trigger language plpgsql as $$
begin
    insert into day_tally (subject, day, delta)
    select 'complaint', (received_at at time zone 'UTC')::date, count(*) from new_rows group by 2;
    return null;
end $$;

create or replace function careloop_complaint_day_removed() returns trigger language plpgsql as $$
begin
    insert into day_tally (subject, day, delta)
    select 'complaint', (received_at at time zone 'UTC')::date, -count(*) from old_rows group by 2;
    return null;
end $$;

create or replace function careloop_complaint_day_moved() returns trigger language plpgsql as $$
begin
    insert into day_tally (subject, day, delta)
    values ('complaint', (old.received_at at time zone 'UTC')::date, -1),
           ('complaint', (new.received_at at time zone 'UTC')::date, 1);
    return null;
end $$;

create trigger complaint_day_tally_insert after insert on complaint referencing new table as new_rows
    for each statement execute function careloop_complaint_day_added();
create trigger complaint_day_tally_delete after delete on complaint referencing old table as old_rows
    for each statement execute function careloop_complaint_day_removed();
create trigger complaint_day_tally_update after update on complaint
    for each row when (new.received_at is distinct from old.received_at)
    execute function careloop_complaint_day_moved();

create or replace function careloop_request_day_added() returns trigger language plpgsql as $$
begin
    insert into day_tally (subject, day, delta)
    select 'request.' || request_type, (registered_at at time zone 'UTC')::date, count(*) from new_rows group by 1, 2;
    return null;
end $$;

create or replace function careloop_request_day_removed() returns trigger language plpgsql as $$
begin
    insert into day_tally (subject, day, delta)
    select 'request.' || request_type, (registered_at at time zone 'UTC')::date, -count(*) from old_rows group by 1, 2;
    return null;
end $$;

create or replace function careloop_request_day_moved() returns trigger language plpgsql as $$
begin
    insert into day_tally (subject, day, delta)
    values ('request.' || old.request_type, (old.registered_at at time zone 'UTC')::date, -1),
           ('request.' || new.request_type, (new.registered_at at time zone 'UTC')::date, 1);
    return null;
end $$;

create trigger service_request_day_tally_insert after insert on service_request referencing new table as new_rows
    for each statement execute function careloop_request_day_added();
create trigger service_request_day_tally_delete after delete on service_request referencing old table as old_rows
    for each statement execute function careloop_request_day_removed();
create trigger service_request_day_tally_update after update on service_request
    for each row when (new.registered_at is distinct from old.registered_at
        or new.request_type is distinct from old.request_type)
    execute function careloop_request_day_moved();

-- The starting point (the SQL of ComplaintCounts and ServiceRequestCounts rebuildTally).
insert into day_tally (subject, day, delta, folded)
select 'complaint', (received_at at time zone 'UTC')::date, count(*), true from complaint group by 2
union all
select 'request.' || request_type, (registered_at at time zone 'UTC')::date, count(*), true from service_request
group by 1, 2;

-- The readers ask a range of days of one subject (index-only once vacuumed); the fold finds the new deltas.
create index ix_day_tally on day_tally (subject, day) include (delta);
create index ix_day_tally_fresh on day_tally (id) where not folded;
analyze day_tally;
