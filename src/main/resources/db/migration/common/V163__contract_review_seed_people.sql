-- Seeds 001-A1, 001-C5, 001-C6, 001-C9: the default review matrix follows the seeds' people.
-- 001-A1 市场部 organises (sales signs quantity/price/payment), 研发部 design/process (TECH), 质量部 quality and
-- inspection incl. testing capability (QA), 生产部 manufacturing and purchasing (PROD, PURCH), 财务部 + 市场部 price and
-- risk (FIN, SALES), 总经理 approves major contracts (chain contract.major, unchanged).
-- 001-C5 a regular contract not in stock: production reviews capacity/date/material, then the sales vice general manager
-- (销售副总经理, position SALES_VP) signs — a second stage after the departments (001-C9 副总经理签订合同).
-- 001-C6 a special contract adds the chief engineer (总工程师, position CHIEF_ENGINEER: design capability and statutory
-- requirements) to the countersign and is signed by the vice general manager in charge (SALES_VP).
-- Positions are administrable data (/admin/positions): added here for every installation when missing (the demo data
-- adds them too). A chain an administrator edited (version > 0) keeps its stages; every chain's default (恢复默认) becomes
-- the seeds' matrix. Regular contracts in stock (001-C4) have their own chain contract.REGULAR_IN_STOCK (V162).
insert into job_position (code, name_zh_cn, name_zh_tw, name_en, sort_order, built_in, created_at, updated_at)
select 'SALES_VP', '销售副总经理', '銷售副總經理', 'Sales vice general manager', 200, false, current_timestamp, current_timestamp
where not exists (select 1 from job_position where code = 'SALES_VP');
insert into job_position (code, name_zh_cn, name_zh_tw, name_en, sort_order, built_in, created_at, updated_at)
select 'CHIEF_ENGINEER', '总工程师', '總工程師', 'Chief engineer', 210, false, current_timestamp, current_timestamp
where not exists (select 1 from job_position where code = 'CHIEF_ENGINEER');

update approval_chain set stages = '[{"mode":"ALL_OF","steps":[{"kind":"DEPARTMENT","ref":"SALES","deadlineDays":1,"aspect":"contract.aspect.QUANTITY_PRICE_PAYMENT"},{"kind":"DEPARTMENT","ref":"PROD","deadlineDays":1,"aspect":"contract.aspect.CAPACITY_DELIVERY"}]},{"mode":"ANY_OF","steps":[{"kind":"POSITION","ref":"SALES_VP","deadlineDays":1,"aspect":"contract.aspect.VICE_GM_SIGNOFF"}]}]'
 where code = 'contract.REGULAR' and version = 0;
update approval_chain set default_stages = '[{"mode":"ALL_OF","steps":[{"kind":"DEPARTMENT","ref":"SALES","deadlineDays":1,"aspect":"contract.aspect.QUANTITY_PRICE_PAYMENT"},{"kind":"DEPARTMENT","ref":"PROD","deadlineDays":1,"aspect":"contract.aspect.CAPACITY_DELIVERY"}]},{"mode":"ANY_OF","steps":[{"kind":"POSITION","ref":"SALES_VP","deadlineDays":1,"aspect":"contract.aspect.VICE_GM_SIGNOFF"}]}]'
 where code = 'contract.REGULAR';
update approval_chain set stages = '[{"mode":"ALL_OF","steps":[{"kind":"DEPARTMENT","ref":"SALES","deadlineDays":1,"aspect":"contract.aspect.QUANTITY_PRICE_PAYMENT"},{"kind":"DEPARTMENT","ref":"TECH","deadlineDays":1,"aspect":"contract.aspect.STANDARDS_PARAMETERS"},{"kind":"POSITION","ref":"CHIEF_ENGINEER","deadlineDays":1,"aspect":"contract.aspect.DESIGN_STATUTORY"},{"kind":"DEPARTMENT","ref":"PROD","deadlineDays":1,"aspect":"contract.aspect.PROCESS_CAPABILITY"},{"kind":"DEPARTMENT","ref":"QA","deadlineDays":1,"aspect":"contract.aspect.INSPECTION_ACCEPTANCE"},{"kind":"DEPARTMENT","ref":"PURCH","deadlineDays":1,"aspect":"contract.aspect.MATERIALS"},{"kind":"DEPARTMENT","ref":"PROD","deadlineDays":1,"aspect":"contract.aspect.CAPACITY_DELIVERY"},{"kind":"DEPARTMENT","ref":"FIN","deadlineDays":1,"aspect":"contract.aspect.PAYMENT_CREDIT"}]},{"mode":"ANY_OF","steps":[{"kind":"POSITION","ref":"SALES_VP","deadlineDays":1,"aspect":"contract.aspect.VICE_GM_SIGNOFF"}]}]'
 where code = 'contract.SPECIAL' and version = 0;
update approval_chain set default_stages = '[{"mode":"ALL_OF","steps":[{"kind":"DEPARTMENT","ref":"SALES","deadlineDays":1,"aspect":"contract.aspect.QUANTITY_PRICE_PAYMENT"},{"kind":"DEPARTMENT","ref":"TECH","deadlineDays":1,"aspect":"contract.aspect.STANDARDS_PARAMETERS"},{"kind":"POSITION","ref":"CHIEF_ENGINEER","deadlineDays":1,"aspect":"contract.aspect.DESIGN_STATUTORY"},{"kind":"DEPARTMENT","ref":"PROD","deadlineDays":1,"aspect":"contract.aspect.PROCESS_CAPABILITY"},{"kind":"DEPARTMENT","ref":"QA","deadlineDays":1,"aspect":"contract.aspect.INSPECTION_ACCEPTANCE"},{"kind":"DEPARTMENT","ref":"PURCH","deadlineDays":1,"aspect":"contract.aspect.MATERIALS"},{"kind":"DEPARTMENT","ref":"PROD","deadlineDays":1,"aspect":"contract.aspect.CAPACITY_DELIVERY"},{"kind":"DEPARTMENT","ref":"FIN","deadlineDays":1,"aspect":"contract.aspect.PAYMENT_CREDIT"}]},{"mode":"ANY_OF","steps":[{"kind":"POSITION","ref":"SALES_VP","deadlineDays":1,"aspect":"contract.aspect.VICE_GM_SIGNOFF"}]}]'
 where code = 'contract.SPECIAL';
