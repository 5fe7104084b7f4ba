-- 000-A5: an audit's folder and a customer's checklist template can point into the company's document system (PDMC):
-- a reference (a path below the configured base URL, or a full http(s) address) shown as a link; no integration.
alter table audit add column document_ref varchar(500);
alter table checklist_template add column document_ref varchar(500);
