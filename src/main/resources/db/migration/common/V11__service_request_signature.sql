-- The customer's sign-off signature image (optional), kept apart so request reads never load it.
create table service_request_signature (
    request_id    bigint       primary key references service_request (id),
    content_type  varchar(40)  not null,
    image         bytea        not null,
    signed_at     timestamp with time zone not null
);
