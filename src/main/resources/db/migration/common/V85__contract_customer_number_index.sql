-- The complaint form's contract/order number links to the register entry: looked up by our number (unique) or by
-- the customer's number.
create index ix_contract_customer_number on contract (customer_number);
