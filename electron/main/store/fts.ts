// Turning what a user typed into a safe FTS5 query. FTS5 has its own syntax (quotes, AND/OR/NOT,
// NEAR(), column filters `col:`, `*`, `^`); passing raw input through would let "O'Brien" or
// "NEAR(" throw a syntax error and let a user query other columns. So the input is split into
// letter/digit runs (the same way the unicode61 tokenizer splits text), each run is quoted as a
// string (and made a prefix match unless whole words are asked for), and the runs are ANDed
// (https://sqlite.org/fts5.html §3).
//
// Case and accents are folded by the tokenizer (unicode61 remove_diacritics 2). Full-width and
// other compatibility letters are not, so each term is also searched in its NFKC form
// (https://unicode.org/reports/tr15/): `Ｐａｒｋ` finds Park, and text indexed before this fold
// still finds itself.
import type BetterSqlite3 from 'better-sqlite3';
import { nameKey } from '../../../shared/matching';

const MAX_TERMS = 12;
const MAX_TERM_LENGTH = 64;

function splitTerms(text: string): string[] {
  return text
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((t) => t !== '')
    .slice(0, MAX_TERMS)
    .map((t) => t.slice(0, MAX_TERM_LENGTH));
}

// Apostrophes that join the parts of one word: "Mary's", "O'Brien", "O’Neill".
const APOSTROPHE = /['’ʼ]+/u;

/** Words as typed, each split into its parts at apostrophes ("O'Brien" -> ["O", "Brien"]). */
function splitWords(text: string): string[][] {
  return text
    .split(/[^\p{L}\p{N}\p{M}'’ʼ]+/u)
    .map((w) => splitTerms(w.replace(APOSTROPHE, ' ')))
    .filter((parts) => parts.length > 0)
    .slice(0, MAX_TERMS);
}

/**
 * `prefix`: each word finds the words that start with it ("Smi" finds Smith and Smithson), as a
 * search box must while the user is typing. `whole`: each word finds itself only. A prefix of a
 * common word is costly: FTS5 merges the lists of every word it starts (without a prefix index,
 * which the table does not have) before it can skip through them, so "Primary School" as
 * prefixes took 16 ms at 200,000 referrals and as whole words 5 (https://sqlite.org/fts5.html
 * §3.3, §4.2).
 */
export type FtsWords = 'prefix' | 'whole';

// Inside a quoted FTS5 string a double quote is escaped by doubling; the split already removed
// quotes, the replace keeps this safe if the split ever changes.
const quote = (t: string, words: FtsWords): string =>
  `"${t.replace(/"/g, '""')}"${words === 'prefix' ? '*' : ''}`;

/**
 * The ways a word typed without its apostrophe may be indexed. The tokenizer splits at an
 * apostrophe, so "St Mary's" is indexed as st, mary, s and "O'Brien" as o, brien, and a worker
 * typing "St Marys" or "OBrien" would find neither. A word ending in a single s is also tried as
 * the possessive (the phrase "mary s", never a prefix: "Marys" must not find Mary Smith), and a
 * word starting with O or D as the Irish and other names O'… and D'… ("o brien"). Phrases:
 * https://sqlite.org/fts5.html §3.2.
 */
function apostropheForms(t: string, words: FtsWords): string[] {
  const forms: string[] = [];
  if (/^\p{L}{3,}s$/iu.test(t) && !/ss$/iu.test(t))
    forms.push(quote(`${t.slice(0, -1)} s`, 'whole'));
  if (/^[od]\p{L}{3,}$/iu.test(t)) forms.push(quote(`${t.slice(0, 1)} ${t.slice(1)}`, words));
  return forms;
}

/**
 * A word typed with its apostrophe: its parts in order (the phrase "mary s", "o brien"), or the
 * parts run together for text stored without one. A last part of one letter is never a prefix:
 * "Mary's" must not find Mary Smith.
 */
function apostropheWord(parts: readonly string[], words: FtsWords): string {
  const last = parts[parts.length - 1] ?? '';
  const phrase = quote(parts.join(' '), last.length > 1 ? words : 'whole');
  return `(${phrase} OR ${quote(parts.join(''), words)})`;
}

/** A safe FTS5 MATCH expression, or null when nothing searchable was typed. */
export function toFtsQuery(text: string, words: FtsWords = 'prefix'): string | null {
  const quoted = (t: string): string => quote(t, words);
  const typed = splitWords(text.normalize('NFC'));
  if (typed.length === 0) return null;
  const parts = typed.map(([t = '', ...more]) => {
    if (more.length > 0) return { text: apostropheWord([t, ...more], words), grouped: true };
    const forms = [quoted(t)];
    const compat = splitTerms(t.normalize('NFKC'));
    // One term may become several (`㈱` is "(株)"): all of them must match.
    if (compat.join(' ') !== t && compat.length > 0)
      forms.push(`(${compat.map(quoted).join(' AND ')})`);
    forms.push(...apostropheForms(t, words));
    return forms.length === 1
      ? { text: forms[0] ?? '', grouped: false }
      : { text: `(${forms.join(' OR ')})`, grouped: true };
  });
  // FTS5 reads space-separated phrases as AND, but wants AND spelled out next to a bracket.
  return parts.map((p) => p.text).join(parts.some((p) => p.grouped) ? ' AND ' : ' ');
}

/**
 * The fold used wherever SQL compares text a person typed with text stored as entered: the
 * same key person matching uses (shared/matching nameKey: case, accents, full-width letters,
 * apostrophes and punctuation), so "ecole" finds "École" and "ozturk" finds "Öztürk". SQLite's
 * own lower() and LIKE fold ASCII only (https://sqlite.org/lang_corefunc.html#lower).
 */
export function searchFold(text: string): string {
  return nameKey(text);
}

/** Name of the SQL function {@link registerSearchFunctions} adds: `fold_search(text)`. */
export const FOLD_SEARCH_SQL = 'fold_search';

/**
 * Adds `fold_search(text)` to a connection (deterministic, so SQLite may cache it). Only queries
 * use it, never a stored index or trigger, so the database file stays readable without it.
 */
export function registerSearchFunctions(raw: BetterSqlite3.Database): void {
  raw.function(FOLD_SEARCH_SQL, { deterministic: true }, (value: unknown) =>
    typeof value === 'string' ? searchFold(value) : null,
  );
}
