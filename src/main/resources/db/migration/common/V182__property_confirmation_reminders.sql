-- Reminders for open copy confirmations (docs/customer-property.md): a department that leaves the receipt or the
-- return/destruction of a customer document's copy (V172) open for careloop.property.confirmation-reminder-days is
-- reminded once by the daily job; reminded_at is its claim (a racing run, or a second node, claims none twice).
alter table customer_property_copy_ack add column reminded_at timestamp with time zone;
create index ix_customer_property_copy_ack_open on customer_property_copy_ack (confirmed_at, reminded_at, requested_at);
