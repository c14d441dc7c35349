// `npm run seed -- --data-dir DIR --referrals N [--user OSACCOUNT] [--seed S]`
// Fills a new database with clearly fictional demo data through the real services (the same
// validation, audit log and clocks as the app), with a clock that walks through the years so
// every record carries a believable date.

import os from 'node:os';
import { parseArgs } from 'node:util';
import { londonDate } from '../../shared/calendar';
import type { AppUser } from '../../shared/domain/records';
import { CHECKLISTS, RESPONSE_RANK, recommendResponse } from '../../shared/checklist';
import {
  EDITIONS,
  type Edition,
  type ResponseType,
  type UserRole,
} from '../../shared/domain/types';
import type { ChannelInput } from '../../shared/ipc/contract';
import { decisionSchema, type AnswerValue } from '../../shared/validation/decision';
import { referralSchema } from '../../shared/validation/referral';
import { createServices, type Services } from '../../electron/main/services';
import { openStore } from '../../electron/main/store/store';
import { DEMO_ORGANISATION, DEMO_USERS } from './seed-facts';
import { planSeed, type PlannedReferral } from './seed-data';

export type SeedOptions = {
  dataDir: string;
  /** How many referrals in all (the open ones included). */
  referrals: number;
  /** The OS account the harness will run as; made a duty worker, manager and admin. */
  user?: string;
  /** The PRNG seed (same seed + same day = same data). */
  seed?: number;
  now?: Date;
  log?: (line: string) => void;
};

export type SeedSummary = {
  referrals: number;
  open: number;
  people: number;
  users: number;
  directory: number;
  ms: number;
};

type DecisionInput = ChannelInput<'decisions:record'>['decision'];

/** Checklist answers (every question of every edition) that lead to this response. */
function answersFor(response: ResponseType, crime: boolean): Record<string, AnswerValue> {
  const ids = new Set(EDITIONS.flatMap((e) => CHECKLISTS[e].questions.map((q) => q.id)));
  const a: Record<string, AnswerValue> = Object.fromEntries([...ids].map((id) => [id, 'no']));
  a['crime-suspected'] = crime ? 'yes' : 'no';
  switch (response) {
    case 'emergency-action':
      return {
        ...a,
        'immediate-danger': 'yes',
        'needs-protection-now': 'yes',
        'significant-harm': 'yes',
      };
    case 'strategy-discussion':
      return { ...a, 'significant-harm': 'yes' };
    case 's17-assessment':
      return { ...a, 'child-in-need': 'yes' };
    case 'early-help':
      return { ...a, 'early-help-needs': 'yes', 'family-consents-early-help': 'yes' };
    case 'information-advice':
      return { ...a, 'advice-sufficient': 'yes' };
    case 'nfa':
      return a;
  }
}

function decisionFor(
  plan: PlannedReferral,
  decidedBy: string,
  edition: Edition,
): DecisionInput | null {
  const d = plan.decision;
  if (!d) return null;
  const accepted = !['nfa', 'information-advice'].includes(d.response);
  // The checklist is worked out from the answers; a worker may choose differently, but the demo
  // never steps down from a safety recommendation (that would wait for a manager).
  const stepsDown =
    RESPONSE_RANK[d.response] < RESPONSE_RANK[d.recommended] &&
    RESPONSE_RANK[d.recommended] >= RESPONSE_RANK['strategy-discussion'];
  const answers = answersFor(stepsDown ? d.response : d.recommended, d.crime);
  const rec = recommendResponse(edition, answers);
  const recommended = rec.kind === 'recommended' ? rec.response : d.response;
  const asked = new Set(CHECKLISTS[edition].questions.map((q) => q.id as string));
  return {
    answers: Object.fromEntries(Object.entries(answers).filter(([id]) => asked.has(id))),
    recommendedResponse: recommended,
    chosenResponse: d.response,
    ...(recommended !== d.response
      ? { differsReason: 'Further information from the school changed the picture.' }
      : {}),
    rationale: d.rationale,
    crimeSuspected: d.crime,
    ...(d.crime
      ? {
          policeNotification: {
            notified: true,
            officerName: 'DC Morgan Fairweather',
            forceOrTeam: 'Exampleshire Police, Harbourton CID',
            notifiedAt: d.at,
            reference: `HB-${d.at.slice(0, 10).replaceAll('-', '')}-${String(plan.receivedAt.length * 37 + Number(d.at.slice(14, 16)))}`,
          },
        }
      : {}),
    familyInformed: 'yes',
    ...(d.response === 's17-assessment' || d.response === 'early-help'
      ? { familyAgreement: 'agreed' as const }
      : {}),
    ...(accepted
      ? {
          seeingChildPlan:
            'Duty social worker to visit the child at school within the local standard.',
          leadPractitioner: decidedBy,
          leadPractitionerAllocatedBy: 'Jo Morgan (practice supervisor)',
          leadPractitionerRole: 'social-worker' as const,
        }
      : {}),
    decidedBy,
    decidedAt: d.at,
  };
}

/** Seed a new (empty) database. Refuses one that already holds referrals. */
export async function seedDatabase(options: SeedOptions): Promise<SeedSummary> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const realNow = options.now ?? new Date();
  let current = realNow;
  const clock = { now: () => current };
  const store = openStore({ dataDir: options.dataDir });
  try {
    const status = store.status();
    if (status.state !== 'ok') {
      throw new Error(
        `The database in ${options.dataDir} cannot be opened: ${status.reason ?? status.state}`,
      );
    }
    const services: Services = createServices(store, clock, {
      osAccount: () => options.user ?? os.userInfo().username,
    });
    const plan = planSeed({
      count: options.referrals,
      now: realNow,
      seed: options.seed,
      dutyWorkers:
        DEMO_USERS.filter((u) => (u.roles as readonly UserRole[]).includes('duty-worker')).length +
        1,
    });
    const first = plan.referrals[0];
    if (first) current = new Date(Date.parse(first.receivedAt) - 86_400_000);

    // Users: the harness user first (so they become the administrator), then the team.
    const me = (await services.users.signIn(options.user, 'Demo User (you)')).user;
    const asMe = { user: me };
    const existing = await services.referrals.list(asMe, { filter: 'all' });
    if (existing.length > 0) {
      throw new Error(
        `The database in ${options.dataDir} already has referrals; seed a new folder.`,
      );
    }
    const team: AppUser[] = [];
    for (const u of DEMO_USERS) {
      const created = (await services.users.signIn(u.osAccount, u.displayName)).user;
      team.push(
        await services.users.setRoles(asMe, {
          id: created.id,
          version: created.version,
          roles: [...u.roles],
        }),
      );
    }
    const workers = [me, ...team.filter((u) => u.roles.includes('duty-worker'))];
    const settings = await services.settings.get(asMe);
    await services.settings.update(asMe, {
      version: settings.version,
      organisation: { ...DEMO_ORGANISATION },
    });
    for (const d of plan.directory) {
      await services.directory.save(asMe, {
        entry: {
          name: d.name,
          role: d.role,
          agency: d.agency,
          agencyType: d.agencyType,
          phone: d.phone,
          email: d.email,
        },
      });
    }
    log(`Users ${String(team.length + 1)}, directory ${String(plan.directory.length)}`);

    const personOf = new Map<string, string>();
    let open = 0;
    // One transaction per batch of referrals (store.batch): a disk sync per save would make
    // 200,000 referrals take hours. The services still validate, audit and key every record.
    const BATCH = 500;
    for (let from = 0; from < plan.referrals.length; from += BATCH) {
      await store.batch(async () => {
        for (const [k, p] of plan.referrals.slice(from, from + BATCH).entries()) {
          const n = from + k;
          const worker = p.assignee === null ? null : (workers[p.assignee % workers.length] ?? me);
          const ctx = { user: worker ?? me };
          current = new Date(Date.parse(p.receivedAt) + 10 * 60_000);
          if (current > realNow) current = realNow;
          // Children seen before are linked to their person record: that is what makes a re-referral.
          const children = p.input.children.map((c, i) => {
            const known = personOf.get(p.childKeys[i] ?? '');
            return known ? { ...c, personId: known } : c;
          });
          const referral = referralSchema({ today: londonDate(current.toISOString()) }).parse({
            ...p.input,
            children,
          });
          let rec = await services.referrals.create(ctx, { referral });
          for (const [i, child] of rec.children.entries()) {
            if (child.personId !== null) continue;
            rec = await services.people.link(ctx, {
              referralId: rec.id,
              version: rec.version,
              childIndex: i,
              personId: null,
            });
            const linked = rec.children[i]?.personId;
            const key = p.childKeys[i];
            if (linked && key) personOf.set(key, linked);
          }
          if (worker) {
            rec = await services.referrals.assign(ctx, {
              id: rec.id,
              version: rec.version,
              userId: worker.id,
            });
          }
          const decision = decisionFor(p, (worker ?? me).displayName, settings.edition);
          if (decision && p.decision) {
            current = new Date(Math.min(Date.parse(p.decision.at), realNow.getTime()));
            await services.decisions.record(ctx, {
              referralId: rec.id,
              version: rec.version,
              decision: decisionSchema.parse(decision),
            });
          } else {
            open++;
          }
          if ((n + 1) % 100 === 0)
            log(`Referrals ${String(n + 1)} of ${String(plan.referrals.length)}`);
        }
      });
    }
    current = realNow;
    return {
      referrals: plan.referrals.length,
      open,
      people: personOf.size,
      users: team.length + 1,
      directory: plan.directory.length,
      ms: Date.now() - started,
    };
  } finally {
    store.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      referrals: { type: 'string', default: '200' },
      user: { type: 'string' },
      seed: { type: 'string' },
    },
  });
  const dataDir = values['data-dir'];
  const count = Number(values.referrals);
  if (!dataDir || !Number.isInteger(count) || count < 1 || count > 200_000) {
    console.error(
      'Usage: npm run seed -- --data-dir DIR --referrals N [--user OSACCOUNT] [--seed S]',
    );
    process.exit(2);
  }
  const summary = await seedDatabase({
    dataDir,
    referrals: count,
    ...(values.user ? { user: values.user } : {}),
    ...(values.seed ? { seed: Number(values.seed) } : {}),
    log: (line) => {
      console.log(line);
    },
  });
  console.log(
    `Seeded ${String(summary.referrals)} referrals (${String(summary.open)} awaiting a decision), ` +
      `${String(summary.people)} children, ${String(summary.users)} users in ${(summary.ms / 1000).toFixed(1)} s.`,
  );
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
