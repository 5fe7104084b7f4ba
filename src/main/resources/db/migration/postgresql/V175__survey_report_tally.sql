-- The survey report (SurveyReports, issue 21 §3) counted a campaign's answers per (item, rating) and its responses
-- per respondent class on every call, and its trend did the same for up to five earlier campaigns of the template:
-- six campaigns of 50,000 responses meant 3,000,000 answers and 300,000 responses aggregated per report.
-- Instead two tallies, one row per (campaign, item, rating) and per (campaign, respondent class), kept by
-- statement-level triggers: a submission's insert adds its answers to the 10-40 rows of its campaign; a bulk
-- INSERT ... SELECT adds its whole batch in one grouped upsert; an update (a fault confirmed or withdrawn, a class
-- recomputed) takes the old rows off and adds the new ones; a delete takes them off. The report reads the tallies.
-- The rows are upserted in key order, so two submissions of one campaign lock them in the same order (no deadlock);
-- a second submission waits for the first one's commit on the rows they share (surveys are answered a few a second
-- at most; ADR 0035). PostgreSQL only: H2 sites are small and the report counts the answers directly there.
create table survey_answer_tally (
    campaign_id bigint   not null,
    item_id     bigint   not null,
    rating      smallint not null,
    answers     bigint   not null,
    primary key (campaign_id, item_id, rating)
);

create table survey_response_tally (
    campaign_id      bigint  not null,
    respondent_class char(1) not null,
    responses        bigint  not null,
    normalised_sum   numeric not null,  -- sum of survey_response.normalised (the SCORE method's mean)
    opinions         bigint  not null,  -- responses with an opinion
    faults           bigint  not null,  -- responses whose opinion is confirmed as the company's fault
    primary key (campaign_id, respondent_class)
);

create or replace function careloop_survey_answer_tally() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update survey_answer_tally t set answers = t.answers - g.n
        from (select campaign_id, item_id, rating, count(*) n from old_rows group by campaign_id, item_id, rating) g
        where t.campaign_id = g.campaign_id and t.item_id = g.item_id and t.rating = g.rating;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into survey_answer_tally (campaign_id, item_id, rating, answers)
        select campaign_id, item_id, rating, count(*) from new_rows group by campaign_id, item_id, rating
        order by campaign_id, item_id, rating
        on conflict (campaign_id, item_id, rating) do update set answers = survey_answer_tally.answers + excluded.answers;
    end if;
    return null;
end $$;

create trigger survey_answer_tally_insert after insert on survey_answer
    referencing new table as new_rows for each statement execute function careloop_survey_answer_tally();
create trigger survey_answer_tally_update after update on survey_answer
    referencing old table as old_rows new table as new_rows for each statement execute function careloop_survey_answer_tally();
create trigger survey_answer_tally_delete after delete on survey_answer
    referencing old table as old_rows for each statement execute function careloop_survey_answer_tally();

create or replace function careloop_survey_response_tally() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update survey_response_tally t set responses = t.responses - g.n, normalised_sum = t.normalised_sum - g.s,
               opinions = t.opinions - g.o, faults = t.faults - g.f
        from (select campaign_id, respondent_class, count(*) n, sum(normalised) s, count(opinion) o,
                     sum(case when fault_confirmed then 1 else 0 end) f
              from old_rows group by campaign_id, respondent_class) g
        where t.campaign_id = g.campaign_id and t.respondent_class = g.respondent_class;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into survey_response_tally (campaign_id, respondent_class, responses, normalised_sum, opinions, faults)
        select campaign_id, respondent_class, count(*), sum(normalised), count(opinion),
               sum(case when fault_confirmed then 1 else 0 end)
        from new_rows group by campaign_id, respondent_class order by campaign_id, respondent_class
        on conflict (campaign_id, respondent_class) do update set
            responses = survey_response_tally.responses + excluded.responses,
            normalised_sum = survey_response_tally.normalised_sum + excluded.normalised_sum,
            opinions = survey_response_tally.opinions + excluded.opinions,
            faults = survey_response_tally.faults + excluded.faults;
    end if;
    return null;
end $$;

create trigger survey_response_tally_insert after insert on survey_response
    referencing new table as new_rows for each statement execute function careloop_survey_response_tally();
create trigger survey_response_tally_update after update on survey_response
    referencing old table as old_rows new table as new_rows for each statement execute function careloop_survey_response_tally();
create trigger survey_response_tally_delete after delete on survey_response
    referencing old table as old_rows for each statement execute function careloop_survey_response_tally();

-- The starting point: the answers and responses recorded so far.
insert into survey_answer_tally (campaign_id, item_id, rating, answers)
select campaign_id, item_id, rating, count(*) from survey_answer group by campaign_id, item_id, rating;

insert into survey_response_tally (campaign_id, respondent_class, responses, normalised_sum, opinions, faults)
select campaign_id, respondent_class, count(*), sum(normalised), count(opinion),
       sum(case when fault_confirmed then 1 else 0 end)
from survey_response group by campaign_id, respondent_class;

-- The report's newest opinions (at most 1,000 of a campaign, newest first) without reading its other responses.
create index ix_survey_response_opinions on survey_response (campaign_id, answered_at desc, id desc)
    where opinion is not null;
