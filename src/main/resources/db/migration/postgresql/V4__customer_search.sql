-- Partial-match search in Chinese names, phones and rooms: trigram GIN indexes make
-- "like '%…%'" use an index on PostgreSQL (1,000,000 customers, p95 target 50 ms).
create extension if not exists pg_trgm;
create index ix_customer_room on customer (room);
create index ix_customer_name_trgm on customer using gin (lower(name) gin_trgm_ops);
create index ix_customer_phone_trgm on customer using gin (phone gin_trgm_ops);
create index ix_customer_code_trgm on customer using gin (lower(code) gin_trgm_ops);
create index ix_customer_room_trgm on customer using gin (room gin_trgm_ops);
create index ix_contact_name_trgm on customer_contact using gin (name gin_trgm_ops);
create index ix_contact_phone_trgm on customer_contact using gin (phone gin_trgm_ops);
