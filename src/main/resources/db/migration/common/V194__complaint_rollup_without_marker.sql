-- The complaint statistics roll-up without a per-complaint marker (issue 21 §3, ADR 0037). Marking a complaint
-- rolled (complaint.stats_rolled) rewrote its row with new entries in every complaint index: the first run over
-- existing data rewrote every complaint. Instead a complaint is in the roll-up when its id is at most
-- complaint_stats_state.last_id and it is not in complaint_stats_pending (the ids up to last_id that were not
-- settled when the roll-up last saw them). ComplaintStatsRollup keeps both; no complaint row is written.

-- One row: the last id the roll-up has taken, and the now of its last run. Its row lock serialises two runs.
create table complaint_stats_state (
    id         integer primary key,
    last_id    bigint not null,
    rolled_at  timestamp with time zone
);

-- The complaints up to last_id not in the roll-up: open, or closed with a deadline still ahead, when last seen.
-- received_at (never changed) so that a period reads only its own.
create table complaint_stats_pending (
    complaint_id  bigint primary key,
    received_at   timestamp with time zone not null
);
create index ix_complaint_stats_pending on complaint_stats_pending (received_at);

-- The existing roll-up stays valid as it is: last_id = the newest rolled complaint (0 when none was rolled), the
-- unrolled complaints up to it pending; the unrolled ones after it are after last_id (counted from their rows
-- until the next run, as before).
insert into complaint_stats_state (id, last_id, rolled_at)
select 1, coalesce((select max(id) from complaint where stats_rolled), 0),
       (select max(rolled_at) from complaint_stats_rollup);
insert into complaint_stats_pending (complaint_id, received_at)
select id, received_at from complaint
where not stats_rolled and id <= (select last_id from complaint_stats_state where id = 1);

-- The year locks are the state row's now; the marker and its partial index (PostgreSQL, V54/V190) go. Dropping the
-- column does not rewrite the table on PostgreSQL.
drop table complaint_stats_rollup;
drop index if exists ix_complaint_unrolled;
alter table complaint drop column stats_rolled;
