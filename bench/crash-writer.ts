// Child process for the "open after a crash" measurement: opens the store in the given data
// folder and saves referrals through the real service, printing `saved` after each confirmed
// save, until the parent kills it with SIGKILL (so the WAL holds committed, uncheckpointed saves
// and the session marker is left behind, as after a power cut or a crash).
import { createServices } from '../electron/main/services';
import { openStore } from '../electron/main/store/store';

const dataDir = process.argv[2];
if (dataDir === undefined) {
  process.stderr.write('usage: crash-writer <dataDir>\n');
  process.exit(2);
}

const store = openStore({ dataDir });
if (store.status().state !== 'ok') {
  process.stderr.write(`cannot open: ${store.status().reason ?? ''}\n`);
  process.exit(1);
}
const services = createServices(store);
const { user } = await services.users.signIn('bench-0', 'Dana Wilson');
process.stdout.write('open\n');
for (let i = 0; ; i++) {
  await services.referrals.create(
    { user },
    {
      referral: {
        receivedAt: new Date(Date.now() - 60_000).toISOString(),
        channel: 'phone',
        referrer: {
          kind: 'anonymous',
          toldAnonymityCannotBeGuaranteed: true,
          wantsFeedback: false,
          feedbackMethod: 'none',
        },
        children: [
          {
            status: 'born',
            givenNames: 'Crash',
            familyName: `Writer${String(i)}`,
            dateOfBirth: '2015-03-02',
            gender: 'U',
            disability: 'unknown',
            interpreterNeeded: false,
          },
        ],
        householdMembers: [],
        concern: 'Saved by the crash writer, then killed mid-stream.',
        assessmentFactors: ['16A'],
        currentWhereabouts: 'Not known',
        immediateProtectionMayBeNeeded: false,
        parentsAware: 'unknown',
        parentsAgree: 'unknown',
        consent: { status: 'not-sought', reason: 'Benchmark.' },
        informationSharing: [],
        referralSourceCode: '9',
      },
    },
  );
  process.stdout.write('saved\n');
}
