-- PostgreSQL only: the open actions by due date (the overdue scan and the "overdue" filter read only
-- these among a million actions), and at most one not-closed CAPA per grouping key, so two deliveries
-- of the same source event racing in openOrAttach cannot open two (the loser retries and attaches).
create index ix_capa_action_open_due on capa_action (due_date, capa_id) where done = false;
create unique index uq_capa_open_source_key on capa (source_key) where status <> 'CLOSED' and source_key is not null;
