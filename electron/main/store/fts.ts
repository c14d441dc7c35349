// Turning what a user typed into a safe FTS5 query. FTS5 has its own syntax (quotes, AND/OR/NOT,
// NEAR(), column filters `col:`, `*`, `^`); passing raw input through would let "O'Brien" or
// "NEAR(" throw a syntax error and let a user query other columns. So the input is split into
// letter/digit runs (the same way the unicode61 tokenizer splits text), each run is quoted as a
// string and made a prefix match, and the runs are ANDed (https://sqlite.org/fts5.html §3).

const MAX_TERMS = 12;
const MAX_TERM_LENGTH = 64;

/** A safe FTS5 MATCH expression, or null when nothing searchable was typed. */
export function toFtsQuery(text: string): string | null {
  const terms = text
    .normalize('NFC')
    .split(/[^\p{L}\p{N}\p{M}]+/u)
    .filter((t) => t !== '')
    .slice(0, MAX_TERMS)
    .map((t) => t.slice(0, MAX_TERM_LENGTH));
  if (terms.length === 0) return null;
  // Inside a quoted FTS5 string a double quote is escaped by doubling; the split above already
  // removed quotes, the replace keeps this safe if the split ever changes.
  return terms.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' ');
}
