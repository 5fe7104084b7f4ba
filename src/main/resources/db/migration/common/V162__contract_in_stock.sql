-- Seed 001-C4 (一般合同，有库存): a regular contract whose goods are in stock needs no countersign — the salesperson
-- writes product, model, quantity and price on the issue slip (出库单) and the warehouse keeper's signature is the
-- review. The flag on the contract, the position 仓库保管员 (administrable data, /admin/positions) and the chain
-- contract.REGULAR_IN_STOCK (one step for the position; editable on /admin/approval-chains, its default recorded).
alter table contract add column in_stock boolean default false not null;

insert into job_position (code, name_zh_cn, name_zh_tw, name_en, sort_order, built_in, created_at, updated_at)
select 'WAREHOUSE_KEEPER', '仓库保管员', '倉庫保管員', 'Warehouse keeper', 240, false, current_timestamp, current_timestamp
where not exists (select 1 from job_position where code = 'WAREHOUSE_KEEPER');

insert into approval_chain (code, name_code, stages, default_stages, version, updated_at)
select 'contract.REGULAR_IN_STOCK', 'approvals.chain.contract.REGULAR_IN_STOCK',
 '[{"mode":"ANY_OF","steps":[{"kind":"POSITION","ref":"WAREHOUSE_KEEPER","deadlineDays":1,"aspect":"contract.aspect.STOCK_ISSUE"}]}]',
 '[{"mode":"ANY_OF","steps":[{"kind":"POSITION","ref":"WAREHOUSE_KEEPER","deadlineDays":1,"aspect":"contract.aspect.STOCK_ISSUE"}]}]',
 0, current_timestamp
where not exists (select 1 from approval_chain where code = 'contract.REGULAR_IN_STOCK');
