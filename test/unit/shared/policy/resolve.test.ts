import { describe, expect, it } from 'vitest';
import { EDITIONS, ROLE_IDS } from '../../../../shared/domain/types';
import type { Edition } from '../../../../shared/domain/types';
import {
  EDITION_RULES,
  POLICY_RULE_KEYS,
  PolicyOverrideError,
  VERIFY_SETTINGS,
  verifyDefault,
  editionLabel,
  managerAttendance,
  resolvePolicy,
  validatePolicyOverrides,
} from '../../../../shared/policy';

function errorsOf(edition: Edition, overrides: unknown) {
  const r = validatePolicyOverrides(edition, overrides);
  return r.ok ? [] : r.errors;
}

describe('edition data', () => {
  it('every edition has a source for every rule and no role both required and optional', () => {
    for (const edition of EDITIONS) {
      const def = EDITION_RULES[edition];
      expect(Object.keys(def.sources).sort()).toEqual([...POLICY_RULE_KEYS].sort());
      const overlap = def.rules.requiredRoles.filter((r) => def.rules.optionalRoles.includes(r));
      expect(overlap).toEqual([]);
      for (const r of [...def.rules.requiredRoles, ...def.rules.optionalRoles]) {
        expect(ROLE_IDS).toContain(r);
      }
    }
  });

  it('is frozen so a caller cannot change the statutory data', () => {
    expect(Object.isFrozen(EDITION_RULES[2013].rules.requiredRoles)).toBe(true);
    const p = resolvePolicy(2013);
    p.requiredRoles.push('referrer');
    expect(EDITION_RULES[2013].rules.requiredRoles).not.toContain('referrer');
  });

  it('decision within 1 working day in every edition', () => {
    for (const edition of EDITIONS) expect(resolvePolicy(edition).decisionWorkingDays).toBe(1);
  });

  it('2010 has initial (10) and core (35) assessments; 2013 onward a single 45-day assessment', () => {
    const p2010 = resolvePolicy(2010);
    expect(p2010.initialAssessmentWorkingDays).toBe(10);
    expect(p2010.coreAssessmentWorkingDays).toBe(35);
    expect(p2010.assessmentWorkingDays).toBeNull();
    for (const edition of [2013, 2015, 2018, 2023] as const) {
      const p = resolvePolicy(edition);
      expect(p.assessmentWorkingDays).toBe(45);
      expect(p.initialAssessmentWorkingDays).toBeNull();
      expect(p.coreAssessmentWorkingDays).toBeNull();
    }
  });

  it('conference clocks and local defaults', () => {
    for (const edition of EDITIONS) {
      const p = resolvePolicy(edition);
      expect(p.icpcWorkingDays).toBe(15);
      expect(p.icpcAnchor).toBe(
        edition === 2010 ? 'initiating-strategy-discussion' : 'last-strategy-discussion',
      );
      expect(p.firstCoreGroupWorkingDays).toBe(10);
      expect(p.firstReviewMonths).toBe(3);
      expect(p.reviewIntervalMonths).toBe(6);
      expect(p.internalReviewWorkingDays).toBe(10);
      expect(p.strategyDiscussionWorkingDays).toBe(1);
      expect(p.officeHoursStart).toBe('09:00');
      expect(p.officeHoursEnd).toBe('17:00');
      expect(p.outOfHoursRule).toBe('next-working-day');
      expect(p.seeChildWithinHours).toBe(24);
      // "As soon as possible" for a child in need: no figure unless local policy sets one.
      expect(p.seeChildInNeedWorkingDays).toBeNull();
      expect(p.ladoReferralWorkingDays).toBe(1);
      expect(p.privateFosteringVisitWorkingDays).toBe(7);
      const pf = p.sources.privateFosteringVisitWorkingDays;
      expect(pf.kind).toBe('statute');
      if (pf.kind === 'statute') {
        expect(pf.reference).toMatch(/Private Arrangements for Fostering\) Regulations 2005/);
      }
      expect(p.sources.internalReviewWorkingDays.kind).toBe('default');
      expect(p.sources.strategyDiscussionWorkingDays.kind).toBe('default');
      expect(p.sources.icpcWorkingDays).toMatchObject({ kind: 'edition', edition });
      expect(p.overrides).toEqual([]);
    }
  });

  it('case holder is a lead practitioner only from 2023', () => {
    expect(resolvePolicy(2023).caseHolderTerm).toBe('lead practitioner');
    for (const edition of [2010, 2013, 2015, 2018] as const) {
      expect(resolvePolicy(edition).caseHolderTerm).toBe('social worker');
    }
  });

  it('manager sign-off: required in 2013/2015, optional in 2018/2023 (2010 optional, unconfirmed)', () => {
    expect(resolvePolicy(2013).managerSignOff).toBe('required');
    expect(resolvePolicy(2015).managerSignOff).toBe('required');
    expect(resolvePolicy(2018).managerSignOff).toBe('optional');
    expect(resolvePolicy(2023).managerSignOff).toBe('optional');
    expect(resolvePolicy(2010).managerSignOff).toBe('optional');
  });

  it('manager sign-off cites Flowchart 1 where the edition asks for it, else is a local default', () => {
    for (const edition of [2013, 2015] as const) {
      const source = resolvePolicy(edition).sources.managerSignOff;
      expect(source).toMatchObject({ kind: 'edition', edition });
      if (source.kind === 'edition') {
        expect(source.reference).toMatch(/Flowchart 1/);
        expect(source.reference).toMatch(/social worker and manager acknowledge receipt/);
        // Not the speed-of-assessment sentence the earlier citation used.
        expect(source.reference).not.toMatch(/timeliness|speed/);
      }
    }
    for (const edition of [2010, 2018, 2023] as const) {
      const source = resolvePolicy(edition).sources.managerSignOff;
      expect(source.kind).toBe('default');
      if (source.kind === 'default') expect(source.note).toMatch(/^Local setting\./);
    }
  });

  it('2010 names the consultant responsible (hospital patient) and a senior doctor (examination)', () => {
    const d = EDITION_RULES[2010];
    expect(d.rules.optionalRoles).toEqual(
      expect.arrayContaining(['hospital-consultant', 'senior-doctor']),
    );
    expect(d.roleSources['hospital-consultant']).toMatch(/hospital patient/);
    expect(d.roleSources['senior-doctor']).toMatch(/medical examination/);
    expect(d.rules.optionalRoles).not.toContain('consultant-paediatrician');
    // From 2013 the consultant paediatrician is a local addition, not Working Together's words.
    for (const edition of [2013, 2015, 2018, 2023] as const) {
      expect(EDITION_RULES[edition].roleSources['consultant-paediatrician']).toMatch(
        /^Not named in this edition; local procedures/,
      );
    }
    // Every listed role has a citation.
    for (const edition of EDITIONS) {
      const d2 = EDITION_RULES[edition];
      for (const role of [...d2.rules.requiredRoles, ...d2.rules.optionalRoles]) {
        expect(d2.roleSources[role], `${String(edition)} ${role}`).toBeTruthy();
      }
    }
  });

  it('labels', () => {
    expect(editionLabel(2018)).toBe('Working Together 2018');
    expect(editionLabel(2018, { short: true })).toBe('WT 2018');
  });
});

describe('strategy discussion roles by edition', () => {
  it('2010: social care and police required; health is only named', () => {
    const p = resolvePolicy(2010);
    expect(p.requiredRoles).toEqual(['social-worker', 'police']);
    expect(p.requiredRoles).not.toContain('health');
    expect(p.optionalRoles).toEqual(
      expect.arrayContaining(['health', 'education', 'referrer', 'senior-doctor']),
    );
    expect(managerAttendance(p)).toBe('not-listed');
  });

  it.each([2013, 2015] as const)('%i: the social worker’s manager is required', (edition) => {
    const p = resolvePolicy(edition);
    expect(p.requiredRoles).toEqual(['social-worker', 'sw-manager', 'health', 'police']);
    expect(p.optionalRoles).toEqual(
      expect.arrayContaining(['referrer', 'education', 'health-services-family']),
    );
    expect(managerAttendance(p)).toBe('required');
  });

  it('2018: manager removed from the minimum, kept as optional', () => {
    const p = resolvePolicy(2018);
    expect(p.requiredRoles).toEqual(['social-worker', 'health', 'police']);
    expect(p.optionalRoles).toEqual(expect.arrayContaining(['sw-manager', 'fostering-service']));
    expect(managerAttendance(p)).toBe('optional');
  });

  it('2023: wider optional list', () => {
    const p = resolvePolicy(2023);
    expect(p.requiredRoles).toEqual(['social-worker', 'health', 'police']);
    expect(p.optionalRoles).toEqual(
      expect.arrayContaining([
        'sw-manager',
        'residential-service',
        'fostering-service',
        'early-help',
        'youth-justice',
        'adult-mental-health',
        'substance-misuse',
        'domestic-abuse-specialist',
        'british-transport-police',
      ]),
    );
    expect(managerAttendance(p)).toBe('optional');
  });
});

describe('local overrides', () => {
  it('a manager kept by local policy in 2018 is required and visible as local', () => {
    const p = resolvePolicy(2018, {
      requiredRoles: ['social-worker', 'sw-manager', 'health', 'police'],
      notes: { requiredRoles: 'Cabinet decision 2018: managers attend' },
    });
    expect(managerAttendance(p)).toBe('required');
    // Promoted role leaves the optional list, and that change is visible too.
    expect(p.optionalRoles).not.toContain('sw-manager');
    expect(p.sources.requiredRoles).toEqual({
      kind: 'local',
      note: 'Cabinet decision 2018: managers attend',
    });
    expect(p.overrides.map((o) => o.key).sort()).toEqual(['optionalRoles', 'requiredRoles']);
    const req = p.overrides.find((o) => o.key === 'requiredRoles');
    expect(req?.editionValue).toEqual(['social-worker', 'health', 'police']);
    expect(req?.localValue).toEqual(['social-worker', 'sw-manager', 'health', 'police']);
  });

  it('manager sign-off kept by local policy in 2018', () => {
    const p = resolvePolicy(2018, { managerSignOff: 'required' });
    expect(p.managerSignOff).toBe('required');
    expect(p.overrides).toEqual([
      {
        key: 'managerSignOff',
        editionValue: 'optional',
        localValue: 'required',
        note: 'Set by local policy (no note recorded)',
      },
    ]);
    expect(p.sources.managerSignOff.kind).toBe('local');
  });

  it('a local setting equal to the edition value is not listed as an override', () => {
    const p = resolvePolicy(2013, { assessmentWorkingDays: 45, strategyDiscussionWorkingDays: 0 });
    expect(p.overrides.map((o) => o.key)).toEqual(['strategyDiscussionWorkingDays']);
    expect(p.sources.assessmentWorkingDays.kind).toBe('edition');
    expect(p.strategyDiscussionWorkingDays).toBe(0);
  });

  it('rejects a role both required and optional', () => {
    const errors = errorsOf(2018, {
      requiredRoles: ['social-worker', 'health', 'police', 'education'],
      optionalRoles: ['education', 'referrer'],
    });
    expect(errors).toContainEqual({
      key: 'optionalRoles',
      message: 'School, nursery or education cannot be both required and optional',
    });
  });

  it('rejects removing a statutory role, citing the edition', () => {
    const errors = errorsOf(2013, { requiredRoles: ['social-worker', 'health', 'police'] });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.key).toBe('requiredRoles');
    expect(errors[0]?.message).toMatch(/Social worker's manager must stay required/);
    expect(errors[0]?.message).toMatch(/Working Together 2013/);
    expect(() =>
      resolvePolicy(2013, { requiredRoles: ['social-worker', 'health', 'police'] }),
    ).toThrow(PolicyOverrideError);
  });

  it('rejects making a statutory role optional', () => {
    const errors = errorsOf(2018, { optionalRoles: ['health', 'referrer'] });
    expect(errors).toContainEqual({
      key: 'optionalRoles',
      message:
        'Health practitioner cannot be optional: Working Together 2018 requires them at every strategy discussion.',
    });
  });

  it('rejects unknown and duplicate roles', () => {
    const errors = errorsOf(2018, {
      requiredRoles: ['social-worker', 'health', 'police', 'police', 'wizard'],
    });
    expect(errors.map((e) => e.message)).toEqual([
      'Police is listed twice',
      '"wizard" is not a known strategy discussion role',
    ]);
  });

  it('rejects bad numbers, and statutory timescales made longer or removed', () => {
    expect(errorsOf(2013, { decisionWorkingDays: 0 })[0]?.message).toMatch(/from 1 to 5/);
    expect(errorsOf(2013, { decisionWorkingDays: 1.5 })[0]?.message).toMatch(/whole number/);
    expect(errorsOf(2013, { assessmentWorkingDays: 91 })[0]?.message).toMatch(/from 1 to 90/);
    expect(errorsOf(2013, { assessmentWorkingDays: 60 })[0]?.message).toMatch(
      /Working Together 2013 sets a maximum of 45 working days/,
    );
    expect(errorsOf(2013, { assessmentWorkingDays: null })[0]?.message).toMatch(/not remove it/);
    expect(errorsOf(2013, { seeChildWithinHours: 0 })).toHaveLength(1);
    expect(errorsOf(2013, { strategyDiscussionWorkingDays: '1' })).toHaveLength(1);
    expect(errorsOf(2013, { icpcWorkingDays: 10 })).toEqual([]); // shorter is allowed
    // A local clock the edition does not have may be added.
    expect(
      resolvePolicy(2018, { initialAssessmentWorkingDays: 10 }).initialAssessmentWorkingDays,
    ).toBe(10);
  });

  it('internal review point must come before the assessment is due', () => {
    expect(errorsOf(2013, { internalReviewWorkingDays: 45 })[0]?.key).toBe(
      'internalReviewWorkingDays',
    );
    expect(
      errorsOf(2013, { assessmentWorkingDays: 30, internalReviewWorkingDays: 35 }),
    ).toHaveLength(1);
  });

  it('rejects bad office hours and enum values', () => {
    expect(errorsOf(2018, { officeHoursStart: '9:00' })[0]?.message).toMatch(/HH:mm/);
    expect(errorsOf(2018, { officeHoursEnd: '24:00' })).toHaveLength(1);
    expect(errorsOf(2018, { officeHoursStart: '17:00', officeHoursEnd: '09:00' })).toEqual([
      { key: 'officeHoursEnd', message: 'Office hours must end after they start' },
    ]);
    expect(errorsOf(2018, { officeHoursStart: '18:00' })).toHaveLength(1);
    expect(errorsOf(2018, { managerSignOff: 'sometimes' })).toHaveLength(1);
    expect(errorsOf(2018, { icpcAnchor: 'first' })).toHaveLength(1);
    expect(errorsOf(2018, { caseHolderTerm: 'key worker' })).toHaveLength(1);
    expect(errorsOf(2018, { outOfHoursRule: 'never' })).toHaveLength(1);
    expect(errorsOf(2018, { colour: 'red' })[0]?.message).toMatch(/not a policy setting/);
    expect(errorsOf(2018, 'junk')).toHaveLength(1);
    expect(validatePolicyOverrides(2018, undefined)).toEqual({ ok: true });
  });

  it('the thrown error carries every problem', () => {
    try {
      resolvePolicy(2018, { decisionWorkingDays: 9, officeHoursStart: 'noon' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(PolicyOverrideError);
      const err = e as PolicyOverrideError;
      expect(err.errors.map((x) => x.key)).toEqual(['decisionWorkingDays', 'officeHoursStart']);
      expect(err.edition).toBe(2018);
    }
  });
});

describe('VERIFY_SETTINGS', () => {
  it('lists each local [verify] setting with the default the editions use', () => {
    const keys = VERIFY_SETTINGS.map((s) => s.key);
    expect(keys).toEqual(
      expect.arrayContaining([
        'internalReviewWorkingDays',
        'strategyDiscussionWorkingDays',
        'icpcAnchor',
        'officeHoursStart',
        'officeHoursEnd',
        'outOfHoursRule',
        'seeChildWithinHours',
        'seeChildInNeedWorkingDays',
        'ladoReferralWorkingDays',
        'managerSignOff',
      ]),
    );
    for (const edition of EDITIONS) {
      const p = resolvePolicy(edition);
      for (const s of VERIFY_SETTINGS) {
        expect(p[s.key]).toEqual(verifyDefault(s, edition));
        expect(s.uiText).toMatch(/local setting/);
      }
    }
    // WT 2010 ch.5 counts from the discussion that started the enquiry; 2013 on from the last.
    expect(resolvePolicy(2010).icpcAnchor).toBe('initiating-strategy-discussion');
    expect(resolvePolicy(2013).icpcAnchor).toBe('last-strategy-discussion');
  });
});
