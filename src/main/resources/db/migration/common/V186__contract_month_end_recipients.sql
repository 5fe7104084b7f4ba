-- Seed 002-A12: who receives the month-end distribution of contracts (the sales manager's originals, finance's copy)
-- as data an administrator edits on /admin/contract-month-end. Each list is the ordered holders KIND:REF, one a line
-- (DEPARTMENT, DEPARTMENT_HEAD, POSITION, USER); the first naming an active person is used. No row: the configuration
-- careloop.contract.month-end.sales-manager / .finance is the value (the initial default).
create table contract_month_end_setting (
    id              integer       not null primary key,
    sales_manager   varchar(2000) not null,
    finance         varchar(2000) not null,
    version         bigint        not null,
    updated_at      timestamp with time zone not null,
    updated_by_name varchar(100)  not null,
    constraint ck_contract_month_end_setting_one check (id = 1)
);
