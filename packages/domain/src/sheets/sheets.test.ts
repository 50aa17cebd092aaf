import { describe, expect, it } from 'vitest';
import {
  normaliseHeader,
  parseAge,
  parseBirthYear,
  parseSex,
  parseSheetDate,
  readSheetRow,
  sheetMappingSchema,
  sheetReasonText,
  suggestField,
  suggestMapping,
  type SheetField,
  type SheetMapping,
} from './index';

/** Header suggestion, value reading and row reading of spreadsheet imports, with real spellings. */

const fields = (headers: string[], rows: string[][] = []) => suggestMapping(headers, rows).map((s) => s.field);

describe('suggestMapping', () => {
  it('reads an Iraqi shelter list’s Arabic headers, with and without hamza and article', () => {
    expect(fields(['ت', 'الاسم', 'اسم الأب', 'اسم الجد', 'اللقب', 'العمر', 'الجنس', 'تاريخ الميلاد', 'اسم الأم', 'الملاحظات'])).toEqual([
      'ignore',
      'given',
      'father',
      'grandfather',
      'family',
      'estimated_age',
      'sex',
      'birth_date',
      'mother_name',
      'notes',
    ]);
    expect(suggestField('اسم الاب').field).toBe('father');
    expect(suggestField('إسم الأم').field).toBe('mother_name');
    expect(suggestField('  الجنـــس ').field).toBe('sex');
    expect(suggestField('المواليد').field).toBe('birth_year');
  });

  it('reads English and Azerbaijani headers, whatever the case and punctuation', () => {
    expect(fields(['Case No.', 'Name', 'Father', 'Surname', 'Age', 'DOB', 'Gender', "Mother's name", 'Shelter'])).toEqual([
      'source_id',
      'given',
      'father',
      'family',
      'estimated_age',
      'birth_date',
      'sex',
      'mother_name',
      'shelter',
    ]);
    expect(fields(['Ad', 'Ata adı', 'Soyad', 'Yaş', 'Doğum tarixi', 'Cins', 'Ana adı', 'Qeyd'])).toEqual([
      'given',
      'father',
      'family',
      'estimated_age',
      'birth_date',
      'sex',
      'mother_name',
      'notes',
    ]);
    expect(suggestField('DOĞUM TARİXİ').field).toBe('birth_date');
    expect(suggestField('Фамилия').field).toBe('family');
    expect(suggestField("Father's full name").field).toBe('father_name');
  });

  it('takes a known phrase inside a longer header, and keeps unknown columns as notes', () => {
    expect(suggestField('Name of the child (as on the list)')).toEqual({ field: 'given', confidence: 'partial' });
    expect(suggestField('Date of birth (dd/mm/yyyy)')).toEqual({ field: 'birth_date', confidence: 'partial' });
    expect(suggestField('Blood group')).toEqual({ field: 'notes', confidence: 'none' });
    expect(suggestField('')).toEqual({ field: 'notes', confidence: 'none' });
  });

  it('gives a field wanted by two columns to the surer one', () => {
    expect(fields(['Name of the child (Arabic)', 'Name'])).toEqual(['notes', 'given']);
    expect(fields(['Age', 'Age'])).toEqual(['estimated_age', 'notes']);
  });

  it('reads a lone name column of two- and three-word names as full names', () => {
    const rows = [['خديجة رؤوف قلي', '2'], ['زينب علي حسين', '5'], ['مريم', '3']];
    expect(fields(['الاسم', 'العمر'], rows)).toEqual(['full_name', 'estimated_age']);
    expect(fields(['الاسم', 'اسم الأب'], rows)).toEqual(['given', 'father']);
    expect(fields(['Name'], [['Xədicə'], ['Leyla']])).toEqual(['given']);
  });

  it('normalises headers to one key across spellings', () => {
    expect(normaliseHeader('الاسم')).toBe(normaliseHeader('اسم'));
    expect(normaliseHeader('Ata adı:')).toBe('ata adi');
    expect(normaliseHeader('№')).toBe(normaliseHeader('No.'));
  });
});

describe('reading values', () => {
  it('reads sex in Arabic, English, Azerbaijani and Russian, and the mapping’s own codes', () => {
    expect(['ذكر', 'أنثى', 'انثى', 'M', 'F', 'kişi', 'qadın', 'Qız', 'oğlan', 'Ж', 'male', 'Girl'].map((v) => parseSex(v))).toEqual([
      'M', 'F', 'F', 'M', 'F', 'M', 'F', 'F', 'M', 'F', 'M', 'F',
    ]);
    expect(parseSex('')).toBeUndefined();
    expect(parseSex('غير معروف')).toBe('U');
    expect(parseSex('1')).toBeNull();
    expect(parseSex('1', { '1': 'M', '2': 'F' })).toBe('M');
    expect(parseSex('xyz')).toBeNull();
  });

  it('reads dates at the precision written, day first unless told otherwise', () => {
    const today = '2026-11-25';
    expect(parseSheetDate('2015-03-02', 'DMY', today)).toBe('2015-03-02');
    expect(parseSheetDate('2015-03-02T00:00:00.000Z', 'DMY', today)).toBe('2015-03-02');
    expect(parseSheetDate('02/03/2015', 'DMY', today)).toBe('2015-03-02');
    expect(parseSheetDate('02/03/2015', 'MDY', today)).toBe('2015-02-03');
    expect(parseSheetDate('٠٢/٠٣/٢٠١٥', 'DMY', today)).toBe('2015-03-02');
    expect(parseSheetDate('2.3.15', 'DMY', today)).toBe('2015-03-02');
    expect(parseSheetDate('3/2015', 'DMY', today)).toBe('2015-03');
    expect(parseSheetDate('2015', 'DMY', today)).toBe('2015');
    expect(parseSheetDate('42065', 'DMY', today)).toBe('2015-03-02');
    expect(parseSheetDate('31/02/2015', 'DMY', today)).toBeNull();
    expect(parseSheetDate('about 2015', 'DMY', today)).toBeNull();
    expect(parseSheetDate('13/13/2015', 'DMY', today)).toBeNull();
  });

  it('reads estimated ages as years, with words and units in four languages', () => {
    expect(['4', '٤', '4.5', 'about 2', 'حوالي ٣', '~3', '3?', '2 years', '٣ سنوات', '3 yaş', '5 лет', '18 months', '6 أشهر', '2-3', 'təxminən 7'].map(parseAge)).toEqual([
      4, 4, 4.5, 2, 3, 3, 3, 2, 3, 3, 5, 1.5, 0.5, 2.5, 7,
    ]);
    expect(parseAge('old')).toBeNull();
    expect(parseAge('150')).toBeNull();
    expect(parseAge('3 kg')).toBeNull();
  });

  it('reads years of birth between 1900 and this year', () => {
    expect(parseBirthYear('٢٠١٥', '2026-11-25')).toBe(2015);
    expect(parseBirthYear('2015.0', '2026-11-25')).toBe(2015);
    expect(parseBirthYear('2030', '2026-11-25')).toBeNull();
    expect(parseBirthYear('15', '2026-11-25')).toBeNull();
  });
});

const mappingOf = (columns: SheetField[], extra: Partial<SheetMapping> = {}): SheetMapping =>
  sheetMappingSchema.parse({ columns, ageOn: '2026-11-01', ...extra });
const ctx = (headers: string[]) => ({ headers, today: '2026-11-25', fallbackId: 'sheet-1#2' });

describe('readSheetRow', () => {
  const headers = ['ت', 'الاسم', 'اسم الأب', 'اسم الجد', 'العمر', 'الجنس', 'اسم الأم', 'الدار', 'ملاحظات'];
  const mapping = mappingOf(['ignore', 'given', 'father', 'grandfather', 'estimated_age', 'sex', 'mother_name', 'shelter', 'notes']);

  it('reads a row of an Arabic shelter list into a person record', () => {
    const row = readSheetRow(['1', 'خديجة', 'رؤوف', 'قلي', 'حوالي 2', 'أنثى', 'آيسل', 'دار الزهور', 'وصلت مع أخيها'], mapping, ctx(headers));
    expect(row.errors).toEqual([]);
    expect(row.script).toBe('Arab');
    expect(row.record).toEqual({
      id: 'sheet-1#2',
      sex: 'F',
      names: [{ given: 'خديجة', father: 'رؤوف', grandfather: 'قلي', kind: 'reported' }],
      birth: { estimated_age: { years: 2, on: '2026-11-01' } },
      mother: { names: [{ full: 'آيسل', kind: 'reported' }] },
      shelter: 'دار الزهور',
      notes: { ملاحظات: 'وصلت مع أخيها' },
    });
  });

  it('rejects a row with reasons naming the column and the value', () => {
    const row = readSheetRow(['2', '', 'علي', '', 'كبير', 'x', '', '', ''], mapping, ctx(headers));
    expect(row.record).toBeNull();
    expect(row.errors).toEqual([
      { code: 'age_invalid', column: 'العمر', value: 'كبير' },
      { code: 'sex_unrecognised', column: 'الجنس', value: 'x' },
      { code: 'name_missing' },
    ]);
    expect(sheetReasonText(row.errors[0]!, 'en')).toBe('“كبير” in the column “العمر” is not an age in years.');
    expect(sheetReasonText(row.errors[1]!, 'ar')).toBe('«x» في العمود «الجنس» ليست قيمة جنس يعرفها هذا الربط؛ حدّد معناها في الربط.');
  });

  it('keeps the source id, the birth date and the full names in two scripts, and warns when age and birth disagree', () => {
    const m = mappingOf(['source_id', 'full_name', 'full_name', 'birth_date', 'estimated_age', 'sex'], { sexValues: { '2': 'F' } });
    const row = readSheetRow(['IQ-17', 'Xədicə Rauf qızı', 'خديجة رؤوف', '02/03/2015', '3', '2'], m, ctx(['ID', 'Name', 'الاسم', 'DOB', 'Age', 'Sex']));
    expect(row.sourceId).toBe('IQ-17');
    expect(row.script).toBe('Latn');
    expect(row.record).toMatchObject({ id: 'IQ-17', sex: 'F', names: [{ full: 'Xədicə Rauf qızı' }, { full: 'خديجة رؤوف' }], birth: { date: '2015-03-02' } });
    expect(row.warnings).toEqual([{ code: 'age_disagrees_with_birth', value: '2015-03-02 / 3' }]);
  });

  it('refuses a birth date in the future and a cell too long to be a name', () => {
    const m = mappingOf(['given', 'birth_date']);
    expect(readSheetRow(['Leyla', '2027-01-01'], m, ctx(['Name', 'DOB'])).errors.map((e) => e.code)).toEqual(['birth_date_in_future']);
    expect(readSheetRow(['L'.repeat(600), ''], m, ctx(['Name', 'DOB'])).errors.map((e) => e.code)).toEqual(['value_too_long', 'name_missing']);
  });

  it('refuses a mapping that maps one field twice or maps no name', () => {
    expect(sheetMappingSchema.safeParse({ columns: ['given', 'given'], ageOn: '2026-11-01' }).success).toBe(false);
    expect(sheetMappingSchema.safeParse({ columns: ['family', 'sex'], ageOn: '2026-11-01' }).success).toBe(false);
    expect(sheetMappingSchema.safeParse({ columns: ['full_name', 'full_name', 'notes', 'notes'], ageOn: '2026-11-01' }).success).toBe(true);
  });
});
