-- The days after which a department is reminded of a customer document's copy it has not confirmed (V182's daily
-- reminder, careloop.property.confirmation-reminder-days) are on the register's settings page (property:configure).
-- Null in a row saved before (then application.yml's value holds, as for the whole row until first saved).
alter table customer_property_settings add column confirmation_reminder_days int;
