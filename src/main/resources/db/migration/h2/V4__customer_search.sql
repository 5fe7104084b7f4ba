-- H2 has no trigram index; partial-match search there scans (fine for development data sizes).
create index ix_customer_room on customer (room);
