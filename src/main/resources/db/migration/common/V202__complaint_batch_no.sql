-- 004-C2 / 002-C4: the product batch a quality complaint is about, so QA can trace the batch (its records, its
-- stock, the other complaints about it). Searched by exact value, hence the plain index.
alter table complaint add column batch_no varchar(100);
create index ix_complaint_batch_no on complaint (batch_no);
