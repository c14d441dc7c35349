// The benchmark's bulk loader: ten years of referrals written straight into a database the app
// has opened and migrated (openStore), with prepared statements in large transactions. Every
// search key and full-text row comes from the repositories' own functions (personKeyColumns,
// personFtsValues, referralColumns, referralFtsValues, householdKeyColumns), so the file is what
// the services would have written, minus the per-save audit entries: the audit chain holds the
// sign-ins and settings only. Going through the services costs about 20 ms a referral (issue 11),
// over an hour for 200,000; this takes a few minutes.
import { londonDate } from '../shared/calendar/clocks';
import { decisionClock } from '../shared/calendar/referral-clocks';
import type { AppUser } from '../shared/domain/records';
import type { ResponseType } from '../shared/domain/types';
import { displayChildName } from '../shared/validation/child';
import { normaliseNhsNumber, normalisePostcode } from '../shared/validation/formats';
import { referralSchema } from '../shared/validation/referral';
import { createServices } from '../electron/main/services';
import { policyContext } from '../electron/main/services/context';
import {
  type NewPerson,
  personFtsValues,
  personKeyColumns,
} from '../electron/main/store/repositories/people';
import {
  householdKeyColumns,
  referralColumns,
  referralFtsValues,
} from '../electron/main/store/repositories/referrals';
import { openStore } from '../electron/main/store/store';
import { OUTCOMES, decisionInput } from './decisions';
import { type TownChild, type TownOptions, createTown } from './town';

export type LoadResult = {
  children: TownChild[];
  /** Person id of each child, by TownChild.n. */
  personIds: string[];
  schools: string[];
  referrerNames: string[];
  references: string[];
  admin: AppUser;
  workers: AppUser[];
  counts: { referrals: number; people: number; open: number; signOff: number };
  ms: number;
};

const BATCH = 10_000;
const LOADED_TABLES = [
  'people',
  'referrals',
  'referral_children',
  'household_members',
  'chronology',
  'decisions',
  'consent_decisions',
  'assessment_factors',
  'directory',
];
/** One referral in this many is also checked with the app's own referral schema. */
const CHECK_EVERY = 1_000;

export async function loadTown(
  dataDir: string,
  o: TownOptions,
  log: (s: string) => void,
): Promise<LoadResult> {
  const started = performance.now();
  const store = openStore({ dataDir });
  if (store.status().state !== 'ok')
    throw new Error(`Cannot open ${dataDir}: ${store.status().reason ?? ''}`);
  try {
    const services = createServices(store, { now: () => o.now });
    const admin = (await services.users.signIn('bench-admin', 'Bench Administrator')).user;
    const workers: AppUser[] = [admin];
    for (const [i, name] of ['Dana Wilson', 'Sam Okafor', 'Ravi Patel', 'Jo Morgan'].entries()) {
      const u = (await services.users.signIn(`bench-${String(i)}`, name)).user;
      workers.push(
        await services.users.setRoles(
          { user: admin },
          { id: u.id, version: u.version, roles: ['duty-worker', 'manager'] },
        ),
      );
    }
    const pc = await policyContext(store.db);
    const raw = store.raw;
    // Loading only: nothing here is a confirmed save until the final checkpoint (the app always
    // runs with synchronous=FULL; the store is closed and reopened before anything is measured).
    raw.pragma('synchronous = OFF');
    raw.pragma('cache_size = -2097152');
    // The secondary indexes of the tables loaded here are dropped and made again afterwards
    // from their own CREATE INDEX text (sqlite_master), so the schema ends exactly as migrated:
    // one sort per index instead of a random b-tree insert per row for each of about thirty.
    const indexes = raw
      .prepare(
        `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
            AND tbl_name IN (${LOADED_TABLES.map((t) => `'${t}'`).join(', ')})`,
      )
      .all() as { name: string; sql: string }[];
    for (const ix of indexes) raw.exec(`DROP INDEX "${ix.name}"`);
    const town = createTown(o);
    const stamp = '2016-01-01T00:00:00.000Z';
    const insDirectory = raw.prepare(
      `INSERT INTO directory (id, kind, name, role, agency, agency_type, phone, email, created_at, updated_at)
       VALUES (?, 'professional', ?, ?, ?, ?, '01632 960 123', 'duty@example.org', ?, ?)`,
    );
    const directoryIds = town.directory.map((d) => {
      const id = crypto.randomUUID();
      insDirectory.run(id, d.name, d.role, d.agency, d.agencyType, stamp, stamp);
      return id;
    });
    const insPerson = raw.prepare(
      `INSERT INTO people (id, kind, status, given_names, family_name, other_names, date_of_birth,
         gender, nhs_number, postcode, address, name_key, family_key, given_key, family_phonetic1,
         family_phonetic2, given_phonetic1, given_phonetic2, approx_birth_year, created_at,
         created_by, updated_at, updated_by)
       VALUES (@id, 'child', 'born', @given_names, @family_name, @other_names, @date_of_birth,
         @gender, @nhs_number, @postcode, @address, @name_key, @family_key, @given_key,
         @family_phonetic1, @family_phonetic2, @given_phonetic1, @given_phonetic2,
         @approx_birth_year, @at, @by, @at, @by)`,
    );
    const insPersonFts = raw.prepare(
      `INSERT INTO people_fts (rowid, person_id, names, other_names, address, postcode)
       VALUES (@rowid, @person_id, @names, @other_names, @address, @postcode)`,
    );
    const insReferral = raw.prepare(
      `INSERT INTO referrals (id, reference, status, received_at, counted_from, decision_due,
         channel, referrer_id, referrer, referrer_label, source_code, narrative, whereabouts,
         immediate_protection, parents_aware, parents_agree, reason, assigned_to, data,
         created_at, created_by, updated_at, updated_by)
       VALUES (@id, @reference, @status, @received_at, @counted_from, @decision_due, @channel,
         @referrer_id, @referrer, @referrer_label, @source_code, @narrative, @whereabouts,
         @immediate_protection, @parents_aware, @parents_agree, @reason, @assigned_to, @data,
         @at, @by, @at, @by)`,
    );
    const insReferralFts = raw.prepare(
      `INSERT INTO referrals_fts (rowid, referral_id, reference, narrative, referrer, children, schools)
       VALUES (@rowid, @referral_id, @reference, @narrative, @referrer, @children, @schools)`,
    );
    const insChild = raw.prepare(
      `INSERT INTO referral_children (id, referral_id, person_id, position, display_name, child)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insMember = raw.prepare(
      `INSERT INTO household_members (id, referral_id, person_id, position, parental_responsibility,
         data, family_key, given_key, family_phonetic1, family_phonetic2)
       VALUES (@id, @referral_id, NULL, @position, @pr, @data, @family_key, @given_key,
         @family_phonetic1, @family_phonetic2)`,
    );
    const insFactor = raw.prepare(
      'INSERT INTO assessment_factors (referral_id, code) VALUES (?, ?)',
    );
    const insConsent = raw.prepare(
      `INSERT INTO consent_decisions (id, referral_id, status, data, recorded_by, recorded_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insChronology = raw.prepare(
      `INSERT INTO chronology (id, referral_id, at, kind, text, by_user) VALUES (?, ?, ?, ?, ?, ?)`,
    );
    const insDecision = raw.prepare(
      `INSERT INTO decisions (id, referral_id, answers, recommended, chosen, rationale, data, status,
         recorded_by, recorded_at, created_at, created_by, updated_at, updated_by)
       VALUES (@id, @referral_id, @answers, @recommended, @chosen, @rationale, @data, @status,
         @by, @at, @at, @by, @at, @by)`,
    );
    const counters = new Map<number, number>();
    const templates = new Map<ResponseType, ReturnType<typeof decisionInput>>(
      OUTCOMES.map(([resp]) => [resp, decisionInput(pc.policy.edition, resp, stamp, 'Bench')]),
    );
    const personIds: string[] = [];
    const references: string[] = [];
    let signOff = 0;

    const writeOne = (i: number) => {
      const plan = town.referral(i, (n) => personIds[n] ?? '');
      const input = plan.input;
      const received = londonDate(input.receivedAt);
      if (i % CHECK_EVERY === 0) referralSchema({ today: received }).parse(input);
      const worker = town.random.chance(0.85) ? (workers[i % workers.length] ?? admin) : null;
      const by = (worker ?? admin).id;
      const at = input.receivedAt;
      // People first: a child seen for the first time gets a record, keyed as insertPerson would.
      const childIds = plan.children.map(({ n, fresh }) => {
        if (!fresh) return personIds[n] ?? null;
        const c = town.children[n];
        const child = input.children[plan.children.findIndex((x) => x.n === n)];
        if (c === undefined || child === undefined) throw new Error('child missing');
        const p: NewPerson = {
          kind: 'child',
          status: 'born',
          givenNames: c.givenNames,
          familyName: c.familyName,
          otherNames: c.otherNames ?? undefined,
          dateOfBirth: c.dateOfBirth ?? undefined,
          gender: c.gender,
          nhsNumber: c.nhsNumber ?? undefined,
          address: child.address,
          approxBirthYear: c.approxBirthYear ?? undefined,
        };
        const id = crypto.randomUUID();
        const { lastInsertRowid } = insPerson.run({
          id,
          given_names: c.givenNames,
          family_name: c.familyName,
          other_names: c.otherNames,
          date_of_birth: c.dateOfBirth,
          gender: c.gender,
          nhs_number: c.nhsNumber === null ? null : normaliseNhsNumber(c.nhsNumber),
          postcode: normalisePostcode(c.postcode),
          address: JSON.stringify(child.address),
          ...personKeyColumns(p),
          approx_birth_year: c.dateOfBirth === null ? c.approxBirthYear : null,
          at,
          by,
        });
        insPersonFts.run({ rowid: lastInsertRowid, ...personFtsValues(id, p) });
        personIds[n] = id;
        return id;
      });
      const year = Number(received.slice(0, 4));
      const seq = (counters.get(year) ?? 0) + 1;
      counters.set(year, seq);
      const reference = `FD-${String(year)}-${String(seq).padStart(6, '0')}`;
      if (i % 97 === 0) references.push(reference);
      const clock = decisionClock(
        input.receivedAt,
        input.immediateProtectionMayBeNeeded,
        pc.policy,
        pc.calendar,
      );
      const id = crypto.randomUUID();
      const awaitingSignOff = plan.open && town.random.chance(0.1);
      const status = plan.open
        ? awaitingSignOff
          ? 'awaiting-sign-off'
          : 'awaiting-decision'
        : 'decided';
      const cols = referralColumns({
        input,
        countedFrom: clock.countedFrom,
        decisionDue: clock.due,
        childPersonIds: childIds,
        householdPersonIds: input.householdMembers.map(() => null),
      });
      const { lastInsertRowid } = insReferral.run({
        id,
        reference,
        status,
        ...cols,
        referrer_id: plan.agency === null ? null : (directoryIds[plan.agency] ?? null),
        assigned_to: worker?.id ?? null,
        at,
        by,
      });
      insReferralFts.run({ rowid: lastInsertRowid, ...referralFtsValues(id, reference, input) });
      input.children.forEach((c, pos) => {
        insChild.run(
          crypto.randomUUID(),
          id,
          childIds[pos] ?? null,
          pos,
          displayChildName(c),
          JSON.stringify(c),
        );
      });
      input.householdMembers.forEach((m, pos) => {
        insMember.run({
          id: crypto.randomUUID(),
          referral_id: id,
          position: pos,
          pr: m.parentalResponsibility ? 1 : 0,
          data: JSON.stringify(m),
          ...householdKeyColumns(m),
        });
      });
      for (const code of new Set(input.assessmentFactors)) insFactor.run(id, code);
      insConsent.run(
        crypto.randomUUID(),
        id,
        input.consent.status,
        JSON.stringify(input.consent),
        by,
        at,
      );
      insChronology.run(
        crypto.randomUUID(),
        id,
        at,
        'auto',
        `Referral received. Decision due by ${clock.due}.`,
        by,
      );
      if (plan.open && !awaitingSignOff) return;
      if (awaitingSignOff) signOff++;
      const response = town.random.weighted(OUTCOMES);
      const decidedAt = new Date(Date.parse(at) + 3 * 3600_000).toISOString();
      const t = templates.get(response);
      if (t === undefined) throw new Error(`no decision template for ${response}`);
      const d = { ...t, decidedAt, decidedBy: (worker ?? admin).displayName };
      insDecision.run({
        id: crypto.randomUUID(),
        referral_id: id,
        answers: JSON.stringify(d.answers),
        recommended: d.recommendedResponse,
        chosen: d.chosenResponse,
        rationale: d.rationale,
        data: JSON.stringify(d),
        status: awaitingSignOff ? 'awaiting-sign-off' : 'final',
        by,
        at: decidedAt,
      });
      insChronology.run(
        crypto.randomUUID(),
        id,
        decidedAt,
        'significant',
        `Decision recorded: ${response}.`,
        by,
      );
    };

    for (let from = 0; from < o.referrals; from += BATCH) {
      raw.transaction(() => {
        for (let i = from; i < Math.min(o.referrals, from + BATCH); i++) writeOne(i);
      })();
      log(
        `  loaded ${String(Math.min(o.referrals, from + BATCH))} of ${String(o.referrals)} referrals, ${String(personIds.length)} people (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
    const setCounter = raw.prepare(
      'INSERT INTO reference_counters (year, last) VALUES (?, ?) ON CONFLICT(year) DO UPDATE SET last = excluded.last',
    );
    raw.transaction(() => {
      for (const [year, last] of counters) setCounter.run(year, last);
    })();
    const t0 = performance.now();
    raw.transaction(() => {
      for (const ix of indexes) raw.exec(ix.sql);
    })();
    log(
      `  ${String(indexes.length)} indexes made again in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    raw.pragma('synchronous = FULL');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    return {
      children: town.children,
      personIds,
      schools: town.schools,
      referrerNames: town.directory.map((d) => d.name),
      references,
      admin,
      workers,
      counts: { referrals: o.referrals, people: personIds.length, open: o.open, signOff },
      ms: performance.now() - started,
    };
  } finally {
    store.close();
  }
}
