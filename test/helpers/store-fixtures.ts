// Fixtures for store and service tests: temp data folders, a fixed clock, valid referral input.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppUser } from '../../shared/domain/records';
import type { Decision } from '../../shared/validation/decision';
import { CHECKLISTS } from '../../shared/checklist';
import { EDITIONS } from '../../shared/domain/types';
import type { ChildInput } from '../../shared/validation/child';
import type { ReferralInput } from '../../shared/validation/referral';
import { createServices, type Services } from '../../electron/main/services/index';
import { createFolderFilesPort } from '../../electron/main/services/files-folder';
import { openStore, type Store } from '../../electron/main/store/store';

export function tempDir(prefix = 'front-door-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** A settable clock; starts on Monday 23 November 2026, 10:05 London (GMT). */
export function fixedClock(iso = '2026-11-23T10:05:00.000Z') {
  let now = new Date(iso);
  return {
    now: () => new Date(now.getTime()),
    set(next: string) {
      now = new Date(next);
    },
  };
}

export function bornChild(over: Partial<Extract<ChildInput, { status: 'born' }>> = {}): ChildInput {
  return {
    status: 'born',
    givenNames: 'Amy',
    familyName: 'Smith',
    dateOfBirth: '2016-04-03',
    gender: '2',
    disability: 'unknown',
    interpreterNeeded: false,
    ...over,
  };
}

export function referralInput(over: Partial<ReferralInput> = {}): ReferralInput {
  return {
    receivedAt: '2026-11-23T10:00:00.000Z',
    channel: 'phone',
    referrer: {
      kind: 'professional',
      name: 'Jo Teacher',
      role: 'Designated safeguarding lead',
      agencyName: 'Oak Primary School',
      agencyType: 'school',
      phone: '01632 960001',
      wantsFeedback: true,
      feedbackMethod: 'phone',
    },
    children: [bornChild()],
    householdMembers: [
      {
        givenNames: 'Kim',
        familyName: 'Smith',
        relationship: 'Mother',
        parentalResponsibility: true,
        livesInHousehold: true,
      },
    ],
    concern: 'Amy came to school with bruising on her arm and said she was scared to go home.',
    assessmentFactors: ['18C'],
    currentWhereabouts: 'At school until 15:15',
    immediateProtectionMayBeNeeded: false,
    parentsAware: 'no',
    parentsAgree: 'unknown',
    parentsReason: 'Telling the parents may put Amy at risk',
    consent: { status: 'not-sought', reason: 'Asking would place the child at risk of harm' },
    informationSharing: [],
    referralSourceCode: '2A',
    ...over,
  };
}

/**
 * Every checklist question (of every edition) answered "no", then `over`: the safety questions are
 * always answered, as the decision service insists.
 */
export function checklistAnswers(over: Decision['answers'] = {}): Decision['answers'] {
  const ids = new Set(EDITIONS.flatMap((e) => CHECKLISTS[e].questions.map((q) => q.id)));
  return { ...Object.fromEntries([...ids].map((id) => [id, 'no' as const])), ...over };
}

export function decisionInput(over: Partial<Decision> = {}): Decision {
  return {
    answers: checklistAnswers({ 'child-in-need': 'yes' }),
    recommendedResponse: 's17-assessment',
    chosenResponse: 's17-assessment',
    rationale: 'Bruising and the child says she is scared: assessment needed to understand risk.',
    crimeSuspected: false,
    familyInformed: 'yes',
    decidedBy: 'Sam Patel',
    // The fixed clock's start: a decision is never later than now.
    decidedAt: '2026-11-23T10:05:00.000Z',
    seeingChildPlan: 'Visit at school today',
    familyAgreement: 'agreed',
    leadPractitioner: 'Sam Patel',
    leadPractitionerAllocatedBy: 'Jo Morgan (practice supervisor)',
    leadPractitionerRole: 'social-worker',
    ...over,
  };
}

export type TestEnv = {
  dir: string;
  /** Where files handed to the user are written (the tests' files port). */
  filesDir: string;
  store: Store;
  services: Services;
  clock: ReturnType<typeof fixedClock>;
  admin: AppUser;
  signIn(account: string, roles?: AppUser['roles']): Promise<AppUser>;
  close(): void;
};

/** A fresh store and services; the first user (admin, all roles) is "sam". */
export async function testEnv(): Promise<TestEnv> {
  const dir = tempDir();
  const store = openStore({ dataDir: dir });
  const clock = fixedClock();
  // Files the services hand over land in their own temp folder, removed with the data folder.
  const filesDir = tempDir('front-door-files-');
  const services = createServices(store, clock, {
    osAccount: () => 'sam',
    files: createFolderFilesPort(filesDir),
  });
  const admin = (await services.users.signIn('sam', 'Sam Patel')).user;
  return {
    dir,
    filesDir,
    store,
    services,
    clock,
    admin,
    async signIn(account, roles) {
      const u = (await services.users.signIn(account, account)).user;
      if (!roles) return u;
      return services.users.setRoles({ user: admin }, { id: u.id, version: u.version, roles });
    },
    close() {
      store.close();
      removeDir(dir);
      removeDir(filesDir);
    },
  };
}

/**
 * A data folder holding `referrals` referrals (the admin is "sam"), closed cleanly; `beforeClose`
 * runs first (e.g. a backup). The folders are added to `dirs` for the test's cleanup.
 */
export async function closedDataFolder(
  dirs: string[],
  referrals: number,
  beforeClose: (env: TestEnv) => Promise<unknown> = () => Promise.resolve(),
): Promise<string> {
  const env = await testEnv();
  dirs.push(env.dir, env.filesDir);
  for (let i = 0; i < referrals; i++)
    await env.services.referrals.create({ user: env.admin }, { referral: referralInput() });
  await beforeClose(env);
  env.store.close();
  return env.dir;
}
