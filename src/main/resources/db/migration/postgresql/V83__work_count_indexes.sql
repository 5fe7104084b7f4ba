-- "My work" counts that the home dashboard asks on every call, PostgreSQL only (H2 sites are small).
-- Complaints still to acknowledge, by their acknowledgement deadline ("due today"): without it each dashboard call
-- scanned all complaints (~200 ms at 500,000; ReportingBench, docs/BENCHMARKS.md).
create index if not exists ix_complaint_ack_open on complaint (acknowledge_due_at) where acknowledged_at is null;
-- Open CAPAs by who opened them ("my CAPAs").
create index if not exists ix_capa_opened_by_open on capa (opened_by) where status <> 'CLOSED';
