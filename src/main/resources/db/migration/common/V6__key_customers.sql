-- Key customers (重点客户) and segmentation: the once-per-quarter review reminder and the default
-- segment rules. Proposals, reviews, segment rules and revenue tables are in V3.

-- One row per quarter whose review reminder went out: the primary key makes "never notify twice"
-- hold across nodes and restarts, whatever the job lock does.
create table key_customer_review_reminder (
    quarter  varchar(7) primary key,
    sent_at  timestamp with time zone not null,
    notified integer not null
);

create index ix_review_quarter on key_customer_review (quarter, customer_id);
create index ix_proposal_proposer on key_customer_proposal (proposed_by, id);

-- Default RFM rules over the trailing 12 months; the first matching rule (lowest priority number) wins.
insert into segment_rule (segment, priority, min_revenue, min_orders, max_recency_days) values
    ('BIG_ACCOUNT', 10, 1000000.00, 0, 365),
    ('MAIN_ACCOUNT', 20, 300000.00, 6, 180),
    ('LOYAL', 30, 0.00, 12, 90),
    ('GOOD', 40, 50000.00, 2, 180);
