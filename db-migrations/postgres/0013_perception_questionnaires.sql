-- Customs Integrity Perception Survey questionnaires. Each question measures one key factor and is answered from
-- 1 to 5; a reversed one (agreeing is unfavourable) counts as 6 - answer. position keeps the order respondents read.
CREATE TABLE questionnaires (
    id uuid NOT NULL PRIMARY KEY,
    code varchar(40) NOT NULL UNIQUE,
    title_en varchar(300) NOT NULL,
    title_fr varchar(300) NOT NULL,
    version integer NOT NULL
);

CREATE TABLE questionnaire_questions (
    questionnaire_id uuid NOT NULL REFERENCES questionnaires (id),
    position integer NOT NULL,
    code varchar(40) NOT NULL,
    key_factor_code varchar(10) NOT NULL REFERENCES key_factors (code),
    text_en varchar(1000) NOT NULL,
    text_fr varchar(1000) NOT NULL,
    reversed boolean NOT NULL,
    PRIMARY KEY (questionnaire_id, position),
    UNIQUE (questionnaire_id, code)
);
