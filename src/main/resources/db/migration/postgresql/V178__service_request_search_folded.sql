-- Issue 21 §3 (docs/BENCHMARKS.md "Folded search indexes"): the service desk's keyword search read nine GIN indexes
-- over five columns (V12, V16): a bigram and a trigram index per searched column. Every registration wrote all nine
-- and called careloop_bigrams five times; at ten million requests they took 1.35 GB and their builds most of the
-- bulk load. The searched columns are now one text (ServiceRequestQueries.SEARCH_TEXT; the expression here must stay
-- the same, or the planner cannot use the index) — title, description, customer and number, separated by chr(1),
-- which no keyword holds, so a keyword never matches across two fields — with one trigram index (3 characters or
-- more) and one bigram index (2 characters, or a separator in the keyword). The room keeps its own road (V51: the
-- distinct room values, then (unit_room, id) newest first), because a room fragment matches every request of a flat.
-- The character bigrams (V4) computed by a loop instead of array_agg(distinct substr(...)) over generate_series:
-- about 3x faster a call (docs/BENCHMARKS.md), and it runs at every registration and for every row of an index build.
-- The bigrams are no longer made distinct: GIN removes duplicate keys of a value itself, and containment (@>) means
-- the same with or without them, so the existing indexes (customers, contacts, complaints, audits) stay valid.
create or replace function careloop_bigrams(t text) returns text[] language plpgsql immutable parallel safe as $$
declare
    l text := lower(t);
    n int := char_length(l);
    r text[] := '{}';
begin
    if n is null or n < 2 then
        return array[substr(l, 1, 2)];
    end if;
    for i in 1 .. n - 1 loop
        r := r || substr(l, i, 2);
    end loop;
    return r;
end
$$;

create index if not exists ix_sr_search_trgm on service_request using gin ((lower(title || chr(1)
    || coalesce(description, '') || chr(1) || coalesce(customer_name, '') || chr(1) || code)) gin_trgm_ops)
    with (gin_pending_list_limit = 128);
create index if not exists ix_sr_search_bigram on service_request using gin (careloop_bigrams(title || chr(1)
    || coalesce(description, '') || chr(1) || coalesce(customer_name, '') || chr(1) || code))
    with (gin_pending_list_limit = 128);
drop index if exists ix_sr_title_bigram;
drop index if exists ix_sr_description_bigram;
drop index if exists ix_sr_customer_bigram;
drop index if exists ix_sr_room_bigram;
drop index if exists ix_sr_code_bigram;
drop index if exists ix_sr_title_trgm;
drop index if exists ix_sr_description_trgm;
drop index if exists ix_sr_customer_trgm;
drop index if exists ix_sr_code_trgm;
-- Statistics of the new index expressions now: without them the planner guessed a 3-character keyword frequent in
-- the whole table and read the trigram index's matches of all ten million requests (30 s) instead of walking the
-- newest (0.6 ms); creating an index does not trigger autovacuum's analyze.
analyze service_request;
