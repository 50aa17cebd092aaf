import type { SheetReason, SheetReasonCode } from './sheet-mapping';

/** The languages the reasons are worded in: the web app's languages. */
export type ReasonLanguage = 'en' | 'az' | 'ru' | 'ar';

/**
 * Each reason code worded for a person, in i18next's `{{name}}` syntax, in the four languages of the app. One
 * catalogue for both readers: the web app loads it into its translations, and the server words the reason
 * column of a rejected-rows file in the language asked for.
 */
export const SHEET_REASON_MESSAGES: Readonly<Record<ReasonLanguage, Readonly<Record<SheetReasonCode, string>>>> = {
  en: {
    name_missing: 'No name: the row has neither an own name nor a full name.',
    sex_unrecognised: '“{{value}}” in the column “{{column}}” is not a sex this mapping knows; say what it means in the mapping.',
    birth_date_invalid: '“{{value}}” in the column “{{column}}” is not a date.',
    birth_date_in_future: 'The birth date “{{value}}” is in the future.',
    birth_year_invalid: '“{{value}}” in the column “{{column}}” is not a year of birth.',
    age_invalid: '“{{value}}” in the column “{{column}}” is not an age in years.',
    value_too_long: 'The column “{{column}}” holds more text than a person’s record takes (“{{value}}”).',
    source_id_repeated: 'The id “{{value}}” is also on row {{row}}; each row needs its own id.',
    possible_duplicate: 'Possible duplicate of {{personName}}, already in the registry ({{probability}}% alike).',
    duplicate_in_sheet: 'Possible duplicate of row {{row}} of this sheet ({{personName}}, {{probability}}% alike).',
    age_disagrees_with_birth: 'The age and the birth do not agree ({{value}}).',
  },
  az: {
    name_missing: 'Ad yoxdur: sətirdə nə şəxsin öz adı, nə də tam adı var.',
    sex_unrecognised: '“{{column}}” sütunundakı “{{value}}” bu uyğunlaşdırmanın tanıdığı cins deyil; onun mənasını uyğunlaşdırmada göstərin.',
    birth_date_invalid: '“{{column}}” sütunundakı “{{value}}” tarix deyil.',
    birth_date_in_future: '“{{value}}” doğum tarixi gələcəkdədir.',
    birth_year_invalid: '“{{column}}” sütunundakı “{{value}}” doğum ili deyil.',
    age_invalid: '“{{column}}” sütunundakı “{{value}}” illərlə yaş deyil.',
    value_too_long: '“{{column}}” sütununda şəxsin qeydinə sığmayan qədər uzun mətn var (“{{value}}”).',
    source_id_repeated: '“{{value}}” identifikatoru {{row}} nömrəli sətirdə də var; hər sətrin öz identifikatoru olmalıdır.',
    possible_duplicate: 'Reyestrdə artıq olan {{personName}} ilə ehtimal olunan dublikat ({{probability}}% oxşar).',
    duplicate_in_sheet: 'Bu cədvəlin {{row}} nömrəli sətri ilə ehtimal olunan dublikat ({{personName}}, {{probability}}% oxşar).',
    age_disagrees_with_birth: 'Yaş və doğum tarixi uyğun gəlmir ({{value}}).',
  },
  ru: {
    name_missing: 'Нет имени: в строке нет ни собственного имени, ни полного имени.',
    sex_unrecognised: '«{{value}}» в столбце «{{column}}» — неизвестное значение пола; укажите его значение в сопоставлении.',
    birth_date_invalid: '«{{value}}» в столбце «{{column}}» — не дата.',
    birth_date_in_future: 'Дата рождения «{{value}}» в будущем.',
    birth_year_invalid: '«{{value}}» в столбце «{{column}}» — не год рождения.',
    age_invalid: '«{{value}}» в столбце «{{column}}» — не возраст в годах.',
    value_too_long: 'В столбце «{{column}}» слишком длинный текст для карточки человека («{{value}}»).',
    source_id_repeated: 'Идентификатор «{{value}}» есть и в строке {{row}}; у каждой строки должен быть свой.',
    possible_duplicate: 'Возможный дубликат: {{personName}} уже есть в реестре (сходство {{probability}}%).',
    duplicate_in_sheet: 'Возможный дубликат строки {{row}} этой таблицы ({{personName}}, сходство {{probability}}%).',
    age_disagrees_with_birth: 'Возраст и дата рождения не согласуются ({{value}}).',
  },
  ar: {
    name_missing: 'لا يوجد اسم: لا يحتوي الصف على اسم الشخص ولا على اسمه الكامل.',
    sex_unrecognised: '«{{value}}» في العمود «{{column}}» ليست قيمة جنس يعرفها هذا الربط؛ حدّد معناها في الربط.',
    birth_date_invalid: '«{{value}}» في العمود «{{column}}» ليس تاريخًا.',
    birth_date_in_future: 'تاريخ الميلاد «{{value}}» في المستقبل.',
    birth_year_invalid: '«{{value}}» في العمود «{{column}}» ليست سنة ميلاد.',
    age_invalid: '«{{value}}» في العمود «{{column}}» ليس عمرًا بالسنوات.',
    value_too_long: 'يحتوي العمود «{{column}}» على نص أطول مما يتسع له سجل الشخص («{{value}}»).',
    source_id_repeated: 'المعرّف «{{value}}» موجود أيضًا في الصف {{row}}؛ يحتاج كل صف إلى معرّف خاص به.',
    possible_duplicate: 'تكرار محتمل لـ {{personName}} الموجود في السجل (تشابه {{probability}}٪).',
    duplicate_in_sheet: 'تكرار محتمل للصف {{row}} من هذا الجدول ({{personName}}، تشابه {{probability}}٪).',
    age_disagrees_with_birth: 'العمر وتاريخ الميلاد غير متوافقين ({{value}}).',
  },
};

export interface ReasonParams {
  column: string;
  value: string;
  row: string;
  personName: string;
  probability: string;
}

/** The parameters a reason's message reads, with the probability as a whole percentage. */
export function reasonParams(reason: SheetReason): ReasonParams {
  return {
    column: reason.column ?? '',
    value: reason.value ?? '',
    row: reason.row === undefined ? '' : String(reason.row),
    personName: reason.personName ?? reason.personId ?? '',
    probability: reason.probability === undefined ? '' : String(Math.round(reason.probability * 100)),
  };
}

/** A reason worded in a language (the rejected-rows file's reason column). */
export function sheetReasonText(reason: SheetReason, language: ReasonLanguage = 'en'): string {
  const params = reasonParams(reason);
  return SHEET_REASON_MESSAGES[language][reason.code].replace(/\{\{(\w+)\}\}/g, (_, key: string) => params[key as keyof ReasonParams] ?? '');
}
