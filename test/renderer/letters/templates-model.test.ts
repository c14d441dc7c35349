// The templates screen's pure parts: the logo limit agrees with the contract's own check, the
// field goes in where the cursor is, and every template the store can hold has a place in a group.
import { describe, expect, it } from 'vitest';
import {
  LOGO_MAX_BYTES,
  groupTemplates,
  insertField,
  logoFileProblem,
  templateStatus,
} from '../../../renderer/src/features/letters/template-model';
import type { TemplateRecord } from '../../../shared/domain/letters';
import { contract } from '../../../shared/ipc/contract';
import { DEFAULT_TEMPLATES, TEMPLATE_KEYS } from '../../../shared/letters/templates';
import type { TemplateKey } from '../../../shared/letters/types';
import { makeSettings } from '../fixtures';

function templates(
  changed: Partial<Record<TemplateKey, Partial<TemplateRecord>>> = {},
): TemplateRecord[] {
  return TEMPLATE_KEYS.map((key) => ({
    key,
    text: DEFAULT_TEMPLATES[key],
    version: 1,
    isDefault: true,
    updatedAt: null,
    updatedBy: null,
    ...changed[key],
  }));
}

function logoUpdate(bytes: number, type: 'png' | 'jpeg') {
  const dataUrl = `data:image/${type};base64,${Buffer.alloc(bytes, 7).toString('base64')}`;
  const s = makeSettings();
  return contract['settings:update'].input.safeParse({
    version: 1,
    organisation: { ...s.organisation, logo: dataUrl },
  });
}

describe('the logo limit', () => {
  it('accepts exactly what settings:update accepts, for PNG and JPEG', () => {
    for (const type of ['png', 'jpeg'] as const) {
      expect(logoUpdate(LOGO_MAX_BYTES, type).success).toBe(true);
    }
    // One base64 block more (3 bytes) is over the contract's 400,000 characters for a JPEG.
    expect(logoUpdate(LOGO_MAX_BYTES + 3, 'jpeg').success).toBe(false);
    expect(logoFileProblem({ name: 'a.jpg', type: 'image/jpeg', size: LOGO_MAX_BYTES })).toBe(null);
    expect(logoFileProblem({ name: 'a.jpg', type: 'image/jpeg', size: LOGO_MAX_BYTES + 1 })).toBe(
      'The logo must be 300 KB or smaller; a.jpg is 299,983 bytes (the most is 299,982). Make it smaller and choose it again.',
    );
    expect(logoFileProblem({ name: 'a.svg', type: 'image/svg+xml', size: 10 })).toMatch(
      /not a PNG or JPEG/,
    );
  });
});

describe('putting a field into the text', () => {
  it('inserts at the cursor, replaces a selection, and clamps a cursor past the end', () => {
    expect(insertField('Dear ,', 5, 5, 'recipientName')).toEqual({
      text: 'Dear {{recipientName}},',
      caret: 22,
    });
    expect(insertField('Ref: XXX.', 5, 8, 'reference')).toEqual({
      text: 'Ref: {{reference}}.',
      caret: 18,
    });
    expect(insertField('abc', 10, 12, 'reference').text).toBe('abc{{reference}}');
  });
});

describe('grouping and status', () => {
  it('puts every template key in exactly one group', () => {
    const groups = groupTemplates(templates());
    const keys = groups.flatMap((g) => g.sections.flatMap((s) => s.templates.map((t) => t.key)));
    expect([...keys].sort()).toEqual([...TEMPLATE_KEYS].sort());
    expect(groups.map((g) => g.title)).toEqual([
      'Acknowledgement of receipt',
      'Outcome letters',
      'Shared paragraphs',
    ]);
  });

  it('says who changed a template and when, in London time', () => {
    const [first] = templates({
      'acknowledgement.professional': {
        isDefault: false,
        version: 2,
        // 00:30 on 1 June in London is still 31 May in UTC.
        updatedAt: '2026-05-31T23:30:00.000Z',
        updatedBy: { id: 'u1', displayName: 'Kim Lee' },
      },
    });
    if (!first) throw new Error('no template');
    expect(templateStatus(first)).toBe('Changed by Kim Lee on 01/06/2026');
    // Put back by an administrator: still the standard wording, and who did it.
    expect(templateStatus({ ...first, isDefault: true })).toBe(
      'Standard wording (restored by Kim Lee on 01/06/2026)',
    );
    expect(templateStatus({ ...first, isDefault: true, version: 0 })).toBe('Standard wording');
  });
});
