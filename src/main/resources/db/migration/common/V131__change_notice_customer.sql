-- The customer's confirmation of a change notice (合同变更通知单): sent through a personal link (platform
-- customer_link), answered without login — confirmed, or a comment — and recorded on the change with its time.
create table contract_change_customer (
    change_id        bigint       not null primary key references contract_change (id),
    contract_id      bigint       not null,
    link_id          bigint,
    expires_on       date,
    mailed_to        varchar(200),
    language         varchar(10)  not null,
    answer           varchar(20),
    note             varchar(2000),
    answered_at      timestamp with time zone,
    sent_by_name     varchar(200) not null,
    sent_at          timestamp with time zone not null
);
