// The minutes PDF read back with pdf.js (issue 12 "Tests": marking and page N of M on every page,
// attendance and actions, text exactly as entered, metadata free of names, a long meeting over
// several pages with the table header repeated, the DRAFT watermark).
import { beforeAll, describe, expect, it } from 'vitest';
import { buildMinutesPdf } from '../../../electron/main/documents/minutes-pdf';
import type { MinutesView } from '../../../electron/main/documents/minutes-view';
import {
  ACCENTED,
  ARABIC,
  ARABIC_LIGATURE,
  CHINESE,
  manyActions,
  minutesView,
} from './minutes-fixture';
import { readPdf, type ReadPdf } from './read-pdf';

const FINAL: MinutesView['version'] = {
  version: 2,
  status: 'final',
  finalisedBy: 'Dana Wilson',
  finalisedAt: '2026-03-30T15:00:00.000Z',
  amendment: {
    at: '2026-03-31T09:00:00.000Z',
    by: 'Dana Wilson',
    whatChanged: 'Corrected the date of the ABE interview.',
    why: 'The police rebooked the interview suite.',
  },
};

/** Every name in the fixture, whole and word by word: none may reach the metadata. */
function namesIn(view: MinutesView): string[] {
  const whole = [
    ...view.children.map((c) => c.name),
    ...view.attendees.map((a) => a.name),
    ...view.distribution.map((p) => p.name),
    view.chair.name,
    view.minuteTaker.name,
  ];
  return [...new Set([...whole, ...whole.flatMap((n) => n.split(/[\s-]+/))])].filter(
    (n) => n.length > 2 && n !== 'Jo',
  );
}

/** All pages' text with line breaks and runs of spaces as single spaces (cells wrap). */
function flat(doc: ReadPdf): string {
  return doc.pages
    .map((p) => p.text)
    .join('\n')
    .replace(/\s+/g, ' ');
}

function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}

describe('minutes PDF', () => {
  const draftView = minutesView();
  const finalView = minutesView({ version: FINAL });
  let draft: ReadPdf;
  let final: ReadPdf;

  beforeAll(async () => {
    draft = await readPdf(await buildMinutesPdf(draftView));
    final = await readPdf(
      await buildMinutesPdf(finalView, { marking: 'OFFICIAL-SENSITIVE PERSONAL' }),
    );
  }, 60_000);

  it('prints the marking at the top and bottom and "Page N of M" on every page', () => {
    expect(draft.pages.length).toBeGreaterThan(1);
    draft.pages.forEach((page, i) => {
      expect(count(page.text, 'OFFICIAL-SENSITIVE')).toBe(2);
      expect(page.text).toContain(`Page ${i + 1} of ${draft.pages.length}`);
      expect(page.text).toContain('Northshire County Council Children’s Services');
    });
    // The organisation's own wording is used when set (domain §6: some add "PERSONAL").
    final.pages.forEach((page) => {
      expect(count(page.text, 'OFFICIAL-SENSITIVE PERSONAL')).toBe(2);
    });
  });

  it('has the meeting details, attendance, decision and actions', () => {
    const all = flat(draft);
    expect(all).toContain('30/03/2026 (Monday)');
    // 09:00Z on 30 March 2026 is 10:00 in London (BST began on 29 March).
    expect(all).toContain('10:00 to 11:15');
    expect(all).toMatch(/DC Priya Sharma\s+Police\s+Northshire Police\s+Attended\s+Yes/);
    expect(all).toMatch(/Jo Teacher\s+Referrer\s+Oak Primary School\s+Did not\s+attend\s+No/);
    expect(all).toContain('On leave; health information sent beforehand.');
    expect(all).toContain('No: not to be shared with the family');
    expect(all).toContain('Yes: a section 47 enquiry (Children Act 1989 s47), starting 30/03/2026');
    expect(all).toContain('Joint with the police');
    expect(all).toContain('Telling the family now would jeopardise the police investigation.');
    expect(all).toMatch(/1\s+Arrange the child protection medical\s+Dana Wilson/);
    expect(all).toMatch(/ABE interview\s+DC Priya Sharma\s+Northshire Police\s+31\/03\/2026/);
    expect(all).toContain('Initial child protection conference by 21/04/2026');
  });

  it('says "None recorded" for an empty section rather than leaving it blank', () => {
    const all = flat(draft);
    // No dissent, no items from the school, no views recorded for the second child.
    expect(all).toMatch(/Dissent and professional disagreement\s+None recorded/);
    expect(all).toMatch(/Oak Primary School\s+None recorded/);
    expect(count(all, 'None recorded')).toBe(3);
  });

  it('keeps accented, Arabic and Chinese names exactly as entered, in their own fonts', () => {
    const all = draft.pages.map((p) => p.text).join('\n');
    expect(all).toContain(ACCENTED);
    expect(all).toContain(CHINESE);
    // pdf.js reorders a right-to-left run into logical order, so this also proves the words are
    // drawn right to left in the right order: drawn left to right it would read "حسين فاطمة".
    expect(all).toContain(ARABIC);
    expect(draft.pages[0]?.items.find((i) => i.str.includes(ARABIC))?.dir).toBe('rtl');
    // Lam followed by alef is one ligature glyph (لأ) whose text is "لأ"; pdf.js reverses that
    // pair along with the run, so it reads back as "أل". Every letter is there, in order but for
    // that pair, which is how pdf.js (and copy-paste from it) reads any Arabic with this ligature.
    const swapped = ARABIC_LIGATURE.replace('لأ', 'أل');
    expect(all).toContain(swapped);
    const fonts = draft.pages[0]?.fonts.map((f) => f.replace(/^[A-Z]{6}\+/, '')) ?? [];
    expect(fonts).toEqual(
      expect.arrayContaining([
        'NotoSans-Regular',
        'NotoSans-Bold',
        'NotoSansArabic-Regular',
        'DroidSansFallback',
      ]),
    );
  });

  it('keeps every name out of the metadata', () => {
    for (const [doc, view] of [
      [draft, draftView],
      [final, finalView],
    ] as const) {
      expect(doc.info.Title).toBe('Strategy discussion minutes FD-2026-000123');
      const meta = JSON.stringify([
        doc.info.Title,
        doc.info.Subject,
        doc.info.Author,
        doc.info.Keywords,
        doc.info.Creator,
        doc.info.Producer,
        doc.xmp,
      ]);
      for (const name of namesIn(view)) expect(meta).not.toContain(name);
    }
  });

  it('prints DRAFT across every page of a draft and nowhere on final minutes', () => {
    for (const page of draft.pages) expect(page.items.map((i) => i.str)).toContain('DRAFT');
    for (const page of final.pages) expect(page.text).not.toContain('DRAFT');
    expect(final.pages[0]?.text).toContain('Version 2 (final)');
    expect(final.pages[0]?.text).toContain(
      'Version 2 — amended on 31/03/2026 10:00 by Dana Wilson',
    );
    expect(final.pages[0]?.text).toContain('Corrected the date of the ABE interview.');
    expect(final.pages[0]?.text).toContain('The police rebooked the interview suite.');
  });

  it('runs a long meeting over several pages with the actions header on each of them', async () => {
    const long = await readPdf(
      await buildMinutesPdf(
        minutesView({ actions: manyActions(60), risks: 'Long account. '.repeat(400) }),
      ),
    );
    expect(long.pages.length).toBeGreaterThanOrEqual(8);
    const withActions = long.pages.filter((p) => /Action \d+: contact/.test(p.text));
    expect(withActions.length).toBeGreaterThanOrEqual(4);
    for (const page of withActions) {
      expect(page.text).toMatch(/No\.\s+Action\s+Owner\s+Agency\s+Due/);
    }
    for (let n = 1; n <= 60; n++) {
      expect(long.pages.some((p) => p.text.includes(`Action ${n}: contact`))).toBe(true);
    }
    long.pages.forEach((page, i) => {
      expect(count(page.text, 'OFFICIAL-SENSITIVE')).toBe(2);
      expect(page.text).toContain(`Page ${i + 1} of ${long.pages.length}`);
    });
  }, 60_000);

  it('says on the document when a character cannot be printed with the shipped fonts', async () => {
    // Precomposed Hangul syllables are not in Droid Sans Fallback (resources/fonts/README.md).
    const doc = await readPdf(
      await buildMinutesPdf(
        minutesView({
          children: [
            {
              name: '김민준',
              dateOfBirth: '2017-05-01',
              ageNote: null,
              viewsAndLivedExperience: '',
            },
          ],
        }),
      ),
    );
    expect(doc.pages[0]?.text).toContain(
      'Some characters in this document cannot be printed with the fonts Front Door ships',
    );
    expect(draft.pages[0]?.text).not.toContain('cannot be printed');
  }, 60_000);
});
