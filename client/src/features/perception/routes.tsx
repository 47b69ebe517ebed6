import type { RouteObject } from 'react-router';

const coordinatorsOnly = async () => ({ Component: (await import('./PerceptionOnly')).CoordinatorsOnly });
const administratorsOnly = async () => ({ Component: (await import('./PerceptionOnly')).AdministratorsOnly });

/**
 * Perception surveys: rounds, their import and scores, an administration's trend and the questionnaires, for
 * administrators and coordinators (questionnaires are written by administrators); a programme's summary for anyone
 * who reads its reports, donors first.
 */
export const perceptionRoutes: RouteObject[] = [
  {
    lazy: coordinatorsOnly,
    children: [
      { path: 'perception-surveys', lazy: async () => ({ Component: (await import('./SurveysPage')).SurveysPage }) },
      { path: 'perception-surveys/:id', lazy: async () => ({ Component: (await import('./SurveyPage')).SurveyPage }) },
      { path: 'administrations/:id/perception-trend', lazy: async () => ({ Component: (await import('./TrendPage')).TrendPage }) },
      { path: 'questionnaires', lazy: async () => ({ Component: (await import('./QuestionnairesPage')).QuestionnairesPage }) },
      {
        lazy: administratorsOnly,
        children: [
          { path: 'questionnaires/new', lazy: async () => ({ Component: (await import('./QuestionnaireForm')).RegisterQuestionnairePage }) },
          { path: 'questionnaires/:id/edit', lazy: async () => ({ Component: (await import('./QuestionnaireForm')).EditQuestionnairePage }) },
        ],
      },
      { path: 'questionnaires/:id', lazy: async () => ({ Component: (await import('./QuestionnairePage')).QuestionnairePage }) },
    ],
  },
  { path: 'perception', lazy: async () => ({ Component: (await import('./PerceptionSummariesPage')).PerceptionSummariesPage }) },
  { path: 'perception/:programmeId', lazy: async () => ({ Component: (await import('./PerceptionSummaryPage')).PerceptionSummaryPage }) },
];
