// Search finds a name however its case and accents are typed, the way person matching compares
// names (shared/matching nameKey): "öztürk" and "OZTURK" find Öztürk, "ecole"/"école" find École,
// and full-width letters (as typed with an East Asian input method) are the same letters (Unicode
// NFKC, https://unicode.org/reports/tr15/). Among thousands of similar records, so a fold that
// matched too much would show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  insertDirectoryEntry,
  listDirectory,
} from '../../../electron/main/store/repositories/directory';
import { insertPerson, searchPeople } from '../../../electron/main/store/repositories/people';
import { openStore, type Store } from '../../../electron/main/store/store';
import { removeDir, tempDir } from '../../helpers/store-fixtures';

const stamp = { at: '2026-11-23T10:00:00.000Z', userId: 'u1' };
// Near misses: they share letters with the names searched for but must not be found by them.
const SIMILAR = [
  'Ozturan',
  'Oztek',
  'Ozbek',
  'Turk',
  'Ecolier',
  'Cole',
  'Colet',
  'Zoe',
  'Ecclestone',
];

describe('search folds case, accents and full-width letters', () => {
  let dir: string;
  let store: Store;

  beforeAll(async () => {
    dir = tempDir('front-door-fold-');
    store = openStore({ dataDir: dir });
    await store.transaction(async (trx) => {
      // 3,000 people and 3,000 directory entries with near-miss names around the ones we look for.
      for (let i = 0; i < 3_000; i++) {
        const family = `${SIMILAR[i % SIMILAR.length] ?? 'X'}${i % 7 === 0 ? '' : String(i)}`;
        await insertPerson(
          trx,
          { kind: 'child', status: 'born', givenNames: `Child${String(i)}`, familyName: family },
          stamp,
        );
        await insertDirectoryEntry(
          trx,
          { name: `Agency ${family}`, agency: `Trust ${String(i)}`, agencyType: 'other' },
          stamp,
        );
      }
      await insertPerson(
        trx,
        { kind: 'child', status: 'born', givenNames: 'Zoë', familyName: 'Öztürk' },
        stamp,
      );
      await insertPerson(
        trx,
        { kind: 'child', status: 'born', givenNames: 'Ｍｉｎ', familyName: 'Ｐａｒｋ' },
        stamp,
      );
      await insertDirectoryEntry(
        trx,
        { name: 'École Sainte-Thérèse', agency: 'ÉCOLE PRIMAIRE', agencyType: 'school' },
        stamp,
      );
      await insertDirectoryEntry(
        trx,
        { name: 'Dr Ayşe Öztürk', role: 'GP', agency: 'Ｈｉｌｌ Surgery', agencyType: 'health' },
        stamp,
      );
    });
  });

  afterAll(() => {
    store.close();
    removeDir(dir);
  });

  const familyNames = async (text: string) =>
    (await searchPeople(store.db, text, 200)).map((p) => p.familyName);

  it.each(['Öztürk', 'öztürk', 'ÖZTÜRK', 'ozturk', 'OZTURK', 'Ｏｚｔüｒｋ', 'zoe öztürk'])(
    'people: %s finds Öztürk',
    async (text) => {
      const found = await familyNames(text);
      expect(found).toContain('Öztürk');
    },
  );

  it.each(['park', 'PARK', 'Park', 'Ｐａｒｋ', 'min park'])(
    'people: %s finds the name typed in full-width letters',
    async (text) => {
      expect(await familyNames(text)).toContain('Ｐａｒｋ');
    },
  );

  it('people: folding does not widen the search to near misses', async () => {
    const found = await familyNames('öztürk');
    expect(found).toEqual(['Öztürk']);
  });

  it.each(['①②', '㈱ Ltd', 'ﬁnn', 'Ｏ’Ｂｒｉｅｎ', '"NEAR(', 'a OR b', '*', 'x:"y"', '\u00A0'])(
    'people: %j is a safe query, never an FTS syntax error',
    async (text) => {
      await expect(searchPeople(store.db, text)).resolves.toBeInstanceOf(Array);
    },
  );

  const dirNames = async (text: string) => (await listDirectory(store.db, text)).map((e) => e.name);

  it.each([
    'École',
    'école',
    'ecole',
    'ECOLE',
    'ÉCOLE',
    'ｅｃｏｌｅ',
    'sainte-thérèse',
    'Sainte Therese',
  ])('directory: %s finds École Sainte-Thérèse', async (text) => {
    expect(await dirNames(text)).toContain('École Sainte-Thérèse');
  });

  it.each(['öztürk', 'OZTURK', 'ayse', 'AYŞE', 'hill surgery', 'HILL'])(
    'directory: %s finds Dr Ayşe Öztürk',
    async (text) => {
      expect(await dirNames(text)).toContain('Dr Ayşe Öztürk');
    },
  );

  it('directory: plain text still matches as a substring, and % or _ mean nothing special', async () => {
    expect(await dirNames('ecolier')).toHaveLength(200); // the list's limit
    expect(await dirNames('%')).toEqual([]);
    expect(await dirNames('_')).toEqual([]);
    expect(await dirNames('ecole')).toEqual(['École Sainte-Thérèse']);
    expect(await dirNames('---')).toEqual([]);
  });

  it('directory: a search over thousands of entries stays quick', async () => {
    const started = performance.now();
    for (let i = 0; i < 10; i++) await dirNames('ozt');
    const perSearch = (performance.now() - started) / 10;
    console.log(`directory search over 3,002 entries: ${perSearch.toFixed(1)} ms`);
    expect(perSearch).toBeLessThan(250);
  });
});
