-- The platform's published read model of the organisation (ADR 0043). Other modules join these views where their
-- SQL needs a person's or a department's name, department or position (lists, filters, sorts, figures); they never
-- name app_user or department, whose other columns (password hash, lock-out, channel ids) are the platform's own.
-- The columns listed here are the contract: the platform may change its tables as long as the views keep them.
create view org_user as
select id, username, display_name, email, department_id, position, senior, active, locale from app_user;

create view org_department as
select id, code, name, parent_id, sort_order, active from department;
