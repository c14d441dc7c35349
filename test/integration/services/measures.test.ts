// The Measures screen's figures against a dataset counted by hand (issue 14 "Measures"). Every
// referral goes through the real services (create, decide, strategy discussions and minutes,
// progress, letters), with the clock set to when each thing happened. The expected numbers are
// written out below with how each was counted; the lists behind the figures must hold exactly
// the referrals counted.
//
// Period: 01/12/2026 to 31/12/2026 (GMT throughout). Office hours 09:00–17:00; the decision is
// due one working day after day 0. Bank holidays: Fri 25/12 and Mon 28/12/2026 (Boxing Day
// substitute); 01/01/2027.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReferralRecord } from '../../../shared/domain/records';
import type { Drill } from '../../../shared/measures/types';
import { testEnv, type TestEnv } from '../../helpers/store-fixtures';
import { ANSWERS, decide, discussion, progress, receive, tellOutcome } from './measures-env';

let env: TestEnv;
const as = () => ({ user: env.admin });
const PERIOD = { from: '2026-12-01', to: '2026-12-31' };

/** Every referral id a drill lists (all pages). */
async function drill(d: Drill, key?: string): Promise<string[]> {
  const out: string[] = [];
  for (let page = 0; ; page++) {
    const p = await env.services.measures.drill(as(), {
      ...PERIOD,
      drill: d,
      ...(key === undefined ? {} : { key }),
      page,
      pageSize: 2,
    });
    out.push(...p.rows.map((row) => row.id));
    if ((page + 1) * 2 >= p.total) {
      expect(out).toHaveLength(p.total);
      return out;
    }
  }
}

const ids = (...rs: ReferralRecord[]) => rs.map((r) => r.id).sort();
const sorted = (xs: string[]) => [...xs].sort();

type Key =
  | 'e1'
  | 'e2'
  | 'n1'
  | 'n2'
  | 'r1'
  | 'r2'
  | 'r3'
  | 'r4'
  | 'r5'
  | 'r6'
  | 'r7'
  | 'r8'
  | 'r9'
  | 'r10'
  | 'r11'
  | 'r12'
  | 'r13';
/** The dataset's referrals by name; every one is set in beforeEach. */
let R: Record<Key, ReferralRecord>;

beforeEach(async () => {
  env = await testEnv();
  R = {} as typeof R;
  // Before the period (never counted as received; they feed re-referrals and ICPCs).
  R.e1 = await receive(env, '2025-11-01T10:00:00.000Z'); // over 12 months before R.r12
  R.e2 = await receive(env, '2026-03-15T10:00:00.000Z'); // 9 months before R.r11
  // Two November referrals whose conferences are held in December (the ICPC measure).
  R.n1 = await receive(env, '2026-11-16T09:30:00.000Z');
  R.n1 = await decide(env, R.n1, '2026-11-16T11:00:00.000Z', 'strategy-discussion');
  await progress(env, R.n1, {
    kind: 'strategy-discussion',
    date: '2026-11-16',
    s47: 'yes',
    s47Type: 'single-agency',
  });
  R.n2 = await receive(env, '2026-11-02T09:30:00.000Z');
  R.n2 = await decide(env, R.n2, '2026-11-02T11:00:00.000Z', 'strategy-discussion');
  await progress(env, R.n2, {
    kind: 'strategy-discussion',
    date: '2026-11-02',
    s47: 'yes',
    s47Type: 'single-agency',
  });
  await progress(env, R.n2, { kind: 'icpc-held', date: '2026-12-01' }); // due 23/11: late
  await progress(env, R.n1, { kind: 'icpc-held', date: '2026-12-04' }); // due 07/12: in time

  // In the period. "due" is the decision clock's last day.
  R.r1 = await receive(env, '2026-12-01T10:00:00.000Z'); // Tue, due Wed 02/12
  R.r2 = await receive(env, '2026-12-01T11:00:00.000Z'); // Tue, due Wed 02/12
  R.r1 = await decide(env, R.r1, '2026-12-02T16:00:00.000Z', 's17-assessment'); // in time
  R.r2 = await decide(env, R.r2, '2026-12-03T09:30:00.000Z', 'nfa'); // late
  await tellOutcome(env, R.r1, '2026-12-03T12:00:00.000Z'); // 1 working day after the decision
  R.r3 = await receive(env, '2026-12-04T16:00:00.000Z'); // Fri in hours: due Mon 07/12 (weekend)
  R.r4 = await receive(env, '2026-12-04T18:30:00.000Z', {
    referrer: {
      kind: 'anonymous',
      toldAnonymityCannotBeGuaranteed: true,
      wantsFeedback: false,
      feedbackMethod: 'none',
    },
    referralSourceCode: '9',
  }); // Fri after 17:00: day 0 Mon 07/12, due Tue 08/12; anonymous
  R.r5 = await receive(env, '2026-12-05T10:00:00.000Z'); // Sat: day 0 Mon 07/12, due Tue 08/12
  R.r8 = await receive(env, '2026-12-07T10:00:00.000Z', { referralSourceCode: '6' }); // due Tue 08/12
  R.r3 = await decide(env, R.r3, '2026-12-07T12:00:00.000Z', 'early-help'); // in time
  R.r8 = await decide(env, R.r8, '2026-12-07T12:30:00.000Z', 'emergency-action'); // in time, no SD
  R.r4 = await decide(env, R.r4, '2026-12-08T10:00:00.000Z', 'information-advice'); // in time
  R.r9 = await receive(env, '2026-12-08T10:00:00.000Z'); // never decided
  R.r5 = await decide(env, R.r5, '2026-12-09T10:00:00.000Z', 's17-assessment'); // late
  await tellOutcome(env, R.r3, '2026-12-09T11:00:00.000Z'); // 2 working days after Mon 07/12
  R.r10 = await receive(env, '2026-12-09T10:00:00.000Z'); // due Thu 10/12
  R.r10 = await decide(env, R.r10, '2026-12-10T10:00:00.000Z', 'nfa', {
    ...ANSWERS.nfa,
    'open-case': 'yes',
  }); // in time; information on an open case, not a census referral
  R.r11 = await receive(env, '2026-12-10T10:00:00.000Z', {}, R.e2); // re-referral (e2 in 12 months)
  R.r11 = await decide(env, R.r11, '2026-12-10T15:00:00.000Z', 's17-assessment'); // in time
  R.r12 = await receive(env, '2026-12-14T10:00:00.000Z', {}, R.e1); // not a re-referral (13 months)
  R.r13 = await receive(env, '2026-12-14T11:00:00.000Z'); // due Tue 15/12
  R.r12 = await decide(env, R.r12, '2026-12-15T10:00:00.000Z', 'nfa'); // in time
  R.r13 = await decide(env, R.r13, '2026-12-16T10:00:00.000Z', 's17-assessment'); // late
  R.r6 = await receive(env, '2026-12-24T15:00:00.000Z'); // Thu: 25 and 28 bank holidays, due Tue 29/12
  R.r7 = await receive(env, '2026-12-24T16:30:00.000Z'); // Thu: due Tue 29/12
  R.r6 = await decide(env, R.r6, '2026-12-29T10:00:00.000Z', 'strategy-discussion'); // in time
  await discussion(env, R.r6, '2026-12-29', 'none', true); // police, health and a manager attended
  R.r7 = await decide(env, R.r7, '2026-12-30T10:00:00.000Z', 'strategy-discussion'); // late
  await discussion(env, R.r7, '2026-12-30', 'police'); // police sent apologies
  await tellOutcome(env, R.r6, '2026-12-31T10:00:00.000Z'); // 2 working days after Tue 29/12
});
afterEach(() => {
  env.close();
});

describe('measures for a hand-counted month', () => {
  it('counts each figure as counted by hand, and each list holds exactly those referrals', async () => {
    env.clock.set('2027-01-04T10:00:00.000Z');
    const m = await env.services.measures.get(as(), PERIOD);

    // Received 01/12–31/12: r1–r13 = 13 contacts. r10 answered "open case": 12 referrals.
    expect(m.volume).toEqual({ contacts: 13, referrals: 12, openCase: 1, undecided: 1 });
    expect(sorted(await drill('open-case'))).toEqual(ids(R.r10));
    expect(sorted(await drill('undecided'))).toEqual(ids(R.r9));

    // Decided (12, not r9). In time: r1 r3 r4 r6 r8 r10 r11 r12 = 8 (r3 across a weekend, r4 and
    // r5 counted from Monday, r6 across Christmas). Late: r2 r5 r7 r13 = 4. 8 of 12 = 66.7%.
    expect(m.decisions.onTime).toEqual({ count: 8, of: 12, percent: 66.7 });
    expect(m.decisions.late).toBe(4);
    expect(sorted(await drill('decided-on-time'))).toEqual(
      ids(R.r1, R.r3, R.r4, R.r6, R.r8, R.r10, R.r11, R.r12),
    );
    expect(sorted(await drill('decided-late'))).toEqual(ids(R.r2, R.r5, R.r7, R.r13));

    // Re-referrals: r11 only (e2 nine months earlier; e1 is 13 months before r12). Of the 12
    // census referrals: 1 of 12 = 8.3%.
    expect(m.reReferrals).toEqual({ count: 1, of: 12, percent: 8.3 });
    expect(await drill('re-referrals')).toEqual(ids(R.r11));

    // Outcomes of the 12 decided: NFA r2 r10 r12 = 3; information r4; early help r3; s17 r1 r5
    // r11 r13 = 4; strategy discussion r6 r7 = 2; emergency action r8.
    expect(m.outcomes.rows.map((r) => [r.response, r.count])).toEqual([
      ['nfa', 3],
      ['information-advice', 1],
      ['early-help', 1],
      ['s17-assessment', 4],
      ['strategy-discussion', 2],
      ['emergency-action', 1],
    ]);
    expect(sorted(await drill('outcome', 'nfa'))).toEqual(ids(R.r2, R.r10, R.r12));

    // Called for a strategy discussion: r6 r7 r8 = 3 of 12 decided (25%); held: r6 r7 = 2 of 3.
    expect(m.strategy.called).toEqual({ count: 3, of: 12, percent: 25 });
    expect(m.strategy.held).toEqual({ count: 2, of: 3, percent: 66.7 });
    expect(await drill('sd-not-held')).toEqual(ids(R.r8));

    // Discussions held in December: r6 (29/12, all attended) and r7 (30/12, police apologies).
    // The November discussions were recorded as progress only and held before the period.
    // Police 1 of 2; health 2 of 2; the 2023 edition does not require a manager; all 1 of 2.
    expect(m.attendance).toEqual({
      held: 2,
      recorded: 2,
      police: { count: 1, of: 2, percent: 50 },
      health: { count: 2, of: 2, percent: 100 },
      manager: null,
      allPresent: { count: 1, of: 2, percent: 50 },
    });
    expect(await drill('sd-police')).toEqual(ids(R.r6));
    expect(sorted(await drill('sd-health'))).toEqual(ids(R.r6, R.r7));

    // ICPCs held in December: n1 on 04/12, 15 working days from 16/11 is 07/12: in time. n2 on
    // 01/12, 15 working days from 02/11 is 23/11: late. 1 of 2.
    expect(m.icpc.inTime).toEqual({ count: 1, of: 2, percent: 50 });
    expect(m.icpc.late).toBe(1);
    expect(m.icpc.noAnchor).toBe(0);
    expect(await drill('icpc-late')).toEqual(ids(R.n2));
    expect(await drill('icpc-in-time')).toEqual(ids(R.n1));

    // Referrers to tell: final decisions with a named referrer wanting feedback: 11 (12 decided
    // less anonymous r4). Told: r1 (1 working day), r3 (2), r6 (2): 3 of 11; median 2.
    expect(m.told.rate).toEqual({ count: 3, of: 11, percent: 27.3 });
    expect(m.told.medianWorkingDays).toBe(2);
    expect(sorted(await drill('told'))).toEqual(ids(R.r1, R.r3, R.r6));

    // A list's rows say what picks a referral out, never a child's details.
    const page = await env.services.measures.drill(as(), {
      ...PERIOD,
      drill: 'decided-late',
      page: 0,
      pageSize: 1,
    });
    expect(page.title).toBe('Decided after the decision clock ran out');
    expect(page.total).toBe(4);
    expect(page.rows).toEqual([
      {
        id: R.r2.id,
        reference: R.r2.reference,
        receivedAt: '2026-12-01T11:00:00.000Z',
        referrer: R.r2.referrerLabel,
        sourceCode: '2A',
        outcome: 'No further action',
        decidedAt: '2026-12-03T09:30:00.000Z',
        decisionDue: '2026-12-02',
        decidedBy: 'Sam Patel',
        assignedTo: R.r2.assignedTo?.displayName ?? null,
      },
    ]);

    // By source: 2A (the default school) 11; 9 anonymous r4; 6 police r8.
    expect(m.bySource.map((s) => [s.code, s.contacts, s.decided, s.onTime])).toEqual([
      ['2A', 11, 10, 6],
      ['6', 1, 1, 1],
      ['9', 1, 1, 1],
    ]);
    expect(await drill('source', '6')).toEqual(ids(R.r8));
    // One team member recorded every decision.
    expect(m.byMember.map((p) => [p.name, p.decided, p.onTime])).toEqual([['Sam Patel', 12, 8]]);
    expect((await drill('member-on-time', env.admin.id)).length).toBe(8);
  });

  it('counts a manager at discussions where the policy in force requires one', async () => {
    const s = await env.services.settings.get(as());
    // WT 2013: the social worker "and their manager".
    await env.services.settings.update(as(), { version: s.version, edition: 2013 });
    const m = await env.services.measures.get(as(), PERIOD);
    // A manager attended r6's discussion only: 1 of 2. Everyone required (police, health and a
    // manager): r6 only, 1 of 2 (r7 had no police and no manager).
    expect(m.attendance.manager).toEqual({ count: 1, of: 2, percent: 50 });
    expect(m.attendance.allPresent).toEqual({ count: 1, of: 2, percent: 50 });
    expect(await drill('sd-manager')).toEqual(ids(R.r6));
  });

  it('says a period with nothing received is empty', async () => {
    const m = await env.services.measures.get(as(), { from: '2026-06-01', to: '2026-06-30' });
    expect(m.empty).toBe(true);
    expect(m.decisions.onTime).toEqual({ count: 0, of: 0, percent: null });
  });

  it('is refused to a duty worker', async () => {
    const worker = await env.signIn('dee', ['duty-worker']);
    await expect(env.services.measures.get({ user: worker }, PERIOD)).rejects.toThrow(/permission/);
  });
});
