// Importing the GOV.UK bank holidays through the real services and store: the import is kept and
// audited, the settings carry it to every screen, an open referral's decision clock over an
// imported one-off holiday moves (noted on the referral), and a bad file is refused whole with the
// reason, audited, and changes nothing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppUser } from '../../../shared/domain/records';
import { contract } from '../../../shared/ipc/contract';
import { ValidationError } from '../../../electron/main/store/errors';
import { referralInput, testEnv, type TestEnv } from '../../helpers/store-fixtures';

const FIXTURES = join(__dirname, '../../fixtures');
const GOOD = readFileSync(join(FIXTURES, 'bank-holidays.json'), 'utf8');
const TRUNCATED = readFileSync(join(FIXTURES, 'bank-holidays-truncated.json'), 'utf8');

type GovUkFile = Record<string, { division: string; events: { title: string; date: string }[] }>;

/** The good file with changes to England and Wales's events. */
function fileWith(change: (events: { title: string; date: string }[]) => void): string {
  const file = JSON.parse(GOOD) as GovUkFile;
  const ew = file['england-and-wales'];
  if (!ew) throw new Error('fixture has no england-and-wales');
  change(ew.events);
  return JSON.stringify(file);
}

/** A one-off bank holiday announced for Friday 4 December 2026 (as 2022's state funeral was). */
const WITH_ONE_OFF = fileWith((events) => {
  events.push({ title: 'Bank holiday for a state occasion', date: '2026-12-04' });
});

let env: TestEnv;
let worker: AppUser;

beforeEach(async () => {
  env = await testEnv();
  // Thursday 3 December 2026, 11:00 London.
  env.clock.set('2026-12-03T11:00:00.000Z');
  worker = await env.signIn('dana', ['duty-worker']);
});
afterEach(() => {
  env.close();
});

const admin = () => ({ user: env.admin });

async function auditRows(entityType: string) {
  return env.store.db
    .selectFrom('audit_log')
    .select(['action', 'summary', 'details', 'entity_id', 'user_id'])
    .where('entity_type', '=', entityType)
    .orderBy('seq')
    .execute();
}

describe('importing the GOV.UK bank holidays', () => {
  it('before any import: the shipped table is known to 2027 and nothing is imported', async () => {
    const status = await env.services.bankHolidays.status(admin());
    expect(status).toEqual({
      imported: null,
      shipped: { from: 2010, to: 2027 },
      today: '2026-12-03',
      knownTo: 2027,
      warn: false,
    });
    expect((await env.services.settings.get(admin())).bankHolidays).toBeNull();
  });

  it('moves a decision clock over an imported one-off holiday, and keeps and audits the import', async () => {
    const r = await env.services.referrals.create(
      { user: worker },
      { referral: referralInput({ receivedAt: '2026-12-03T10:00:00.000Z' }), newChildren: [0] },
    );
    // One working day from Thursday is Friday.
    expect(r.decisionDue).toBe('2026-12-04');

    const result = await env.services.bankHolidays.import(admin(), {
      text: WITH_ONE_OFF,
      fileName: 'bank-holidays.json',
    });
    expect(result.added).toEqual([
      { date: '2026-12-04', title: 'Bank holiday for a state occasion' },
    ]);
    expect(result.removed).toEqual([]);
    expect(result.decisionDatesChanged).toBe(1);
    expect(result.status.imported).toMatchObject({
      covers: { from: 2023, to: 2027 },
      events: 42,
      fileName: 'bank-holidays.json',
      importedAt: '2026-12-03T11:00:00.000Z',
      importedBy: { id: env.admin.id, displayName: 'Sam Patel' },
    });
    expect(result.status.knownTo).toBe(2027);

    // Friday is now a bank holiday: the decision is due on Monday, on the referral and the queue.
    const after = await env.services.referrals.get({ user: worker }, { id: r.id });
    expect(after.decisionDue).toBe('2026-12-07');
    expect(after.chronology.map((c) => c.text)).toContain(
      'Decision due date changed from Friday 4 December 2026 to Monday 7 December 2026: the bank holidays were imported from GOV.UK.',
    );
    const queue = await env.services.referrals.list({ user: worker }, { filter: 'all' });
    expect(queue.find((q) => q.id === r.id)?.decisionDue).toBe('2026-12-07');

    // The settings carry the table, so every screen counts with it.
    const settings = await env.services.settings.get({ user: worker });
    expect(settings.bankHolidays?.covers).toEqual({ from: 2023, to: 2027 });
    expect(settings.bankHolidays?.dates).toContainEqual({
      date: '2026-12-04',
      title: 'Bank holiday for a state occasion',
    });

    const [entry] = await auditRows('bank-holidays');
    expect(entry).toMatchObject({
      action: 'settings',
      user_id: env.admin.id,
      summary: 'Bank holidays imported from GOV.UK: England and Wales 2023–2027 (42 days)',
    });
    expect(JSON.parse(entry?.details ?? '{}')).toMatchObject({
      fileName: 'bank-holidays.json',
      coversBefore: 'none imported',
      coversAfter: '2023–2027',
      events: 42,
      added: [{ date: '2026-12-04', title: 'Bank holiday for a state occasion' }],
      removed: [],
      decisionDatesChanged: 1,
    });
  });

  it('the settings preview counts with the imported holidays, so only the change itself moves a date', async () => {
    const r = await env.services.referrals.create(
      { user: worker },
      { referral: referralInput({ receivedAt: '2026-12-03T10:00:00.000Z' }), newChildren: [0] },
    );
    await env.services.bankHolidays.import(admin(), { text: WITH_ONE_OFF });
    expect((await env.services.referrals.get({ user: worker }, { id: r.id })).decisionDue).toBe(
      '2026-12-07',
    );
    const settings = await env.services.settings.get(admin());

    // A closure day after the due date moves nothing: the imported Friday is not news to the preview.
    const later = await env.services.settings.preview(admin(), {
      closures: [...settings.closures, '2026-12-10'],
    });
    expect(later.sentences).toEqual([
      'Closure days added: 10/12/2026.',
      "No open referral's decision due date changes. Referrals already decided keep theirs.",
    ]);

    // Closing on Monday 7th, after the imported Friday holiday, moves the decision to Tuesday.
    const monday = await env.services.settings.preview(admin(), {
      closures: [...settings.closures, '2026-12-07'],
    });
    expect(monday.sentences).toContain(
      "1 open referral's decision clock counts differently: its decision due date is recalculated when you save, and each change is noted in the referral's history.",
    );
    await env.services.settings.update(admin(), {
      version: settings.version,
      closures: [...settings.closures, '2026-12-07'],
    });
    expect((await env.services.referrals.get({ user: worker }, { id: r.id })).decisionDue).toBe(
      '2026-12-08',
    );
  });

  it('refuses a truncated file with the reason, audits the refusal and changes nothing', async () => {
    await env.services.bankHolidays.import(admin(), { text: GOOD });
    const before = await env.services.settings.get(admin());

    const refused = env.services.bankHolidays.import(admin(), {
      text: TRUNCATED,
      fileName: 'bank-holidays (1).json',
    });
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({
      fieldErrors: { text: expect.stringMatching(/^The file is not complete JSON/) as unknown },
    });

    expect((await env.services.settings.get(admin())).bankHolidays).toEqual(before.bankHolidays);
    const rows = await auditRows('bank-holidays');
    expect(rows.map((row) => row.action)).toEqual(['settings', 'update-refused']);
    expect(JSON.parse(rows[1]?.details ?? '{}')).toMatchObject({
      fileName: 'bank-holidays (1).json',
      reason: expect.stringMatching(/cut short/) as unknown,
    });
    const count = await env.store.db
      .selectFrom('bank_holiday_imports')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(count.n).toBe(1);
  });

  it('refuses a file that ends before the one in use, and a file with 30 February', async () => {
    await env.services.bankHolidays.import(admin(), { text: GOOD });
    const older = fileWith((events) => {
      events.splice(0, events.length, ...events.filter((e) => !e.date.startsWith('2027-')));
    });
    await expect(env.services.bankHolidays.import(admin(), { text: older })).rejects.toThrow(
      'This file covers 2023 to 2026, but the bank holidays in use already run to 2027.',
    );
    const impossible = fileWith((events) => {
      events.push({ title: 'Made-up holiday', date: '2025-02-30' });
    });
    await expect(env.services.bankHolidays.import(admin(), { text: impossible })).rejects.toThrow(
      /has the date “2025-02-30”, which is not a real date/,
    );
    expect((await env.services.bankHolidays.status(admin())).imported?.covers).toEqual({
      from: 2023,
      to: 2027,
    });
  });

  it('years after the file are provisional, and administrators are warned from October', async () => {
    const to2028 = fileWith((events) => {
      const y2028 = [
        ['2028-01-03', 'New Year’s Day'],
        ['2028-04-14', 'Good Friday'],
        ['2028-04-17', 'Easter Monday'],
        ['2028-05-01', 'Early May bank holiday'],
        ['2028-05-29', 'Spring bank holiday'],
        ['2028-08-28', 'Summer bank holiday'],
        ['2028-12-25', 'Christmas Day'],
        ['2028-12-26', 'Boxing Day'],
      ] as const;
      for (const [date, title] of y2028) events.push({ date, title });
    });
    await env.services.bankHolidays.import(admin(), { text: to2028 });
    expect((await env.services.bankHolidays.status(admin())).knownTo).toBe(2028);
    env.clock.set('2028-09-30T12:00:00.000Z');
    expect((await env.services.bankHolidays.status(admin())).warn).toBe(false);
    // 1 October 2028 00:30 in London is still 30 September in UTC: the London day decides.
    env.clock.set('2028-09-30T23:30:00.000Z');
    expect(await env.services.bankHolidays.status(admin())).toMatchObject({
      today: '2028-10-01',
      warn: true,
      knownTo: 2028,
    });
  });

  it('the channel refuses a file over 1 MB before it reaches the service', () => {
    const parsed = contract['bank-holidays:import'].input.safeParse({
      text: 'x'.repeat(1_000_001),
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(
      'The file is larger than 1 MB, so it is not the GOV.UK bank holidays file (about 20 KB)',
    );
  });
});
