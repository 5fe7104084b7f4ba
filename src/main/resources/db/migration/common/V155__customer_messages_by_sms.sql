-- Customer messages by channel (issue 19 §3): a survey invitation can be sent as an SMS with the personal link
-- (channel SMS); the number it was sent to is kept on the invitation (as the e-mail address is for EMAIL), so a
-- reminder, the supplementary round and a resend reach the same phone. The delivery outcome uses the existing
-- mail_status / mail_error / mail_sent_at columns. (The progress link's token lives in customer_link.)
alter table survey_invitation add column phone varchar(40);
