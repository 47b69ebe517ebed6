-- Reference data that every record points at: the ten key factors of the Revised Arusha
-- Declaration (in the Declaration's order), the six WCO regions, and the table of countries.
CREATE TABLE key_factors (
    code TEXT NOT NULL PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL
);

INSERT INTO key_factors (code, position, name_en, name_fr) VALUES
('RAD-01', 1, 'Leadership and Commitment', 'Leadership et engagement'),
('RAD-02', 2, 'Regulatory Framework', 'Cadre réglementaire'),
('RAD-03', 3, 'Transparency', 'Transparence'),
('RAD-04', 4, 'Automation', 'Automatisation'),
('RAD-05', 5, 'Reform and Modernization', 'Réforme et modernisation'),
('RAD-06', 6, 'Audit and Investigation', 'Audit et enquêtes'),
('RAD-07', 7, 'Code of Conduct', 'Code de conduite'),
('RAD-08', 8, 'Human Resource Management', 'Gestion des ressources humaines'),
('RAD-09', 9, 'Morale and Organizational Culture', 'Moral et culture organisationnelle'),
('RAD-10', 10, 'Relationship with the Private Sector', 'Relations avec le secteur privé');

CREATE TABLE regions (
    code TEXT NOT NULL PRIMARY KEY,
    position INTEGER NOT NULL UNIQUE,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL
);

INSERT INTO regions (code, position, name_en, name_fr) VALUES
('WCA', 1, 'West and Central Africa', 'Afrique occidentale et centrale'),
('ESA', 2, 'East and Southern Africa', 'Afrique orientale et australe'),
('MENA', 3, 'North of Africa, Near and Middle East', 'Afrique du Nord, Proche et Moyen-Orient'),
('EUR', 4, 'Europe', 'Europe'),
('AP', 5, 'Asia/Pacific', 'Asie/Pacifique'),
('AMC', 6, 'Americas and Caribbean', 'Amériques et Caraïbes');

CREATE TABLE countries (
    code TEXT NOT NULL PRIMARY KEY,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL
);
