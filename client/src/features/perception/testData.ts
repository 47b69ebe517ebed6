import type { PerceptionSurveyDetails, QuestionnaireDetails } from './api';
import type { RespondentGroup, ScoreItem } from './contract';

export const ids = {
  acip: '10000000-0000-4000-8000-000000000001',
  burkina: '20000000-0000-4000-8000-000000000001',
  officials: '80000000-0000-4000-8000-000000000001',
  round2021: '90000000-0000-4000-8000-000000002021',
  round2023: '90000000-0000-4000-8000-000000002023',
};

export function questionnaire(overrides: Partial<QuestionnaireDetails> = {}): QuestionnaireDetails {
  return {
    id: ids.officials,
    code: 'CIPS-OFFICIALS',
    titleEn: 'Customs integrity perception survey: officials',
    titleFr: 'Enquête de perception de l’intégrité douanière : agents',
    questions: [
      { code: 'OFF-01', keyFactorCode: 'RAD-01', textEn: 'Leaders set an example.', textFr: 'Les dirigeants montrent l’exemple.', reversed: false },
      { code: 'OFF-02', keyFactorCode: 'RAD-07', textEn: 'Officers accept gifts from traders.', textFr: 'Les agents acceptent des cadeaux.', reversed: true },
    ],
    version: 3,
    ...overrides,
  };
}

export function survey(overrides: Partial<PerceptionSurveyDetails> = {}): PerceptionSurveyDetails {
  return {
    id: ids.round2023,
    programmeId: ids.acip,
    programmeCode: 'A-CIP',
    administrationId: ids.burkina,
    administrationNameEn: 'Burkina Faso Customs',
    administrationNameFr: 'Douanes burkinabè',
    questionnaireId: ids.officials,
    questionnaireCode: 'CIPS-OFFICIALS',
    label: 'CIPS 2023',
    fieldworkStartsOn: '2023-03-01',
    fieldworkEndsOn: '2023-04-30',
    respondentCount: 120,
    answerCount: 2400,
    version: 2,
    ...overrides,
  };
}

const names: Record<string, [string, string]> = {
  'RAD-01': ['Leadership and commitment', 'Leadership et engagement'],
  'RAD-07': ['Morale and organisational culture', 'Moral et culture organisationnelle'],
};

/** A score cell; `respondents: null` makes it a suppressed one, whose four figures the API leaves out. */
export function score(keyFactorCode: string, group: RespondentGroup, figures: { respondents: number | null; favourablePercent?: number; mean?: number; breakdown?: string | null }): ScoreItem {
  const suppressed = figures.respondents === null;
  return {
    keyFactorCode,
    keyFactorNameEn: names[keyFactorCode]![0],
    keyFactorNameFr: names[keyFactorCode]![1],
    group,
    breakdown: figures.breakdown ?? null,
    suppressed,
    respondents: figures.respondents,
    answers: suppressed ? null : figures.respondents! * 3,
    favourablePercent: suppressed ? null : (figures.favourablePercent ?? null),
    mean: suppressed ? null : (figures.mean ?? null),
  };
}
