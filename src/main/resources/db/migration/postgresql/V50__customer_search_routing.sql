-- Customer keyword search, second pass (docs/customers.md "How search works"; BENCHMARKS.md issue 3).
-- Names of 3 or more characters go through trigrams instead of character bigrams: a fragment with digits
-- ("联系人1024…", a phone typed into the search box) made the bigram look-up intersect a handful of
-- posting lists of 60,000+ entries each (every contact name with those digit pairs); its trigrams are
-- a hundred times rarer. 2-character names keep the bigram indexes of V4.
create index if not exists ix_customer_name_trgm on customer using gin (lower(name) gin_trgm_ops);
create index if not exists ix_contact_name_trgm on customer_contact using gin (lower(name) gin_trgm_ops);
