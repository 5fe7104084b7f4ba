-- H2 has no trigram index; keyword search there scans (fine for development data sizes).
create index ix_sr_unit_room on service_request (unit_room);
