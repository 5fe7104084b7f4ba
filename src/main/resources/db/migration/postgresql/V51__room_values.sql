-- Room fragments ("12-05", "3栋12") in the keyword searches of customers and the service desk (PostgreSQL only;
-- docs/customers.md "How search works", docs/servicedesk.md "Keyword search").
-- A fragment matches a few room values shared by many rows (every request of flat 12-0501), so the trigram index
-- over the rows hands back every one of them and each is read from the table before the newest page can be
-- kept: a thousand random page reads for "12-05" in a million requests. Instead the search finds the matching
-- room values in a table of the distinct values (its own trigram index), then walks (room, id) backwards per
-- value, newest first. A trigger keeps the values: every room written is added (values no row uses any more stay
-- and match nothing).
create table if not exists customer_room_value (room varchar(50) primary key);
create table if not exists service_request_room_value (unit_room varchar(60) primary key);

create or replace function customer_room_value_add() returns trigger language plpgsql as $$
begin
    if new.room is not null then
        insert into customer_room_value (room) values (new.room) on conflict do nothing;
    end if;
    return null;
end;
$$;

create or replace function service_request_room_value_add() returns trigger language plpgsql as $$
begin
    if new.unit_room is not null then
        insert into service_request_room_value (unit_room) values (new.unit_room) on conflict do nothing;
    end if;
    return null;
end;
$$;

drop trigger if exists customer_room_value_add on customer;
create trigger customer_room_value_add after insert or update of room on customer
    for each row execute function customer_room_value_add();
drop trigger if exists service_request_room_value_add on service_request;
create trigger service_request_room_value_add after insert or update of unit_room on service_request
    for each row execute function service_request_room_value_add();

insert into customer_room_value (room) select distinct room from customer where room is not null on conflict do nothing;
insert into service_request_room_value (unit_room)
    select distinct unit_room from service_request where unit_room is not null on conflict do nothing;

create index if not exists ix_customer_room_value_trgm on customer_room_value using gin (room gin_trgm_ops);
create index if not exists ix_sr_room_value_trgm on service_request_room_value using gin (unit_room gin_trgm_ops);
create index if not exists ix_customer_room_id on customer (room, id);
create index if not exists ix_sr_room_id on service_request (unit_room, id);
-- the row-level room indexes the search no longer asks (the room = :q and 2-character paths use (room, id) and
-- the bigrams); fewer GIN entries to write per registration
drop index if exists ix_customer_room_trgm;
drop index if exists ix_sr_room_trgm;
drop index if exists ix_customer_room;
drop index if exists ix_sr_unit_room;
