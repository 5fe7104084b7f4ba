-- Survey campaigns, part 2 (sending): what V40 does not hold yet.
-- survey_campaign: the default channel, the distributors taken in full, the rate before the supplementary round
-- (a snapshot taken when the round goes out) and the last reminder (reminders at most once a day).
alter table survey_campaign add column default_channel varchar(20) not null default 'EMAIL';
alter table survey_campaign add column in_full_count int;
-- the strata of the last draw as JSON [{key, population, sample}], for the preview
alter table survey_campaign add column strata varchar(4000);
alter table survey_campaign add column before_sent int;
alter table survey_campaign add column before_answered int;
alter table survey_campaign add column reminded_at timestamp with time zone;
-- survey_invitation: the state of its last e-mail (PENDING | SENT | FAILED) so a failed mail shows and can be resent.
alter table survey_invitation add column mail_status varchar(10);
alter table survey_invitation add column mail_error varchar(500);
alter table survey_invitation add column mail_sent_at timestamp with time zone;
create index ix_survey_invitation_customer on survey_invitation (customer_id);
