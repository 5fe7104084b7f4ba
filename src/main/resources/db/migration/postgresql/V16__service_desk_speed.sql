-- Speed goals of the service desk (docs/BENCHMARKS.md, "Service desk"), PostgreSQL only.
-- Keyword search: one indexed branch per column (ServiceRequestQueries.indexedKeyword), so every column
-- needs a bigram index (2-character fragments, which trigrams cannot serve) and a trigram index (3 or more);
-- V12 left out the description bigrams, room and code bigrams and the code trigrams.
create index if not exists ix_sr_description_bigram on service_request using gin (careloop_bigrams(description));
create index if not exists ix_sr_room_bigram on service_request using gin (careloop_bigrams(coalesce(unit_room, '')));
create index if not exists ix_sr_code_bigram on service_request using gin (careloop_bigrams(code));
create index if not exists ix_sr_code_trgm on service_request using gin (lower(code) gin_trgm_ops);
-- Queue filters that match few rows: without these, "order by id desc limit 51" walks the primary key
-- through every request looking for matches that are not there.
create index if not exists ix_sr_key_customer on service_request (id) where key_customer;
create index if not exists ix_sr_response_overdue on service_request (response_due_at)
    where responded_at is null and status not in ('CLOSED', 'PAUSED');
create index if not exists ix_sr_completion_overdue on service_request (completion_due_at)
    where completed_at is null and status not in ('CLOSED', 'PAUSED');
