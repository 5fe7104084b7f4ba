-- The complaints the statistics read live inside whole months (not rolled up yet: open, or closed with a
-- deadline still ahead) and the rollup job looks for: a few thousand of 500,000, through a small partial index.
create index ix_complaint_unrolled on complaint (received_at) where not stats_rolled;
