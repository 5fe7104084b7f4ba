-- The sample register filtered by status (issue 17, PropertyBench: status=SENT as a department head p95 80 ms, goal 50).
-- A status filter lists the current round of each sample in that status, newest round first. With only
-- (status, id) the database collected every sample in the status (4,000 SENT of 200,000) and probed each one's round
-- before it could sort by the round's id (20,012 buffers): the department head's data-scope "or" over four department
-- columns makes the planner expect a few hundred rows, so it never walks instead. The sample now carries the id of
-- its current round (kept by the service after every step that opens a round: the notice, a failed inspection, a
-- rejection), and (status, current_round_id) gives the register's order directly: the page walks that index
-- backwards and stops when it is full (PropertySearchPlanTest). No foreign key: sample_round already refers to sample.
-- Portable between H2 and PostgreSQL.
alter table sample add column current_round_id bigint;
update sample set current_round_id = (select r.id from sample_round r
                                      where r.sample_id = sample.id and r.round_no = sample.round_no);
create index ix_sample_status_round on sample (status, current_round_id);
