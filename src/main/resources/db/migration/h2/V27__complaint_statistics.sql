-- Complaint statistics (H2): the complaints of a period in receipt order (PostgreSQL has a covering index).
create index if not exists ix_complaint_stats on complaint (received_at);
