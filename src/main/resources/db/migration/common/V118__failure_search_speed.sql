-- Product failure history search at 1,000,000 rows (issue 20, p95 ≤ 50 ms). The recurrence flag of a page's rows
-- counted every failure of the page's products in the last 12 months (~25,000 rows per page when the page names ~50
-- products). It now reads a per-month rollup kept on write (≤ 12 rows per product+mode) plus the base rows of the two
-- partial months at the window's edges, so the rule stays exact to the day. Portable between H2 and PostgreSQL.

create table failure_month (
    product      varchar(200) not null,
    mode_code    varchar(40)  not null,
    month_start  date         not null,
    failures     bigint       not null,
    last_on      date         not null,
    primary key (product, mode_code, month_start)
);
create index ix_failure_month_month on failure_month (month_start);

insert into failure_month (product, mode_code, month_start, failures, last_on)
select product, mode_code, cast(date_trunc('month', failed_on) as date), count(*), max(failed_on)
from product_failure
group by product, mode_code, cast(date_trunc('month', failed_on) as date);

-- Indexes for the filter shapes with the keyset order (failed_on desc, id desc) or (product, id).
drop index ix_failure_product_mode;
create index ix_failure_product_mode on product_failure (product, mode_code, failed_on, id);
create index ix_failure_product_id on product_failure (product, id);
create index ix_failure_batch on product_failure (batch_no);
