-- Keyword search on PostgreSQL: a GIN index with fastupdate (the default) collects new entries in a pending list
-- of up to gin_pending_list_limit (4 MB) and EVERY scan reads that whole list before the index proper. After
-- 2,240 registrations each of the nine service-request search indexes had 60 pending pages: 10–20 ms a scan,
-- whatever the keyword, five scans a search. A limit of 128 kB keeps the list at a few pages (the inserting
-- session merges it when full, a small share of the registrations pay for that) and leaves batched inserts.
alter index ix_customer_name_bigram set (gin_pending_list_limit = 128);
alter index ix_customer_code_trgm set (gin_pending_list_limit = 128);
alter index ix_customer_phone_trgm set (gin_pending_list_limit = 128);
alter index ix_contact_name_bigram set (gin_pending_list_limit = 128);
alter index ix_contact_phone_trgm set (gin_pending_list_limit = 128);
alter index ix_customer_name_trgm set (gin_pending_list_limit = 128);
alter index ix_contact_name_trgm set (gin_pending_list_limit = 128);
alter index ix_customer_room_value_trgm set (gin_pending_list_limit = 128);
alter index ix_sr_title_bigram set (gin_pending_list_limit = 128);
alter index ix_sr_customer_bigram set (gin_pending_list_limit = 128);
alter index ix_sr_title_trgm set (gin_pending_list_limit = 128);
alter index ix_sr_description_trgm set (gin_pending_list_limit = 128);
alter index ix_sr_customer_trgm set (gin_pending_list_limit = 128);
alter index ix_sr_description_bigram set (gin_pending_list_limit = 128);
alter index ix_sr_room_bigram set (gin_pending_list_limit = 128);
alter index ix_sr_code_bigram set (gin_pending_list_limit = 128);
alter index ix_sr_code_trgm set (gin_pending_list_limit = 128);
alter index ix_sr_room_value_trgm set (gin_pending_list_limit = 128);
-- and merge what is pending now
select gin_clean_pending_list(i.indexrelid)
from pg_index i join pg_class c on c.oid = i.indexrelid join pg_am a on a.oid = c.relam
where a.amname = 'gin' and i.indrelid in ('customer'::regclass, 'customer_contact'::regclass, 'service_request'::regclass);
