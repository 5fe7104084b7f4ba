-- How often a request was handed back to the center or re-assigned inside its department. First-contact
-- resolution (completed by the first handler, never handed on, never re-opened) reads it from the row, so a year's
-- statistics need no look-up of every request's timeline.
alter table service_request add column handover_count integer default 0 not null;

update service_request set handover_count = (
    select count(*) from service_request_event e
    where e.request_id = service_request.id and e.kind in ('HANDED_BACK', 'REASSIGNED'))
where id in (select e.request_id from service_request_event e where e.kind in ('HANDED_BACK', 'REASSIGNED'));
