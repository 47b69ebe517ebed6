-- Customs Integrity Perception Survey questionnaires. Each question measures one key factor and is answered from
-- 1 to 5; a reversed one (agreeing is unfavourable) counts as 6 - answer. position keeps the order respondents read.
CREATE TABLE questionnaires (
    id TEXT NOT NULL PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    title_en TEXT NOT NULL,
    title_fr TEXT NOT NULL,
    version INTEGER NOT NULL
);

CREATE TABLE questionnaire_questions (
    questionnaire_id TEXT NOT NULL REFERENCES questionnaires (id),
    position INTEGER NOT NULL,
    code TEXT NOT NULL,
    key_factor_code TEXT NOT NULL REFERENCES key_factors (code),
    text_en TEXT NOT NULL,
    text_fr TEXT NOT NULL,
    reversed INTEGER NOT NULL,
    PRIMARY KEY (questionnaire_id, position),
    UNIQUE (questionnaire_id, code)
);
