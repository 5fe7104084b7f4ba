-- Findings list "not closed" and "overdue" (issue 18: the dashboard's open/overdue figures open the list they count;
-- docs/inspections.md). The list is newest first (order by id desc, keyset on id): the unclosed findings are the
-- work still open, a small part of all findings, so a partial index of their ids (with the due date, so "overdue"
-- is decided in the index) serves both filters with the first 51 entries. PostgreSQL only, as V116.
create index if not exists ix_audit_finding_unclosed_id on audit_finding (id, due_on) where status <> 'CLOSED';
