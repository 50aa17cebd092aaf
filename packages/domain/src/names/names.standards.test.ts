import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { romaniseArabicOdni } from './arabic.romanise';
import type { CyrillicStandard } from './cyrillic.tables';
import { transliterateCyrillic } from './cyrillic.translit';

/** The published standards' own test cases (read from shared data by the tests only, never at run time). */
const DATA = fileURLToPath(new URL('../../../../../shared/data/transliteration/', import.meta.url));

function cases(file: string): Array<[string, string]> {
  const text = readFileSync(`${DATA}${file}`, 'utf8');
  const out: Array<[string, string]> = [];
  for (const line of text.split('\n')) {
    const m = /^\s*test\s+"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"\s*$/.exec(line);
    if (m?.[1] !== undefined && m[2] !== undefined) out.push([JSON.parse(`"${m[1]}"`), JSON.parse(`"${m[2]}"`)]);
  }
  return out;
}

const cyrillic: Array<[string, CyrillicStandard]> = [
  ['az-aze-Cyrl-Latn-1939.imp', 'az-1939'],
  ['bgnpcgn-aze-Cyrl-Latn-1993.imp', 'az-bgn-1993'],
  ['az-aze-Cyrl-Latn-1958.imp', 'az-bgn-1993'],
  ['odni-aze-Cyrl-Latn-2015.imp', 'az-odni-2015'],
  ['mvd-rus-Cyrl-Latn-2010.imp', 'ru-mvd-2010'],
];

describe('Cyrillic transliteration standards', () => {
  for (const [file, standard] of cyrillic) {
    const tests = cases(file);
    it(`${file} has test cases`, () => expect(tests.length).toBeGreaterThan(0));
    for (const [input, expected] of tests) {
      it(`${standard}: ${input.slice(0, 30)}`, () => expect(transliterateCyrillic(input, standard)).toBe(expected));
    }
  }
  it('ICAO 9303 writes Russian passport spellings', () => {
    expect(transliterateCyrillic('Кулиев', 'ru-icao-9303')).toBe('Kuliev');
    expect(transliterateCyrillic('Хадиджа', 'ru-icao-9303')).toBe('Khadidzha');
  });
});

describe('ODNI 2015 Arabic romanisation', () => {
  const tests = cases('odni-ara-Arab-Latn-2015.imp');
  it('has test cases', () => expect(tests.length).toBeGreaterThan(15));
  for (const [input, expected] of tests) {
    it(`${input} → ${expected}`, () => expect(romaniseArabicOdni(input)).toBe(expected));
  }
});
