-- The review matrix's default (issue 16: "the seeds' matrix as the default", with a reset): each approval chain keeps
-- the stages it was seeded with; a chain never edited (version 0) still holds exactly its seeds.
alter table approval_chain add column default_stages varchar(20000);
update approval_chain set default_stages = stages where version = 0;

-- The change kind -> review aspect table (V98) gets a version for its editor (stale -> 409) and who last saved it.
create table contract_change_matrix (
    id               integer not null primary key,
    version          bigint  not null default 0,
    updated_at       timestamp with time zone not null,
    updated_by_name  varchar(200)
);
insert into contract_change_matrix (id, version, updated_at) values (1, 0, current_timestamp);
