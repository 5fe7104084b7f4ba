-- Complaints and claims feed the failure intake (besides field-service reports) with the facts their closing event
-- carries; the classify form starts from them. Nullable: a field-service report brings findings only.
alter table failure_intake add column product varchar(200);
alter table failure_intake add column failed_on date;
alter table failure_intake add column cause varchar(2000);
alter table failure_intake add column action_taken varchar(2000);
