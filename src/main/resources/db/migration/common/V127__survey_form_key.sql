-- The key of the public survey form's nonce when careloop.survey.form-secret is not set: drawn by the first node
-- that needs it and read by every other, so a form rendered on one node may be posted to another (ADR 0021).
CREATE TABLE survey_form_key (
    id     SMALLINT NOT NULL PRIMARY KEY,
    secret BYTEA    NOT NULL
);
