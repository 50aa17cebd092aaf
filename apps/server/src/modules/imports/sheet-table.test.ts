import { describe, expect, it } from 'vitest';
import { parseSheetFile } from './sheet-parse';
import { decodeCsv, readSheetTable } from './sheet-table';

/** Reading CSV bytes into a table: encodings, delimiters, the header row under a title, ragged rows. */

/** The bytes of a text in a Windows code page, found by decoding the code page (no hand-written table). */
function encode(text: string, encoding: string): Uint8Array {
  const decoder = new TextDecoder(encoding);
  const byChar = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) byChar.set(decoder.decode(new Uint8Array([b])), b);
  return new Uint8Array([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : byChar.get(ch)!)));
}

describe('reading CSV sheets', () => {
  it('decodes UTF-8, UTF-16 and the Cyrillic and Azerbaijani Windows code pages', () => {
    expect(decodeCsv(new TextEncoder().encode('Ad,Yaş\nXədicə,2'))).toBe('Ad,Yaş\nXədicə,2');
    expect(decodeCsv(encode('Имя;Возраст\nХадиджа;2', 'windows-1251'))).toBe('Имя;Возраст\nХадиджа;2');
    expect(decodeCsv(encode('Ad;Soyad\nŞirin;Çağlar Öztürk', 'windows-1254'))).toBe('Ad;Soyad\nŞirin;Çağlar Öztürk');
    expect(decodeCsv(encode('الاسم;العمر\nخديجة;2', 'windows-1256'))).toBe('الاسم;العمر\nخديجة;2');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...'الاسم'].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(decodeCsv(utf16)).toBe('الاسم');
  });

  it('finds the header row under a title, reads tabs, keeps unnamed columns with data and drops empty ones', async () => {
    const text = 'List of children, camp B\t\t\t\n\nName\tAge\tSex\t\nLeyla\t4\tF\t\tshy\n\t\t\t\t\nOrxan\t"6"\tM\t\t\n';
    const table = await readSheetTable(new TextEncoder().encode(text), 'camp-b.tsv', 100);
    expect(table).toEqual({
      format: 'csv',
      sheetName: null,
      headerRow: 3,
      headers: ['Name', 'Age', 'Sex', '', ''],
      rows: [
        { row: 4, cells: ['Leyla', '4', 'F', null, 'shy'] },
        { row: 6, cells: ['Orxan', '6', 'M', null, null] },
      ],
    });
  });

  it('refuses a sheet longer than the limit, in a worker thread as in this one', async () => {
    const text = `Name\n${Array.from({ length: 12 }, (_, i) => `Child ${i}`).join('\n')}`;
    await expect(readSheetTable(new TextEncoder().encode(text), 'long.csv', 10)).rejects.toThrow(/12 rows; at most 10/);
    await expect(parseSheetFile(new TextEncoder().encode(text), 'long.csv', 10)).rejects.toThrow(/12 rows; at most 10/);
    const ok = await parseSheetFile(new TextEncoder().encode(text), 'long.csv', 20);
    expect(ok.rows).toHaveLength(12);
  });
});
