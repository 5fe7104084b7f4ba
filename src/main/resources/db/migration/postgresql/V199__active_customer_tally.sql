-- Active customers in the day tally (issue 21 §3, ADR 0040): the complaint statistics' rate per 1,000 customers
-- counted the active customers on every call, a scan of the whole customer table (26-47 ms at 200,000 customers).
-- Subject 'customer.active', by the UTC day the customer was created; the total is the sum of the subject's rows.
create or replace function careloop_customer_day_added() returns trigger language plpgsql as $$
begin
    insert into day_tally (subject, day, delta)
    select 'customer.active', (created_at at time zone 'UTC')::date, count(*) from new_rows where active group by 2;
    return null;
end $$;

create or replace function careloop_customer_day_removed() returns trigger language plpgsql as $$
begin
    insert into day_tally (subject, day, delta)
    select 'customer.active', (created_at at time zone 'UTC')::date, -count(*) from old_rows where active group by 2;
    return null;
end $$;

create or replace function careloop_customer_day_moved() returns trigger language plpgsql as $$
begin
    insert into day_tally (subject, day, delta)
    select 'customer.active', (old.created_at at time zone 'UTC')::date, -1 where old.active
    union all
    select 'customer.active', (new.created_at at time zone 'UTC')::date, 1 where new.active;
    return null;
end $$;

create trigger customer_day_tally_insert after insert on customer referencing new table as new_rows
    for each statement execute function careloop_customer_day_added();
create trigger customer_day_tally_delete after delete on customer referencing old table as old_rows
    for each statement execute function careloop_customer_day_removed();
create trigger customer_day_tally_update after update on customer
    for each row when (new.active is distinct from old.active or new.created_at is distinct from old.created_at)
    execute function careloop_customer_day_moved();

-- The starting point (the SQL of CustomerCounts.rebuildTally).
insert into day_tally (subject, day, delta, folded)
select 'customer.active', (created_at at time zone 'UTC')::date, count(*), true from customer where active group by 2;
analyze day_tally;
