import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { describe, it, expect } from 'vitest';
import {
  addCalendarMonths,
  clockStatus,
  computeReferralClocks,
  createWorkingDayCalendar,
  decisionClock,
  londonDate,
  londonTime,
  receiptDay,
  shortRuleSource,
} from '../../../../shared/calendar';
import type { ClockId, ReferralEvents, StatutoryClock } from '../../../../shared/calendar';
import type { ResolvedPolicy } from '../../../../shared/policy/types';
import { RULES_2010, makePolicy } from './policy-fixture';

const calendar = createWorkingDayCalendar();
const policy = makePolicy();

// March 2026 is GMT until Sunday 29 March, so Z times are London times before then.
describe('londonDate and londonTime across clock changes', () => {
  it.each([
    ['2026-03-29T00:30:00.000Z', '2026-03-29', '00:30:00'], // still GMT
    ['2026-03-29T01:00:00Z', '2026-03-29', '02:00:00'], // clocks went forward
    ['2026-03-28T23:30:00Z', '2026-03-28', '23:30:00'], // the 28th in London
    ['2026-06-30T23:30:00Z', '2026-07-01', '00:30:00'], // BST: already 1 July
    ['2026-10-25T00:30:00Z', '2026-10-25', '01:30:00'], // first 01:30 (BST)
    ['2026-10-25T01:30:00Z', '2026-10-25', '01:30:00'], // second 01:30 (GMT)
    ['2026-10-24T23:30:00Z', '2026-10-25', '00:30:00'],
    ['2026-06-30T23:30:00+01:00', '2026-06-30', '23:30:00'],
  ])('%s is %s %s in London', (instant, date, time) => {
    expect(londonDate(instant)).toBe(date);
    expect(londonTime(instant)).toBe(time);
  });

  it('agrees with the zone database every quarter hour across clock changes, and anywhere since 1900', () => {
    // An independent reading of the same instant: date-fns formatting in Europe/London.
    const london = tz('Europe/London');
    const check = (ms: number) => {
      const iso = new Date(ms).toISOString();
      expect(`${londonDate(iso)} ${londonTime(iso)}`, iso).toBe(
        format(new Date(ms), 'yyyy-MM-dd HH:mm:ss', { in: london }),
      );
    };
    // Forward and back in 2026, 1980 (02:00 GMT, before the EU rule), 1941 (double summer time).
    for (const day of ['2026-03-29', '2026-10-25', '1980-03-16', '1980-10-26', '1941-05-04'])
      for (let q = -16; q <= 16; q++) check(Date.parse(`${day}T01:00:00Z`) + q * 15 * 60_000);
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const from = Date.UTC(1900, 0, 1);
    const to = Date.UTC(2100, 0, 1);
    for (let i = 0; i < 5000; i++) check(Math.floor(from + next() * (to - from)));
    // Before 1900 London kept local mean time for a while: read through the zone database.
    check(Date.UTC(1847, 0, 1, 12));
  });

  it.each(['2026-03-03T10:00:00', '2026-02-30T10:00:00Z', '2026-03-03', 'yesterday'])(
    'rejects %j (no offset or not a real instant)',
    (bad) => {
      expect(() => londonDate(bad)).toThrow(/Invalid instant/);
    },
  );
});

describe('receiptDay (out-of-hours rule: next working day)', () => {
  const receipt = (at: string) => receiptDay(at, policy, calendar);

  it('in hours on a working day: counted from that day', () => {
    expect(receipt('2026-03-03T16:00:00Z')).toMatchObject({
      londonDate: '2026-03-03',
      countedFrom: '2026-03-03',
      outOfHours: false,
    });
    expect(receipt('2026-03-03T09:00:00Z').outOfHours).toBe(false); // opening minute is in hours
  });

  it('after closing on Tuesday: counted from Wednesday', () => {
    const r = receipt('2026-03-03T18:30:00Z');
    expect(r).toMatchObject({
      londonDate: '2026-03-03',
      countedFrom: '2026-03-04',
      outOfHours: true,
    });
    expect(r.reason).toMatch(/after the office closed at 17:00/);
    expect(r.reason).toMatch(/Wednesday 4 March 2026/);
  });

  it('closing time itself is out of hours; a second before is not', () => {
    expect(receipt('2026-03-06T16:59:59Z').countedFrom).toBe('2026-03-06');
    expect(receipt('2026-03-06T17:00:00Z').countedFrom).toBe('2026-03-09');
  });

  it('Friday 17:30: counted from Monday', () => {
    expect(receipt('2026-03-06T17:30:00Z')).toMatchObject({
      londonDate: '2026-03-06',
      countedFrom: '2026-03-09',
      outOfHours: true,
    });
  });

  it('before opening on a working day: treated as received at opening that day', () => {
    const r = receipt('2026-03-04T07:00:00Z');
    expect(r).toMatchObject({
      londonDate: '2026-03-04',
      countedFrom: '2026-03-04',
      outOfHours: true,
    });
    expect(r.reason).toMatch(/before the office opened at 09:00/);
  });

  it('Saturday and Sunday: counted from Monday', () => {
    expect(receipt('2026-03-07T11:00:00Z')).toMatchObject({
      countedFrom: '2026-03-09',
      outOfHours: true,
    });
    expect(receipt('2026-03-08T11:00:00Z').countedFrom).toBe('2026-03-09');
    expect(receipt('2026-03-07T11:00:00Z').reason).toMatch(/not a working day \(Saturday\)/);
  });

  it('bank holiday Monday (Easter Monday 2026, in BST): counted from Tuesday', () => {
    const r = receipt('2026-04-06T09:00:00Z'); // 10:00 BST
    expect(r).toMatchObject({
      londonDate: '2026-04-06',
      countedFrom: '2026-04-07',
      outOfHours: true,
    });
    expect(r.reason).toMatch(/Easter Monday/);
  });

  it('Thursday evening before Easter: counted from the Tuesday after', () => {
    expect(receipt('2026-04-02T17:30:00Z').countedFrom).toBe('2026-04-07'); // 18:30 BST
  });

  it('Christmas week 2026: Christmas Eve after hours → Tuesday 29 December', () => {
    expect(receipt('2026-12-24T17:30:00Z').countedFrom).toBe('2026-12-29');
    expect(receipt('2026-12-25T10:00:00Z').countedFrom).toBe('2026-12-29');
    expect(receipt('2026-12-28T10:00:00Z').reason).toMatch(/Boxing Day \(substitute day\)/);
  });

  it('office hours are London time in summer: 16:30Z is 17:30 BST, out of hours', () => {
    expect(receipt('2026-06-30T15:59:00Z').countedFrom).toBe('2026-06-30');
    expect(receipt('2026-06-30T16:30:00Z').countedFrom).toBe('2026-07-01');
  });

  it('DST days: 00:30Z on Sunday 29 March and 23:30Z on Saturday 28 March both count from Monday', () => {
    expect(receipt('2026-03-29T00:30:00.000Z')).toMatchObject({
      londonDate: '2026-03-29',
      countedFrom: '2026-03-30',
    });
    expect(receipt('2026-03-28T23:30:00Z')).toMatchObject({
      londonDate: '2026-03-28',
      countedFrom: '2026-03-30',
    });
    expect(receipt('2026-10-25T01:30:00Z').countedFrom).toBe('2026-10-26');
  });

  it('23:30Z on Tuesday 30 June 2026 is 00:30 BST Wednesday, before opening: counted from Wednesday', () => {
    expect(receipt('2026-06-30T23:30:00Z')).toMatchObject({
      londonDate: '2026-07-01',
      londonTime: '00:30:00',
      countedFrom: '2026-07-01',
      outOfHours: true,
    });
  });

  it('closure days count as non-working', () => {
    const closed = createWorkingDayCalendar({ closures: ['2026-03-09'] });
    expect(receiptDay('2026-03-06T17:30:00Z', policy, closed).countedFrom).toBe('2026-03-10');
  });

  it('day-of-receipt rule counts from the calendar day whatever the time', () => {
    const local = makePolicy({ local: { outOfHoursRule: 'day-of-receipt' } });
    const saturday = receiptDay('2026-03-07T11:00:00Z', local, calendar);
    expect(saturday).toMatchObject({ countedFrom: '2026-03-07', outOfHours: true });
    expect(receiptDay('2026-03-06T17:30:00Z', local, calendar).countedFrom).toBe('2026-03-06');
  });

  it('rejects bad office hours and bad instants', () => {
    expect(() =>
      receiptDay('2026-03-03T10:00:00Z', { ...policy, officeHoursStart: '9:00' }, calendar),
    ).toThrow(/office opening time "9:00".*HH:mm/);
    expect(() =>
      receiptDay('2026-03-03T10:00:00Z', { ...policy, officeHoursStart: '17:00' }, calendar),
    ).toThrow(/opening time must be before the closing time/);
    expect(() => receiptDay('2026-03-03 10:00', policy, calendar)).toThrow(
      /Invalid time of receipt/,
    );
  });
});

describe('clockStatus', () => {
  const due = '2026-03-10'; // Tuesday

  it('not-started without a due date', () => {
    expect(clockStatus(null, '2026-03-05', calendar)).toEqual({ kind: 'not-started' });
  });

  it('on time: working days left up to and including the due date', () => {
    expect(clockStatus(due, '2026-03-05', calendar)).toEqual({
      kind: 'on-time',
      workingDaysLeft: 3,
    });
    expect(clockStatus(due, '2026-03-09', calendar)).toEqual({
      kind: 'on-time',
      workingDaysLeft: 1,
    });
    expect(clockStatus(due, '2026-03-07', calendar)).toEqual({
      kind: 'on-time',
      workingDaysLeft: 2,
    });
    // Across Easter: Thursday before, due Tuesday after, one working day between.
    expect(clockStatus('2026-04-07', '2026-04-02', calendar)).toEqual({
      kind: 'on-time',
      workingDaysLeft: 1,
    });
  });

  it('due today', () => {
    expect(clockStatus(due, due, calendar)).toEqual({ kind: 'due-today' });
  });

  it('overdue by N working days', () => {
    expect(clockStatus(due, '2026-03-11', calendar)).toEqual({
      kind: 'overdue',
      workingDaysOverdue: 1,
    });
    expect(clockStatus(due, '2026-03-13', calendar)).toEqual({
      kind: 'overdue',
      workingDaysOverdue: 3,
    });
    // Saturday after a Friday deadline: the earliest it can now be done is Monday, 1 WD late.
    expect(clockStatus('2026-03-13', '2026-03-14', calendar)).toEqual({
      kind: 'overdue',
      workingDaysOverdue: 1,
    });
    expect(clockStatus(due, '2026-03-14', calendar)).toEqual({
      kind: 'overdue',
      workingDaysOverdue: 4,
    });
  });

  it('met on time, met late, met without a due date', () => {
    expect(clockStatus(due, '2026-03-20', calendar, '2026-03-10')).toEqual({
      kind: 'met',
      on: '2026-03-10',
      late: false,
    });
    expect(clockStatus(due, '2026-03-20', calendar, '2026-03-11')).toEqual({
      kind: 'met',
      on: '2026-03-11',
      late: true,
    });
    expect(clockStatus(null, '2026-03-20', calendar, '2026-03-11')).toEqual({
      kind: 'met',
      on: '2026-03-11',
      late: false,
    });
  });

  it('validates its dates', () => {
    expect(() => clockStatus('2026-02-30', '2026-03-01', calendar)).toThrow(/Invalid due date/);
  });
});

function clocksFor(
  events: ReferralEvents,
  now: string,
  p: ResolvedPolicy = policy,
  receivedAt = '2026-03-03T10:00:00Z',
) {
  return computeReferralClocks({ receivedAt, policy: p, calendar, events, now });
}

function clock(clocks: readonly StatutoryClock[], id: ClockId): StatutoryClock {
  const found = clocks.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no ${id} clock`);
  return found;
}

const ids = (clocks: readonly StatutoryClock[]): ClockId[] => clocks.map((c) => c.id);

describe('computeReferralClocks: decision and assessment (2018-like policy)', () => {
  it('a new referral on Tuesday 3 March 2026', () => {
    const { receipt, today, clocks } = clocksFor({}, '2026-03-03T14:00:00Z');
    expect(receipt.countedFrom).toBe('2026-03-03');
    expect(today).toBe('2026-03-03');
    expect(ids(clocks)).toEqual(['decision', 'assessment', 'internal-review']);
    expect(clock(clocks, 'decision')).toMatchObject({
      startsFrom: '2026-03-03',
      due: '2026-03-04',
      status: { kind: 'on-time', workingDaysLeft: 1 },
    });
    expect(clock(clocks, 'assessment')).toMatchObject({
      startsFrom: '2026-03-03',
      due: '2026-05-08',
    });
    // The internal review point waits for the assessment to start: no false "overdue".
    expect(clock(clocks, 'internal-review')).toMatchObject({
      startsFrom: null,
      due: null,
      status: { kind: 'not-started' },
      waitingFor: 'Starts when the assessment starts',
    });
  });

  it('rules name the timescale and the source', () => {
    const { clocks } = clocksFor({}, '2026-03-03T14:00:00Z');
    const decision = clock(clocks, 'decision');
    expect(decision.rule).toMatch(/within 1 working day of receiving the referral/);
    expect(decision.rule).toMatch(
      /Working Together 2018, fixture reference for decisionWorkingDays/,
    );
    expect(decision.policyKey).toBe('decisionWorkingDays');
    expect(clock(clocks, 'assessment').rule).toMatch(/45 working days/);
  });

  it('a local override shows as local policy in the rule text', () => {
    const local = makePolicy({ local: { internalReviewWorkingDays: 15 } });
    const { clocks } = clocksFor(
      { assessmentStartDate: '2026-03-04' },
      '2026-03-03T14:00:00Z',
      local,
    );
    const review = clock(clocks, 'internal-review');
    expect(review.rule).toMatch(/within 15 working days.*local policy: fixture override/);
    expect(review.source.kind).toBe('local');
    expect(review.plain).toMatch(/within 15 working days.*\.$/);
    expect(review.rule.startsWith(review.plain.slice(0, -1))).toBe(true);
    expect(review.plain).not.toMatch(/fixture override/);
    expect(shortRuleSource(review.source)).toBe('Local policy');
  });

  it('a short source names the edition and chapter, or says it is a local setting', () => {
    expect(
      shortRuleSource({
        kind: 'edition',
        edition: 2023,
        reference: 'WT 2023 ch.3: within one working day of a referral',
      }),
    ).toBe('Working Together 2023, ch.3');
    expect(shortRuleSource({ kind: 'default', note: 'Local setting. Default: day 10.' })).toBe(
      'Local setting (default)',
    );
    expect(
      shortRuleSource({
        kind: 'statute',
        reference: 'Children (Private Arrangements for Fostering) Regulations 2005, reg 4: visit',
      }),
    ).toBe('Children (Private Arrangements for Fostering) Regulations 2005, reg 4');
  });

  it('decision due today, then overdue by N working days', () => {
    expect(clock(clocksFor({}, '2026-03-04T08:00:00Z').clocks, 'decision').status).toEqual({
      kind: 'due-today',
    });
    expect(clock(clocksFor({}, '2026-03-06T12:00:00Z').clocks, 'decision').status).toEqual({
      kind: 'overdue',
      workingDaysOverdue: 2,
    });
  });

  it('decision met on time and met late (the London date of the decision counts)', () => {
    const onTime = clocksFor({ decisionAt: '2026-03-04T16:00:00Z' }, '2026-03-10T12:00:00Z');
    expect(clock(onTime.clocks, 'decision').status).toEqual({
      kind: 'met',
      on: '2026-03-04',
      late: false,
    });
    const late = clocksFor({ decisionAt: '2026-03-05T09:30:00Z' }, '2026-03-10T12:00:00Z');
    expect(clock(late.clocks, 'decision').status).toEqual({
      kind: 'met',
      on: '2026-03-05',
      late: true,
    });
  });

  it('Friday 17:30 receipt: decision due Tuesday', () => {
    const { clocks } = clocksFor({}, '2026-03-07T12:00:00Z', policy, '2026-03-06T17:30:00Z');
    expect(clock(clocks, 'decision')).toMatchObject({
      startsFrom: '2026-03-09',
      due: '2026-03-10',
      status: { kind: 'on-time', workingDaysLeft: 2 },
    });
  });

  it('"now" is read in London: 23:30Z on 30 June 2026 is 1 July', () => {
    const { today } = clocksFor({}, '2026-06-30T23:30:00Z');
    expect(today).toBe('2026-07-01');
  });

  it('internal review counts from the assessment start once recorded; met when held', () => {
    const { clocks } = clocksFor(
      { assessmentStartDate: '2026-03-05', internalReviewDate: '2026-03-19' },
      '2026-03-25T12:00:00Z',
    );
    expect(clock(clocks, 'internal-review')).toMatchObject({
      startsFrom: '2026-03-05',
      due: '2026-03-19',
      status: { kind: 'met', on: '2026-03-19', late: false },
    });
    expect(clock(clocks, 'internal-review').rule).toMatch(/of the assessment start/);
  });

  it('assessment met late', () => {
    const { clocks } = clocksFor({ assessmentCompletedDate: '2026-05-11' }, '2026-05-12T12:00:00Z');
    expect(clock(clocks, 'assessment').status).toEqual({
      kind: 'met',
      on: '2026-05-11',
      late: true,
    });
  });

  it.each(['nfa', 'information-advice', 'early-help'] as const)(
    'no assessment clocks after a %s decision',
    (decisionResponse) => {
      const { clocks } = clocksFor(
        { decisionAt: '2026-03-03T15:00:00Z', decisionResponse },
        '2026-03-05T12:00:00Z',
      );
      expect(ids(clocks)).toEqual(['decision']);
    },
  );

  it('rejects invalid event dates with the field named', () => {
    expect(() => clocksFor({ icpcDate: '2026-04-31' }, '2026-05-01T12:00:00Z')).toThrow(
      /Invalid ICPC date/,
    );
    expect(() => clocksFor({ decisionAt: '2026-03-04' }, '2026-05-01T12:00:00Z')).toThrow(
      /Invalid decision time/,
    );
  });
});

describe('computeReferralClocks: 2010 edition (initial and core assessment)', () => {
  const p2010 = makePolicy({ edition: 2010, rules: RULES_2010 });

  it('initial assessment 10 WD from referral; core assessment 35 WD from its own start', () => {
    const before = clocksFor({}, '2026-03-04T12:00:00Z', p2010);
    expect(ids(before.clocks)).toEqual([
      'decision',
      'initial-assessment',
      'core-assessment',
      'internal-review',
    ]);
    expect(clock(before.clocks, 'initial-assessment')).toMatchObject({
      due: '2026-03-17',
      status: { kind: 'on-time', workingDaysLeft: 9 },
    });
    expect(clock(before.clocks, 'core-assessment')).toMatchObject({
      due: null,
      startsFrom: null,
      status: { kind: 'not-started' },
    });

    const started = clocksFor(
      { assessmentStartDate: '2026-03-16', initialAssessmentCompletedDate: '2026-03-13' },
      '2026-03-20T12:00:00Z',
      p2010,
    );
    // 35 WD from Mon 16 March 2026: Easter (3 and 6 April) and early May (4 May) skipped.
    expect(clock(started.clocks, 'core-assessment')).toMatchObject({
      startsFrom: '2026-03-16',
      due: '2026-05-07',
    });
    expect(clock(started.clocks, 'initial-assessment').status).toEqual({
      kind: 'met',
      on: '2026-03-13',
      late: false,
    });
  });
});

describe('computeReferralClocks: strategy discussion and child protection conferences', () => {
  const decided: ReferralEvents = {
    decisionAt: '2026-03-04T11:00:00Z',
    decisionResponse: 'strategy-discussion',
  };

  it('strategy discussion due 1 WD after the decision, before any discussion is held', () => {
    const { clocks } = clocksFor(decided, '2026-03-04T12:00:00Z');
    expect(ids(clocks)).toEqual([
      'decision',
      'assessment',
      'internal-review',
      'strategy-discussion',
    ]);
    expect(clock(clocks, 'strategy-discussion')).toMatchObject({
      startsFrom: '2026-03-04',
      due: '2026-03-05',
      status: { kind: 'on-time', workingDaysLeft: 1 },
    });
  });

  it('emergency action also calls for a strategy discussion', () => {
    const { clocks } = clocksFor(
      { decisionAt: '2026-03-04T11:00:00Z', decisionResponse: 'emergency-action' },
      '2026-03-06T12:00:00Z',
    );
    expect(clock(clocks, 'strategy-discussion').status).toEqual({
      kind: 'overdue',
      workingDaysOverdue: 1,
    });
  });

  it('one discussion that decided no section 47 enquiry: no conference clock, never overdue', () => {
    const { clocks } = clocksFor(
      { ...decided, strategyDiscussions: [{ date: '2026-03-05', s47: 'no' }] },
      '2026-06-01T12:00:00Z',
    );
    expect(ids(clocks)).not.toContain('icpc');
    expect(ids(clocks)).not.toContain('first-core-group');
  });

  it('a discussion whose s47 decision is not recorded asks for it, with no date', () => {
    const { clocks } = clocksFor(
      { ...decided, strategyDiscussions: [{ date: '2026-03-05', s47: null }] },
      '2026-06-01T12:00:00Z',
    );
    expect(clock(clocks, 'icpc')).toMatchObject({
      due: null,
      status: { kind: 'not-started' },
    });
    expect(clock(clocks, 'icpc').waitingFor).toMatch(/Record whether the strategy discussion/);
    expect(ids(clocks)).not.toContain('first-core-group');
  });

  const twoDiscussions: ReferralEvents = {
    ...decided,
    strategyDiscussions: [
      { date: '2026-03-12', s47: 'yes' },
      { date: '2026-03-05', s47: 'yes' },
    ],
    s47StartDate: '2026-03-05',
  };
  const likelyHarm: ReferralEvents = {
    ...twoDiscussions,
    s47Outcome: { outcome: 'likely-significant-harm', date: '2026-03-18' },
  };

  it('s47 started, outcome not yet known: the conference waits, with its provisional date', () => {
    const { clocks } = clocksFor(twoDiscussions, '2026-04-20T12:00:00Z');
    expect(clock(clocks, 'icpc')).toMatchObject({
      due: null,
      startsFrom: null,
      provisionalDue: '2026-04-02',
      status: { kind: 'not-started' },
    });
    expect(clock(clocks, 'icpc').waitingFor).toMatch(/likely to suffer significant harm/);
    expect(clock(clocks, 'first-core-group').status).toEqual({ kind: 'not-started' });
  });

  it.each([
    ['not-substantiated', /concerns not substantiated/],
    ['substantiated-not-likely-harm', /not judged likely/],
  ] as const)('outcome %s: no conference is required', (outcome, text) => {
    const { clocks } = clocksFor(
      { ...twoDiscussions, s47Outcome: { outcome, date: '2026-03-20' } },
      '2026-06-01T12:00:00Z',
    );
    const icpc = clock(clocks, 'icpc');
    expect(icpc.status.kind).toBe('not-required');
    if (icpc.status.kind === 'not-required') expect(icpc.status.reason).toMatch(text);
    expect(icpc.due).toBeNull();
    expect(ids(clocks)).not.toContain('first-core-group');
  });

  it('census ICPCnotRequired recorded: not required, with the reason', () => {
    const { clocks } = clocksFor(
      {
        ...likelyHarm,
        icpcNotRequired: { date: '2026-03-20', reason: 'Already subject of a plan elsewhere' },
      },
      '2026-06-01T12:00:00Z',
    );
    const icpc = clock(clocks, 'icpc');
    expect(icpc.status.kind).toBe('not-required');
    if (icpc.status.kind === 'not-required') expect(icpc.status.reason).toMatch(/Already subject/);
  });

  it('ICPC anchored on the last strategy discussion (two held; WT 2013 onward)', () => {
    const { clocks } = clocksFor(likelyHarm, '2026-03-20T12:00:00Z');
    expect(clock(clocks, 'strategy-discussion').status).toEqual({
      kind: 'met',
      on: '2026-03-05',
      late: false,
    });
    // 15 WD from Thu 12 March 2026.
    expect(clock(clocks, 'icpc')).toMatchObject({
      startsFrom: '2026-03-12',
      due: '2026-04-02',
      status: { kind: 'on-time', workingDaysLeft: 9 },
    });
    expect(clock(clocks, 'icpc').rule).toMatch(/15 working days of the last strategy discussion/);
    expect(clock(clocks, 'first-core-group').status).toEqual({ kind: 'not-started' });
    expect(clock(clocks, 'first-review-conference').status).toEqual({ kind: 'not-started' });
  });

  it('2010 anchor: the discussion at which the s47 enquiry was initiated (two held)', () => {
    const p2010 = makePolicy({ edition: 2010, rules: RULES_2010 });
    const { clocks } = clocksFor(likelyHarm, '2026-03-20T12:00:00Z', p2010);
    // 15 WD from Thu 5 March 2026 (the first discussion started the enquiry).
    expect(clock(clocks, 'icpc')).toMatchObject({ startsFrom: '2026-03-05', due: '2026-03-26' });
    expect(clock(clocks, 'icpc').rule).toMatch(/at which the section 47 enquiry was started/);
    // A first discussion that decided no s47, then one that started it: the second anchors.
    const later = clocksFor(
      {
        ...decided,
        strategyDiscussions: [
          { date: '2026-03-05', s47: 'no' },
          { date: '2026-03-12', s47: 'yes' },
          { date: '2026-03-19', s47: 'yes' },
        ],
        s47Outcome: { outcome: 'likely-significant-harm', date: '2026-03-25' },
      },
      '2026-03-26T12:00:00Z',
      p2010,
    );
    expect(clock(later.clocks, 'icpc')).toMatchObject({
      startsFrom: '2026-03-12',
      due: '2026-04-02',
    });
  });

  it('2018 anchor with the same three discussions: the last one', () => {
    const { clocks } = clocksFor(
      {
        ...decided,
        strategyDiscussions: [
          { date: '2026-03-05', s47: 'no' },
          { date: '2026-03-12', s47: 'yes' },
          { date: '2026-03-19', s47: 'yes' },
        ],
        s47Outcome: { outcome: 'likely-significant-harm', date: '2026-03-25' },
      },
      '2026-03-26T12:00:00Z',
    );
    // 15 WD from Thu 19 March 2026, skipping Good Friday and Easter Monday.
    expect(clock(clocks, 'icpc')).toMatchObject({ startsFrom: '2026-03-19', due: '2026-04-13' });
  });

  it('the s47 start defaults to the first discussion that started it', () => {
    const p = makePolicy({ local: { icpcAnchor: 's47-start' } });
    const { s47StartDate: _drop, ...noStart } = likelyHarm;
    const { clocks } = clocksFor(noStart, '2026-03-20T12:00:00Z', p);
    expect(clock(clocks, 'icpc')).toMatchObject({ startsFrom: '2026-03-05', due: '2026-03-26' });
  });

  it('ICPC anchored on the s47 start (same two discussions)', () => {
    const p = makePolicy({ local: { icpcAnchor: 's47-start' } });
    const { clocks } = clocksFor(likelyHarm, '2026-03-27T12:00:00Z', p);
    // 15 WD from Thu 5 March 2026.
    expect(clock(clocks, 'icpc')).toMatchObject({
      startsFrom: '2026-03-05',
      due: '2026-03-26',
      status: { kind: 'overdue', workingDaysOverdue: 1 },
    });
    expect(clock(clocks, 'icpc').rule).toMatch(/start of the section 47 enquiry.*local policy/);
  });

  it('strategy discussions after the ICPC do not move its target', () => {
    const { clocks } = clocksFor(
      {
        ...likelyHarm,
        strategyDiscussions: [
          { date: '2026-03-05', s47: 'yes' },
          { date: '2026-03-12', s47: 'yes' },
          { date: '2026-05-20', s47: 'yes' },
        ],
        icpcDate: '2026-04-01',
      },
      '2026-05-21T12:00:00Z',
    );
    expect(clock(clocks, 'icpc')).toMatchObject({
      startsFrom: '2026-03-12',
      due: '2026-04-02',
      status: { kind: 'met', on: '2026-04-01', late: false },
    });
  });

  it('the ICPC target is never a weekend or bank holiday, whatever the anchor day', () => {
    const p = makePolicy({ local: { icpcAnchor: 's47-start' } });
    for (let ms = Date.UTC(2026, 0, 1); ms <= Date.UTC(2027, 11, 31); ms += 86_400_000) {
      const anchor = new Date(ms).toISOString().slice(0, 10);
      const { clocks } = clocksFor(
        {
          s47StartDate: anchor,
          s47Outcome: { outcome: 'likely-significant-harm', date: anchor },
        },
        '2026-01-01T12:00:00Z',
        p,
      );
      const due = clock(clocks, 'icpc').due;
      expect(due).not.toBeNull();
      if (due !== null) expect(calendar.isWorkingDay(due), `${anchor} → ${due}`).toBe(true);
    }
  });

  it('first core group 10 WD after the ICPC; first review within 3 months', () => {
    const { clocks } = clocksFor(
      { ...likelyHarm, icpcDate: '2026-04-02', firstCoreGroupDate: '2026-04-21' },
      '2026-04-22T12:00:00Z',
    );
    expect(clock(clocks, 'icpc').status).toEqual({ kind: 'met', on: '2026-04-02', late: false });
    expect(clock(clocks, 'first-core-group')).toMatchObject({
      startsFrom: '2026-04-02',
      due: '2026-04-20',
      status: { kind: 'met', on: '2026-04-21', late: true },
    });
    expect(clock(clocks, 'first-review-conference')).toMatchObject({
      startsFrom: '2026-04-02',
      due: '2026-07-02',
    });
    expect(ids(clocks)).not.toContain('next-review-conference');
  });

  it('first review landing on a weekend moves EARLIER to the previous working day', () => {
    // ICPC Fri 29 May 2026 + 3 months = Sat 29 August → Fri 28 August.
    const { clocks } = clocksFor({ ...likelyHarm, icpcDate: '2026-05-29' }, '2026-06-01T12:00:00Z');
    expect(clock(clocks, 'first-review-conference').due).toBe('2026-08-28');
    expect(clock(clocks, 'first-review-conference').rule).toMatch(/working day before it/);
  });

  it('first review landing on a bank holiday moves earlier past Christmas', () => {
    // ICPC Mon 28 Sep 2026 + 3 months = Mon 28 Dec (substitute Boxing Day) → Thu 24 Dec.
    const { clocks } = clocksFor({ ...likelyHarm, icpcDate: '2026-09-28' }, '2026-10-01T12:00:00Z');
    expect(clock(clocks, 'first-review-conference').due).toBe('2026-12-24');
  });

  it('first review clamps at month end: 30 Nov + 3 months = Sun 28 Feb → Fri 26 Feb', () => {
    expect(addCalendarMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addCalendarMonths('2027-11-30', 3)).toBe('2028-02-29');
    const { clocks } = clocksFor({ ...likelyHarm, icpcDate: '2026-11-30' }, '2026-12-01T12:00:00Z');
    expect(clock(clocks, 'first-review-conference').due).toBe('2027-02-26');
  });

  it('reviews: first met, then the next within 6 months of the last (rolling)', () => {
    const { clocks } = clocksFor(
      { ...likelyHarm, icpcDate: '2026-04-02', reviewConferenceDates: ['2026-07-01'] },
      '2026-12-31T12:00:00Z',
    );
    expect(clock(clocks, 'first-review-conference').status).toEqual({
      kind: 'met',
      on: '2026-07-01',
      late: false,
    });
    // 1 Jan 2027 is New Year's Day → Thu 31 Dec 2026, which is today.
    expect(clock(clocks, 'next-review-conference')).toMatchObject({
      startsFrom: '2026-07-01',
      due: '2026-12-31',
      status: { kind: 'due-today' },
    });
  });
});

describe('computeReferralClocks: what the referral says and when it arrived', () => {
  it('the assessment counts from the actual referral date, not the out-of-hours day 0', () => {
    // Friday 6 March 2026 at 22:00: the decision counts from Monday 9 March, but the census
    // referral date (CINreferralDate) is Friday 6 March, and the assessment counts from it.
    const { clocks, receipt } = clocksFor(
      {},
      '2026-03-09T12:00:00Z',
      policy,
      '2026-03-06T22:00:00Z',
    );
    expect(receipt.countedFrom).toBe('2026-03-09');
    expect(clock(clocks, 'decision')).toMatchObject({
      startsFrom: '2026-03-09',
      due: '2026-03-10',
    });
    // 45 WD from Fri 6 March 2026, skipping Good Friday, Easter Monday and early May.
    expect(clock(clocks, 'assessment')).toMatchObject({
      startsFrom: '2026-03-06',
      due: '2026-05-13',
    });
  });

  it('may need immediate protection: the decision is due the day it arrived, even out of hours', () => {
    const saturdayNight = '2026-03-07T22:30:00Z';
    const r = computeReferralClocks({
      receivedAt: saturdayNight,
      immediateProtection: true,
      policy,
      calendar,
      now: '2026-03-07T22:40:00Z',
    });
    expect(clock(r.clocks, 'decision')).toMatchObject({
      startsFrom: '2026-03-07',
      due: '2026-03-07',
      status: { kind: 'due-today' },
    });
    expect(clock(r.clocks, 'decision').plain).toMatch(/immediate protection: decide now/);
    const nextDay = computeReferralClocks({
      receivedAt: saturdayNight,
      immediateProtection: true,
      policy,
      calendar,
      now: '2026-03-08T09:00:00Z',
    });
    expect(clock(nextDay.clocks, 'decision').status.kind).toBe('overdue');
  });

  it('decisionClock gives the queue the same due date as the page', () => {
    for (const [at, ip] of [
      ['2026-03-06T17:30:00Z', false],
      ['2026-03-06T17:30:00Z', true],
      ['2026-12-24T16:59:00Z', false],
      ['2026-03-29T00:30:00Z', false],
    ] as const) {
      const page = computeReferralClocks({
        receivedAt: at,
        immediateProtection: ip,
        policy,
        calendar,
        now: at,
      });
      expect(clock(page.clocks, 'decision').due).toBe(decisionClock(at, ip, policy, calendar).due);
    }
  });
});
