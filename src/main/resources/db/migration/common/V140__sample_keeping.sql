-- Sealed master samples (封样) are kept by a department until their keep-until date (sample.sealed_until): 30 days
-- before it ends the keeping department is reminded once per keep period (a sample_keep_notice row per sample and
-- keep-until date, so a second run or a second node tells nobody again), and decides: extend, re-seal or dispose.
-- Portable between H2 and PostgreSQL.
alter table sample add column keeping_department_id bigint references department (id);
alter table sample add column keep_decision varchar(20);
alter table sample add column keep_decided_by varchar(100);
alter table sample add column keep_decided_at timestamp with time zone;
update sample set keeping_department_id = quality_department_id where status = 'SEALED';

create table sample_keep_notice (
    sample_id  bigint                   not null references sample (id),
    keep_until date                     not null,
    noticed_at timestamp with time zone not null,
    primary key (sample_id, keep_until)
);

create index ix_sample_keep_due on sample (status, sealed_until);
