-- The reminder day of a new-product node (remind_on, V102) now also notifies the owner department once (bell and
-- e-mail), not only the inbox line: reminded_at claims the node, so a second run or another node never tells twice.
alter table product_development_node add column reminded_at timestamp with time zone;

-- The customer property register's settings page (property:configure): one row, absent until first saved (then
-- application.yml's careloop.property.* values no longer hold for these four).
create table customer_property_settings (
    id                          int          primary key,
    inspection_months           int          not null,
    inspection_working_days     int          not null,
    inspection_reminder_days    int          not null,
    decision_task_working_days  int          not null,
    version                     bigint       not null default 0,
    updated_by                  varchar(100),
    updated_at                  timestamp with time zone,
    constraint ck_customer_property_settings_one check (id = 1)
);
