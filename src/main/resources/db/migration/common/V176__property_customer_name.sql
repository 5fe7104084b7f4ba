-- The customer's name on the property register and the sample register, written at registration from the customer
-- module's published look-up (CustomerDirectory), as the complaint, claim and service-desk records keep theirs:
-- the property module no longer joins the customer module's table to show or search it.
alter table customer_property add column customer_name varchar(200);
alter table sample add column customer_name varchar(200);
update customer_property set customer_name = (select c.name from customer c where c.id = customer_property.customer_id);
update sample set customer_name = (select c.name from customer c where c.id = sample.customer_id);
