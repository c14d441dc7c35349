// One version of the minutes, read-only (finalised minutes, and earlier versions kept after an
// amendment): the same sections as the form, in the same order, as text to read.

import type { ReactElement, ReactNode } from 'react';
import Box from '@mui/material/Box';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  MinutesVersionRecord,
  StrategyDiscussionRecord,
} from '../../../../../shared/domain/strategy';
import { S47_TYPE_LABELS } from '../../../../../shared/progress/events';
import {
  ATTENDANCE_LABELS,
  NEXT_STEP_LABELS,
  OTHER_RESPONSE_LABELS,
} from '../../../../../shared/strategy';
import { Facts } from '../../../components/Facts';
import { formatUkDate } from '../../../components/format';
import { requiredInviteeIds } from './minutes-build';

const NOT_RECORDED = 'Not recorded';

function Para(props: { text: string | undefined }): ReactElement {
  return (
    <Typography component="span" sx={{ whiteSpace: 'pre-wrap' }}>
      {props.text && props.text !== '' ? props.text : NOT_RECORDED}
    </Typography>
  );
}

function Block(props: { title: string; children: ReactNode }): ReactElement {
  return (
    <Box component="section" aria-label={props.title}>
      <Typography variant="h3" sx={{ fontSize: '1.15rem', fontWeight: 700, mb: 1 }}>
        {props.title}
      </Typography>
      {props.children}
    </Box>
  );
}

const yesNo = (v: 'yes' | 'no' | undefined): string =>
  v === 'yes' ? 'Yes' : v === 'no' ? 'No' : NOT_RECORDED;

const withDetails = (v: 'yes' | 'no' | undefined, details: string | undefined): ReactNode =>
  v === 'yes' && details ? `Yes: ${details}` : yesNo(v);

export function MinutesReadView(props: {
  discussion: StrategyDiscussionRecord;
  version: MinutesVersionRecord;
}): ReactElement {
  const { discussion, version } = props;
  const m = version.minutes;
  const invitees = new Map(discussion.invitees.map((i) => [i.id, i]));
  const required = requiredInviteeIds(discussion);
  const children = new Map(discussion.children.map((c) => [c.id, c.name]));
  const d = m.decision;
  const f = m.family;
  return (
    <Stack
      spacing={3}
      data-testid={`minutes-read-${String(version.number)}`}
      // One label column for every block, so the answers line up down the page.
      sx={{ '& dl': { gridTemplateColumns: { sm: '240px minmax(0, 1fr)' } } }}
    >
      {version.amendment ? (
        <Block title="Amendment">
          <Facts
            items={[
              ['What changed', <Para key="w" text={version.amendment.whatChanged} />],
              ['Why', <Para key="y" text={version.amendment.why} />],
            ]}
          />
        </Block>
      ) : null}
      <Block title="Why the discussion was held">
        <Facts
          items={[
            ['Reason', <Para key="r" text={m.reason} />],
            ['Immediate action already taken', <Para key="i" text={m.immediateAction} />],
          ]}
        />
      </Block>
      <Block title="Attendance">
        <Facts
          items={(m.attendance ?? []).map((a) => {
            const inv = invitees.get(a.inviteeId);
            const who = inv ? `${inv.name} (${inv.agency})` : 'Someone no longer invited';
            const status = a.status ? ATTENDANCE_LABELS[a.status] : NOT_RECORDED;
            const absent = a.status !== undefined && a.status !== 'attended';
            const parts = [
              status,
              absent && a.informationSent
                ? `information ${a.informationSent === 'yes' ? 'obtained' : 'not obtained'}`
                : null,
              absent && required.has(a.inviteeId) ? 'required role absent' : null,
              absent && a.absenceNote ? `why: ${a.absenceNote}` : null,
            ].filter(Boolean);
            return [who, parts.join('; ')];
          })}
        />
      </Block>
      <Block title="Information shared by each agency">
        {(m.information ?? []).length === 0 ? (
          <Typography>{NOT_RECORDED}</Typography>
        ) : (
          <Facts
            items={(m.information ?? []).map((x, i) => [
              `${String(i + 1)}. ${x.agency ?? 'Agency not recorded'}${x.contributor ? ` (${x.contributor})` : ''}`,
              <span key={String(i)}>
                <Para text={x.text} />
                <Typography variant="body2" color="text.secondary">
                  {x.shareWithFamily === true
                    ? 'May be shared with the family'
                    : 'Not to be shared with the family'}
                </Typography>
              </span>,
            ])}
          />
        )}
      </Block>
      <Block title="The children: views and lived experience">
        <Facts
          items={(m.childViews ?? []).map((c) => [
            children.get(c.childId) ?? 'Child',
            <Para key={c.childId} text={c.views} />,
          ])}
        />
      </Block>
      <Block title="Risks and strengths">
        <Facts
          items={[
            ['Risks', <Para key="r" text={m.risks} />],
            ['Strengths and protective factors', <Para key="s" text={m.strengths} />],
          ]}
        />
      </Block>
      <Block title="The decision">
        <Facts
          items={[
            ['Section 47 enquiry', yesNo(d?.s47)],
            ...(d?.s47 === 'yes'
              ? ([['Type of enquiry', d.s47Type ? S47_TYPE_LABELS[d.s47Type] : NOT_RECORDED]] as [
                  string,
                  ReactNode,
                ][])
              : []),
            ...(d?.s47 === 'no'
              ? ([
                  [
                    'Instead',
                    d.otherResponse ? OTHER_RESPONSE_LABELS[d.otherResponse] : NOT_RECORDED,
                  ],
                ] as [string, ReactNode][])
              : []),
            [
              'Criminal investigation',
              withDetails(d?.criminalInvestigation, d?.criminalInvestigationTiming),
            ],
            ['Medical examination', withDetails(d?.medicalExamination, d?.medicalDetails)],
            ['Legal planning', withDetails(d?.legalPlanning, d?.legalDetails)],
            ['LADO referral', withDetails(d?.ladoReferral, d?.ladoDetails)],
            ['Reasons', <Para key="r" text={d?.rationale} />],
          ]}
        />
      </Block>
      <Block title="What the family is told">
        <Facts
          items={
            f?.told === 'withheld'
              ? [
                  ['Told', 'No'],
                  ['Why not', <Para key="w" text={f.withheldGround} />],
                ]
              : [
                  [
                    'Told',
                    f?.told === 'told'
                      ? 'Yes'
                      : f?.told === 'to-be-told'
                        ? 'To be told'
                        : NOT_RECORDED,
                  ],
                  ['What', <Para key="w" text={f?.what} />],
                  ['By whom', f?.by ?? NOT_RECORDED],
                  ['When', f?.when ? formatUkDate(f.when) : NOT_RECORDED],
                ]
          }
        />
      </Block>
      <Block title="Immediate safety plan">
        <Para text={m.safetyPlan} />
      </Block>
      <Block title="Actions">
        {(m.actions ?? []).length === 0 ? (
          <Typography>No actions recorded</Typography>
        ) : (
          <Box
            component="table"
            sx={{
              borderCollapse: 'collapse',
              width: '100%',
              '& th, & td': {
                textAlign: 'left',
                p: 1,
                borderBottom: 1,
                borderColor: 'divider',
                verticalAlign: 'top',
              },
            }}
          >
            <thead>
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
                <th scope="col">Agency</th>
                <th scope="col">Due by</th>
              </tr>
            </thead>
            <tbody>
              {(m.actions ?? []).map((a, i) => (
                <tr key={String(i)}>
                  <td style={{ whiteSpace: 'pre-wrap' }}>{a.what ?? ''}</td>
                  <td>{a.owner ?? ''}</td>
                  <td>{a.agency ?? ''}</td>
                  <td>{a.due ? formatUkDate(a.due) : ''}</td>
                </tr>
              ))}
            </tbody>
          </Box>
        )}
      </Block>
      <Block title="What comes next">
        <Facts
          items={[
            ['Next', m.next?.step ? NEXT_STEP_LABELS[m.next.step] : NOT_RECORDED],
            ...(m.next?.date
              ? ([['Date', formatUkDate(m.next.date)]] as [string, ReactNode][])
              : []),
            ...(m.next?.note
              ? ([['Note', <Para key="n" text={m.next.note} />]] as [string, ReactNode][])
              : []),
          ]}
        />
      </Block>
      <Block title="Dissent">
        {(m.dissent ?? []).length === 0 ? (
          <Typography>No dissent recorded</Typography>
        ) : (
          <Facts
            items={(m.dissent ?? []).map((x, i) => [
              `${String(i + 1)}. ${x.agency ?? 'Agency not recorded'}`,
              <span key={String(i)}>
                <Para text={x.view} />
                <Typography variant="body2" color="text.secondary">
                  Escalation route: {x.escalation ?? NOT_RECORDED}
                </Typography>
              </span>,
            ])}
          />
        )}
      </Block>
    </Stack>
  );
}
