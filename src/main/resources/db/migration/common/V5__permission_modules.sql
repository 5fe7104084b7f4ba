-- Which modules' default grants have been given to the built-in roles: each module's defaults are
-- applied once, when it first starts, so an administrator's later edits are never undone.
create table permission_module (
    module      varchar(50) primary key,
    granted_at  timestamp with time zone not null
);
