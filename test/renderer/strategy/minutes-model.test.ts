import { describe, expect, it } from 'vitest';
import { minutesFinalSchema } from '../../../shared/strategy/minutes';
import {
  checkFinal,
  draftToSave,
  formErrorsFromServer,
} from '../../../renderer/src/features/strategy/minutes/minutes-build';
import {
  emptyAction,
  formFromMinutes,
  hasSomethingToKeep,
  syncAttendance,
} from '../../../renderer/src/features/strategy/minutes/minutes-form';
import { completeMinutes, discussion } from './minutes-fixture';

const TODAY = '2026-11-24';

describe('the minutes form model', () => {
  it('has one attendance row per invitee and one views box per child, in the discussion’s order', () => {
    const d = discussion();
    const form = formFromMinutes(d, {
      // Saved in another order, and with someone no longer invited.
      attendance: [
        { inviteeId: 'inv-school', status: 'apologies' },
        { inviteeId: 'gone', status: 'attended' },
      ],
      childViews: [{ childId: 'ch2', views: 'Zoë is 2.' }],
    });
    expect(form.attendance.map((a) => [a.inviteeId, a.status])).toEqual([
      ['inv-police', ''],
      ['inv-health', ''],
      ['inv-school', 'apologies'],
    ]);
    expect(form.childViews).toEqual([
      { childId: 'ch1', views: '' },
      { childId: 'ch2', views: 'Zoë is 2.' },
    ]);
  });

  it('reads saved minutes back and finalises them unchanged', () => {
    const d = discussion();
    const form = formFromMinutes(d, completeMinutes());
    expect(form.family.when).toBe('25/11/2026');
    const checked = checkFinal(form, TODAY, d);
    expect(checked).toEqual({
      ok: true,
      value: minutesFinalSchema.parse({ ...completeMinutes(), dissent: [] }),
    });
  });

  it('a blank form is not worth a draft; whitespace is not either; one answer is', () => {
    const blank = formFromMinutes(discussion(), null);
    expect(hasSomethingToKeep(blank)).toBe(false);
    expect(hasSomethingToKeep({ ...blank, risks: '   ' })).toBe(false);
    expect(hasSomethingToKeep({ ...blank, decision: { ...blank.decision, s47: 'no' } })).toBe(true);
  });

  it('reports every missing answer at the schema’s own paths', () => {
    const d = discussion();
    const checked = checkFinal(formFromMinutes(d, null), TODAY, d);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toMatchObject({
      reason: 'Enter why the discussion was held',
      'attendance.0.status': 'Say whether they attended, sent apologies or did not attend',
      'childViews.1.views': expect.stringContaining('views and lived experience') as unknown,
      'decision.s47': 'Say whether a section 47 enquiry is to start',
      'family.told': 'Say whether the family is told, will be told, or why not',
      'next.step': 'Say what comes next: a conference, another discussion, or neither',
    });
  });

  it('asks why a required agency was absent, but not for an optional one', () => {
    const d = discussion();
    const form = formFromMinutes(d, completeMinutes());
    form.attendance[1] = {
      inviteeId: 'inv-health',
      status: 'did-not-attend',
      informationSent: 'no',
      absenceNote: '',
    };
    const checked = checkFinal(form, TODAY, d);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toEqual({
      'attendance.1.absenceNote':
        'Jo Brennan covers a required role and did not attend: record why',
    });
    // The school (not a required role) sent apologies with no reason: that is fine.
    form.attendance[1] = { ...form.attendance[1], absenceNote: 'On leave; report sent.' };
    expect(checkFinal(form, TODAY, d).ok).toBe(true);
  });

  it('reads typed dates, and leaves an unreadable one out of the draft with the reason', () => {
    const d = discussion();
    const form = formFromMinutes(d, null);
    form.risks = 'Unexplained injury.';
    form.actions = [
      { ...emptyAction(), what: 'Visit', due: '26/11/26' },
      { ...emptyAction(), what: 'Medical', due: '31/11/2026' },
    ];
    const draft = draftToSave(form, TODAY);
    expect(draft.actions).toEqual([{ what: 'Visit', due: '2026-11-26' }, { what: 'Medical' }]);
    expect(draft.risks).toBe('Unexplained injury.');
    const checked = checkFinal(form, TODAY, d);
    expect(!checked.ok && checked.errors['actions.1.due']).toBe('November 2026 has no day 31');
  });

  it('keeps the rest of the draft when one answer is too long to save', () => {
    const form = formFromMinutes(discussion(), null);
    form.reason = 'x'.repeat(10_001);
    form.risks = 'Unexplained injury.';
    const draft = draftToSave(form, TODAY);
    expect(draft.reason).toBeUndefined();
    expect(draft.risks).toBe('Unexplained injury.');
  });

  it('keeps only the answer that fits the s47 decision', () => {
    const form = formFromMinutes(discussion(), completeMinutes());
    form.decision.s47 = 'no';
    form.decision.otherResponse = 's17-assessment';
    const draft = draftToSave(form, TODAY);
    expect(draft.decision?.s47Type).toBeUndefined();
    expect(draft.decision?.otherResponse).toBe('s17-assessment');
  });

  it('the family told nothing keeps only the ground for withholding', () => {
    const form = formFromMinutes(discussion(), completeMinutes());
    form.family.told = 'withheld';
    form.family.withheldGround = 'Would prejudice the police investigation.';
    expect(draftToSave(form, TODAY).family).toEqual({
      told: 'withheld',
      withheldGround: 'Would prejudice the police investigation.',
    });
  });

  it('puts the main process’s errors on the form’s fields', () => {
    expect(
      formErrorsFromServer({ 'minutes.actions.0.due': 'Not a working day', minutes: 'Whole' }),
    ).toEqual({ 'actions.0.due': 'Not a working day', minutes: 'Whole' });
  });

  it('follows invitees added or taken off, keeping what was typed', () => {
    const rows = formFromMinutes(discussion(), completeMinutes()).attendance;
    expect(syncAttendance(rows, ['inv-police', 'inv-health', 'inv-school'])).toBeNull();
    const synced = syncAttendance(rows, ['inv-school', 'inv-new']);
    expect(synced).toEqual([
      { inviteeId: 'inv-school', status: 'apologies', informationSent: 'yes', absenceNote: '' },
      { inviteeId: 'inv-new', status: '', informationSent: '', absenceNote: '' },
    ]);
  });
});
