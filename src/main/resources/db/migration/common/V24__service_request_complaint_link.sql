-- 销单 unsatisfied -> complaint: the request remembers when it was turned into a complaint and, once the
-- complaint module has received it (or a COMPLAINT-type request was handed over), the complaint it became.
-- The desk never reads the complaint tables: the complaint module tells the desk through ServiceDesk.linkComplaint.
alter table service_request add column turned_into_complaint_at timestamp with time zone;
alter table service_request add column complaint_id bigint;
alter table service_request add column complaint_code varchar(30);
