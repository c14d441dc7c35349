// Referrer letters read back with pdf.js (issue 13): the right wording for every outcome and kind
// of referrer, no withheld marker anywhere, the marking and "Page N of M" on every page, names in
// any script exactly as typed, and no name in the metadata.
import { describe, expect, it } from 'vitest';
import { buildLetterPdf, letterMetadata } from '../../../electron/main/documents/letter-pdf';
import { logoImage } from '../../../electron/main/documents/letter-layout';
import { letterFactsFor } from '../../../shared/letters/facts';
import { renderLetter } from '../../../shared/letters/templates';
import {
  LETTER_OUTCOMES,
  LETTER_VARIANTS,
  type LetterContent,
  type LetterOutcome,
  type LetterVariant,
} from '../../../shared/letters/types';
import type { ReferrerInput } from '../../../shared/validation/referrer';
import {
  MARKERS,
  ORGANISATION,
  PROFESSIONAL,
  PUBLIC,
  referralFixture,
} from '../shared/letters/letter-fixture';
import { readPdf, type ReadPdf } from './read-pdf';

const PARENT = {
  kind: 'public',
  name: 'Zoë Ó Súilleabháin',
  relationship: 'family-member',
  parentalResponsibility: true,
  address: { line1: '3 Mill Lane', town: 'Northtown', postcode: 'NT3 9ZZ' },
  wantsFeedback: true,
  feedbackMethod: 'letter',
} as unknown as ReferrerInput;

const REFERRERS: Record<LetterVariant, ReferrerInput> = {
  professional: PROFESSIONAL,
  public: PUBLIC,
  family: PARENT,
};

const CHILDREN = [
  { givenNames: 'Łukasz', familyName: 'Wiśniewski', dateOfBirth: '2016-04-03' },
  { givenNames: 'Nguyễn Thị', familyName: 'Hoa', dateOfBirth: '2019-08-12' },
];
const ARABIC_CHILD = { givenNames: 'محمد', familyName: 'الأحمد', dateOfBirth: '2020-01-05' };

/** A PNG of one white pixel. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

type Kind = LetterOutcome | 'acknowledgement';

/** One phrase that only this letter says (professional child protection outcomes share theirs). */
const PHRASES: Record<LetterVariant, Record<Kind, string>> = {
  professional: {
    acknowledgement: 'This letter confirms that it has reached us',
    nfa: 'children’s social care will take no further action',
    'information-advice': 'We have given information and advice',
    'early-help': 'the best way to help is through early help',
    's17-assessment': 'a child in need assessment under section 17',
    'strategy-discussion':
      'Your referral is being progressed under our child protection procedures',
    'emergency-action': 'Your referral is being progressed under our child protection procedures',
    's47-enquiry': 'Your referral is being progressed under our child protection procedures',
  },
  public: {
    acknowledgement: 'This letter confirms that we have received them',
    ...(Object.fromEntries(
      LETTER_OUTCOMES.map((o) => [
        o,
        'We have looked into the concerns you raised and taken the action we think appropriate',
      ]),
    ) as Record<LetterOutcome, string>),
  },
  family: {
    acknowledgement: 'This letter confirms that we have received what you told us',
    nfa: 'children’s social care will not take any further action',
    'information-advice': 'We have given you information and advice',
    'early-help': 'We think your family would benefit from early help',
    's17-assessment': 'This is called a child in need assessment',
    'strategy-discussion': 'look into the concerns further under our child protection procedures',
    'emergency-action': 'Action has been taken to keep',
    's47-enquiry': 'We are making enquiries under our child protection procedures',
  },
};

function letterFor(
  variant: LetterVariant,
  kind: Kind,
  children: typeof CHILDREN = CHILDREN,
): LetterContent {
  const outcome = kind === 'acknowledgement' ? null : kind;
  const facts = letterFactsFor({
    referral: referralFixture(children, REFERRERS[variant]),
    organisation: ORGANISATION,
    outcome,
    letterDate: '2026-12-01',
    edition: 2023,
    variant,
  });
  return renderLetter({}, facts, outcome === null ? 'acknowledgement' : 'outcome', variant);
}

function flat(doc: ReadPdf): string {
  return doc.pages
    .map((p) => p.text)
    .join('\n')
    .replace(/\s+/g, ' ');
}

function metadata(doc: ReadPdf): string {
  return JSON.stringify([doc.info, doc.xmp]);
}

function framedOnEveryPage(doc: ReadPdf): void {
  doc.pages.forEach((page, i) => {
    expect(page.text.split('OFFICIAL-SENSITIVE').length - 1).toBe(2);
    expect(page.text).toContain(`Page ${i + 1} of ${doc.pages.length}`);
    expect(page.text).toContain('Our reference FD-2026-000123');
  });
}

const NAMES = [
  'Łukasz',
  'Wiśniewski',
  'Nguyễn',
  'Hoa',
  'Zoë',
  'Súilleabháin',
  'Priya',
  'Shah',
  'Pat',
  'Neighbour',
  'محمد',
];

describe('letter PDFs', () => {
  const kinds: Kind[] = ['acknowledgement', ...LETTER_OUTCOMES];
  const cases = LETTER_VARIANTS.flatMap((v) => kinds.map((k) => [v, k] as const));

  it.each(cases)(
    '%s %s: the right wording, nothing withheld, framed, no names in metadata',
    async (variant, kind) => {
      const content = letterFor(variant, kind);
      const doc = await readPdf(await buildLetterPdf(content));
      const text = flat(doc);
      expect(text).toContain(PHRASES[variant][kind]);
      for (const [other, phrase] of Object.entries(PHRASES).flatMap(([v, byKind]) =>
        Object.entries(byKind).map(([k, p]) => [`${v} ${k}`, p] as const),
      )) {
        if (phrase !== PHRASES[variant][kind]) expect(text, other).not.toContain(phrase);
      }
      for (const marker of Object.values(MARKERS)) expect(text).not.toContain(marker);
      framedOnEveryPage(doc);
      expect(doc.info.Title).toBe('Letter FD-2026-000123');
      const meta = metadata(doc);
      for (const name of NAMES) expect(meta).not.toContain(name);
      expect(text).toContain('Yours sincerely Jo Bloggs Team Manager, Front Door');
      expect(text).toContain('Northshire County Council Children’s Services');
      expect(text).toContain('Front Door: call 0300 123 4567, 8.30am to 5pm, Monday to Friday');
      if (variant === 'public') expect(text).not.toMatch(/born|2016|2019/);
      else expect(text).toContain('Łukasz Wiśniewski (born 3 April 2016)');
    },
  );

  it('a two-page letter has the marking and "Page N of M" on both pages, names exact', async () => {
    const content = letterFor('professional', 'nfa', [...CHILDREN, ARABIC_CHILD]);
    const bytes = await buildLetterPdf(content, { logo: PNG });
    const doc = await readPdf(bytes);
    expect(doc.pages.length).toBe(2);
    framedOnEveryPage(doc);
    const text = flat(doc);
    for (const name of ['Łukasz Wiśniewski', 'Nguyễn Thị Hoa']) expect(text).toContain(name);
    expect(doc.pages[0]?.items.find((i) => i.str.includes('محمد'))?.dir).toBe('rtl');
    expect(text).toContain('محمد');
    // Lam-alef is one ligature glyph that pdf.js reads back with its pair reversed (see the
    // minutes test); every other letter of the name is there in order, drawn right to left.
    expect(text).toContain('محمد الأحمد'.replace('لأ', 'أل'));
    // The sign-off is kept whole on the last page, never alone: the last paragraph goes with it.
    expect(doc.pages[1]?.text.replace(/\s+/g, ' ')).toMatch(
      /If you are not satisfied with our response.*Yours sincerely Jo Bloggs/,
    );
    for (const name of [...NAMES, 'الأحمد']) expect(metadata(doc)).not.toContain(name);
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
  });

  it('prints the family recipient’s accented name exactly', async () => {
    const doc = await readPdf(await buildLetterPdf(letterFor('family', 's17-assessment')));
    const text = flat(doc);
    expect(text).toContain('Dear Zoë Ó Súilleabháin,');
    expect(text).toContain('Zoë Ó Súilleabháin 3 Mill Lane Northtown NT3 9ZZ');
  });

  it('uses the organisation’s marking, and the default when none is set', async () => {
    const custom = {
      ...letterFor('professional', 'acknowledgement'),
      marking: 'OFFICIAL-SENSITIVE PERSONAL',
    };
    const doc = await readPdf(await buildLetterPdf(custom));
    for (const page of doc.pages)
      expect(page.text.split('OFFICIAL-SENSITIVE PERSONAL').length - 1).toBe(2);
    const blank = { ...letterFor('professional', 'acknowledgement'), marking: '  ' };
    framedOnEveryPage(await readPdf(await buildLetterPdf(blank)));
  });

  it('keeps the worker’s edits and prints text that looks like a placeholder as typed', async () => {
    const content = letterFor('professional', 'early-help');
    const edited = {
      ...content,
      paragraphs: [
        'Edited by the worker: {{reference}} stays as typed.',
        ...content.paragraphs.slice(1),
      ],
    };
    const text = flat(await readPdf(await buildLetterPdf(edited)));
    expect(text).toContain('Edited by the worker: {{reference}} stays as typed.');
    expect(text).not.toContain(PHRASES.professional.acknowledgement);
  });

  it('leaves off a logo that is not a real PNG or JPEG, and still makes the letter', async () => {
    expect(logoImage(PNG)).toBe(PNG);
    expect(logoImage('data:image/png;base64,SGVsbG8gd29ybGQ=')).toBeNull();
    expect(logoImage('data:image/svg+xml;base64,PHN2Zz4=')).toBeNull();
    expect(logoImage('https://example.org/logo.png')).toBeNull();
    const bytes = await buildLetterPdf(letterFor('public', 'nfa'), { logo: 'file:///etc/passwd' });
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
    expect((await readPdf(bytes)).pages.length).toBeGreaterThan(0);
  });

  it('describes the letter in metadata by kind and reference only', () => {
    expect(letterMetadata(letterFor('family', 'nfa'))).toEqual({
      title: 'Letter FD-2026-000123',
      subject: 'Outcome letter',
      keywords: 'FD-2026-000123, referrer letter, outcome, family',
    });
  });
});
