// The minutes' lists (domain §2.4): actions with owner, agency and due date (a working day), and
// dissent recorded per agency with the escalation route. Cards added and removed as needed.

import type { ReactElement } from 'react';
import Stack from '@mui/material/Stack';
import { Section } from '../../../components/Section';
import { DateBox, TextBox } from '../../decisions/fields';
import { RepeatingSection } from '../../intake/RepeatingSection';
import type { SectionProps } from './MeetingSections';
import { emptyAction, emptyDissent } from './minutes-form';

export function ActionsSection(props: SectionProps): ReactElement {
  const { form, errors, set } = props;
  const items = form.actions;
  return (
    <Section
      variant="rule"
      id="min-actions"
      title="Actions"
      intro="What is to be done, by whom, for which agency, and by when (a working day)."
    >
      <RepeatingSection
        items={items}
        heading={(i) => `Action ${String(i + 1)}`}
        noun="action"
        addLabel="Add an action"
        testId={(i) => `action-${String(i)}`}
        onAdd={() => {
          set('actions', [...items, emptyAction()]);
        }}
        onRemove={(i) => {
          set(
            'actions',
            items.filter((_x, j) => j !== i),
          );
        }}
      >
        {(item, i) => {
          const base = `actions.${String(i)}`;
          return (
            <>
              <TextBox
                path={`${base}.what`}
                label="What is to be done"
                multiline
                value={item.what}
                error={errors[`${base}.what`]}
                onChange={(v) => {
                  set(`actions.${i}.what`, v);
                }}
              />
              <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
                <TextBox
                  path={`${base}.owner`}
                  label="Owner"
                  value={item.owner}
                  error={errors[`${base}.owner`]}
                  width={260}
                  onChange={(v) => {
                    set(`actions.${i}.owner`, v);
                  }}
                />
                <TextBox
                  path={`${base}.agency`}
                  label="Agency"
                  value={item.agency}
                  error={errors[`${base}.agency`]}
                  width={260}
                  onChange={(v) => {
                    set(`actions.${i}.agency`, v);
                  }}
                />
                <DateBox
                  path={`${base}.due`}
                  label="Due by"
                  value={item.due}
                  error={errors[`${base}.due`]}
                  maxLength={20}
                  onChange={(v) => {
                    set(`actions.${i}.due`, v);
                  }}
                />
              </Stack>
            </>
          );
        }}
      </RepeatingSection>
    </Section>
  );
}

export function DissentSection(props: SectionProps): ReactElement {
  const { form, errors, set } = props;
  const items = form.dissent;
  return (
    <Section
      variant="rule"
      id="min-dissent"
      title="Dissent"
      intro="Record any agency that disagrees with the decision, what with and why, and the escalation route."
    >
      <RepeatingSection
        items={items}
        heading={(i) => `Dissent ${String(i + 1)}`}
        noun="dissent"
        addLabel="Record dissent from an agency"
        testId={(i) => `dissent-${String(i)}`}
        onAdd={() => {
          set('dissent', [...items, emptyDissent()]);
        }}
        onRemove={(i) => {
          set(
            'dissent',
            items.filter((_x, j) => j !== i),
          );
        }}
      >
        {(item, i) => {
          const base = `dissent.${String(i)}`;
          return (
            <>
              <TextBox
                path={`${base}.agency`}
                label="Agency"
                value={item.agency}
                error={errors[`${base}.agency`]}
                width={320}
                onChange={(v) => {
                  set(`dissent.${i}.agency`, v);
                }}
              />
              <TextBox
                path={`${base}.view`}
                label="What they disagree with and why"
                multiline
                value={item.view}
                error={errors[`${base}.view`]}
                onChange={(v) => {
                  set(`dissent.${i}.view`, v);
                }}
              />
              <TextBox
                path={`${base}.escalation`}
                label="Escalation route (optional)"
                hint="For example the local partnership's resolution of professional disagreement procedure"
                multiline
                value={item.escalation}
                error={errors[`${base}.escalation`]}
                onChange={(v) => {
                  set(`dissent.${i}.escalation`, v);
                }}
              />
            </>
          );
        }}
      </RepeatingSection>
    </Section>
  );
}
