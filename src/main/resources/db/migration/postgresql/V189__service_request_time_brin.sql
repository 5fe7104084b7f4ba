-- Database size at ten million requests (issue 21 §3, docs/BENCHMARKS.md "Database size at ten million"), PostgreSQL.
-- Indexes of service_request that cost more than they serve (sizes at 10,000,000 requests, 3,000,000 open):
--
-- 1. registered_at and closed_at: requests are registered, and closed, in the order of their ids, so both follow
--    the table's physical order (correlation 0.99999) and a block-range (BRIN) index finds a period's rows as well
--    as V71's B-trees did, at 136 kB instead of 214 and 170 MB. The statistics of a period read the period's rows
--    (a bitmap of its pages: 7,968 buffers for a month instead of 164,745 through the B-tree); the one count that was
--    an index-only scan of registered_at, ServiceRequestCounts.registeredBetween, counts over V75's
--    (request_type, registered_at) with every type listed (760 buffers a month, 452 before). closed_at served only
--    "open at", which no index serves (every open request qualifies: a sequential scan before and after).
--    completed_at keeps its B-tree: the queue's "completed between" filter pages from it (with a BRIN the planner
--    walked the primary key through a year of requests: 3,937 → 107,584 buffers).
create index if not exists ix_sr_registered_brin on service_request using brin (registered_at);
create index if not exists ix_sr_closed_brin on service_request using brin (closed_at);
drop index if exists ix_sr_registered_at;
drop index if exists ix_sr_closed_at;

-- 2. (status, id) over every request (327 MB): the status tabs ask an open status; a closed request is found by the
--    primary key newest first (most requests are closed: 7 buffers for a page). Over the open requests: 116 MB.
create index if not exists ix_sr_status_open on service_request (status, id) where status <> 'CLOSED';
drop index if exists ix_sr_status;

-- 3. V10's indexes of every request's response and completion deadline (66 MB each): the overdue and due-on
--    conditions read V16's partial indexes of the running deadlines, the due-soon ones V161's earliest running
--    warning, and every branch of the SLA scan says that warning too since this version (SlaScan).
drop index if exists ix_sr_response_due;
drop index if exists ix_sr_completion_due;
