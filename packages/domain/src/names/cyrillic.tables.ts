/**
 * Letter tables transcribed from published standards (shared/data/transliteration, interscript maps).
 * A letter mapping is a fact, so the project keeps its own copy instead of reading those files at run time.
 * Lower-case keys; upper case is derived (first letter capitalised) by `transliterateCyrillic`.
 */

/** Azerbaijani Cyrillic (1958) → Latin, BGN/PCGN 1993 correspondence to the 1991 alphabet. */
export const AZ_CYRL_BGN_1993: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'q', ғ: 'ğ', д: 'd', е: 'e', ә: 'ə', ж: 'j', з: 'z', и: 'i', ы: 'ı',
  ј: 'y', к: 'k', ҝ: 'g', л: 'l', м: 'm', н: 'n', о: 'o', ө: 'ö', п: 'p', р: 'r', с: 's', т: 't',
  у: 'u', ү: 'ü', ф: 'f', х: 'x', һ: 'h', ч: 'ç', ҹ: 'c', ш: 'ş',
};

/** Azerbaijani Cyrillic 1939 alphabet (with й, ц, э, ю, я) → Latin, as the 1939 map gives it. */
export const AZ_CYRL_1939: Readonly<Record<string, string>> = {
  ...AZ_CYRL_BGN_1993,
  й: 'y', ц: 's', э: 'e', ю: 'yu', я: 'ya', "'": '',
};

/** ICAO Doc 9303 Russian Cyrillic → Latin (machine-readable passports). */
export const RU_ICAO_9303: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k',
  л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'ie', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia', "'": '',
};

/** Russian MVD 2010 passport transliteration (Belarus instruction; ь dropped, ъ before ю/я gives j). */
export const RU_MVD_2010: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', і: 'i', и: 'i', й: 'j',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'w', ф: 'f',
  х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: 'j', ы: 'y', ь: '', э: 'e', ю: 'iu', я: 'ia',
};

/** US ODNI 2015 (ICS-630-01 Annex P) Azerbaijani Cyrillic → plain English Latin. */
export const AZ_CYRL_ODNI_2015: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ҝ: 'g', ғ: 'gh', д: 'd', е: 'e', ё: 'yo', ә: 'a', ж: 'zh', з: 'z',
  и: 'i', й: 'y', ј: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's',
  т: 't', у: 'u', ү: 'u', ф: 'f', х: 'kh', һ: 'h', ч: 'ch', ҹ: 'j', ш: 'sh', щ: 'shch', ы: 'y',
  э: 'e', ю: 'yu', я: 'ya', ъ: '', ь: '',
};

/**
 * The reading Homeward uses for matching: Azerbaijani and Russian-style Cyrillic spellings of Azerbaijani
 * names back into Azerbaijani Latin (Гулиев → quliyev, Гаджиев → hacıyev is handled by `дж` → c).
 */
export const CYRL_TO_AZ_READING: Readonly<Record<string, string>> = {
  ...AZ_CYRL_1939,
  ё: 'yo', щ: 'şç', ъ: '', ь: '', і: 'i', ї: 'i', є: 'ye', ў: 'u', ґ: 'g', ӧ: 'ö', ӱ: 'ü',
};

/** The standards a caller can ask `transliterateCyrillic` for (tests hold them to their published cases). */
export type CyrillicStandard = 'az-1939' | 'az-bgn-1993' | 'ru-icao-9303' | 'ru-mvd-2010' | 'az-odni-2015';

export const CYRILLIC_STANDARDS: Readonly<Record<CyrillicStandard, Readonly<Record<string, string>>>> = {
  'az-1939': AZ_CYRL_1939,
  'az-bgn-1993': AZ_CYRL_BGN_1993,
  'ru-icao-9303': RU_ICAO_9303,
  'ru-mvd-2010': RU_MVD_2010,
  'az-odni-2015': AZ_CYRL_ODNI_2015,
};
