// After a decision, a correction or "link" cannot move the decision off a child's record: the
// children's links change only by merging person records (audited, undone exactly).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../electron/main/store/errors';
import type { ReferralRecord } from '../../../shared/domain/records';
import {
  bornChild,
  decisionInput,
  referralInput,
  testEnv,
  type TestEnv,
} from '../../helpers/store-fixtures';

let env: TestEnv;
beforeEach(async () => {
  env = await testEnv();
});
afterEach(() => {
  env.close();
});

async function decided(): Promise<{ referral: ReferralRecord; personId: string }> {
  const ctx = { user: env.admin };
  const r = await env.services.referrals.create(ctx, {
    referral: referralInput(),
    newChildren: [0],
  });
  await env.services.decisions.record(ctx, {
    referralId: r.id,
    version: r.version,
    decision: decisionInput(),
  });
  const referral = await env.services.referrals.get(ctx, { id: r.id });
  return { referral, personId: referral.children[0]?.personId ?? '' };
}

async function expectUnchanged(before: ReferralRecord, personId: string) {
  const ctx = { user: env.admin };
  const after = await env.services.referrals.get(ctx, { id: before.id });
  expect(after.version).toBe(before.version);
  expect(after.children.map((c) => c.personId)).toEqual([personId]);
  expect(after.input.children.map((c) => c.personId)).toEqual([personId]);
  const person = await env.services.people.get(ctx, { id: personId });
  expect(person.referrals.map((x) => x.referralId)).toEqual([before.id]);
}

describe('children’s links after a decision', () => {
  it('a correction that drops the link is refused on the child, and nothing changes', async () => {
    const { referral, personId } = await decided();
    const { personId: _dropped, ...unlinked } = referral.input.children[0] ?? bornChild();
    const refused = env.services.referrals.update(
      { user: env.admin },
      {
        id: referral.id,
        version: referral.version,
        referral: { ...referral.input, children: [unlinked] },
      },
    );
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    await expect(refused).rejects.toMatchObject({
      fieldErrors: {
        'children.0': expect.stringMatching(
          /cannot be unlinked or linked to another record after the decision/,
        ) as unknown,
      },
    });
    await expectUnchanged(referral, personId);
  });

  it('a correction that relinks the child to another record is refused', async () => {
    const { referral, personId } = await decided();
    const other = await env.services.referrals.create(
      { user: env.admin },
      {
        referral: referralInput({ children: [bornChild({ givenNames: 'Zoe' })] }),
        newChildren: [0],
      },
    );
    const otherId = other.children[0]?.personId ?? '';
    const first = referral.input.children[0] ?? bornChild();
    await expect(
      env.services.referrals.update(
        { user: env.admin },
        {
          id: referral.id,
          version: referral.version,
          referral: { ...referral.input, children: [{ ...first, personId: otherId }] },
        },
      ),
    ).rejects.toMatchObject({ fieldErrors: { 'children.0': expect.any(String) as unknown } });
    await expectUnchanged(referral, personId);
  });

  it('an unlinked child cannot be added; one confirmed as new can', async () => {
    const { referral, personId } = await decided();
    const ctx = { user: env.admin };
    const sibling = bornChild({ givenNames: 'Ben', dateOfBirth: '2019-01-05' });
    await expect(
      env.services.referrals.update(ctx, {
        id: referral.id,
        version: referral.version,
        referral: { ...referral.input, children: [...referral.input.children, sibling] },
      }),
    ).rejects.toMatchObject({
      fieldErrors: {
        'children.1': expect.stringMatching(
          /linked to an existing record or confirmed as new/,
        ) as unknown,
      },
    });
    await expectUnchanged(referral, personId);

    const saved = await env.services.referrals.update(ctx, {
      id: referral.id,
      version: referral.version,
      referral: { ...referral.input, children: [...referral.input.children, sibling] },
      newChildren: [1],
    });
    expect(saved.children[0]?.personId).toBe(personId);
    expect(saved.children[1]?.personId).not.toBeNull();
  });

  it('a decided child cannot be removed from the referral', async () => {
    const { referral, personId } = await decided();
    const sibling = bornChild({ givenNames: 'Ben', dateOfBirth: '2019-01-05' });
    await expect(
      env.services.referrals.update(
        { user: env.admin },
        {
          id: referral.id,
          version: referral.version,
          referral: { ...referral.input, children: [sibling] },
        },
      ),
    ).rejects.toMatchObject({
      fieldErrors: { 'children.0': expect.any(String) as unknown },
    });
    await expectUnchanged(referral, personId);
  });

  it('an ordinary correction keeps the links and saves', async () => {
    const { referral, personId } = await decided();
    const saved = await env.services.referrals.update(
      { user: env.admin },
      {
        id: referral.id,
        version: referral.version,
        referral: { ...referral.input, concern: `${referral.input.concern} Corrected spelling.` },
      },
    );
    expect(saved.version).toBe(referral.version + 1);
    expect(saved.children[0]?.personId).toBe(personId);
  });

  it('"link" cannot move a decided child to another record or to a new one', async () => {
    const { referral, personId } = await decided();
    const ctx = { user: env.admin };
    const other = await env.services.referrals.create(ctx, {
      referral: referralInput({ children: [bornChild({ givenNames: 'Zoe' })] }),
      newChildren: [0],
    });
    for (const target of [other.children[0]?.personId ?? '', null]) {
      await expect(
        env.services.people.link(ctx, {
          referralId: referral.id,
          version: referral.version,
          childIndex: 0,
          personId: target,
        }),
      ).rejects.toMatchObject({
        fieldErrors: {
          'children.0': expect.stringMatching(
            /cannot be linked to another record after the decision/,
          ) as unknown,
        },
      });
    }
    await expectUnchanged(referral, personId);
  });
});
