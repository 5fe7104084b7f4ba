-- Complaint statistics without the roll-up marker (issue 21 §3, V194, ADR 0037), PostgreSQL only.
-- The open complaints are never in the roll-up: the statistics read those of the rolled-up months here, index-only
-- (as they read the unrolled ones from V54's ix_complaint_unrolled before), and the roll-up and the statistics
-- tell the pending complaints still open from the closed ones by the id (included). Closing a complaint was never a
-- HOT update (closed_at is in ix_complaint_stats), so the predicate costs no update its HOT path; the index holds
-- the open complaints only (13,631 of 2,000,000 on the ten-million bench).
create index if not exists ix_complaint_open on complaint (received_at)
    include (id, category, severity, cause_category, department_id, repeat_of_id, received_by, customer_id,
             acknowledged_at, acknowledge_due_at, first_action_at, reply_due_at, closed_at, resolve_due_at)
    where closed_at is null;
