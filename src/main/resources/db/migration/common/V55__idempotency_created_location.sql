-- Where a create with an Idempotency-Key put its record, written in the create's own transaction: a crash after
-- that commit but before the response was stored no longer leaves the key answering 409 for ever.
alter table idempotency_record add column created_location varchar(500);
