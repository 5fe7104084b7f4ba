-- The keeping department's decision on a sealed sample (extend, reseal, dispose: 封样保管处置) has its own permission
-- sample:keep (SamplePermissions.KEEP) instead of sample:inspect. Installs that started before it keep their behaviour:
-- every role that may inspect samples may now also keep them (a new install gets the default grants at first start).
insert into role_permission (role_id, permission)
select rp.role_id, 'sample:keep' from role_permission rp
where rp.permission = 'sample:inspect'
  and not exists (select 1 from role_permission k where k.role_id = rp.role_id and k.permission = 'sample:keep');
