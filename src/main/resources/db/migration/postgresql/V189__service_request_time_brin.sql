-- Database size at ten million requests (issue 21 §3, docs/BENCHMARKS.md "Database size at ten million"), PostgreSQL.
-- Requests are registered, and closed, in the order of their ids: registered_at and closed_at follow the table's
-- physical order (correlation 0.99999 at ten million), so a block-range (BRIN) index finds a period's rows as well
-- as V71's B-trees did, at 136 kB instead of 214 and 170 MB. What each B-tree still did:
-- - registered_at: the reporting statistics of a period read the period's rows (a bitmap of the period's pages now:
--   8,000 pages for a month instead of 165,000 buffers of an index scan); the one count that was an index-only scan
--   of it, ServiceRequestCounts.registeredBetween, counts over V75's (request_type, registered_at) with every type
--   listed (760 buffers a month, as before).
-- - closed_at: only "open at" (registered before, closed after or not yet), which no index serves (a sequential scan
--   before and after: every open request qualifies).
-- completed_at keeps its B-tree: the queue's "completed between" filter pages from it (a BRIN made the planner walk
-- the primary key through a year of requests: 3,900 → 107,000 buffers).
create index if not exists ix_sr_registered_brin on service_request using brin (registered_at);
create index if not exists ix_sr_closed_brin on service_request using brin (closed_at);
drop index if exists ix_sr_registered_at;
drop index if exists ix_sr_closed_at;
