-- Database size at ten million requests (issue 21 §3, docs/BENCHMARKS.md "Database size at ten million"), PostgreSQL.
-- The partial index of the unrolled complaints (V54) keeps the pages of every complaint it ever held: the statistics
-- roll-up's first run over existing data marks nearly every complaint rolled (two million on the bench), and the
-- index stays at its largest (293 MB at two million complaints, 31,485 of its 35,756 pages empty) while it holds a
-- few thousand. Rebuilt once (1.4 s at two million; it reads the table once): 1.7 MB. Later runs mark a few hundred
-- complaints at a time and vacuum reuses their pages.
reindex index ix_complaint_unrolled;
