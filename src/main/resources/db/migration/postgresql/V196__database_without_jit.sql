-- ADR 0039: CareLoop's database runs its statements without JIT compilation. PostgreSQL compiles a statement whose
-- estimated cost passes jit_above_cost on every execution; at ten million requests that took 80-100 ms of a complaint
-- statistics statement that runs in 55 ms without it. A setting of this database only (new sessions take it, also a
-- PgBouncer's server connections; other databases on the server keep theirs). Setting it needs the database's owner
-- or a superuser: without that privilege the migration notes it and goes on (docs/deployment.md says how to set it).
do $$
begin
  execute format('alter database %I set jit = off', current_database());
exception when insufficient_privilege then
  raise notice 'jit stays as the server has it: % may not change the settings of database %', current_user,
    current_database();
end
$$;
