-- 002-A16: production reports that the company cannot meet a production task notice (生产任务通知单); sales records the
-- agreement reached with the customer and a new revision of the notice is issued with the agreed date/quantity.
alter table contract_production_notice add column revision_of bigint;
alter table contract_production_notice add column shortfall_reason varchar(2000);
alter table contract_production_notice add column shortfall_date date;
alter table contract_production_notice add column shortfall_quantity numeric(18, 3);
alter table contract_production_notice add column shortfall_by_name varchar(100);
alter table contract_production_notice add column shortfall_at timestamp with time zone;
alter table contract_production_notice add column agreed_method varchar(20);
alter table contract_production_notice add column agreed_on date;
alter table contract_production_notice add column agreed_with varchar(200);
alter table contract_production_notice add column agreed varchar(2000);
alter table contract_production_notice add column revised_by bigint;
