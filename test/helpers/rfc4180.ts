// A small RFC 4180 reader for the tests, written apart from the app's CSV writer so the file is
// read back independently: quoted fields may hold commas, CR, LF and doubled quotes; records end
// with CRLF. Anything else (a bare quote inside an unquoted field, text after a closing quote)
// throws, so a malformed file fails the test.
export function parseRfc4180(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i += 1;
        for (;;) {
          if (i >= n) throw new Error('Unterminated quoted field');
          const ch = text[i];
          if (ch === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
            } else {
              i += 1;
              break;
            }
          } else {
            field += ch ?? '';
            i += 1;
          }
        }
      } else {
        while (i < n && text[i] !== ',' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          if (text[i] === '"') throw new Error(`Bare quote at ${String(i)}`);
          if (text[i] === '\r' || text[i] === '\n')
            throw new Error(`Line break outside quotes at ${String(i)}`);
          field += text.charAt(i);
          i += 1;
        }
      }
      record.push(field);
      if (text[i] === ',') {
        i += 1;
        continue;
      }
      if (text[i] === '\r' && text[i + 1] === '\n') {
        i += 2;
        break;
      }
      if (i >= n) throw new Error('The last record does not end with CRLF');
      throw new Error(`Unexpected character after a field at ${String(i)}`);
    }
    records.push(record);
  }
  return records;
}
