-- Partial-match search on PostgreSQL (1,000,000 customers, p95 target 50 ms):
-- * Chinese names are searched with 2 characters as often as with more, which trigrams cannot index,
--   so names carry a GIN index over their character bigrams (careloop_bigrams);
-- * codes, phones and rooms are searched by digit fragments of 3 or more: trigram GIN indexes.
create extension if not exists pg_trgm;

create function careloop_bigrams(t text) returns text[] language sql immutable parallel safe as $$
    select coalesce(array_agg(distinct substr(lower(t), i, 2)), '{}')
    from generate_series(1, greatest(char_length(t) - 1, 1)) i
$$;

create index ix_customer_room on customer (room);
create index ix_customer_name_bigram on customer using gin (careloop_bigrams(name));
create index ix_customer_code_trgm on customer using gin (lower(code) gin_trgm_ops);
create index ix_customer_phone_trgm on customer using gin (phone gin_trgm_ops);
create index ix_customer_room_trgm on customer using gin (room gin_trgm_ops);
create index ix_contact_name_bigram on customer_contact using gin (careloop_bigrams(name));
create index ix_contact_phone_trgm on customer_contact using gin (phone gin_trgm_ops);
