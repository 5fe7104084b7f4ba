-- 000-A6: the factory basic-information profile (验厂基本信息表 / Facility Profile) of an audit, one per audit; a new
-- audit of the same counterpart is pre-filled from the last one. Printed in the audit report.
create table audit_factory_profile (
    audit_id              bigint         not null primary key references audit (id),
    company_name          varchar(200)   not null,
    address               varchar(500),
    legal_representative  varchar(100),
    employees_total       integer,
    employees_male        integer,
    employees_female      integer,
    employees_minor       integer,
    production_area_m2    numeric(12, 2),
    products              varchar(1000),
    certifications        varchar(1000),
    working_hours         varchar(500),
    shifts                integer,
    dormitory             boolean        not null default false,
    canteen               boolean        not null default false,
    csr_threshold         varchar(2000),
    version               bigint         not null default 0,
    updated_by            varchar(100)   not null,
    updated_at            timestamp with time zone not null
);
