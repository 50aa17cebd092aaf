import { describe, expect, it } from 'vitest';
import { arabicReading, normaliseArabic } from './arabic.normalise';
import { parseFullName } from './full-name.parse';
import { parseKunya } from './kunya.parse';
import { consonantSkeleton, fineFold, latinReading, phoneticFold } from './latin.fold';
import { cyrillicReading } from './cyrillic.translit';
import { compareNameKeys } from '../matching/pair.compare';
import { DEFAULT_NAME_EQUIVALENCES } from './name-equivalence.data';
import { compileNameLexicon, mergeNameEquivalences } from './name-equivalence.table';
import { nameKey, namePhoneticKeys, nameTrigramText } from './name.keys';
import { parsePatronymic } from './patronymic.parse';
import { detectScript } from './script.detect';
import { surnameStem } from './surname.stem';

const key = (text: string, role: 'given' | 'family' = 'given') => {
  const k = nameKey(text, { role });
  if (!k) throw new Error(`no key for ${text}`);
  return k;
};

describe('script detection', () => {
  it.each([
    ['Xədicə', 'Latn'],
    ['Khadija', 'Latn'],
    ['Хадиджа', 'Cyrl'],
    ['Һүсејн', 'Cyrl'],
    ['خديجة', 'Arab'],
    ['Quliyev Гулиев Кулиев', 'Cyrl'],
    ['123', 'Zyyy'],
  ])('%s is %s', (text, script) => expect(detectScript(text)).toBe(script));
});

describe('one name across scripts', () => {
  it.each([
    [['Xədicə', 'Xadica', 'Khadija', 'Khadijah', 'Хадиджа', 'Хадижа', 'خديجة', 'خَدِيجَة'], 'xədicə'],
    [['Məhəmməd', 'Muhammad', 'Mohammed', 'Магомед', 'Мухаммед', 'محمد', 'مُحَمَّد'], 'məhəmməd'],
    [['Hüseyn', 'Hussein', 'Гусейн', 'Һүсејн', 'حسين'], 'hüseyn'],
    [['Abdulla', 'Abdullah', 'Abd Allah', 'عبد الله', 'عبدالله'], 'abdulla'],
    [['Əbdürrəhman', 'Abdul Rahman', 'Abd al-Rahman', 'Abd ar-Rahman', 'Abd-al Rahman', 'Abdurrahman', 'عبد الرحمن', 'عبدالرحمن'], 'əbdürrəhman'],
    [['İlham', 'Ilham', 'Ильхам', 'الهام'], 'ilham'],
  ])('%j share the equivalence group %s', (spellings, canon) => {
    for (const s of spellings) expect(key(s).canon, s).toBe(canon);
  });

  it('Arabic without vowels shares the consonant skeleton with Latin spellings', () => {
    expect(key('خديجة').skeleton).toBe(key('Khadijah').skeleton);
    expect(key('زينب').skeleton).toBe(key('Zeynab').skeleton);
    expect(key('نرجس').canon).toBe(key('Nərgiz').canon);
    // Not in the table: the skeleton still meets.
    expect(key('تورال').skeleton).toBe(key('Tural').skeleton);
    expect(key('تورال').canon).toBeNull();
  });

  it('keeps different names apart even when their skeletons meet', () => {
    expect(key('حسن').canon).toBe('həsən');
    expect(key('حسين').canon).toBe('hüseyn');
    expect(key('Həsən').skeleton).toBe(key('Hüseyn').skeleton);
  });

  it('reads Azerbaijani Latin letters and English/NGO digraphs alike', () => {
    expect(latinReading('Şəhla Çingiz Ağa')).toBe('şəhla çingiz ağa');
    expect(latinReading('Shahla Chingiz Agha')).toBe('şahla çingiz ağa');
    expect(latinReading('Javid')).toBe('cavid');
    expect(phoneticFold(latinReading('Quliyev'))).toBe(phoneticFold(latinReading('Kuliev')));
    expect(consonantSkeleton('makamat')).toBe('mkmt');
  });

  it('exposes SQL keys: trigram text and phonetic keys', () => {
    expect(nameTrigramText(key('Khadijah'))).toBe(nameTrigramText(key('Хадиджа')));
    expect(namePhoneticKeys(key('خديجة'))).toContain('c:xədicə');
    expect(namePhoneticKeys(key('Tural'))).toEqual([`s:${key('Tural').skeleton}`]);
  });

  it('returns null for a name part without letters', () => expect(nameKey('--')).toBeNull());
});

describe('Russian-style spellings of Azerbaijani vowels', () => {
  it.each([
    ['Пярвана', 'Pərvanə'],
    ['Гюнель', 'Günel'],
    ['Мирзялиев', 'Mirzəliyev'],
    ['Хясанова', 'Həsənova'],
    ['Гёзял', 'Gözəl'],
  ])('я, ю, ё after a consonant in %s read as ə, ü, ö (%s)', (cyrillic, latin) => {
    expect(phoneticFold(cyrillicReading(cyrillic))).toBe(phoneticFold(latinReading(latin)));
  });
  it('keeps ya after a vowel, ь or at the start', () => {
    expect(cyrillicReading('Марьям')).toBe('maryam');
    expect(cyrillicReading('Яхья')).toBe('yaxya');
    expect(cyrillicReading('Ильяс')).toBe('ilyas');
    expect(key('Марьям').canon).toBe('məryəm');
  });
  it.each([
    ['Gyulnara', 'gülnara'],
    ['Hyuseyn', 'hüseyn'],
    ['Kyonul', 'könul'],
    ['Ryustemov', 'rüstemov'],
  ])('reads a transliterated ю/ё after a consonant in %s as ü/ö', (text, reading) => {
    expect(latinReading(text)).toBe(reading);
  });
  it('leaves y before a vowel alone where it is a consonant', () => {
    expect(latinReading('Aliyev')).toBe('aliyev');
    expect(latinReading('Yusif')).toBe('yusif');
    expect(latinReading('Ilyas')).toBe('ilyas');
  });
});

describe('fine folds: ş and ç are never s and c', () => {
  it('Həşimov and Qasımov share a phonetic fold, not a fine fold', () => {
    expect(phoneticFold(latinReading('Həşim'))).toBe(phoneticFold(latinReading('Qasım')));
    expect(fineFold(latinReading('Həşim'))).not.toBe(fineFold(latinReading('Qasım')));
    expect(key('Гашимов', 'family').fine).toBe(key('Həşimov', 'family').fine);
    expect(key('Hashimov', 'family').fine).toBe(key('Həşimov', 'family').fine);
  });
  it('finds a group by fine fold: Həşim is not Qasım', () => {
    expect(key('Qasım').canon).toBe('qasım');
    expect(key('Гасым').canon).toBe('qasım');
    expect(key('Həşim').canon).toBeNull();
    expect(compareNameKeys(key('Həşim'), key('Qasım'))).toBe(1);
  });
  it('lets Arabic ج stand for c, ç and j', () => {
    expect(compareNameKeys(key('كولجين'), key('Gülçin'))).toBe(0);
    expect(compareNameKeys(key('جاويد'), key('Cavid'))).toBe(0);
    expect(compareNameKeys(key('Çingiz'), key('Cingiz'))).toBe(1);
  });
});

describe('Arabic و: a consonant or a vowel', () => {
  it.each([
    ['روشن', 'Rövşən'],
    ['روشن', 'Rovshan'],
    ['زاور', 'Zaur'],
    ['إلوين', 'Elvin'],
    ['پروز', 'Pərviz'],
    ['وصال', 'Vüsal'],
    ['يوسف', 'Yusif'],
  ])('%s is %s', (arabic, latin) => expect(compareNameKeys(key(arabic), key(latin))).toBe(0));
  it('still tells different names apart', () => {
    expect(compareNameKeys(key('روشن'), key('Kamran'))).toBe(3);
    expect(compareNameKeys(key('زاور'), key('Tural'))).toBe(3);
  });
});

describe('the first sound of a name', () => {
  it.each([
    ['أحمد', 'Hamid'],
    ['أحمد', 'Хамид'],
    ['Əhməd', 'Həmid'],
    ['عمر', 'Mir'],
    ['إسماعيل', 'Smail'],
  ])('%s and %s share consonants but not their first sound: at most a typo apart', (a, b) => {
    expect(compareNameKeys(key(a), key(b))).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['عمر', 'Ömər'],
    ['عمر', 'Omar'],
    ['إلهام', 'İlham'],
    ['يوسف', 'Yusif'],
    ['حامد', 'Həmid'],
    ['حميد', 'Hamid'],
  ])('%s and %s are one name', (a, b) => {
    expect(compareNameKeys(key(a), key(b))).toBe(0);
  });

  it('reads an initial ع as a vowel', () => {
    expect(key('عمر').vowelInitial).toBe(true);
    expect(key('حسن').vowelInitial).toBe(false);
  });
});

describe('typos', () => {
  it.each([
    ['Zərha', 'زهراء'],
    ['Rütsəm', 'رستم'],
  ])('%s, two letters swapped, is a typo of %s', (typed, arabic) => {
    expect(compareNameKeys(key(typed), key(arabic))).toBe(2);
  });

  it.each([
    ['Zemfiia', 'Земфира'],
    ['Rəsdul', 'Rəsul'],
  ])('%s is a typo of %s', (typed, right) => {
    expect(compareNameKeys(key(typed), key(right))).toBe(2);
  });

  it('does not take a two-consonant Arabic name for a typo of a longer one (نور and Nadir)', () => {
    expect(compareNameKeys(key('نور'), key('Nadir'))).toBe(3);
  });
});

describe('Abd Allah', () => {
  it.each(['Abdullah', 'Abdulah', 'Abdallah', 'Abd Allah', 'Abd-Allah', 'Əbdülla', 'عبد الله', 'Абдулла'])('%s is abdulla', (text) => {
    expect(key(text).canon).toBe('abdulla');
  });
});

describe('surnames', () => {
  it.each([
    ['Quliyev', 'quli'],
    ['Quliyeva', 'quli'],
    ['Guliyev', 'guli'],
    ['Kuliev', 'kuli'],
    ['Məmmədova', 'məmməd'],
    ['Hüseynov', 'hüseyn'],
    ['Əlizadə', 'əli'],
  ])('%s stems to %s', (surname, stem) => expect(surnameStem(latinReading(surname))).toBe(stem));

  it.each([
    ['Cəbrayılbva', 'Cəbrayılova'],
    ['Səmədovva', 'Səmədova'],
    ['Bağıroav', 'Bağırova'],
    ['Huseynkv', 'Hüseynov'],
    ['Nəsirvoa', 'Nəsirova'],
  ])('%s, a typo in the suffix, stems like %s', (typed, right) => {
    expect(key(typed, 'family').fold).toBe(key(right, 'family').fold);
  });

  it('leaves surnames without a suffix alone when looking for a typo in one', () => {
    expect(surnameStem('paşa', { typos: true })).toBe('paşa');
    expect(surnameStem('ağa', { typos: true })).toBe('ağa');
    expect(surnameStem('novruz', { typos: true })).toBe('novruz');
  });

  it('Гулиев, Кулиева, Quliyeva and the grandfather قلي share a key', () => {
    const canon = ['Гулиев', 'Кулиева', 'Quliyeva', 'Guliyev'].map((s) => key(s, 'family').canon);
    expect(new Set(canon)).toEqual(new Set(['quli']));
    expect(key('قلي').canon).toBe('quli');
  });

  it('drops the article of Arabic family names', () => {
    expect(key('الجبوري', 'family').skeleton).toBe(key('Al-Jubouri', 'family').skeleton);
  });
});

describe('Arabic normalisation', () => {
  it('strips vowel marks and tatweel and folds letter forms', () => {
    expect(normaliseArabic('مُحَمَّد')).toBe('محمد');
    expect(normaliseArabic('محـــمد')).toBe('محمد');
    expect(normaliseArabic('أحمد')).toBe(normaliseArabic('احمد'));
    expect(normaliseArabic('إبراهيم')).toBe('ابراهيم');
    expect(normaliseArabic('آمنة')).toBe('امنه');
    expect(normaliseArabic('موسى')).toBe('موسي');
    expect(normaliseArabic('رؤوف')).toBe('رووف');
  });
  it('joins «عبد ال…» compounds', () => {
    expect(normaliseArabic('عبد الله')).toBe('عبدالله');
    expect(arabicReading(normaliseArabic('عبد الرحمن'))).toBe('abd-rhmn');
  });
});

describe('patronymics', () => {
  it.each([
    ['Rauf oğlu', 'Rauf', 'M'],
    ['Rauf qızı', 'Rauf', 'F'],
    ['Rauf oglu', 'Rauf', 'M'],
    ['Rauf kyzy', 'Rauf', 'F'],
    ['Рауф оглы', 'Рауф', 'M'],
    ['Рауф кызы', 'Рауф', 'F'],
    ['Раувович', 'Раув', 'M'],
    ['Рауфовна', 'Рауф', 'F'],
    ['Алиевич', 'Али', 'M'],
    ['Raufovich', 'Rauf', 'M'],
  ])('%s → %s (%s)', (text, father, sex) => expect(parsePatronymic(text)).toEqual({ father, sex }));
  it('Раув and Rauf are one name', () => expect(key(parsePatronymic('Раувович')?.father ?? '').canon).toBe('rauf'));
  it('is not fooled by plain names', () => {
    expect(parsePatronymic('Rauf')).toBeNull();
    expect(parsePatronymic('Khadija Rauf')).toBeNull();
  });
});

describe('kunyas', () => {
  it('parses Latin and Arabic kunyas with nisba', () => {
    expect(parseKunya('Abu Muhammad al-Azeri')).toEqual({ kind: 'abu', child: 'Muhammad', nisba: 'Azeri', nisbaCountry: 'AZ' });
    const ar = parseKunya('أبو محمد الأذري');
    expect(ar?.kind).toBe('abu');
    expect(key(ar?.child ?? '').canon).toBe('məhəmməd');
    expect(ar?.nisbaCountry).toBe('AZ');
  });
  it('keeps compound child names whole and reads Umm', () => {
    expect(parseKunya('Umm Abd al-Rahman')?.child).toBe('Abd al-Rahman');
    expect(parseKunya('أم عبد الله')?.kind).toBe('umm');
    expect(parseKunya('Абу Мухаммад')?.child).toBe('Мухаммад');
  });
  it('is not a kunya', () => {
    expect(parseKunya('Abbas')).toBeNull();
    expect(parseKunya('أمير')).toBeNull();
  });
});

describe('full names', () => {
  it('splits an Iraqi triple name', () => {
    const parts = parseFullName('خديجة رؤوف قلي');
    expect(key(parts.given ?? '').canon).toBe('xədicə');
    expect(key(parts.father ?? '').canon).toBe('rauf');
    expect(key(parts.grandfather ?? '').canon).toBe('quli');
  });
  it('reads nasab markers', () => {
    const parts = parseFullName('فاطمة بنت علي');
    expect(parts.sex).toBe('F');
    expect(key(parts.father ?? '').canon).toBe('əli');
  });
  it('splits Azerbaijani and Soviet orders', () => {
    expect(parseFullName('Aysel Rauf qızı Məmmədova')).toEqual({ given: 'Aysel', father: 'Rauf', family: 'Məmmədova', sex: 'F' });
    expect(parseFullName('Quliyev Əli Rauf oğlu')).toEqual({ given: 'Əli', father: 'Rauf', family: 'Quliyev', sex: 'M' });
    expect(parseFullName('Кулиев Али Раувович')).toEqual({ given: 'Али', father: 'Раув', family: 'Кулиев', sex: 'M' });
  });
  it('reads an NGO spelling in Iraqi order', () => {
    expect(parseFullName('Khadija Rauf Quli')).toEqual({ given: 'Khadija', father: 'Rauf', grandfather: 'Quli' });
    expect(parseFullName('Abdul Rahman Ali').given).toBe('Abdul Rahman');
  });
  it('recognises a kunya written as a name', () => expect(parseFullName('Abu Muhammad al-Azeri').kunya?.child).toBe('Muhammad'));
});

describe('equivalence table', () => {
  it('ships without conflicting spellings', () => {
    expect(compileNameLexicon(DEFAULT_NAME_EQUIVALENCES).conflicts).toEqual([]);
  });
  it('merges administrator additions into a new version', () => {
    const merged = mergeNameEquivalences(DEFAULT_NAME_EQUIVALENCES, {
      version: 'admin-1',
      groups: [
        { id: 'tural', variants: ['Tural', 'Турал', 'تورال'] },
        { id: 'rauf', variants: ['Raoof'] },
      ],
    });
    expect(merged.version).toBe(`${DEFAULT_NAME_EQUIVALENCES.version}+admin-1`);
    const lexicon = compileNameLexicon(merged);
    expect(nameKey('Турал', { lexicon })?.canon).toBe('tural');
    expect(nameKey('Raoof', { lexicon })?.canon).toBe('rauf');
    expect(DEFAULT_NAME_EQUIVALENCES.groups.some((g) => g.id === 'tural')).toBe(false);
  });
  it('reports folds claimed by two groups', () => {
    const lexicon = compileNameLexicon({
      format: 'homeward.name-equivalences/1',
      version: 't',
      groups: [
        { id: 'a', variants: ['Sami'] },
        { id: 'b', variants: ['Sami'] },
      ],
    });
    expect(lexicon.conflicts).toHaveLength(1);
    expect(nameKey('Sami', { lexicon })?.canon).toBeNull();
  });
});
