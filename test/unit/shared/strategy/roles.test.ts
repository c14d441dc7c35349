// The required-roles check and the suggested invitees (shared/strategy/roles.ts) over each
// edition's data and local policy.
import { describe, expect, it } from 'vitest';
import { resolvePolicy } from '../../../../shared/policy';
import {
  CONDITIONAL_REQUIREMENTS,
  checkRequiredRoles,
  suggestInvitees,
  type InviteeForCheck,
} from '../../../../shared/strategy/roles';

const inv = (id: string, covers: InviteeForCheck['covers']): InviteeForCheck => ({
  id,
  name: `Person ${id}`,
  agency: `Agency ${id}`,
  covers,
});

describe('required roles', () => {
  it('2018: social worker, health and police; lists who covers each and what is missing', () => {
    const r = checkRequiredRoles(
      resolvePolicy(2018),
      [inv('a', 'social-worker'), inv('b', 'health'), inv('c', 'health'), inv('d', 'referrer')],
      { childLookedAfter: false },
    );
    expect(r.roles.map((x) => x.key)).toEqual(['social-worker', 'health', 'police']);
    expect(r.roles.find((x) => x.key === 'health')?.invitees.map((i) => i.id)).toEqual(['b', 'c']);
    expect(r.missing).toEqual(['police']);
    expect(r.roles.find((x) => x.key === 'police')).toMatchObject({
      basis: 'edition',
      covered: false,
      source: 'WT 2018 ch.1 (strategy discussion): a police representative',
    });
  });

  it('2013 and 2015 keep the manager in the minimum; 2018 does not', () => {
    for (const edition of [2013, 2015] as const) {
      const r = checkRequiredRoles(resolvePolicy(edition), [], { childLookedAfter: false });
      expect(r.missing).toContain('sw-manager');
    }
    expect(
      checkRequiredRoles(resolvePolicy(2018), [], { childLookedAfter: false }).missing,
    ).not.toContain('sw-manager');
  });

  it('a local policy that keeps managers makes them required, citing the local note', () => {
    const policy = resolvePolicy(2018, {
      requiredRoles: ['social-worker', 'health', 'police', 'sw-manager'],
      notes: { requiredRoles: 'Our partnership keeps managers at every discussion' },
    });
    const r = checkRequiredRoles(policy, [], { childLookedAfter: false });
    expect(r.roles.find((x) => x.key === 'sw-manager')).toMatchObject({
      basis: 'local',
      source: 'Local policy: Our partnership keeps managers at every discussion',
    });
  });

  it('2018: the fostering service is required for a looked-after child, with the edition citation', () => {
    const policy = resolvePolicy(2018);
    const none = checkRequiredRoles(policy, [], { childLookedAfter: false });
    expect(none.roles.some((x) => x.basis === 'circumstance')).toBe(false);
    const la = checkRequiredRoles(policy, [], { childLookedAfter: true });
    const foster = la.roles.find((x) => x.basis === 'circumstance');
    expect(foster).toMatchObject({ anyOf: ['fostering-service'], covered: false });
    expect(foster?.source).toMatch(/fostering service, if the child is looked after/);
    expect(la.missing).toContain(foster?.key);
    const covered = checkRequiredRoles(policy, [inv('f', 'fostering-service')], {
      childLookedAfter: true,
    });
    expect(covered.roles.find((x) => x.basis === 'circumstance')?.covered).toBe(true);
  });

  it('before 2018 no edition names the fostering service; 2023 accepts residential or fostering', () => {
    expect(CONDITIONAL_REQUIREMENTS[2015]).toBeUndefined();
    expect(
      checkRequiredRoles(resolvePolicy(2015), [], { childLookedAfter: true }).roles.some(
        (x) => x.basis === 'circumstance',
      ),
    ).toBe(false);
    const r = checkRequiredRoles(resolvePolicy(2023), [inv('r', 'residential-service')], {
      childLookedAfter: true,
    });
    expect(r.roles.find((x) => x.basis === 'circumstance')?.covered).toBe(true);
  });
});

describe('suggested optional invitees', () => {
  it('the referrer and each school first, then the other roles the edition names, skipping covered ones', () => {
    const s = suggestInvitees(
      resolvePolicy(2018),
      {
        referrer: { name: 'Jo Teacher', agency: 'Oak Primary School', email: 'jo@oak.example' },
        schools: ['Oak Primary School', 'Elm Nursery', 'Oak Primary School', ''],
        childLookedAfter: true,
      },
      [inv('x', 'consultant-paediatrician')],
    );
    expect(s[0]).toMatchObject({ covers: 'referrer', name: 'Jo Teacher', email: 'jo@oak.example' });
    expect(s.filter((x) => x.covers === 'education').map((x) => x.agency)).toEqual([
      'Oak Primary School',
      'Elm Nursery',
    ]);
    const roles = s.map((x) => x.covers);
    expect(roles).toContain('fostering-service');
    expect(roles).toContain('health-services-family');
    expect(roles).not.toContain('consultant-paediatrician');
    expect(s.find((x) => x.covers === 'referrer')?.source).toMatch(/^WT 2018 ch\.1/);
  });

  it('suggests the looked-after services only when a child discussed is looked after', () => {
    const roles = (lookedAfter: boolean) =>
      suggestInvitees(
        resolvePolicy(2023),
        { referrer: null, schools: [], childLookedAfter: lookedAfter },
        [],
      ).map((x) => x.covers);
    expect(roles(false)).not.toContain('fostering-service');
    expect(roles(false)).not.toContain('residential-service');
    const when = roles(true);
    // Required then (the check lists them), or suggested: never silently absent.
    const required = checkRequiredRoles(resolvePolicy(2023), [], {
      childLookedAfter: true,
    }).roles.flatMap((r) => r.anyOf);
    expect([...when, ...required]).toContain('fostering-service');
  });

  it('no referrer suggestion where the referrer is not a professional (family are not invited)', () => {
    const s = suggestInvitees(resolvePolicy(2023), { referrer: null, schools: [] }, []);
    expect(s.find((x) => x.covers === 'referrer')).toMatchObject({ name: null });
    expect(s.map((x) => x.covers)).toContain('british-transport-police');
  });
});
