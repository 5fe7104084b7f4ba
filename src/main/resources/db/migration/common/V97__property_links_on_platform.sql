-- Customer property problem links move to the platform's customer_link (V96): the token hash and last day of every
-- issued link are carried over (an answered one is marked answered, so it cannot be used again); the problem keeps
-- link_expires_on for the staff view.
insert into customer_link (purpose, record_id, token_hash, expires_on, issued_at, answered_at)
select 'customer-property-problem', id, link_token_hash, link_expires_on, updated_at,
       case when decided_via = 'LINK' then updated_at end
from customer_property_problem
where link_token_hash is not null and link_expires_on is not null;

drop index ux_customer_property_problem_link;
alter table customer_property_problem drop column link_token_hash;
