-- A perception survey round: one administration's fieldwork under a programme, answering one questionnaire.
-- The questionnaire cannot change once a round uses it, so an answer names its question by position.
CREATE TABLE perception_surveys (
    id uuid NOT NULL PRIMARY KEY,
    programme_id uuid NOT NULL REFERENCES programmes (id),
    administration_id uuid NOT NULL REFERENCES administrations (id),
    questionnaire_id uuid NOT NULL REFERENCES questionnaires (id),
    label varchar(200) NOT NULL,
    fieldwork_starts_on date NOT NULL,
    fieldwork_ends_on date NOT NULL,
    respondent_count integer NOT NULL,
    answer_count integer NOT NULL,
    version integer NOT NULL,
    CHECK (fieldwork_ends_on >= fieldwork_starts_on)
);

-- Trends read an administration's rounds in date order; the donor summary reads a programme's.
CREATE INDEX ix_perception_surveys_administration ON perception_surveys (administration_id, fieldwork_ends_on);
CREATE INDEX ix_perception_surveys_programme ON perception_surveys (programme_id, fieldwork_ends_on);
CREATE INDEX ix_perception_surveys_questionnaire ON perception_surveys (questionnaire_id);

-- Respondents are anonymous: a code from the fieldwork, their group and optional breakdowns, never a name.
-- number is their order of arrival in the round, and the short key their answers carry.
CREATE TABLE survey_respondents (
    survey_id uuid NOT NULL REFERENCES perception_surveys (id),
    number integer NOT NULL,
    code varchar(40) NOT NULL,
    respondent_group varchar(20) NOT NULL,
    service varchar(100) NULL,
    sex varchar(10) NULL,
    region varchar(100) NULL,
    PRIMARY KEY (survey_id, number),
    UNIQUE (survey_id, code),
    CHECK (respondent_group IN ('customs_official', 'private_sector')),
    CHECK (sex IN ('female', 'male'))
);

-- One answer per respondent and question, as given (1 to 5); a blank is no row.
CREATE TABLE survey_answers (
    survey_id uuid NOT NULL,
    respondent_number integer NOT NULL,
    question_position integer NOT NULL,
    answer integer NOT NULL,
    PRIMARY KEY (survey_id, respondent_number, question_position),
    FOREIGN KEY (survey_id, respondent_number) REFERENCES survey_respondents (survey_id, number),
    CHECK (answer BETWEEN 1 AND 5)
);

-- Per respondent and key factor, what scores need (after reversing): how many answers, how many favourable (4 or 5)
-- and their sum. Written with the answers in the same transaction, so scoring reads ~10 rows a respondent, not ~60.
CREATE TABLE survey_key_factor_answers (
    survey_id uuid NOT NULL,
    respondent_number integer NOT NULL,
    key_factor_code varchar(10) NOT NULL REFERENCES key_factors (code),
    answers integer NOT NULL,
    favourable integer NOT NULL,
    answer_total integer NOT NULL,
    PRIMARY KEY (survey_id, respondent_number, key_factor_code),
    FOREIGN KEY (survey_id, respondent_number) REFERENCES survey_respondents (survey_id, number),
    CHECK (answers > 0 AND favourable BETWEEN 0 AND answers AND answer_total BETWEEN answers AND 5 * answers)
);
