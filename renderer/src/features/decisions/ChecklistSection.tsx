// The checklist questions and the live recommendation beside them. Until the three safety
// questions are answered there is no recommendation, only "answer these first"; "not known" on
// any of them recommends a strategy discussion and a manager consulted now; contradictory answers
// are pointed out.

import { memo, type ReactElement } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import {
  askedQuestions,
  type ChecklistQuestion,
  type Recommendation,
} from '../../../../shared/checklist';
import { RESPONSE_LABELS, type Edition } from '../../../../shared/domain/types';
import type { AnswerValue } from '../../../../shared/validation/decision';
import { fieldId } from '../../components/ErrorSummary';
import type { DecisionForm } from './decision-model';
import { ChoiceGroup } from './fields';

const ANSWER_OPTIONS = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
  { value: 'unknown', label: 'Not known' },
] as const satisfies readonly { value: AnswerValue; label: string }[];

/**
 * One question. Memoised: answering one question re-renders that question, not the fifteen or
 * so others (each a fieldset of MUI radios), which kept every answer waiting on a whole-page
 * render. `onAnswer` must be stable and read the current answers itself.
 */
const Question = memo(function Question(props: {
  question: ChecklistQuestion;
  value: AnswerValue | '';
  error: string | undefined;
  onAnswer: (id: string, value: AnswerValue) => void;
}): ReactElement {
  const { question: q, onAnswer } = props;
  return (
    <ChoiceGroup
      path={`answers.${q.id}`}
      legend={q.text}
      hint={q.help}
      options={ANSWER_OPTIONS}
      value={props.value}
      error={props.error}
      row
      onChange={(v) => {
        onAnswer(q.id, v);
      }}
    />
  );
});

export function ChecklistQuestions(props: {
  edition: Edition;
  answers: DecisionForm['answers'];
  errors: Record<string, string>;
  /** Stable: sets one answer on the current answers. */
  onAnswer: (id: string, value: AnswerValue) => void;
}): ReactElement {
  const { answers } = props;
  const questions = askedQuestions(props.edition, answers);
  const firstOther = questions.findIndex((q) => !q.safety);
  return (
    <>
      <Typography sx={{ fontWeight: 600 }} id="safety-heading">
        Safety questions: answer these first
      </Typography>
      {questions.map((q, i) => (
        <Box key={q.id}>
          {i === firstOther ? (
            <Typography sx={{ fontWeight: 600, mb: 2 }}>The child’s needs and routes</Typography>
          ) : null}
          <Question
            question={q}
            value={answers[q.id] ?? ''}
            error={props.errors[`answers.${q.id}`]}
            onAnswer={props.onAnswer}
          />
        </Box>
      ))}
    </>
  );
}

/** The recommendation panel: "answer these first", or the response with its reasons. */
export function RecommendationPanel(props: { recommendation: Recommendation }): ReactElement {
  const r = props.recommendation;
  return (
    <Paper
      component="section"
      aria-labelledby="sec-recommendation"
      data-testid="recommendation"
      id={fieldId('recommendedResponse')}
      tabIndex={-1}
      sx={{ p: 3, bgcolor: 'action.hover', borderLeft: 6, borderColor: 'primary.main' }}
    >
      <Typography id="sec-recommendation" variant="h2" gutterBottom>
        Recommended response
      </Typography>
      <Box aria-live="polite">
        {r.kind === 'needs-answers' ? (
          <>
            <Typography sx={{ fontWeight: 700 }}>
              No recommendation yet: answer these first
            </Typography>
            <Box component="ul" sx={{ mt: 1, mb: 0, pl: 2.5 }}>
              {r.neededText.map((t, i) => (
                <li key={t}>
                  <a href={`#${fieldId(`answers.${r.needed[i] ?? ''}`)}`}>{t}</a>
                </li>
              ))}
            </Box>
            <Typography color="text.secondary" sx={{ mt: 1 }}>
              Answer &ldquo;Not known&rdquo; if you cannot tell: doubt about a child’s safety leads
              to a strategy discussion, never to a lower response.
            </Typography>
          </>
        ) : (
          <>
            <Typography sx={{ fontWeight: 700, fontSize: '1.25rem' }}>
              {RESPONSE_LABELS[r.response]}
            </Typography>
            <Box component="ul" sx={{ mt: 1, mb: 0, pl: 2.5 }}>
              {r.because.map((b) => (
                <li key={b}>
                  <Typography>{b}</Typography>
                </li>
              ))}
            </Box>
            {r.consultManager ? (
              <Alert severity="warning" sx={{ mt: 2 }} data-testid="consult-manager">
                <AlertTitle>Consult a manager now</AlertTitle>
                {r.note}
              </Alert>
            ) : r.note ? (
              <Typography color="text.secondary" sx={{ mt: 1 }}>
                {r.note}
              </Typography>
            ) : null}
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
              Source: {r.source}
            </Typography>
          </>
        )}
        {r.contradictions.length > 0 ? (
          <Alert severity="warning" sx={{ mt: 2 }} data-testid="contradictions">
            <AlertTitle>Check these answers</AlertTitle>
            <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
              {r.contradictions.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </Box>
          </Alert>
        ) : null}
      </Box>
    </Paper>
  );
}
