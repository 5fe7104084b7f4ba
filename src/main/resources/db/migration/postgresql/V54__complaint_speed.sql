-- Complaint speed (issue 5), PostgreSQL only.
-- The complaints the statistics read live inside whole months (not rolled up yet: open, or closed with a
-- deadline still ahead) and the rollup job looks for: a few percent of the rows, through a small partial index that
-- carries the columns of the figures as ix_complaint_stats (V27) does, so the live part is an index-only scan.
create index if not exists ix_complaint_unrolled on complaint (received_at)
    include (category, severity, cause_category, department_id, repeat_of_id, received_by, customer_id,
             acknowledged_at, acknowledge_due_at, first_action_at, reply_due_at, closed_at, resolve_due_at)
    where not stats_rolled;

-- Keyword search on the complaint list: the list's LIKE runs over one text of the searched fields
-- (Complaints.KEYWORD_TEXT; the expression here must stay the same, or the planner cannot use the index).
-- Trigrams serve 3 characters or more; 2 characters (Chinese words are often 2) through the character bigrams
-- of careloop_bigrams (V4). A small pending list, as V52 for the other search indexes.
create index if not exists ix_complaint_keyword_trgm on complaint using gin ((lower(code || ' ' || customer_name || ' '
    || coalesce(customer_code, '') || ' ' || coalesce(order_number, '') || ' ' || coalesce(product, '') || ' '
    || content)) gin_trgm_ops) with (gin_pending_list_limit = 128);
create index if not exists ix_complaint_keyword_bigram on complaint using gin (careloop_bigrams(code || ' ' || customer_name || ' '
    || coalesce(customer_code, '') || ' ' || coalesce(order_number, '') || ' ' || coalesce(product, '') || ' '
    || content)) with (gin_pending_list_limit = 128);
