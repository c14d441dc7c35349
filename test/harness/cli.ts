// `npm run harness -- --data-dir DIR [--port P] [--user OSACCOUNT]`
// Prints exactly one line on stdout, HARNESS_URL=<url>; everything else goes to stderr.

import { parseArgs } from 'node:util';
import { startHarness } from './harness';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      user: { type: 'string' },
    },
  });
  const dataDir = values['data-dir'] ?? process.env.FRONT_DOOR_DATA_DIR;
  const port = Number(values.port);
  if (!dataDir || !Number.isInteger(port) || port < 0 || port > 65_535) {
    console.error('Usage: npm run harness -- --data-dir DIR [--port P] [--user OSACCOUNT]');
    process.exit(2);
  }
  const harness = await startHarness({
    dataDir,
    port,
    ...(values.user ? { user: values.user } : {}),
  });
  console.log(`HARNESS_URL=${harness.url}`);
  console.error(`Front Door harness serving ${dataDir}. Press Ctrl+C to stop.`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`Stopping (${signal}); closing the database cleanly…`);
    harness.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
