/**
 * How officials and NGOs spell an Azerbaijani Latin name in other conventions. Written in the opposite
 * direction to the matcher (Latin → other scripts) with random choices, so the benchmark does not simply
 * replay the matcher's own rules.
 */
export type Rng = () => number;

/** Deterministic PRNG (mulberry32) so every benchmark run sees the same people. */
export function rngFrom(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)] as T;
}

const VOWELS = new Set(['a', 'e', 'ə', 'i', 'ı', 'o', 'ö', 'u', 'ü']);

/** English/NGO spelling of an Azerbaijani Latin name (Xədicə → Khadija/Xadija, Quliyev → Guliyev/Kuliev). */
export function toEnglish(az: string, rng: Rng): string {
  const lower = az.toLocaleLowerCase('az');
  let out = '';
  for (let i = 0; i < lower.length; i += 1) {
    const ch = lower.charAt(i);
    const options: Record<string, string[]> = {
      ə: ['a', 'a', 'e'], ş: ['sh'], ç: ['ch'], ğ: ['gh', 'g'], ı: ['i', 'y'], ö: ['o'], ü: ['u', 'yu'],
      x: ['kh', 'kh', 'h'], q: ['g', 'q', 'k'], c: ['j', 'dj'], y: ['y'],
    };
    out += pick(rng, options[ch] ?? [ch]);
  }
  out = out.replace(/iyev$/, pick(rng, ['iyev', 'iev', 'iyev'])).replace(/iyeva$/, pick(rng, ['iyeva', 'ieva']));
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** Russian-style Cyrillic spelling (Quliyev → Кулиев/Гулиев, Həsən → Гасан/Хасан, Cavid → Джавид). */
export function toRussian(az: string, rng: Rng): string {
  const lower = az.toLocaleLowerCase('az');
  let out = '';
  for (let i = 0; i < lower.length; i += 1) {
    const ch = lower.charAt(i);
    const prev = lower.charAt(i - 1);
    const next = lower.charAt(i + 1);
    if (ch === 'y' && VOWELS.has(prev) && next === 'e') {
      out += 'е';
      i += 1;
      continue;
    }
    if (ch === 'y' && next === 'a') {
      out += 'я';
      i += 1;
      continue;
    }
    if (ch === 'y' && next === 'u') {
      out += 'ю';
      i += 1;
      continue;
    }
    const options: Record<string, string[]> = {
      a: ['а'], b: ['б'], c: ['дж'], ç: ['ч'], d: ['д'], e: ['е'], ə: VOWELS.has(prev) ? ['а'] : i === 0 ? ['а', 'а', 'э'] : ['а', 'а', 'я', 'е'],
      f: ['ф'], g: ['г'], ğ: ['г'], h: ['г', 'х'], x: ['х'], ı: ['ы'], i: ['и'], j: ['ж'], k: ['к'],
      q: ['г', 'к'], l: ['л'], m: ['м'], n: ['н'], o: ['о'], ö: ['ё', 'о'], p: ['п'], r: ['р'], s: ['с'],
      ş: ['ш'], t: ['т'], u: ['у'], ü: ['ю', 'у'], v: ['в'], y: ['й'], z: ['з'],
    };
    out += pick(rng, options[ch] ?? [ch]);
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** An Iraqi clerk's Arabic-script spelling of a name heard aloud: long vowels sometimes, short ones never. */
export function toArabic(az: string, rng: Rng): string {
  const lower = az.toLocaleLowerCase('az');
  const map: Record<string, string[]> = {
    b: ['ب'], c: ['ج'], ç: ['ج', 'چ'], d: ['د'], f: ['ف'], g: ['ك', 'گ'], ğ: ['غ'], h: ['ه', 'ح'],
    x: ['خ'], k: ['ك'], q: ['ق', 'گ'], l: ['ل'], m: ['م'], n: ['ن'], p: ['ب', 'پ'], r: ['ر'], s: ['س', 'ص'],
    ş: ['ش'], t: ['ت', 'ط'], v: ['و', 'ف'], y: ['ي'], z: ['ز'], j: ['ج', 'ژ'],
  };
  let out = '';
  for (let i = 0; i < lower.length; i += 1) {
    const ch = lower.charAt(i);
    const last = i === lower.length - 1;
    if (VOWELS.has(ch)) {
      if (i === 0) out += pick(rng, ['ا', 'أ', 'إ']);
      else if (last && (ch === 'ə' || ch === 'a')) out += pick(rng, ['ة', 'ه', 'ا']);
      else if (ch === 'i' || ch === 'ı') out += rng() < 0.7 ? 'ي' : '';
      else if (ch === 'o' || ch === 'u' || ch === 'ö' || ch === 'ü') out += rng() < 0.7 ? 'و' : '';
      else out += rng() < 0.35 ? 'ا' : '';
      continue;
    }
    out += pick(rng, map[ch] ?? ['']);
  }
  return out;
}

/** One random keyboard-style typo: a dropped, doubled, swapped or replaced letter. */
export function typo(name: string, rng: Rng): string {
  if (name.length < 4) return name;
  const chars = [...name];
  const i = 1 + Math.floor(rng() * (chars.length - 2));
  const kind = Math.floor(rng() * 4);
  if (kind === 0) chars.splice(i, 1);
  else if (kind === 1) chars.splice(i, 0, chars[i] ?? '');
  else if (kind === 2) [chars[i], chars[i + 1]] = [chars[i + 1] ?? '', chars[i] ?? ''];
  else chars[i] = pick(rng, [...'aeiounrlmstkdb']);
  return chars.join('');
}
