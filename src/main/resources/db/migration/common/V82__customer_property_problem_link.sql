-- The customer's decision on a customer property problem report (顾客财产问题报告单) through a personal link without
-- login: the SHA-256 of the link's token (the token itself is never stored), its last valid day, and how the decision
-- came (STAFF recorded it, or the customer through the LINK).
alter table customer_property_problem add column link_token_hash varchar(64);
alter table customer_property_problem add column link_expires_on date;
alter table customer_property_problem add column decided_via varchar(10);
create unique index ux_customer_property_problem_link on customer_property_problem (link_token_hash);
