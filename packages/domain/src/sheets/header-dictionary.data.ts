import type { SheetField } from './sheet-mapping';

/**
 * Column headers seen on shelter, camp and NGO lists, in Arabic, English, Azerbaijani and Russian, per person
 * field. Data, not code: extend it when a new list arrives with a header it does not know. Headers are
 * compared after `normaliseHeader` (case, diacritics, hamza forms, the Arabic article and punctuation folded),
 * so one spelling of each is enough.
 *
 * A running number ("ت", "No.", "#", "S/N") is not a source id: lists are renumbered when they are re-sorted,
 * and a re-import by running number would update the wrong child. It is left out by default.
 */
export const HEADER_DICTIONARY: Readonly<Record<Exclude<SheetField, 'notes'> | 'notes', readonly string[]>> = {
  given: [
    'name', 'first name', 'given name', 'forename', 'own name', 'child name', "child's name", 'name of child',
    'الاسم', 'اسم', 'الاسم الأول', 'اسم الطفل', 'اسم الطفلة', 'الإسم',
    'ad', 'adı', 'şəxsin adı', 'uşağın adı', 'öz adı',
    'имя', 'имя ребенка',
  ],
  father: [
    'father', "father's name", 'father name', 'name of father', 'patronymic', 'fathers name',
    'اسم الأب', 'الأب', 'اسم الوالد', 'الوالد',
    'ata adı', 'atasının adı', 'ata', 'atanın adı',
    'отчество', 'имя отца', 'отец',
  ],
  grandfather: [
    'grandfather', "grandfather's name", 'grandfather name', 'paternal grandfather',
    'اسم الجد', 'الجد',
    'baba adı', 'babasının adı', 'babanın adı',
    'имя деда', 'дед',
  ],
  family: [
    'surname', 'family name', 'last name', 'family', 'tribe', 'clan',
    'اللقب', 'اسم العائلة', 'العائلة', 'العشيرة', 'القبيلة',
    'soyad', 'soyadı', 'familiya', 'soy adı',
    'фамилия',
  ],
  full_name: [
    'full name', 'name in full', 'complete name', 'name and surname', 'full name of child', 'name (full)',
    'الاسم الكامل', 'الاسم الثلاثي', 'الاسم الرباعي', 'الاسم الكامل للطفل', 'الاسم واللقب', 'الاسم الثلاثي واللقب',
    'tam ad', 'tam adı', 'soyad ad ata adı', 'ad soyad', 'adı soyadı', 'soyadı adı atasının adı',
    'фио', 'ф.и.о.', 'полное имя', 'фамилия имя отчество',
  ],
  sex: [
    'sex', 'gender',
    'الجنس', 'النوع',
    'cins', 'cinsi', 'cinsiyyət', 'cinsiyyəti',
    'пол',
  ],
  birth_date: [
    'date of birth', 'dob', 'd.o.b.', 'birth date', 'birthdate', 'born on', 'date born',
    'تاريخ الميلاد', 'تاريخ الولادة', 'تاريخ التولد', 'المواليد الكامل',
    'doğum tarixi', 'doğulduğu tarix', 'anadan olduğu tarix', 'təvəllüd',
    'дата рождения', 'д.р.',
  ],
  birth_year: [
    'year of birth', 'birth year', 'yob', 'born',
    'سنة الميلاد', 'سنة الولادة', 'التولد', 'المواليد', 'مواليد', 'سنة التولد',
    'doğum ili', 'doğulduğu il', 'anadan olduğu il',
    'год рождения', 'г.р.',
  ],
  estimated_age: [
    'age', 'estimated age', 'approximate age', 'approx age', 'age (years)', 'age years',
    'العمر', 'السن', 'العمر التقريبي', 'العمر بالسنوات', 'عمر الطفل',
    'yaş', 'yaşı', 'təxmini yaş', 'yaş (il)',
    'возраст', 'примерный возраст',
  ],
  birth_place: [
    'place of birth', 'birth place', 'birthplace', 'pob', 'born in',
    'مكان الميلاد', 'محل الولادة', 'مكان الولادة', 'محل الميلاد',
    'doğum yeri', 'doğulduğu yer', 'anadan olduğu yer',
    'место рождения',
  ],
  shelter: [
    'shelter', 'place', 'location', 'current location', 'camp', 'facility', 'centre', 'center', 'orphanage', 'residence',
    'المكان', 'الدار', 'دار الإيواء', 'الملجأ', 'المخيم', 'مكان التواجد', 'الموقع', 'مكان الإيواء', 'دار الأيتام', 'مكان السكن الحالي',
    'yer', 'sığınacaq', 'düşərgə', 'yerləşdiyi yer', 'olduğu yer', 'müəssisə',
    'место нахождения', 'местонахождение', 'приют', 'лагерь', 'учреждение',
  ],
  source_id: [
    'id', 'record id', 'case number', 'case no', 'case id', 'file number', 'file no', 'registration number', 'reg no',
    'reference', 'ref', 'ref no', 'unhcr id', 'beneficiary id', 'child id', 'identifier',
    'رقم الملف', 'رقم الحالة', 'رقم القيد', 'رقم التسجيل', 'الرقم التعريفي', 'رقم الهوية', 'المعرف', 'رقم المرجع',
    'qeydiyyat nömrəsi', 'işin nömrəsi', 'iş nömrəsi', 'fayl nömrəsi', 'eyniləşdirmə nömrəsi',
    'номер дела', 'регистрационный номер', 'идентификатор',
  ],
  mother_name: [
    'mother', "mother's name", 'mother name', 'name of mother', "mother's full name", 'mothers name',
    'اسم الأم', 'الأم', 'اسم الوالدة', 'الوالدة', 'اسم الأم الثلاثي', 'اسم الأم الكامل',
    'ana adı', 'anasının adı', 'ana', 'ananın adı', 'ananın tam adı',
    'имя матери', 'мать', 'фио матери',
  ],
  father_name: [
    "father's full name", 'father full name', 'full name of father',
    'اسم الأب الكامل', 'اسم الأب الثلاثي', 'اسم الوالد الكامل',
    'atanın tam adı', 'atasının tam adı',
    'фио отца',
  ],
  notes: [
    'notes', 'note', 'remarks', 'comments', 'comment', 'observations',
    'ملاحظات', 'ملاحظة', 'الملاحظات', 'تعليق',
    'qeyd', 'qeydlər', 'şərh',
    'примечание', 'примечания', 'комментарий',
  ],
  ignore: [
    'no', 'no.', '#', 's/n', 'sn', 'serial', 'serial no', 'row', 'seq', 'nr', 'n',
    'ت', 'تسلسل', 'التسلسل', 'الرقم', 'رقم', 'م',
    'sıra', 'sıra nömrəsi', '№', 'n°',
    '№ п/п', 'п/п',
    // The reason column of a downloaded rejected-rows file, in each language, so a fixed file re-imports as is.
    'rejection reason', 'سبب الرفض', 'imtina səbəbi', 'причина отказа',
  ],
};

/**
 * Words of a sex column, folded by `foldValue`. A list's own words (a code such as "1"/"2") are added in the
 * mapping screen and saved with the source's mapping.
 */
export const SEX_VALUES: Readonly<Record<'F' | 'M' | 'U', readonly string[]>> = {
  F: [
    'f', 'female', 'girl', 'woman', 'w', 'fem',
    'أنثى', 'انثى', 'انثي', 'أ', 'بنت', 'طفلة', 'امرأة', 'امراة', 'مؤنث',
    'qadın', 'qız', 'q', 'qadin', 'qiz', 'dişi',
    'ж', 'жен', 'женский', 'девочка', 'женщина',
  ],
  M: [
    'm', 'male', 'boy', 'man',
    'ذكر', 'ذ', 'ولد', 'طفل', 'رجل', 'مذكر',
    'kişi', 'oğlan', 'kisi', 'oglan', 'erkək', 'k',
    'м', 'муж', 'мужской', 'мальчик', 'мужчина',
  ],
  U: ['u', 'unknown', '?', '-', 'n/a', 'غير معروف', 'غير محدد', 'مجهول', 'naməlum', 'bilinmir', 'неизвестно', 'не указан'],
};
