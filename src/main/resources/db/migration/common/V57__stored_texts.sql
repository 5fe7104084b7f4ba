-- Texts a user reads are stored as a message code and its arguments (JSON, see com.careloop.platform.Text) and
-- rendered at view time in the reader's language. The old literal columns stay: rows from before keep showing
-- them, new rows keep a zh-CN rendering there for anything that reads the column directly.
alter table notification add column title_text varchar(20000);
alter table notification add column body_text varchar(20000);

alter table complaint_event add column note_text varchar(20000);
alter table capa_event add column note_text varchar(20000);
alter table service_request_event add column note_text varchar(20000);
alter table callback_task_event add column note_text varchar(20000);
alter table claim_timeline add column note_text varchar(20000);
