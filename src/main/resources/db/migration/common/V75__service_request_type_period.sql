-- Reporting benchmark (issue 15, docs/BENCHMARKS.md "Reporting"): the survey report's praise adjustment counts the
-- requests of one type registered in a campaign's period (ServiceRequestCounts.countOfType), once per campaign of
-- its trend. Over ix_sr_registered_at it reads every request of the half year and filters the type (404 ms for
-- 140,000 rows, 6 times per report); this index makes it an index-only range count (2.6 ms).
create index if not exists ix_sr_type_registered on service_request (request_type, registered_at);
