import { SelectField, TextAreaField, TextField } from '@/components/fields';
import { ProblemAlert } from '@/components/ProblemAlert';
import { formPages, RecordForm, useFormValues, useSaveCommand, type RecordFormProps } from '@/components/RecordForm';
import { useMessages } from '@/i18n/LocaleProvider';
import { useKeyFactorOptions } from '@/lib/referenceData';
import {
  fetchQuestionnaire,
  perceptionKeys,
  registerQuestionnaire,
  updateQuestionnaire,
  type QuestionnaireDetails,
  type QuestionnaireQuestion,
  type RegisterQuestionnaire,
} from './api';
import { perceptionMessages } from './messages';
import './perception.css';

const blankQuestion: QuestionnaireQuestion = { code: '', keyFactorCode: '', textEn: '', textFr: '', reversed: false };
// `reversed` is a checkbox with no message of its own: anything said of it shows with the form's problem.
const questionFields = ['code', 'keyFactorCode', 'textEn', 'textFr'] as const;

/** Every field the API may name, its questions' by position (`questions[2].textFr`), so each message sits beside its field. */
const placedFields = (count: number) => [
  'code',
  'titleEn',
  'titleFr',
  'questions',
  ...Array.from({ length: count }, (_, index) => questionFields.map((field) => `questions[${index}].${field}`)).flat(),
];

/**
 * RegisterQuestionnaire or UpdateQuestionnaire: code, both titles and the questions in the order respondents read
 * them, each tied to a key factor, its text in both languages, and whether agreeing is the unfavourable answer. Once
 * a round uses the questionnaire, the API refuses a change (409): the form says so before the API's words.
 */
function QuestionnaireForm({ record, onReload }: RecordFormProps<QuestionnaireDetails>) {
  const messages = useMessages(perceptionMessages);
  const t = messages.questionnaires;
  const keyFactors = useKeyFactorOptions();
  const { values, set, setValues } = useFormValues<RegisterQuestionnaire>(() => ({
    code: record?.code ?? '',
    titleEn: record?.titleEn ?? '',
    titleFr: record?.titleFr ?? '',
    questions: record ? record.questions.map((question) => ({ ...question })) : [{ ...blankQuestion }],
  }));
  const command = useSaveCommand({
    record,
    register: registerQuestionnaire,
    update: updateQuestionnaire,
    invalidates: [perceptionKeys.questionnaires],
    doneTo: record ? `/questionnaires/${record.id}` : '/questionnaires',
  });
  const setQuestion =
    <K extends keyof QuestionnaireQuestion>(index: number, field: K) =>
    (value: QuestionnaireQuestion[K]) =>
      setValues((current) => ({ ...current, questions: current.questions.map((question, at) => (at === index ? { ...question, [field]: value } : question)) }));
  const removeQuestion = (index: number) => setValues((current) => ({ ...current, questions: current.questions.filter((_, at) => at !== index) }));
  const errorsOf = (index: number, field: (typeof questionFields)[number]) => command.errorsFor(`questions[${index}].${field}`);

  return (
    <RecordForm
      command={command}
      onSubmit={() => void command.run(values)}
      onReload={onReload}
      placedFields={placedFields(values.questions.length)}
      problemLead={command.error?.status === 409 ? t.inUse : undefined}
      cancelTo={record ? `/questionnaires/${record.id}` : '/questionnaires'}
    >
      <TextField label={t.code} required value={values.code} onValue={set('code')} errors={command.errorsFor('code')} />
      <div className="form-wide">
        <TextField label={t.titleEn} required value={values.titleEn} onValue={set('titleEn')} errors={command.errorsFor('titleEn')} />
      </div>
      <div className="form-wide">
        <TextField label={t.titleFr} required value={values.titleFr} onValue={set('titleFr')} errors={command.errorsFor('titleFr')} />
      </div>
      <fieldset className="form-wide question-list" aria-describedby="questionnaire-scale">
        <legend>{t.questions}</legend>
        <p id="questionnaire-scale" className="field-hint">
          {t.scale}
        </p>
        {command.errorsFor('questions')?.map((message) => (
          <p key={message} className="field-error">
            {message}
          </p>
        ))}
        {keyFactors.error && <ProblemAlert error={keyFactors.error} onRetry={keyFactors.retry} />}
        <ol>
          {values.questions.map((question, index) => (
            <li key={index}>
              <fieldset className="question">
                <legend>{t.question(index + 1)}</legend>
                <TextField
                  label={t.questionCode}
                  required
                  hint={t.questionCodeHint}
                  value={question.code}
                  onValue={setQuestion(index, 'code')}
                  errors={errorsOf(index, 'code')}
                />
                <SelectField
                  label={t.keyFactor}
                  required
                  value={question.keyFactorCode}
                  onValue={setQuestion(index, 'keyFactorCode')}
                  options={keyFactors.options}
                  placeholder={messages.fields.choose}
                  errors={errorsOf(index, 'keyFactorCode')}
                />
                <div className="form-wide">
                  <TextAreaField label={t.textEn} required rows={2} value={question.textEn} onValue={setQuestion(index, 'textEn')} errors={errorsOf(index, 'textEn')} />
                </div>
                <div className="form-wide">
                  <TextAreaField label={t.textFr} required rows={2} value={question.textFr} onValue={setQuestion(index, 'textFr')} errors={errorsOf(index, 'textFr')} />
                </div>
                <label className="checkbox form-wide">
                  <input type="checkbox" checked={question.reversed} onChange={(event) => setQuestion(index, 'reversed')(event.target.checked)} />
                  {t.reversed}
                </label>
                {values.questions.length > 1 && (
                  <div className="form-wide">
                    <button type="button" className="secondary" onClick={() => removeQuestion(index)}>
                      {t.remove(index + 1)}
                    </button>
                  </div>
                )}
              </fieldset>
            </li>
          ))}
        </ol>
        <button type="button" className="secondary" onClick={() => setValues((current) => ({ ...current, questions: [...current.questions, { ...blankQuestion }] }))}>
          {t.add}
        </button>
      </fieldset>
    </RecordForm>
  );
}

export const { Register: RegisterQuestionnairePage, Update: EditQuestionnairePage } = formPages(QuestionnaireForm, {
  useTitles: () => {
    const t = useMessages(perceptionMessages).questionnaires;
    return { register: t.register, edit: t.edit };
  },
  queryKey: perceptionKeys.questionnaires,
  load: fetchQuestionnaire,
});
