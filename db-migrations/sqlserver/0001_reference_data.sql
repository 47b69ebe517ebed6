-- Reference data that every record points at: the ten key factors of the Revised Arusha
-- Declaration (in the Declaration's order), the six WCO regions, and the table of countries.
CREATE TABLE key_factors (
    code varchar(10) NOT NULL PRIMARY KEY,
    position int NOT NULL UNIQUE,
    name_en nvarchar(200) NOT NULL,
    name_fr nvarchar(200) NOT NULL
);

INSERT INTO key_factors (code, position, name_en, name_fr) VALUES
(N'RAD-01', 1, N'Leadership and Commitment', N'Leadership et engagement'),
(N'RAD-02', 2, N'Regulatory Framework', N'Cadre réglementaire'),
(N'RAD-03', 3, N'Transparency', N'Transparence'),
(N'RAD-04', 4, N'Automation', N'Automatisation'),
(N'RAD-05', 5, N'Reform and Modernization', N'Réforme et modernisation'),
(N'RAD-06', 6, N'Audit and Investigation', N'Audit et enquêtes'),
(N'RAD-07', 7, N'Code of Conduct', N'Code de conduite'),
(N'RAD-08', 8, N'Human Resource Management', N'Gestion des ressources humaines'),
(N'RAD-09', 9, N'Morale and Organizational Culture', N'Moral et culture organisationnelle'),
(N'RAD-10', 10, N'Relationship with the Private Sector', N'Relations avec le secteur privé');

CREATE TABLE regions (
    code varchar(10) NOT NULL PRIMARY KEY,
    position int NOT NULL UNIQUE,
    name_en nvarchar(200) NOT NULL,
    name_fr nvarchar(200) NOT NULL
);

INSERT INTO regions (code, position, name_en, name_fr) VALUES
(N'WCA', 1, N'West and Central Africa', N'Afrique occidentale et centrale'),
(N'ESA', 2, N'East and Southern Africa', N'Afrique orientale et australe'),
(N'MENA', 3, N'North of Africa, Near and Middle East', N'Afrique du Nord, Proche et Moyen-Orient'),
(N'EUR', 4, N'Europe', N'Europe'),
(N'AP', 5, N'Asia/Pacific', N'Asie/Pacifique'),
(N'AMC', 6, N'Americas and Caribbean', N'Amériques et Caraïbes');

CREATE TABLE countries (
    code char(2) NOT NULL PRIMARY KEY,
    name_en nvarchar(200) NOT NULL,
    name_fr nvarchar(200) NOT NULL
);
