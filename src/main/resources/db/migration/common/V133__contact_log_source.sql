-- A contact-log entry written from another module's event (a visit report) carries that record's key, so a repeated
-- delivery of the event adds no second entry. Typed entries have none (several nulls are allowed by both databases).
alter table contact_log add column source_key varchar(80);
create unique index ux_contact_log_source on contact_log (source_key);
