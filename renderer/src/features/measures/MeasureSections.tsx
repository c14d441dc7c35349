// The figures, section by section: volumes, decisions within one working day, re-referrals,
// outcomes, strategy discussions and who attended, ICPCs, referrers told, and by source and team
// member. Each chart has its table view with the same numbers.
import type { ReactElement, ReactNode } from 'react';
import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { Drill, Measures } from '../../../../shared/measures/types';
import { ChartFigure } from './ChartFigure';
import { MeasureTile } from './MeasureTile';
import { NumbersTable, type NumberRow } from './NumbersTable';
import type { ChartData } from './measures-tables';
import {
  attendanceChart,
  attendanceTable,
  memberChart,
  memberTable,
  outcomeChart,
  outcomeTable,
  sourceChart,
  sourceTable,
} from './measures-tables';
import {
  formatCount,
  formatPercent,
  formatOf,
  formatWorkingDays,
  type DrillRequest,
} from './measures-model';
import type { MeasuresView } from './MeasuresPage';

type Props = { m: Measures; view: MeasuresView; onDrill: (d: DrillRequest) => void };

function Section(props: { id: string; title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Paper variant="outlined" component="section" aria-labelledby={props.id} sx={{ p: 2 }}>
      <Typography variant="h5" component="h2" id={props.id} sx={{ mb: 0.5 }}>
        {props.title}
      </Typography>
      {props.intro !== undefined ? (
        <Typography color="text.secondary" sx={{ mb: 1.5, fontSize: '0.9rem' }}>
          {props.intro}
        </Typography>
      ) : null}
      {props.children}
    </Paper>
  );
}

const tiles = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fill, minmax(250px, 1fr))',
  gap: 1.5,
} as const;

function ChartOrTable(props: {
  view: MeasuresView;
  title: string;
  chart: ChartData;
  headings: string[];
  rows: NumberRow[];
  onDrill: (d: DrillRequest) => void;
  /** What to say when there are no rows (null: say nothing). */
  none?: string | null;
}): ReactElement | null {
  if (props.rows.length === 0) {
    if (props.none === null) return null;
    return <Typography color="text.secondary">{props.none ?? 'None in this period.'}</Typography>;
  }
  return props.view === 'charts' ? (
    <ChartFigure title={props.title} data={props.chart} />
  ) : (
    <NumbersTable
      caption={props.title}
      headings={props.headings}
      rows={props.rows}
      onDrill={props.onDrill}
    />
  );
}

/** The volume tiles: each count with its drill-down. */
const VOLUME_TILES: readonly {
  title: string;
  count: keyof Measures['volume'];
  drill: Drill;
  label: string;
}[] = [
  { title: 'Contacts received', count: 'contacts', drill: 'contacts', label: 'Contacts received' },
  { title: 'Referrals (census)', count: 'referrals', drill: 'referrals', label: 'Referrals' },
  {
    title: 'Information on open cases',
    count: 'openCase',
    drill: 'open-case',
    label: 'Open cases',
  },
  { title: 'Not decided yet', count: 'undecided', drill: 'undecided', label: 'Not decided yet' },
];

const pct = (p: number | null): string | null => (p === null ? null : formatPercent(p));

export function MeasureSections({ m, view, onDrill }: Props): ReactElement {
  const d = m.decisions;
  const a = m.attendance;
  return (
    <>
      <Section
        id="measures-volume"
        title="Contacts and referrals received"
        intro="Every concern recorded in Front Door is a contact. It is a referral, as the Children in Need census counts them, unless the decision found the child's case already open (then the information goes to the allocated worker). A contact not decided yet counts as a referral until then."
      >
        <Box sx={tiles}>
          {VOLUME_TILES.map((t) => (
            <MeasureTile
              key={t.drill}
              title={t.title}
              figure={formatCount(m.volume[t.count])}
              drills={[
                { drill: t.drill, label: t.label, count: m.volume[t.count], text: 'See them' },
              ]}
              onDrill={onDrill}
            />
          ))}
        </Box>
      </Section>

      <Section
        id="measures-timeliness"
        title="Decisions, re-referrals and referrers told"
        intro={`Decided means a decision recorded that stands (final, or waiting for a manager's sign-off). ${d.rule}`}
      >
        <Box sx={tiles}>
          <MeasureTile
            title="Decided within one working day"
            big={pct(d.onTime.percent)}
            figure={`${formatOf(d.onTime)} decided in time`}
            drills={[
              {
                drill: 'decided-on-time',
                label: 'Decided in time',
                count: d.onTime.count,
                text: `See the ${formatCount(d.onTime.count)} in time`,
              },
              {
                drill: 'decided-late',
                label: 'Decided late',
                count: d.late,
                text: `See the ${formatCount(d.late)} late`,
              },
            ]}
            onDrill={onDrill}
          >
            On or before the day the decision clock fell due.
            {d.undecided > 0 ? ` ${formatCount(d.undecided)} not decided yet are not counted.` : ''}
          </MeasureTile>
          <MeasureTile
            title="Re-referrals within 12 months"
            big={pct(m.reReferrals.percent)}
            figure={`${formatOf(m.reReferrals)} referrals`}
            drills={[
              {
                drill: 're-referrals',
                label: 'Re-referrals',
                count: m.reReferrals.count,
                text: `See the ${formatCount(m.reReferrals.count)}`,
              },
            ]}
            onDrill={onDrill}
          >
            A referral about a child referred before in the 12 months up to it (children linked to a
            child record).
          </MeasureTile>
          <MeasureTile
            title="Referrers told the outcome"
            big={pct(m.told.rate.percent)}
            figure={`${formatOf(m.told.rate)} referrers told`}
            drills={[
              {
                drill: 'told',
                label: 'Referrers told',
                count: m.told.rate.count,
                text: `See the ${formatCount(m.told.rate.count)} told`,
              },
              {
                drill: 'not-told',
                label: 'Not told yet',
                count: m.told.rate.of - m.told.rate.count,
                text: `See the ${formatCount(m.told.rate.of - m.told.rate.count)} not told`,
              },
            ]}
            onDrill={onDrill}
          >
            Outcome letter sent, of final decisions whose referrer is named and wanted feedback.
            Median time to tell them: {formatWorkingDays(m.told.medianWorkingDays)} from the
            decision.
          </MeasureTile>
        </Box>
      </Section>

      <Section
        id="measures-outcomes"
        title="Outcomes"
        intro={`The type of response decided, for the ${formatCount(m.outcomes.decided)} contacts decided.`}
      >
        <ChartOrTable
          view={view}
          title="Type of response decided"
          chart={outcomeChart(m)}
          headings={['Response', 'Referrals', 'Share']}
          rows={outcomeTable(m)}
          onDrill={onDrill}
        />
      </Section>

      <Section id="measures-strategy" title="Strategy discussions and conferences">
        <Box sx={{ ...tiles, mb: 2 }}>
          <MeasureTile
            title="Decisions leading to a strategy discussion"
            big={pct(m.strategy.called.percent)}
            figure={`${formatOf(m.strategy.called)} decisions`}
            drills={[
              {
                drill: 'sd-called',
                label: 'Strategy discussion called for',
                count: m.strategy.called.count,
                text: 'See them',
              },
            ]}
            onDrill={onDrill}
          >
            Strategy discussion or immediate protection decided.
          </MeasureTile>
          <MeasureTile
            title="Strategy discussion held"
            big={pct(m.strategy.held.percent)}
            figure={`${formatOf(m.strategy.held)} called for`}
            drills={[
              {
                drill: 'sd-held',
                label: 'Held',
                count: m.strategy.held.count,
                text: 'See the held',
              },
              {
                drill: 'sd-not-held',
                label: 'Not held yet',
                count: m.strategy.held.of - m.strategy.held.count,
                text: 'See those not held',
              },
            ]}
            onDrill={onDrill}
          />
          <MeasureTile
            title="ICPCs within 15 working days"
            big={pct(m.icpc.inTime.percent)}
            figure={
              m.icpc.inTime.of === 0 && m.icpc.noAnchor === 0
                ? 'No conferences held in this period'
                : `${formatOf(m.icpc.inTime)} in time`
            }
            drills={[
              {
                drill: 'icpc-in-time',
                label: 'ICPCs in time',
                count: m.icpc.inTime.count,
                text: 'See those in time',
              },
              {
                drill: 'icpc-late',
                label: 'ICPCs late',
                count: m.icpc.late,
                text: `See the ${formatCount(m.icpc.late)} late`,
              },
              {
                drill: 'icpc-no-anchor',
                label: 'No date to count from',
                count: m.icpc.noAnchor,
                text: `${formatCount(m.icpc.noAnchor)} with no date to count from`,
              },
            ]}
            onDrill={onDrill}
          >
            Initial child protection conferences held in the period, within {m.icpc.anchor}.
          </MeasureTile>
        </Box>
        <Typography sx={{ mb: 1 }}>
          {a.held === 0
            ? 'No strategy discussions were held in this period.'
            : `${formatCount(a.held)} strategy ${a.held === 1 ? 'discussion' : 'discussions'} held in the period; attendance is recorded for ${formatCount(a.recorded)} (finalised minutes).`}
          {a.manager === null ? ' The policy in force does not require a manager to attend.' : ''}
        </Typography>
        <ChartOrTable
          view={view}
          title="Who was present at strategy discussions"
          chart={attendanceChart(m)}
          headings={['Present', 'Discussions']}
          rows={a.recorded === 0 ? [] : attendanceTable(m)}
          none={a.held === 0 ? null : 'No attendance recorded yet: the minutes are not finalised.'}
          onDrill={onDrill}
        />
      </Section>

      <Section
        id="measures-source"
        title="By referral source"
        intro="Contacts by the census referral source, and how many were decided in time."
      >
        <ChartOrTable
          view={view}
          title="Contacts by referral source"
          chart={sourceChart(m)}
          headings={['Source', 'Contacts', 'Decided', 'Decided in time']}
          rows={sourceTable(m)}
          onDrill={onDrill}
        />
      </Section>

      <Section
        id="measures-member"
        title="By team member"
        intro="Who recorded the decisions, how many were in time, and who holds the contacts now."
      >
        <ChartOrTable
          view={view}
          title="Decisions by team member"
          chart={memberChart(m)}
          headings={['Team member', 'Decided', 'Decided in time', 'Assigned']}
          rows={memberTable(m)}
          onDrill={onDrill}
        />
      </Section>
    </>
  );
}
