-- The block ranges of the request ids (issue 21 §3, docs/BENCHMARKS.md "phone tail at ten million"): a keyword whose
-- matches are few but spread (a phone's last four digits also matches numbers in descriptions: 8,386 of '1900' at ten
-- million requests) read every match's heap page through the trigram index (5,939 pages, 85 ms) to keep the newest
-- 51. ServiceRequestQueries first asks for the matches among the newest ids the density says hold a page; this
-- index lets PostgreSQL intersect the keyword's index with that id range (BitmapAnd) before reading the heap (631
-- pages, 30 ms). Ids grow with the heap's order, so a block range is a narrow id range; the index is ~150 kB.
create index ix_sr_id_brin on service_request using brin (id);
