-- Contract review, issue 16: the general manager's step for changes of major contracts (same rule as the contract's:
-- total above careloop.contract.major-threshold, before or after the change, or any special contract when
-- careloop.contract.special-is-major). The change waits for the GM after its countersign (countersigned_at set).
alter table contract_change add column major boolean default false not null;
alter table contract_change add column countersigned_at timestamp with time zone;
alter table contract_change add column gm_by_name varchar(100);
alter table contract_change add column gm_at timestamp with time zone;
