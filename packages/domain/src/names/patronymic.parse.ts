import type { Sex } from '../person-record/person-record.schema';

/** A father's name recovered from a patronymic, and the child's sex it implies. */
export interface Patronymic {
  father: string;
  sex: Extract<Sex, 'F' | 'M'>;
}

const AZ_MARKERS: ReadonlyArray<readonly [RegExp, 'F' | 'M']> = [
  [/^(.+?)[\s-]+(?:oğlu|oglu|ogly|oghlu|ogli|oğlı|оглы|оглу|оғлу)$/iu, 'M'],
  [/^(.+?)[\s-]+(?:qızı|qizi|gizi|kizi|kyzy|gyzy|kizy|qyzy|кызы|гызы|гизи|кизи|гызы|ғызы|ҝызы)$/iu, 'F'],
];
const RU_SUFFIXES: ReadonlyArray<readonly [RegExp, 'F' | 'M']> = [
  [/^(\S{2,}?)(?:ьевич|евич|ович)$/iu, 'M'],
  [/^(\S{2,}?)(?:ьевна|евна|овна|инична|ична)$/iu, 'F'],
  [/^(\S{2,}?)(?:yevich|evich|ovich)$/iu, 'M'],
  [/^(\S{2,}?)(?:yevna|evna|ovna)$/iu, 'F'],
];

/**
 * Recovers the father's name from a patronymic in any convention we meet: "Rauf oğlu", "Rauf qızı",
 * "Рауф оглы", "Раувович", "Рауфовна", "Raufovich". Returns null when the text is not a patronymic.
 */
export function parsePatronymic(text: string): Patronymic | null {
  const s = text.normalize('NFC').trim().replace(/\s+/g, ' ');
  for (const [pattern, sex] of AZ_MARKERS) {
    const m = pattern.exec(s);
    if (m?.[1]) return { father: m[1], sex };
  }
  if (s.includes(' ')) return null;
  for (const [pattern, sex] of RU_SUFFIXES) {
    const m = pattern.exec(s);
    if (m?.[1]) return { father: m[1], sex };
  }
  return null;
}
