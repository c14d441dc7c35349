// The rows of each table and chart, from the figures: one place, so the chart and its table view
// always show the same numbers.
import type { ResponseType } from '../../../../shared/domain/types';
import type { Measures } from '../../../../shared/measures/types';
import type { NumberRow } from './NumbersTable';
import { formatCount, formatPercent, formatRate } from './measures-model';

export type Series = { key: string; label: string };
export type ChartData = {
  rows: { label: string; values: Record<string, number> }[];
  series: Series[];
  /** Values are percentages (0–100) rather than counts. */
  percent: boolean;
};

export function outcomeTable(m: Measures): NumberRow[] {
  return m.outcomes.rows.map((r) => ({
    key: r.response,
    label: r.label,
    cells: [
      {
        text: formatCount(r.count),
        count: r.count,
        drill: { drill: 'outcome', key: r.response, label: r.label },
      },
      { text: formatPercent(r.percent) },
    ],
  }));
}

/** Short enough for a chart's axis; the table gives the full wording. */
const OUTCOME_SHORT: Record<ResponseType, string> = {
  nfa: 'No further action',
  'information-advice': 'Information and advice',
  'early-help': 'Early help',
  's17-assessment': 'Section 17 assessment',
  'strategy-discussion': 'Strategy discussion',
  'emergency-action': 'Immediate protection',
};

/** A census source for a chart's axis: its code and the start of its name. */
function sourceShort(code: string, label: string): string {
  const rest = label.replace(/^(Individual|Health services|LA services): /, '');
  const name = rest.charAt(0).toUpperCase() + rest.slice(1);
  const text = `${code} ${name}`;
  return text.length > 30 ? `${text.slice(0, 29)}…` : text;
}

export function outcomeChart(m: Measures): ChartData {
  return {
    rows: m.outcomes.rows.map((r) => ({
      label: OUTCOME_SHORT[r.response],
      values: { count: r.count },
    })),
    series: [{ key: 'count', label: 'Referrals' }],
    percent: false,
  };
}

type AttendanceLine = { key: string; label: string; rate: Measures['attendance']['police'] };

function attendanceLines(m: Measures): AttendanceLine[] {
  const a = m.attendance;
  const lines: AttendanceLine[] = [
    { key: 'sd-police', label: 'Police', rate: a.police },
    { key: 'sd-health', label: 'Health', rate: a.health },
  ];
  if (a.manager !== null) lines.push({ key: 'sd-manager', label: 'A manager', rate: a.manager });
  lines.push({ key: 'sd-all-present', label: 'Everyone required', rate: a.allPresent });
  return lines;
}

export function attendanceTable(m: Measures): NumberRow[] {
  return attendanceLines(m).map((l) => ({
    key: l.key,
    label: l.label,
    cells: [
      {
        text: formatRate(l.rate),
        count: l.rate.count,
        drill: {
          drill:
            l.key === 'sd-police'
              ? 'sd-police'
              : l.key === 'sd-health'
                ? 'sd-health'
                : l.key === 'sd-manager'
                  ? 'sd-manager'
                  : 'sd-all-present',
          label: `${l.label} present`,
        },
      },
    ],
  }));
}

export function attendanceChart(m: Measures): ChartData {
  return {
    rows: attendanceLines(m).map((l) => ({
      label: l.label,
      values: { present: l.rate.percent ?? 0 },
    })),
    series: [{ key: 'present', label: 'Present (% of discussions)' }],
    percent: true,
  };
}

export function sourceTable(m: Measures): NumberRow[] {
  return m.bySource.map((s) => ({
    key: s.code,
    label: `${s.code} ${s.label}`,
    cells: [
      {
        text: formatCount(s.contacts),
        count: s.contacts,
        drill: { drill: 'source', key: s.code, label: `Source ${s.code}` },
      },
      { text: formatCount(s.decided) },
      {
        text:
          s.decided === 0
            ? '–'
            : formatRate({
                count: s.onTime,
                of: s.decided,
                percent: Math.round((s.onTime / s.decided) * 1000) / 10,
              }),
      },
    ],
  }));
}

export function sourceChart(m: Measures): ChartData {
  return {
    rows: m.bySource.map((s) => ({
      label: sourceShort(s.code, s.label),
      values: {
        onTime: s.onTime,
        late: s.decided - s.onTime,
        undecided: s.contacts - s.decided,
      },
    })),
    series: [
      { key: 'onTime', label: 'Decided in time' },
      { key: 'late', label: 'Decided late' },
      { key: 'undecided', label: 'Not decided yet' },
    ],
    percent: false,
  };
}

export function memberTable(m: Measures): NumberRow[] {
  return m.byMember.map((p) => ({
    key: p.userId,
    label: p.name,
    cells: [
      {
        text: formatCount(p.decided),
        count: p.decided,
        drill: { drill: 'member-decided', key: p.userId, label: `Decided by ${p.name}` },
      },
      {
        text:
          p.decided === 0
            ? '–'
            : formatRate({
                count: p.onTime,
                of: p.decided,
                percent: Math.round((p.onTime / p.decided) * 1000) / 10,
              }),
        count: p.onTime,
        drill: { drill: 'member-on-time', key: p.userId, label: `Decided on time by ${p.name}` },
      },
      {
        text: formatCount(p.assigned),
        count: p.assigned,
        drill: { drill: 'member-assigned', key: p.userId, label: `Assigned to ${p.name}` },
      },
    ],
  }));
}

export function memberChart(m: Measures): ChartData {
  return {
    rows: m.byMember
      .filter((p) => p.decided > 0)
      .map((p) => ({
        label: p.name,
        values: { onTime: p.onTime, late: p.decided - p.onTime },
      })),
    series: [
      { key: 'onTime', label: 'Decided in time' },
      { key: 'late', label: 'Decided late' },
    ],
    percent: false,
  };
}

/** The chart in words, for its accessible description. */
export function describeChart(title: string, data: ChartData): string {
  const unit = (v: number): string => (data.percent ? formatPercent(v) : formatCount(v));
  const parts = data.rows.map(
    (r) =>
      `${r.label}: ${data.series.map((s) => `${s.label.toLowerCase()} ${unit(r.values[s.key] ?? 0)}`).join(', ')}`,
  );
  return `${title}. ${parts.join('; ')}.`;
}
