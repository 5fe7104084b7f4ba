-- The survey managers are told once per period that no questionnaire has gone out in it yet (careloop.survey.cadence,
-- SurveyCadence): the period's first day marks that it was done, on whichever node ran the job first.
create table survey_cadence_alert (
    period_first date not null primary key,
    alerted_at   timestamp with time zone not null
);
