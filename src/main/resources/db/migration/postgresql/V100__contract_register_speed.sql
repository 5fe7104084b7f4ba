-- Contract register search and the review inbox at 200,000 contracts / 1,000,000 review tasks (issue 16 benchmark,
-- docs/BENCHMARKS.md): partial-match search on our number, the customer's number and the customer name uses
-- trigram indexes (pg_trgm from V4) on exactly the expressions ContractSearch filters on; the approval inbox
-- ("my open tasks") starts from the few open tasks instead of every task a reviewer was ever a candidate for.
create index ix_contract_number_trgm on contract using gin (lower(number) gin_trgm_ops);
create index ix_contract_customer_number_trgm on contract using gin (lower(coalesce(customer_number, '')) gin_trgm_ops);
create index ix_contract_customer_name_trgm on contract using gin (lower(customer_name) gin_trgm_ops);
create index ix_approval_task_open on approval_task (id) where status = 'OPEN';
