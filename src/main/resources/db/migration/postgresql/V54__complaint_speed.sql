-- Complaint speed (issue 5), PostgreSQL only.
-- The complaints the statistics read live inside whole months (not rolled up yet: open, or closed with a
-- deadline still ahead) and the rollup job looks for: a few thousand of 500,000, through a small partial index.
create index ix_complaint_unrolled on complaint (received_at) where not stats_rolled;

-- Keyword search on the complaint list: the list's LIKE runs over one text of the searched fields
-- (Complaints.KEYWORD_TEXT; the expression here must stay the same, or the planner cannot use the index).
-- Trigrams serve 3 characters or more; 2 characters (Chinese words are often 2) through the character bigrams
-- of careloop_bigrams (V4). A small pending list, as V52 for the other search indexes.
create index ix_complaint_keyword_trgm on complaint using gin ((lower(code || ' ' || customer_name || ' '
    || coalesce(customer_code, '') || ' ' || coalesce(order_number, '') || ' ' || coalesce(product, '') || ' '
    || content)) gin_trgm_ops) with (gin_pending_list_limit = 128);
create index ix_complaint_keyword_bigram on complaint using gin (careloop_bigrams(code || ' ' || customer_name || ' '
    || coalesce(customer_code, '') || ' ' || coalesce(order_number, '') || ' ' || coalesce(product, '') || ' '
    || content)) with (gin_pending_list_limit = 128);
