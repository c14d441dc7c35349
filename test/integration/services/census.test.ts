// The CIN census referral extract against a dataset counted by hand (issue 14 "Measures"). Every
// referral goes through the real services with the clock set to when it happened; the file is
// read back with an independent RFC 4180 reader (test/helpers/rfc4180.ts).
//
// Collection year 2025-26: 01/04/2025 to 31/03/2026. England and Wales bank holidays in it:
// 05/05, 26/05, 25/08, 25/12, 26/12/2025, 01/01, none in March 2026; Good Friday 03/04/2026 and
// Easter Monday 06/04/2026 fall in the next year.
import { readFileSync, readdirSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReferralRecord } from '../../../shared/domain/records';
import type { ChildInput } from '../../../shared/validation/child';
import { bornChild, referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';
import { parseRfc4180 } from '../../helpers/rfc4180';
import { fieldErrors, ipcFixture } from '../ipc/ipc-env';
import { ANSWERS, decide, progress, receive } from './measures-env';

let env: TestEnv;
const as = () => ({ user: env.admin });
const YEAR = 2025;

const unborn: ChildInput = {
  status: 'unborn',
  familyName: 'Khan',
  expectedDateOfBirth: '2026-02-20',
  gender: 'U',
  interpreterNeeded: false,
};

type Key = 'before' | 'a' | 'b' | 'c' | 'd' | 'h' | 'open' | 'after';
let R: Record<Key, ReferralRecord>;

beforeEach(async () => {
  env = await testEnv();
  R = {} as typeof R;
  // 31/03/2025 is in 2024-25: not in the extract.
  R.before = await receive(env, '2025-03-31T10:00:00.000Z');
  // A: school, strategy discussion the next day starting a s47 enquiry, ICPC held, assessment
  // started and authorised. Amy is stored with Gender 2 (female) → Sex F.
  R.a = await receive(env, '2025-05-06T10:00:00.000Z', { assessmentFactors: ['18C', '3B'] });
  R.a = await decide(env, R.a, '2025-05-06T14:00:00.000Z', 'strategy-discussion');
  await progress(env, R.a, {
    kind: 'strategy-discussion',
    date: '2025-05-07',
    s47: 'yes',
    s47Type: 'joint-with-police',
  });
  await progress(env, R.a, { kind: 'assessment-started', date: '2025-05-07' });
  await progress(env, R.a, { kind: 'icpc-held', date: '2025-05-28' });
  await progress(env, R.a, { kind: 'assessment-completed', date: '2025-06-20' });
  // B: family member, no further action; a boy.
  R.b = await receive(env, '2025-09-10T10:00:00.000Z', {
    referralSourceCode: '1A',
    children: [bornChild({ givenNames: 'Ben', gender: 'M', dateOfBirth: '2019-02-11' })],
    assessmentFactors: [],
  });
  R.b = await decide(env, R.b, '2025-09-10T15:00:00.000Z', 'nfa');
  // D: health visitor about a born child and an unborn baby, stepped down to early help (NFA).
  env.clock.set('2025-11-03T11:00:00.000Z');
  R.d = await env.services.referrals.create(as(), {
    referral: referralInput({
      receivedAt: '2025-11-03T11:00:00.000Z',
      referralSourceCode: '3B',
      children: [bornChild({ givenNames: 'Dan', familyName: 'Khan', gender: 'U' }), unborn],
    }),
    newChildren: [0, 1],
  });
  R.d = await decide(env, R.d, '2025-11-03T15:00:00.000Z', 'early-help');
  // H: police, never decided.
  R.h = await receive(env, '2026-01-15T10:00:00.000Z', { referralSourceCode: '6' });
  // Information on a case already open: not a census referral.
  R.open = await receive(env, '2026-02-02T10:00:00.000Z');
  R.open = await decide(env, R.open, '2026-02-02T12:00:00.000Z', 'nfa', {
    ...ANSWERS.nfa,
    'open-case': 'yes',
  });
  // C: the last working day but one; the assessment starts on 31/03 and is authorised after the
  // year ends, so the authorisation and factors are left blank.
  R.c = await receive(env, '2026-03-30T10:00:00.000Z', { referralSourceCode: '5D' });
  R.c = await decide(env, R.c, '2026-03-30T12:00:00.000Z', 's17-assessment');
  await progress(env, R.c, { kind: 'assessment-started', date: '2026-03-31' });
  await progress(env, R.c, { kind: 'assessment-completed', date: '2026-04-15' });
  // 01/04/2026 (BST) is in 2026-27.
  R.after = await receive(env, '2026-03-31T23:30:00.000Z');
  env.clock.set('2026-06-01T09:00:00.000Z');
}, 120_000);

afterEach(() => {
  env.close();
});

/** The rows of the file the export wrote, keyed by header. */
function readExport(location: string): Record<string, string>[] {
  const [header, ...rows] = parseRfc4180(readFileSync(location, 'utf8'));
  if (header === undefined) throw new Error('empty file');
  return rows.map((cells) => {
    expect(cells).toHaveLength(header.length);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? '']));
  });
}

const personOf = async (r: ReferralRecord, child = 0): Promise<string> => {
  const fresh = await env.services.referrals.get(as(), { id: r.id });
  const id = fresh.children[child]?.personId;
  if (id === undefined || id === null) throw new Error('child not linked');
  return id;
};

describe('census:check and census:export', () => {
  it('exports exactly the hand-counted rows in census codes', async () => {
    const check = await env.services.census.check(as(), { year: YEAR });
    expect(check.failures).toEqual([]);
    // A, B, D (two children), H, C = 6 rows; before, after and the open case are left out.
    expect(check.rows).toBe(6);
    expect(check.label).toBe('2025-26');

    const out = await env.services.census.exportCsv(as(), { year: YEAR });
    if (out.kind !== 'exported') throw new Error(JSON.stringify(out));
    expect(out.fileName).toBe('CIN census referrals 2025-26.csv');
    if (out.outcome.kind !== 'saved') throw new Error('not saved');
    const rows = readExport(out.outcome.location);
    const blankCp = {
      S47ActualStartDate: '',
      InitialCPCtarget: '',
      DateOfInitialCPC: '',
      ICPCnotRequired: '',
    };
    const noAssessment = {
      AssessmentActualStartDate: '',
      AssessmentAuthorisationDate: '',
      AssessmentFactors: '',
    };
    expect(rows).toEqual([
      {
        LAchildID: await personOf(R.a),
        PersonBirthDate: '2016-04-03',
        ExpectedPersonBirthDate: '',
        Sex: 'F',
        CINreferralDate: '2025-05-06',
        ReferralSource: '2A',
        ReferralNFA: 'false',
        AssessmentActualStartDate: '2025-05-07',
        AssessmentAuthorisationDate: '2025-06-20',
        AssessmentFactors: '18C,3B',
        S47ActualStartDate: '2025-05-07',
        // 15 working days from Wed 07/05/2025, skipping Mon 26/05 (spring bank holiday).
        InitialCPCtarget: '2025-05-29',
        DateOfInitialCPC: '2025-05-28',
        ICPCnotRequired: 'false',
      },
      {
        LAchildID: await personOf(R.b),
        PersonBirthDate: '2019-02-11',
        ExpectedPersonBirthDate: '',
        Sex: 'M',
        CINreferralDate: '2025-09-10',
        ReferralSource: '1A',
        ReferralNFA: 'true',
        ...noAssessment,
        ...blankCp,
      },
      {
        LAchildID: await personOf(R.d, 0),
        PersonBirthDate: '2016-04-03',
        ExpectedPersonBirthDate: '',
        Sex: 'U',
        CINreferralDate: '2025-11-03',
        ReferralSource: '3B',
        ReferralNFA: 'true',
        ...noAssessment,
        ...blankCp,
      },
      {
        LAchildID: await personOf(R.d, 1),
        PersonBirthDate: '',
        ExpectedPersonBirthDate: '2026-02-20',
        Sex: 'U',
        CINreferralDate: '2025-11-03',
        ReferralSource: '3B',
        ReferralNFA: 'true',
        ...noAssessment,
        ...blankCp,
      },
      {
        LAchildID: await personOf(R.h),
        PersonBirthDate: '2016-04-03',
        ExpectedPersonBirthDate: '',
        Sex: 'F',
        CINreferralDate: '2026-01-15',
        ReferralSource: '6',
        ReferralNFA: 'false',
        ...noAssessment,
        ...blankCp,
      },
      {
        LAchildID: await personOf(R.c),
        PersonBirthDate: '2016-04-03',
        ExpectedPersonBirthDate: '',
        Sex: 'F',
        CINreferralDate: '2026-03-30',
        ReferralSource: '5D',
        ReferralNFA: 'false',
        AssessmentActualStartDate: '2026-03-31',
        AssessmentAuthorisationDate: '',
        AssessmentFactors: '',
        ...blankCp,
      },
    ]);

    // The check is audited as a view, then the export with the file's hash and every referral
    // in it, each with the local readings it was made with.
    const audit = await env.store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_type', '=', 'census')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.action, a.entity_id, a.user_id])).toEqual([
      ['view', '2025-26', env.admin.id],
      ['export', '2025-26', env.admin.id],
    ]);
    expect(audit[0]?.summary).toBe(
      'CIN census referral extract 2025-26 checked: 6 rows, 0 to put right',
    );
    const details = JSON.parse(audit[1]?.details ?? '{}') as {
      rows: number;
      referralIds: string[];
      options: unknown;
    };
    expect(details.rows).toBe(6);
    expect(details.options).toEqual({ earlyHelpIsNfa: true, booleans: 'true-false' });
    expect([...details.referralIds].sort()).toEqual(
      [R.a, R.b, R.d, R.h, R.c].map((r) => r.id).sort(),
    );

    // A subject access request for D's child finds the export that carried their data; the
    // check named no failing row, so it is not about them.
    const dChild = await personOf(R.d, 0);
    const found = await env.services.auditSearch.search(as(), {
      personId: dChild,
      page: 0,
      pageSize: 100,
    });
    const census = found.rows.filter((r) => r.entityType === 'census');
    expect(census.map((r) => r.action)).toEqual(['export']);
  });

  it('follows the local readings chosen: early help not NFA, and yes/no written 1/0', async () => {
    // Before any export: the defaults, from no one.
    expect(await env.services.census.lastOptions(as())).toEqual({
      options: { earlyHelpIsNfa: true, booleans: 'true-false' },
      exportedAt: null,
      exportedBy: null,
    });
    const check = await env.services.census.check(as(), {
      year: YEAR,
      earlyHelpIsNfa: false,
      booleans: '1-0',
    });
    expect(check.options).toEqual({ earlyHelpIsNfa: false, booleans: '1-0' });
    expect(check.failures).toEqual([]);
    const out = await env.services.census.exportCsv(as(), {
      year: YEAR,
      earlyHelpIsNfa: false,
      booleans: '1-0',
    });
    if (out.kind !== 'exported' || out.outcome.kind !== 'saved') throw new Error('not saved');
    const rows = readExport(out.outcome.location);
    // In received order: A (strategy discussion), B (NFA), D's two children (early help), H, C.
    expect(rows.map((r) => r.ReferralNFA)).toEqual(['0', '1', '0', '0', '0', '0']);
    expect(rows[0]?.ICPCnotRequired).toBe('0');
    const exported = await env.store.db
      .selectFrom('audit_log')
      .select('details')
      .where('entity_type', '=', 'census')
      .where('action', '=', 'export')
      .executeTakeFirstOrThrow();
    expect((JSON.parse(exported.details) as { options: unknown }).options).toEqual({
      earlyHelpIsNfa: false,
      booleans: '1-0',
    });
    // Kept for the next extract, with who exported and when; a check alone changes nothing.
    const kept = {
      options: { earlyHelpIsNfa: false, booleans: '1-0' },
      exportedAt: env.clock.now().toISOString(),
      exportedBy: 'Sam Patel',
    };
    expect(await env.services.census.lastOptions(as())).toEqual(kept);
    await env.services.census.check(as(), { year: YEAR });
    expect(await env.services.census.lastOptions(as())).toEqual(kept);
    // A damaged row (edited by hand) is ignored: the defaults again, never a crash.
    await env.store.db
      .updateTable('settings')
      .set({ value: '{"earlyHelpIsNfa":"maybe"}' })
      .where('key', '=', 'census')
      .execute();
    expect((await env.services.census.lastOptions(as())).options).toEqual({
      earlyHelpIsNfa: true,
      booleans: 'true-false',
    });
  });

  it('writes the 2023-24 file with Gender codes', async () => {
    env.clock.set('2023-06-01T09:00:00.000Z');
    const r = await receive(env, '2023-06-01T09:00:00.000Z');
    await receive(env, '2023-06-02T09:00:00.000Z', {
      children: [bornChild({ givenNames: 'Cal', gender: 'M' })],
    });
    env.clock.set('2026-06-01T09:00:00.000Z');
    const out = await env.services.census.exportCsv(as(), { year: 2023 });
    if (out.kind !== 'exported' || out.outcome.kind !== 'saved') throw new Error('not saved');
    const rows = readExport(out.outcome.location);
    expect(rows.map((x) => [x.Gender, x.Sex])).toEqual([
      ['2', undefined],
      ['1', undefined],
    ]);
    expect(rows[0]?.LAchildID).toBe(await personOf(r));
  });

  it('writes hostile ids inert and never writes the referrer', async () => {
    const hostile = ["=cmd|' /C calc'!A0", '+SUM(1,2)', '-2+3', '@SUM(A1)', '\tTAB', '\r=1+1,"x"'];
    // Give each child a record whose id is hostile (a value reaching the store by another route).
    // In the file's order: by date received.
    const targets: [ReferralRecord, number][] = [
      [R.a, 0],
      [R.b, 0],
      [R.d, 0],
      [R.d, 1],
      [R.h, 0],
      [R.c, 0],
    ];
    for (const [i, [r, child]] of targets.entries()) {
      const id = await personOf(r, child);
      const person = await env.store.db
        .selectFrom('people')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const bad = hostile[i] ?? '';
      await env.store.db
        .insertInto('people')
        .values({ ...person, id: bad })
        .execute();
      await env.store.db
        .updateTable('referral_children')
        .set({ person_id: bad })
        .where('referral_id', '=', r.id)
        .where('person_id', '=', id)
        .execute();
    }
    const referrer = '=HYPERLINK("http://evil.example","x")';
    await env.store.db
      .updateTable('referrals')
      .set({ referrer_label: referrer })
      .where('id', '=', R.a.id)
      .execute();

    const out = await env.services.census.exportCsv(as(), { year: YEAR });
    if (out.kind !== 'exported' || out.outcome.kind !== 'saved') throw new Error('not saved');
    const text = readFileSync(out.outcome.location, 'utf8');
    expect(text).not.toContain('evil.example');
    const rows = readExport(out.outcome.location);
    expect(rows.map((x) => x.LAchildID)).toEqual(hostile.map((h) => `'${h}`));
    // The CR, comma and quotes survive inside one quoted field.
    expect(rows[5]?.LAchildID).toBe('\'\r=1+1,"x"');
    for (const row of rows)
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('refuses the export naming each failing row, and writes nothing', async () => {
    // A child not linked to a record, and a record whose sex is not a census code.
    const unlinked = await env.services.referrals.create(as(), {
      referral: referralInput({
        receivedAt: '2025-12-01T10:00:00.000Z',
        children: [bornChild({ givenNames: 'Una' })],
      }),
    });
    const bId = await personOf(R.b);
    await env.store.db.updateTable('people').set({ gender: 'X' }).where('id', '=', bId).execute();

    const check = await env.services.census.check(as(), { year: YEAR });
    // The check showed those two children by name: audited as a view naming their referrals.
    const viewed = await env.store.db
      .selectFrom('audit_log')
      .select(['summary', 'details'])
      .where('entity_type', '=', 'census')
      .executeTakeFirstOrThrow();
    expect(viewed.summary).toBe(
      'CIN census referral extract 2025-26 checked: 7 rows, 2 to put right',
    );
    expect(
      [...(JSON.parse(viewed.details) as { referralIds: string[] }).referralIds].sort(),
    ).toEqual([R.b.id, unlinked.id].sort());
    const auditBefore = await env.store.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();

    expect(check.rows).toBe(7);
    expect(check.failures).toEqual([
      {
        referralId: R.b.id,
        reference: R.b.reference,
        childName: 'Ben Smith',
        personId: bId,
        problems: ['The child\'s sex "X" is not a census code for 2025-26 (Sex)'],
      },
      {
        referralId: unlinked.id,
        reference: unlinked.reference,
        childName: 'Una Smith',
        personId: null,
        problems: [expect.stringMatching(/not linked to a child record.*LAchildID/)],
      },
    ]);

    const out = await env.services.census.exportCsv(as(), { year: YEAR });
    expect(out).toEqual({ kind: 'refused', check });
    expect(readdirSync(env.filesDir)).toEqual([]);
    // Nothing exported is audited; the failing rows it showed are, as a check.
    const auditAfter = await env.store.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(auditAfter.n).toBe(auditBefore.n + 1);
    const actions = await env.store.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'census')
      .execute();
    expect(actions.map((a) => a.action)).toEqual(['view', 'view']);
    // A refused export keeps no readings.
    expect((await env.services.census.lastOptions(as())).exportedAt).toBeNull();
  });

  it('refuses a duty worker', async () => {
    const duty = await env.signIn('dee', ['duty-worker']);
    await expect(env.services.census.check({ user: duty }, { year: YEAR })).rejects.toThrow(
      /permission to check the CIN census extract/,
    );
    await expect(env.services.census.exportCsv({ user: duty }, { year: YEAR })).rejects.toThrow(
      /permission/,
    );
    await expect(env.services.census.lastOptions({ user: duty })).rejects.toThrow(/permission/);
    expect(readdirSync(env.filesDir)).toEqual([]);
  });
});

describe('census channels through IPC', () => {
  it('refuse a year before 2013-14, after the current one, or not a whole year, beside the field', async () => {
    const fx = await ipcFixture();
    try {
      // The fixture's clock is 23/11/2026: the current collection year is 2026-27.
      const admin = fx.as('admin.first');
      for (const channel of ['census:check', 'census:export']) {
        expect(fieldErrors(await fx.call(admin, channel, { year: 2012 }))).toEqual({
          year: 'Front Door produces the census from 2013-14',
        });
        expect(fieldErrors(await fx.call(admin, channel, { year: 2027 }))).toEqual({
          year: 'The latest collection year is 2026-27',
        });
        expect(fieldErrors(await fx.call(admin, channel, { year: 2025.5 }))).toEqual({
          year: 'Choose a collection year',
        });
        expect(fieldErrors(await fx.call(admin, channel, { year: '2025' }))).toEqual({
          year: 'Choose a collection year',
        });
      }
      const ok = await fx.call(admin, 'census:check', { year: 2026 });
      expect(ok).toMatchObject({ ok: true, data: { year: 2026, rows: 0, failures: [] } });
    } finally {
      fx.close();
    }
  });
});
