-- The due-soon queue tab and counter ("past the warning share of a running target, not yet overdue") had no index:
-- PostgreSQL walked the open requests newest first looking for 51 past a warning (612 ms at 10,000,000 requests).
-- A partial index on the earliest running warning (response until responded, completion until completed) of the
-- requests whose clock runs: the requests past a warning are one range of it. The planner ignores a partial index's
-- own statistics, and judged by the warning columns of every request (mostly past) it expected thousands and kept
-- walking; statistics on the expression itself (PostgreSQL 14+; null for closed requests) tell it how few there are.
-- ServiceRequestQueries.RUNNING_WARNING is this expression.
create index if not exists ix_sr_running_warn on service_request
    ((least(case when responded_at is null then response_warn_at end,
            case when completed_at is null then completion_warn_at end)))
    where status not in ('CLOSED', 'PAUSED');
create statistics if not exists st_sr_running_warn on
    (least(case when responded_at is null then response_warn_at end,
           case when completed_at is null then completion_warn_at end))
    from service_request;
