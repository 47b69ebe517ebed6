-- A perception survey round: one administration's fieldwork under a programme, answering one questionnaire.
-- The questionnaire cannot change once a round uses it, so an answer names its question by position.
CREATE TABLE perception_surveys (
    id TEXT NOT NULL PRIMARY KEY,
    programme_id TEXT NOT NULL REFERENCES programmes (id),
    administration_id TEXT NOT NULL REFERENCES administrations (id),
    questionnaire_id TEXT NOT NULL REFERENCES questionnaires (id),
    label TEXT NOT NULL,
    fieldwork_starts_on TEXT NOT NULL,
    fieldwork_ends_on TEXT NOT NULL,
    respondent_count INTEGER NOT NULL,
    answer_count INTEGER NOT NULL,
    version INTEGER NOT NULL,
    CHECK (fieldwork_ends_on >= fieldwork_starts_on)
);

-- Trends read an administration's rounds in date order; the donor summary reads a programme's.
CREATE INDEX ix_perception_surveys_administration ON perception_surveys (administration_id, fieldwork_ends_on);
CREATE INDEX ix_perception_surveys_programme ON perception_surveys (programme_id, fieldwork_ends_on);
CREATE INDEX ix_perception_surveys_questionnaire ON perception_surveys (questionnaire_id);

-- Respondents are anonymous: a code from the fieldwork, their group and optional breakdowns, never a name.
-- number is their order of arrival in the round, and the short key their answers carry.
CREATE TABLE survey_respondents (
    survey_id TEXT NOT NULL REFERENCES perception_surveys (id),
    number INTEGER NOT NULL,
    code TEXT NOT NULL,
    respondent_group TEXT NOT NULL,
    service TEXT NULL,
    sex TEXT NULL,
    region TEXT NULL,
    PRIMARY KEY (survey_id, number),
    UNIQUE (survey_id, code),
    CHECK (respondent_group IN ('customs_official', 'private_sector')),
    CHECK (sex IN ('female', 'male'))
) WITHOUT ROWID;

-- One answer per respondent and question, as given (1 to 5); a blank is no row.
CREATE TABLE survey_answers (
    survey_id TEXT NOT NULL,
    respondent_number INTEGER NOT NULL,
    question_position INTEGER NOT NULL,
    answer INTEGER NOT NULL,
    PRIMARY KEY (survey_id, respondent_number, question_position),
    FOREIGN KEY (survey_id, respondent_number) REFERENCES survey_respondents (survey_id, number),
    CHECK (answer BETWEEN 1 AND 5)
) WITHOUT ROWID;

-- Per respondent and key factor, what scores need (after reversing): how many answers, how many favourable (4 or 5)
-- and their sum. Written with the answers in the same transaction, so scoring reads ~10 rows a respondent, not ~60.
CREATE TABLE survey_key_factor_answers (
    survey_id TEXT NOT NULL,
    respondent_number INTEGER NOT NULL,
    key_factor_code TEXT NOT NULL REFERENCES key_factors (code),
    answers INTEGER NOT NULL,
    favourable INTEGER NOT NULL,
    answer_total INTEGER NOT NULL,
    PRIMARY KEY (survey_id, respondent_number, key_factor_code),
    FOREIGN KEY (survey_id, respondent_number) REFERENCES survey_respondents (survey_id, number),
    CHECK (answers > 0 AND favourable BETWEEN 0 AND answers AND answer_total BETWEEN answers AND 5 * answers)
) WITHOUT ROWID;
