-- The per-address limiters shared by all nodes (careloop.ratelimit.shared, issue 19 §4): one row per limiter and
-- client address holding the current window's start and the hits counted in it. A hit is one conditional update
-- (hits < max within the window), so concurrent nodes never let more than the budget through.
create table address_hit (
    limiter       varchar(40)  not null,
    address       varchar(100) not null,
    window_start  timestamp with time zone not null,
    hits          integer      not null,
    primary key (limiter, address)
);
create index address_hit_window on address_hit (window_start);
