import { describe, expect, it } from 'vitest';
import { nameSearchText, nameSkeleton, querySearchTerms } from './search-text';

describe('name search terms across scripts', () => {
  it('reads a query into folded words, each with the skeleton that names in the other script are filed under', () => {
    // A Latin or Cyrillic query looks for names written in Arabic script ("^"), and the reverse ("~").
    expect(querySearchTerms('Hüseyn')).toBe('kusain|^ksn');
    expect(querySearchTerms('Гусейн')).toBe('kusain|^ksn');
    expect(querySearchTerms('حسين')).toBe('ksin|~ksn');
    expect(querySearchTerms('Məhəmməd Rauf')).toBe('makamat|^mkmt rauf|^rf');
    expect(querySearchTerms('محمد')).toBe('mkmt|~mkmt');
  });

  it('gives no skeleton of a single consonant, which would match too many names', () => {
    expect(querySearchTerms('Əli')).toBe('ali');
    expect(querySearchTerms('علي')).toBe('li');
  });

  it('drops the vowels that Arabic script leaves unwritten, so both spellings meet', () => {
    for (const [latin, arabic] of [
      ['Nərgiz', 'نرگز'],
      ['Hüseyn', 'حسين'],
      ['Məhəmməd', 'محمد'],
      ['Xədicə', 'خديجة'],
    ] as const) {
      const fromLatin = querySearchTerms(latin).split('|')[1]!.slice(1);
      const fromArabic = querySearchTerms(arabic).split('|')[1]!.slice(1);
      expect(fromLatin, `${latin} / ${arabic}`).toBe(fromArabic);
    }
    expect(nameSkeleton('kusain')).toBe('ksn');
    expect(nameSearchText({ given: 'Nərgiz' })).toBe('nərgiz narkiz');
  });
});
