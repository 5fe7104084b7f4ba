-- The queue counters (GET /api/v1/service-requests/counts, the queue page's tab badges) aggregate every open
-- request. Through ix_sr_open (id only) each open row is a heap fetch: with open requests spread over years of
-- history that reads nearly every page of the table (680-960 ms at 1,000,000 requests / 300,000 open,
-- TenMillionBench, docs/BENCHMARKS.md "Issue 21 §3"). With the columns the counters read in the index, the count is
-- an index-only scan (210-230 ms on the same machine). PostgreSQL only (H2 has no INCLUDE; H2 sites are small).
create index if not exists ix_sr_open_counts on service_request (status)
    include (assignee_id, department_id, key_customer, responded_at, response_due_at, response_warn_at, completed_at,
             completion_due_at, completion_warn_at)
    where status <> 'CLOSED';
