-- Reporting figures of the service desk (issue 15): the period of a dashboard or report is a range of
-- registered_at, "open at period end" reads closed_at (null while open), per-agent rows read completed_at.
create index ix_sr_registered_at on service_request (registered_at);
create index ix_sr_closed_at on service_request (closed_at);
create index ix_sr_completed_at on service_request (completed_at);
