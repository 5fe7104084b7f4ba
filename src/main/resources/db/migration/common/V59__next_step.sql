-- Dispatch suggests the department from the request's category (派工建议); an administrator sets it per category.
alter table service_category add column default_department_id bigint references department (id);

-- A complaint verified before its corrective actions are done keeps the recorded reason (提前验证的理由).
alter table complaint add column verified_early_reason varchar(2000);
