-- Customs Integrity Perception Survey questionnaires. Each question measures one key factor and is answered from
-- 1 to 5; a reversed one (agreeing is unfavourable) counts as 6 - answer. position keeps the order respondents read.
CREATE TABLE questionnaires (
    id uniqueidentifier NOT NULL PRIMARY KEY,
    code varchar(40) NOT NULL UNIQUE,
    title_en nvarchar(300) NOT NULL,
    title_fr nvarchar(300) NOT NULL,
    version int NOT NULL
);

CREATE TABLE questionnaire_questions (
    questionnaire_id uniqueidentifier NOT NULL REFERENCES questionnaires (id),
    position int NOT NULL,
    code varchar(40) NOT NULL,
    key_factor_code varchar(10) NOT NULL REFERENCES key_factors (code),
    text_en nvarchar(1000) NOT NULL,
    text_fr nvarchar(1000) NOT NULL,
    reversed bit NOT NULL,
    PRIMARY KEY (questionnaire_id, position),
    UNIQUE (questionnaire_id, code)
);
