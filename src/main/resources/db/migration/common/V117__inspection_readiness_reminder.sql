-- Readiness reminders (issue 18): the department's people are notified once when the readiness check date of an
-- open task comes near (InspectionRules.readinessReminderOn); the claim of this column makes it once per cluster.
alter table audit_readiness add column reminded_at timestamp with time zone;
