// A child's record lists the strategy discussions arranged about that child (issue 11 "A child's
// record page": strategy discussions), each with its time, format and where it has got to,
// cancelled ones too; a brother on the same referral who is not in a discussion does not get it.
// The record's PDF says the same, read back with pdf.js.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildChildRecordPdf } from '../../../electron/main/documents/record-pdf';
import {
  bornChild,
  decisionInput,
  referralInput,
  testEnv,
  type TestEnv,
} from '../../helpers/store-fixtures';
import { readPdf } from '../../unit/documents/read-pdf';
import { harmYes, scheduleFor } from './strategy-env';

let env: TestEnv;
const as = () => ({ user: env.admin });
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

describe("strategy discussions on a child's record", () => {
  it('lists the discussions about the child, not about a brother on the same referral', async () => {
    const created = await env.services.referrals.create(as(), {
      referral: referralInput({
        children: [
          bornChild({ givenNames: 'Amy' }),
          bornChild({ givenNames: 'Ben', dateOfBirth: '2018-07-09', gender: '1' }),
        ],
      }),
      newChildren: [0, 1],
    });
    await env.services.decisions.record(as(), {
      referralId: created.id,
      version: created.version,
      decision: decisionInput(harmYes),
    });
    const rec = await env.services.referrals.get(as(), { id: created.id });
    const first = await env.services.strategy.schedule(as(), scheduleFor(env, rec));
    await env.services.strategy.cancel(as(), {
      id: first.id,
      version: first.version,
      reason: 'The police officer is not free; moved to Wednesday.',
    });
    await env.services.strategy.schedule(
      as(),
      scheduleFor(env, rec, {
        trigger: { kind: 'new-information', summary: 'A new disclosure at school.' },
        startsAt: '2026-11-25T10:00:00.000Z',
        endsAt: '2026-11-25T11:30:00.000Z',
        format: 'in-person',
        location: 'Harbourton Police Station, room 2',
        joinLink: undefined,
      }),
    );

    const amyId = rec.children[0]?.personId ?? '';
    const benId = rec.children[1]?.personId ?? '';
    const amy = await env.services.people.get(as(), { id: amyId });
    expect(amy.history?.[0]?.discussions).toEqual([
      expect.objectContaining({
        sequence: 1,
        status: 'cancelled',
        startsAt: '2026-11-23T14:00:00.000Z',
        format: 'video',
      }),
      expect.objectContaining({
        sequence: 2,
        status: 'scheduled',
        startsAt: '2026-11-25T10:00:00.000Z',
        endsAt: '2026-11-25T11:30:00.000Z',
        format: 'in-person',
      }),
    ]);
    const ben = await env.services.people.get(as(), { id: benId });
    expect(ben.history?.[0]?.discussions).toEqual([]);

    const text = (
      await readPdf(await buildChildRecordPdf(amy, 'Northshire', { marking: '' }))
    ).pages
      .map((p) => p.text)
      .join(' ')
      .replace(/\s+/g, ' ');
    expect(text).toContain(
      'Strategy discussion 1: 23/11/2026 14:00–15:00, Video call (Teams or other) · Cancelled',
    );
    expect(text).toContain(
      'Strategy discussion 2: 25/11/2026 10:00–11:30, Meeting in person · Scheduled (not yet confirmed)',
    );
  }, 60_000);
});
