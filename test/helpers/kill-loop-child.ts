// Child process for the kill loop (reliability "Kill -9 loop"): opens the store in the given data
// folder and saves referrals through the real service, printing each id only after the save has
// returned (committed with synchronous=FULL). The parent kills this process at random moments.
// The test bundles it once with esbuild (a tsx start-up per kill would cost about a second).
//
// Modes (third argument): `save` (default) as above; `migrate` opens with one extra, slow
// migration (PROBE below) and prints `migrating` first, so the parent can kill it mid-migration;
// `backup` prints `backing-up`, makes one backup, prints `backed-up` and idles.
import { createServices } from '../../electron/main/services/index';
import { createBackup } from '../../electron/main/store/backup';
import { MIGRATIONS, type Migration } from '../../electron/main/store/migrations/index';
import { openStore } from '../../electron/main/store/store';
import { bornChild, referralInput } from './store-fixtures';

const dataDir = process.argv[2];
const mode =
  process.argv[3] === undefined || process.argv[3] === '--after-go' ? 'save' : process.argv[3];
if (dataDir === undefined || !['save', 'migrate', 'backup'].includes(mode)) {
  process.stderr.write('usage: kill-loop-child <dataDir> [save|migrate|backup]\n');
  process.exit(2);
}

/** Long enough (a few hundred ms) that a kill lands inside it; checked by kill-during.test.ts. */
const PROBE: Migration = {
  version: MIGRATIONS.length + 1,
  name: 'kill probe',
  up(db) {
    db.exec('CREATE TABLE kill_probe (n INTEGER NOT NULL) STRICT');
    db.exec(
      'INSERT INTO kill_probe WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c WHERE n < 150000) SELECT n FROM c',
    );
    db.exec('CREATE INDEX kill_probe_n ON kill_probe (n)');
  },
};

// `--after-go` (last argument): everything above is loaded, then the child waits for a line on
// stdin before it touches the data folder. The parent starts the next child this way while it
// checks the last one, so module loading (most of a child's start) overlaps the check.
if (process.argv.includes('--after-go')) {
  process.stdout.write('ready\n');
  await new Promise<void>((resolve) => {
    process.stdin.once('data', () => {
      resolve();
    });
  });
}

if (mode === 'migrate') process.stdout.write('migrating\n');
const store = openStore({
  dataDir,
  ...(mode === 'migrate' ? { migrations: [...MIGRATIONS, PROBE] } : {}),
});
const status = store.status();
if (status.state !== 'ok') {
  process.stderr.write(`STORE ${status.state}: ${status.reason ?? ''}\n`);
  process.exit(3);
}
if (mode === 'migrate') {
  process.stdout.write('migrated\n');
  setInterval(() => undefined, 60_000);
} else if (mode === 'backup') {
  process.stdout.write('backing-up\n');
  await createBackup(store, { now: new Date() });
  process.stdout.write('backed-up\n');
  setInterval(() => undefined, 60_000);
} else {
  await saveLoop();
}

async function saveLoop(): Promise<void> {
  const services = createServices(
    store,
    { now: () => new Date() },
    { osAccount: () => 'kill-loop' },
  );
  const { user } = await services.users.signIn();
  const ctx = { user };

  // Bounded so the database stays small whatever the parent's timing: after this many saves (or
  // this long) the child stops writing and waits to be killed. A kill lands 20–250 ms after the
  // first save, well inside either bound, so the kills still fall mid-write.
  const MAX_SAVES = 150;
  const MAX_WRITING_MS = 3_000;
  const started = Date.now();

  for (let i = 0; i < MAX_SAVES && Date.now() - started < MAX_WRITING_MS; i++) {
    const r = await services.referrals.create(ctx, {
      referral: referralInput({
        receivedAt: new Date(Date.now() - 60_000).toISOString(),
        children: [
          bornChild(),
          bornChild({ givenNames: `Ben ${String(i)}`, dateOfBirth: '2019-06-01', gender: '1' }),
        ],
      }),
    });
    // Pipes are synchronous on Linux (Node process I/O docs), and the id is written only after the
    // transaction committed.
    process.stdout.write(`${r.id}\n`);
  }

  // Stay alive (idle) until the parent's SIGKILL; exiting by itself would be reported as a failure.
  setInterval(() => undefined, 60_000);
}
