-- Customer property register search at 500,000 items (issue 17, PropertyBench): a storage-location fragment that
-- is rare or names no location (A-05 in the bench) went through the trigram index of V114, which cannot tell "a-05"
-- from every location holding "05" (a one-letter word has no trigram of its own) and rechecked 55,556 rows to find
-- none. The register now reads the distinct locations by a skip scan of this index (one probe per location), keeps
-- those matching the fragment, and takes their items through the same index, exactly (TextMatches.distinctMatching).
create index ix_customer_property_location_lower on customer_property (lower(storage_location));
