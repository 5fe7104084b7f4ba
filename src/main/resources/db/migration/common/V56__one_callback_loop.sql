-- One callback loop (issue 14 §2): one satisfaction scale and one record of a callback, whichever page it is made on.

-- The request page's callback before close used a two-value scale (SATISFIED / UNSATISFIED); it now uses the
-- callback desk's five-value scale (com.careloop.platform.Satisfaction). SATISFIED stays SATISFIED, UNSATISFIED
-- becomes DISSATISFIED (the first value that needs a follow-up, which an unsatisfied callback always had).
alter table service_request add column callback_satisfaction varchar(20);
update service_request set callback_satisfaction = case callback_outcome
    when 'SATISFIED' then 'SATISFIED'
    when 'UNSATISFIED' then 'DISSATISFIED' end
where callback_outcome is not null;
alter table service_request drop column callback_outcome;

-- The callback record the callback module keeps of the request's latest callback (told by that module).
alter table service_request add column callback_record_id bigint;
alter table service_request add column callback_record_code varchar(30);

-- A callback made on the request page is a callback task (record) too: a request without a customer archive is
-- called back as well, and the record says which round of the request's work (1, +1 per re-open) it covers, so
-- the plan does not generate a task for a round whose callback is done.
alter table callback_task alter column customer_id drop not null;
alter table callback_task add column covers_round integer;
create index callback_task_source on callback_task (source_type, source_id);
