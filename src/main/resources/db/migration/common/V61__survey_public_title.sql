-- The survey's public title, what the customer reads on /s/{token} and in the mail instead of the internal
-- campaign name; one per language (zh-CN first; an empty one falls back to zh-CN, then to a generic title).
alter table survey_campaign add column public_title varchar(200);
alter table survey_campaign add column public_title_zh_tw varchar(200);
alter table survey_campaign add column public_title_en varchar(200);
