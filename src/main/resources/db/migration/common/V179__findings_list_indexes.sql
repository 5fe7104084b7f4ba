-- Findings search (issue 18, p95 ≤ 50 ms at 200,000 findings; docs/BENCHMARKS.md, InspectionBench): the list is
-- newest first (order by id desc, keyset on id), so each filter gets an index that ends in the id and a page is the
-- first 51 entries of one index range instead of every finding of the filter collected and sorted.
-- V92's (department_id, status, due_on) stays for the work inbox's due counts; (status, id) serves the status filter.
create index ix_audit_finding_department_id on audit_finding (department_id, id);
create index ix_audit_finding_department_status_id on audit_finding (department_id, status, id);
create index ix_audit_finding_status_severity_id on audit_finding (status, severity, id);
create index ix_audit_finding_severity_id on audit_finding (severity, id);
