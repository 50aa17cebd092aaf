/**
 * Building blocks of synthetic people: common given names in their Azerbaijani Latin, Arabic, Russian Cyrillic
 * and English (NGO) spellings, and invented surname stems. Every demo person is composed from these at random;
 * none is, or describes, a real person.
 */

/** A given name as each kind of record writes it. */
export interface GivenName {
  az: string;
  ar: string;
  ru: string;
  en: string;
}

const n = (az: string, ar: string, ru: string, en: string): GivenName => ({ az, ar, ru, en });

export const MALE: readonly GivenName[] = [
  n('Məhəmməd', 'محمد', 'Мамед', 'Muhammad'), n('Əli', 'علي', 'Али', 'Ali'), n('Hüseyn', 'حسين', 'Гусейн', 'Hussein'),
  n('Həsən', 'حسن', 'Гасан', 'Hasan'), n('Əhməd', 'أحمد', 'Ахмед', 'Ahmed'), n('Ömər', 'عمر', 'Омар', 'Omar'),
  n('Yusif', 'يوسف', 'Юсиф', 'Yusuf'), n('İbrahim', 'إبراهيم', 'Ибрагим', 'Ibrahim'), n('İsmayıl', 'إسماعيل', 'Исмаил', 'Ismail'),
  n('Abdulla', 'عبد الله', 'Абдулла', 'Abdullah'), n('Musa', 'موسى', 'Муса', 'Musa'), n('Rauf', 'رؤوف', 'Рауф', 'Rauf'),
  n('Kərim', 'كريم', 'Керим', 'Karim'), n('Əziz', 'عزيز', 'Азиз', 'Aziz'), n('Heydər', 'حيدر', 'Гейдар', 'Haidar'),
  n('Cəfər', 'جعفر', 'Джафар', 'Jafar'), n('Abbas', 'عباس', 'Аббас', 'Abbas'), n('Yaqub', 'يعقوب', 'Якуб', 'Yaqub'),
  n('Hamid', 'حامد', 'Гамид', 'Hamid'), n('Salman', 'سلمان', 'Салман', 'Salman'), n('Bilal', 'بلال', 'Билал', 'Bilal'),
  n('Həmzə', 'حمزة', 'Гамза', 'Hamza'), n('Elvin', 'إلفين', 'Эльвин', 'Elvin'), n('Tural', 'طورال', 'Турал', 'Tural'),
  n('Murad', 'مراد', 'Мурад', 'Murad'), n('Zaur', 'زاور', 'Заур', 'Zaur'), n('Tahir', 'طاهر', 'Тахир', 'Tahir'),
  n('Samir', 'سمير', 'Самир', 'Samir'), n('Kamran', 'كامران', 'Камран', 'Kamran'),
];

export const FEMALE: readonly GivenName[] = [
  n('Aysel', 'آيسل', 'Айсель', 'Aysel'), n('Günay', 'غوناي', 'Гюнай', 'Gunay'), n('Leyla', 'ليلى', 'Лейла', 'Leyla'),
  n('Zeynəb', 'زينب', 'Зейнаб', 'Zeynab'), n('Fatimə', 'فاطمة', 'Фатима', 'Fatima'), n('Xədicə', 'خديجة', 'Хадиджа', 'Khadija'),
  n('Aişə', 'عائشة', 'Аиша', 'Aisha'), n('Məryəm', 'مريم', 'Марьям', 'Maryam'), n('Səbinə', 'صبينة', 'Сабина', 'Sabina'),
  n('Nərmin', 'نرمين', 'Нармин', 'Narmin'), n('Aynur', 'آينور', 'Айнур', 'Aynur'), n('Sevinc', 'سفينج', 'Севиндж', 'Sevinj'),
  n('Lalə', 'لاله', 'Лала', 'Lala'), n('Kəmalə', 'كمالة', 'Камала', 'Kamala'), n('Rəna', 'رنا', 'Рена', 'Rana'),
  n('Nuray', 'نوراي', 'Нурай', 'Nuray'), n('Hicran', 'هجران', 'Хиджран', 'Hijran'), n('Səkinə', 'سكينة', 'Сакина', 'Sakina'),
  n('Zəhra', 'زهراء', 'Захра', 'Zahra'), n('Ruqiyyə', 'رقية', 'Рукия', 'Ruqayya'), n('Əminə', 'أمينة', 'Амина', 'Amina'),
  n('Sara', 'سارة', 'Сара', 'Sara'), n('Ülviyyə', 'علوية', 'Ульвия', 'Ulviya'), n('Nigar', 'نيكار', 'Нигяр', 'Nigar'),
];

/** Names more often given to children born in the conflict zone (they appear first in these lists' Arabic records). */
export const BORN_ABROAD_MALE = MALE.filter((g) => ['Ömər', 'Abdulla', 'Yusif', 'İbrahim', 'Həmzə', 'Bilal', 'Musa', 'Məhəmməd', 'Əli', 'Yaqub'].includes(g.az));
export const BORN_ABROAD_FEMALE = FEMALE.filter((g) => ['Zəhra', 'Ruqiyyə', 'Aişə', 'Məryəm', 'Xədicə', 'Fatimə', 'Əminə', 'Sara', 'Zeynəb'].includes(g.az));

/** Invented surname stems: two syllables that together are not a common surname root. */
const FIRST = ['Ağ', 'Bəy', 'Dağ', 'El', 'Gül', 'Xan', 'Kür', 'Lal', 'Mir', 'Nur', 'Sar', 'Tel', 'Vüs', 'Yar', 'Zən', 'Qar', 'Şəm', 'Dən'];
const SECOND = ['bəli', 'dar', 'gəz', 'lan', 'mər', 'naz', 'rin', 'səl', 'tay', 'vər', 'zal', 'lər', 'kün', 'dağlı'];
export const SURNAME_STEMS: readonly string[] = FIRST.flatMap((a) => SECOND.map((b) => a + b));

const VOWELS = /[aeəıioöuü]$/;

/** An Azerbaijani surname from a stem: -ov/-ova after a consonant, -yev/-yeva after a vowel. */
export function surnameOf(stem: string, sex: 'F' | 'M'): string {
  const base = VOWELS.test(stem) ? `${stem}yev` : `${stem}ov`;
  return sex === 'F' ? `${base}a` : base;
}

const CYRILLIC: Record<string, string> = {
  a: 'а', b: 'б', c: 'дж', ç: 'ч', d: 'д', e: 'е', ə: 'а', f: 'ф', g: 'г', ğ: 'г', h: 'г', x: 'х', ı: 'ы', i: 'и', j: 'ж', k: 'к',
  q: 'г', l: 'л', m: 'м', n: 'н', o: 'о', ö: 'ё', p: 'п', r: 'р', s: 'с', ş: 'ш', t: 'т', u: 'у', ü: 'ю', v: 'в', y: 'й', z: 'з',
};

/** A surname as a Soviet-era document wrote it in Cyrillic (Dağdarov → Дагдаров, Ağbəliyev → Агбалиев). */
export function cyrillicSurname(latin: string): string {
  const lower = latin.toLocaleLowerCase('az').replace(/iyev/g, 'iev').replace(/ye/g, 'е');
  const text = [...lower].map((ch) => CYRILLIC[ch] ?? ch).join('');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Home districts the families come from. */
export const DISTRICTS = ['Sumqayıt', 'Gəncə', 'Zaqatala', 'Qax', 'Balakən', 'Quba', 'Lənkəran', 'Şəki', 'Mingəçevir', 'Qusar', 'Bakı (Xətai)'] as const;

/** Where children were born in the conflict zone, with the country code. */
export const BIRTHPLACES_ABROAD: readonly (readonly [string, 'IQ' | 'SY'])[] = [
  ['Mosul', 'IQ'], ['Tal Afar', 'IQ'], ['Hawija', 'IQ'], ['Fallujah', 'IQ'], ['Raqqa', 'SY'], ['Deir ez-Zor', 'SY'],
];

/** Open tasks per kind of case, as an officer would write them. */
export const CHILD_TASKS = [
  'Visit the child at the shelter',
  'Request the host-country shelter record',
  'Arrange a dental age assessment',
  'Collect a reference DNA sample from the grandmother',
  'Ask the court for the custody decision',
  'Book the fit-to-fly medical check',
  'Issue the certificate of return',
  'Call the receiving agency about the handover',
] as const;
export const ADULT_TASKS = [
  'Request consular access through the Foreign Ministry',
  'Ask the ICRC to pass on a family message',
  'Obtain the mother’s written consent for the children’s return',
  'Check the hearing date with the court',
  'Send the passport copy to the citizenship authority',
] as const;
