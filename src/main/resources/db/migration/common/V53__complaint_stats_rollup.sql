-- Complaint statistics rollup (issue 5): the figures of the settled complaints (closed, every deadline passed:
-- none of their figures depends on "now" any more) are pre-aggregated per month of receipt in the company's
-- zone; the statistics add the live figures of the rest. ComplaintStatsRollup recomputes a month in one
-- transaction: marks its settled complaints, deletes the month's rows, re-inserts the aggregates of every
-- rolled complaint of the month. The scope columns (department_id, received_by) stay so a reader's data scope
-- applies to the rollup as to the complaint rows.
alter table complaint add column stats_rolled boolean default false not null;

-- The additive figures (see ComplaintStatsService.Sums) per month, scope and grouping (dim CATEGORY, SEVERITY,
-- CAUSE, PRODUCT; k the coalesced key). Department, month and total come from the SEVERITY rows.
create table complaint_stats_month (
    stats_month    date          not null,
    department_id  bigint,
    received_by    bigint        not null,
    dim            varchar(10)   not null,
    k              varchar(200)  not null,
    n              bigint        not null,
    major          bigint        not null,
    repeats        bigint        not null,
    ack_due        bigint        not null,
    ack_ok         bigint        not null,
    reply_due      bigint        not null,
    reply_ok       bigint        not null,
    resolve_due    bigint        not null,
    resolve_ok     bigint        not null,
    closed         bigint        not null,
    close_seconds  numeric(24, 6) not null
);
create index ix_complaint_stats_month on complaint_stats_month (dim, stats_month);

-- The close-time histogram in whole hours (the p90 is exact to the hour).
create table complaint_stats_close (
    stats_month    date          not null,
    department_id  bigint,
    received_by    bigint        not null,
    dim            varchar(10)   not null,
    k              varchar(200)  not null,
    hours          bigint        not null,
    n              bigint        not null
);
create index ix_complaint_stats_close on complaint_stats_close (dim, stats_month);

-- Complaints per customer and calendar year (company zone) for the annual summary's top customers: a year of
-- customers, not a month of them (each customer has about one complaint a month: per month would save nothing).
create table complaint_stats_customer (
    stats_year     integer       not null,
    department_id  bigint,
    received_by    bigint        not null,
    customer_id    bigint        not null,
    n              bigint        not null,
    repeats        bigint        not null
);
create index ix_complaint_stats_customer on complaint_stats_customer (stats_year);

-- One row per year of receipt with a rolled month: its row lock serialises two recomputations in the same year (a
-- scheduled run and a manual one), which would otherwise both delete and insert and count the rows twice.
create table complaint_stats_rollup (
    stats_year  integer primary key,
    rolled_at   timestamp with time zone not null
);
