-- Issue 14 §7: which years of a calendar have their national holiday schedule (loaded from db/holidays/cn-YYYY.csv
-- at start-up, or imported on the calendar page), so a shipped file is loaded once and never again over an
-- administrator's edits; and the yearly reminder that next year's schedule is missing, sent once per year.
create table calendar_schedule_year (
    calendar_id  bigint       not null references business_calendar (id),
    cal_year     integer      not null,
    source       varchar(200) not null,
    loaded_at    timestamp with time zone not null,
    primary key (calendar_id, cal_year)
);

create table holiday_schedule_reminder (
    cal_year  integer primary key,
    sent_at   timestamp with time zone not null
);
