// The decision checklist's rules as the worker's screen applies them, each with its source: the
// safety table (tried first, failing safe), the needs rules, and the routes the checklist asks
// about. Shown on "Rules and clocks" so a practitioner or auditor can see why a recommendation
// was made.

import type { ReactElement } from 'react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import {
  NEEDS_RULES,
  SAFETY_RULES,
  checklistFor,
  type ChecklistRule,
} from '../../../../shared/checklist';
import { RESPONSE_LABELS, type Edition } from '../../../../shared/domain/types';

const ANSWER_WORDS = { yes: 'yes', no: 'no', unknown: 'not known' } as const;

function RuleTable(props: {
  edition: Edition;
  rules: readonly ChecklistRule[];
  label: string;
}): ReactElement {
  const short = new Map(checklistFor(props.edition).questions.map((q) => [q.id, q.short]));
  return (
    <Table size="small" aria-label={props.label} sx={{ mb: 2 }}>
      <TableHead>
        <TableRow>
          <TableCell scope="col" sx={{ width: '34%' }}>
            If you answer
          </TableCell>
          <TableCell scope="col" sx={{ width: '26%' }}>
            Recommended
          </TableCell>
          <TableCell scope="col">Where it comes from</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {props.rules.map((r) => (
          <TableRow key={r.id}>
            <TableCell>
              {r.when
                .map(
                  (c) =>
                    `${c.is.map((a) => ANSWER_WORDS[a]).join(' or ')} to “${short.get(c.question) ?? c.question}”`,
                )
                .join(', and ')}
            </TableCell>
            <TableCell>
              {RESPONSE_LABELS[r.response]}
              {r.consultManager ? '; consult a manager now' : ''}
            </TableCell>
            <TableCell sx={{ color: 'text.secondary', fontSize: '0.85rem' }}>{r.source}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function ChecklistRules(props: { edition: Edition }): ReactElement {
  const routes = checklistFor(props.edition).questions.filter((q) => !q.safety);
  return (
    <>
      <Typography sx={{ mb: 1 }}>
        The safety questions come first. Until all three are answered there is no recommendation.
        The first rule that matches wins; &ldquo;not known&rdquo; never leads below a strategy
        discussion.
      </Typography>
      <RuleTable edition={props.edition} rules={SAFETY_RULES} label="Safety rules" />
      <Typography sx={{ mb: 1 }}>
        Only when every safety answer is &ldquo;no&rdquo;, and the child-in-need question is
        answered, do these apply. If none matches, the recommendation is no further action.
      </Typography>
      <RuleTable edition={props.edition} rules={NEEDS_RULES} label="Needs rules" />
      <Typography variant="h3" gutterBottom>
        The other questions and their sources
      </Typography>
      <Table size="small" aria-label="Checklist questions">
        <TableBody>
          {routes.map((q) => (
            <TableRow key={q.id}>
              <TableCell sx={{ width: '50%' }}>{q.text}</TableCell>
              <TableCell sx={{ color: 'text.secondary', fontSize: '0.85rem' }}>
                {q.source}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
