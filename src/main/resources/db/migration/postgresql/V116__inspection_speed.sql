-- Findings search at 200,000 findings (issue 18 benchmark, docs/BENCHMARKS.md; p95 ≤ 50 ms), PostgreSQL only.
-- The keyword runs over a finding's code and description (Audits.FINDING_TEXT: the expression here must stay the
-- same, or the planner cannot use the index) or its audit's title: trigrams for 3+ characters, the character
-- bigrams of careloop_bigrams (V4) for 2 (Chinese words). Small pending lists, as V52.
create index if not exists ix_audit_finding_text_trgm on audit_finding
    using gin ((lower(code || ' ' || description)) gin_trgm_ops) with (gin_pending_list_limit = 128);
create index if not exists ix_audit_finding_text_bigram on audit_finding
    using gin (careloop_bigrams(code || ' ' || description)) with (gin_pending_list_limit = 128);
create index if not exists ix_audit_title_trgm on audit using gin (lower(title) gin_trgm_ops) with (gin_pending_list_limit = 128);
create index if not exists ix_audit_title_bigram on audit using gin (careloop_bigrams(title)) with (gin_pending_list_limit = 128);
