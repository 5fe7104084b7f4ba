-- Complaint statistics (PostgreSQL): the complaints of a period are read in receipt order from one index that
-- carries every column the figures, the Pareto and the top customers need, so the aggregates scan the index
-- only (an index-only scan on a vacuumed table) instead of the wide complaint rows. Grouping by product still
-- reads the rows.
create index if not exists ix_complaint_stats on complaint (received_at)
    include (category, severity, cause_category, department_id, repeat_of_id, received_by, customer_id,
             acknowledged_at, acknowledge_due_at, first_action_at, reply_due_at, closed_at, resolve_due_at);
