-- issue 18 (000-A1): the person responsible for a checklist item on one audit (the division of the CSR content among
-- the system interface staff), beside the item's department; set while preparing, shown on readiness and on site.
create table audit_item_owner (
    audit_id     bigint        not null references audit (id),
    item_id      bigint        not null,
    user_id      bigint        not null,
    assigned_by  varchar(100)  not null,
    assigned_at  timestamp with time zone not null,
    primary key (audit_id, item_id)
);
create index ix_audit_item_owner_user on audit_item_owner (user_id);
