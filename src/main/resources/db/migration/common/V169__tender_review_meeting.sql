-- Seed 001-A5 (評審會議 … 標書/合同評審單): a tender's review may be held as a meeting too. The meetings of both are one
-- table: a meeting belongs to a contract or (since V169) to a tender, never both.
alter table contract_review_meeting add column tender_id bigint references tender (id);
alter table contract_review_meeting alter column contract_id drop not null;
alter table contract_review_meeting add constraint ck_review_meeting_subject
    check ((contract_id is null and tender_id is not null) or (contract_id is not null and tender_id is null));
create index ix_contract_review_meeting_tender on contract_review_meeting (tender_id);
