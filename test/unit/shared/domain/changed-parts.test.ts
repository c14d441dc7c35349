import { describe, expect, it } from 'vitest';
import { changedParts, fieldChanges } from '../../../../shared/domain/audit-details';

describe('changedParts: a correction audited field by field', () => {
  it('keeps only the fields that differ, nested, with list items numbered from 1', () => {
    const before = {
      concern: 'Bruising',
      whereabouts: 'At school',
      referrer: { name: 'Jo', phone: '01632 960001' },
      children: [{ givenNames: 'Amy', familyName: 'Smith' }, { givenNames: 'Tyler' }],
      factors: ['18C'],
    };
    const after = {
      concern: 'Bruising',
      whereabouts: 'With grandmother',
      referrer: { name: 'Jo', phone: '01632 960002' },
      children: [{ givenNames: 'Amy', familyName: 'Smyth' }, { givenNames: 'Tyler' }],
      factors: ['18C', '21'],
    };
    const parts = changedParts(before, after);
    expect(parts).toEqual({
      before: {
        whereabouts: 'At school',
        referrer: { phone: '01632 960001' },
        children: { '1': { familyName: 'Smith' } },
        factors: {},
      },
      after: {
        whereabouts: 'With grandmother',
        referrer: { phone: '01632 960002' },
        children: { '1': { familyName: 'Smyth' } },
        factors: { '2': '21' },
      },
    });
    expect(fieldChanges(parts)).toEqual([
      { field: 'Children › 1 › Family name', before: 'Smith', after: 'Smyth' },
      { field: 'Factors › 2', before: '(blank)', after: '21' },
      { field: 'Referrer › Phone', before: '01632 960001', after: '01632 960002' },
      { field: 'Whereabouts', before: 'At school', after: 'With grandmother' },
    ]);
  });

  it('says nothing changed when nothing did, and shows a cleared field as blank', () => {
    expect(changedParts({ a: 1, b: [1] }, { a: 1, b: [1] })).toEqual({ before: {}, after: {} });
    expect(fieldChanges(changedParts({ phone: '0163' }, {}))).toEqual([
      { field: 'Phone', before: '0163', after: '(blank)' },
    ]);
  });
});
