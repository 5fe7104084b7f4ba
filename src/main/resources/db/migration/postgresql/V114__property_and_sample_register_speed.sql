-- The customer property and sample registers at 500,000 items / 200,000 samples (issue 17 benchmark,
-- docs/BENCHMARKS.md, bench/PropertyBench): partial-match search on the number, item name, marking and storage
-- location of an item, and on the number, name and courier tracking number of a sample, uses trigram indexes
-- (pg_trgm from V4) on exactly the expressions CustomerProperties/Samples filter on; the register sorted by
-- received date reads an index instead of sorting every item.
create index ix_customer_property_code_trgm on customer_property using gin (lower(code) gin_trgm_ops);
create index ix_customer_property_name_trgm on customer_property using gin (lower(item_name) gin_trgm_ops);
create index ix_customer_property_marking_trgm on customer_property using gin (lower(marking) gin_trgm_ops);
create index ix_customer_property_location_trgm on customer_property using gin (lower(storage_location) gin_trgm_ops);
create index ix_customer_property_received on customer_property (received_on, id);
create index ix_sample_code_trgm on sample using gin (lower(code) gin_trgm_ops);
create index ix_sample_name_trgm on sample using gin (lower(item_name) gin_trgm_ops);
create index ix_sample_round_tracking_trgm on sample_round using gin (lower(tracking_no) gin_trgm_ops);
-- An item's open inspection (the register's "next inspection" column, one lookup per row of a page): without this
-- partial index the planner, whose statistics say "hardly any task is open" between two runs of the half-yearly job,
-- scans the open-task index while the job is inserting 500,000 open tasks — register pages took seconds during the
-- run (PropertyBench). With it each row is one probe whatever the statistics say.
create index ix_customer_property_inspection_item_open on customer_property_inspection (item_id, due_on)
    where status = 'OPEN';
-- a location fragment (模具库 A-05) often matches thousands of items: finer statistics on the expression let the
-- planner see that and read the newest items first instead of collecting every match
alter index ix_customer_property_location_trgm alter column 1 set statistics 1000;
