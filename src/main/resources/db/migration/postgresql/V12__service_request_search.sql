-- Partial-match keyword search in Chinese over title, description, customer and room (pg_trgm from V4;
-- 2-character Chinese fragments through the character bigrams of careloop_bigrams, also from V4).
create index ix_sr_unit_room on service_request (unit_room);
create index ix_sr_title_bigram on service_request using gin (careloop_bigrams(title));
create index ix_sr_customer_bigram on service_request using gin (careloop_bigrams(coalesce(customer_name, '')));
create index ix_sr_title_trgm on service_request using gin (lower(title) gin_trgm_ops);
create index ix_sr_description_trgm on service_request using gin (lower(description) gin_trgm_ops);
create index ix_sr_customer_trgm on service_request using gin (lower(customer_name) gin_trgm_ops);
create index ix_sr_room_trgm on service_request using gin (unit_room gin_trgm_ops);
create index ix_sr_open on service_request (id) where status <> 'CLOSED';
