import type { PersonName, PersonRecord } from '@homeward/domain/person-record';
import { pick, rngFrom, toArabic, toEnglish, toRussian, typo } from './synthetic-spelling';
import type { Rng } from './synthetic-spelling';

/**
 * Synthetic families for benchmarks and demo data (no real people): fathers, mothers, siblings and
 * cousins sharing surnames; children found in Iraq (Arabic triple names, NGO spellings, a father known only
 * by his kunya, estimated ages) and children sought by relatives at home (Azerbaijani Latin or Russian
 * Cyrillic, patronymics, unknown names of children born abroad).
 */

interface GivenName {
  az: string;
  weight: number;
  ar?: string;
  en?: string[];
  ru?: string[];
}

const g = (az: string, weight = 1, ar?: string, en?: string[], ru?: string[]): GivenName => ({
  az, weight, ...(ar ? { ar } : {}), ...(en ? { en } : {}), ...(ru ? { ru } : {}),
});

const MALE: GivenName[] = [
  g('Məhəmməd', 10, 'محمد', ['Muhammad', 'Mohammed', 'Mohammad'], ['Мухаммед', 'Магомед', 'Мамед']),
  g('Əli', 8, 'علي', ['Ali'], ['Али']), g('Hüseyn', 6, 'حسين', ['Hussein', 'Huseyn'], ['Гусейн']),
  g('Həsən', 5, 'حسن', ['Hasan', 'Hassan'], ['Гасан', 'Хасан']), g('Əhməd', 3, 'أحمد', ['Ahmed', 'Ahmad']),
  g('Ömər', 3, 'عمر', ['Omar', 'Umar']), g('Yusif', 3, 'يوسف', ['Yusuf', 'Yousef']),
  g('İbrahim', 3, 'إبراهيم', ['Ibrahim']), g('İsmayıl', 2, 'إسماعيل', ['Ismail']),
  g('Abdulla', 2, 'عبد الله', ['Abdullah']), g('Mehdi', 2, 'مهدي'), g('Musa', 2, 'موسى'),
  g('Rauf', 1, 'رؤوف'), g('Elvin'), g('Tural'), g('Orxan'), g('Elçin'), g('Rəşad'), g('Kamran'), g('Nicat'),
  g('Murad'), g('Cavid'), g('Zaur'), g('Vüsal'), g('Ramil'), g('Anar'), g('Emin'), g('Fərid'), g('Samir'),
  g('Tofiq'), g('Rövşən'), g('Şahin'), g('Kərim', 1, 'كريم'), g('Əziz', 1, 'عزيز'), g('İlham'), g('Nurlan'),
  g('Səbuhi'), g('Ayxan'), g('Fuad'), g('Elnur'), g('Rüstəm'), g('Bəxtiyar'), g('Qasım', 1, 'قاسم'),
  g('Vəli'), g('Heydər', 1, 'حيدر'), g('Cəfər', 1, 'جعفر'), g('Abbas', 2, 'عباس'), g('Sadıq'), g('Tahir'),
  g('Nəsimi'), g('Ülvi'), g('Toğrul'), g('Coşqun'), g('Pərviz'), g('Seymur'), g('Namiq'), g('Mübariz'),
  g('Zakir'), g('Yaqub', 1, 'يعقوب'), g('Hamid', 1, 'حامد'), g('Salman', 1, 'سلمان'), g('Bilal', 1, 'بلال'),
  ...['Aqil', 'Akif', 'Arif', 'Asif', 'Azər', 'Babək', 'Bəhruz', 'Ceyhun', 'Çingiz', 'Daşqın', 'Elşən', 'Elşad',
    'Eldar', 'Elxan', 'Emil', 'Etibar', 'Faiq', 'Fariz', 'Fikrət', 'Gündüz', 'Hikmət', 'İlqar', 'İlkin', 'Kamil',
    'Kənan', 'Mahir', 'Nadir', 'Natiq', 'Nihad', 'Nizami', 'Oqtay', 'Pənah', 'Rafiq', 'Ramin', 'Rasim', 'Rəsul',
    'Rizvan', 'Ruslan', 'Sabir', 'Sahib', 'Sərxan', 'Teymur', 'Tərlan', 'Urfan', 'Vaqif', 'Vüqar', 'Xəyal',
    'Yaşar', 'Yasin', 'Zahid', 'Zamiq', 'Ziya', 'Əkbər', 'Əmir', 'Əsəd', 'İsa', 'Yəhya', 'Həmzə', 'Mustafa',
    'Osman', 'Zübeyr', 'Talha', 'Üzeyir', 'Nurəddin', 'Sübhan', 'Xalid', 'Rəhman', 'Cəlal', 'Kamran', 'Mətin'].map((n) => g(n)),
];
const FEMALE: GivenName[] = [
  g('Fatimə', 10, 'فاطمة', ['Fatima', 'Fatimah'], ['Фатима']), g('Xədicə', 5, 'خديجة', ['Khadija', 'Khadijah'], ['Хадиджа']),
  g('Zəhra', 4, 'زهراء', ['Zahra'], ['Захра']), g('Zeynəb', 4, 'زينب', ['Zainab', 'Zeynab'], ['Зейнаб']),
  g('Məryəm', 4, 'مريم', ['Maryam', 'Mariam'], ['Марьям']), g('Aişə', 3, 'عائشة', ['Aisha', 'Ayesha'], ['Айша']),
  g('Aysel', 2), g('Günel', 2), g('Leyla', 2, 'ليلى'), g('Nərgiz'), g('Səbinə'), g('Aynur'), g('Lalə'), g('Nigar'),
  g('Könül'), g('Gülnar'), g('Aytən'), g('Sevinc'), g('Ülviyyə'), g('Nuray'), g('Aminə', 1, 'آمنة'),
  g('Səkinə', 1, 'سكينة'), g('Həfsə', 1, 'حفصة'), g('Rüqiyyə', 1, 'رقية'), g('Sümeyyə', 1, 'سمية'),
  g('Cəmilə', 1, 'جميلة'), g('Asiya', 1, 'آسية'), g('Safiyyə', 1, 'صفية'), g('Sara', 1, 'سارة'), g('Vüsalə'),
  g('Şəbnəm'), g('Təranə'), g('Elnarə'), g('Gülşən'), g('Aygün'), g('Səidə'), g('Kəmalə'), g('Nərmin'),
  g('Röya'), g('Ülkər'), g('Fidan'), g('Jalə'), g('Mehriban'), g('Sədaqət'),
  ...['Afaq', 'Almaz', 'Arzu', 'Aytac', 'Banu', 'Dilarə', 'Dilbər', 'Elmira', 'Esmira', 'Firuzə', 'Gülarə',
    'Gülnaz', 'Günay', 'Xatirə', 'İradə', 'Kifayət', 'Lamiyə', 'Leman', 'Mələk', 'Nailə', 'Nəzrin', 'Pərvanə',
    'Rəna', 'Samirə', 'Sevda', 'Solmaz', 'Şahnaz', 'Şəhla', 'Tamilla', 'Ulduz', 'Vəfa', 'Zemfira', 'Zərifə',
    'Əsmər', 'Ayan', 'Aylin', 'Ayşən', 'Fəridə', 'Humay', 'İlahə', 'Mədinə', 'Nazlı', 'Nihal', 'Nilufər',
    'Raziyə', 'Şəfəq', 'Tünzalə', 'Yeganə', 'Hilal', 'Aysu', 'Zülfiyyə', 'Gülçin', 'Səma', 'Mina'].map((n) => g(n)),
];
/**
 * The rarer names of the long tail. Real given names follow a Zipf-like law: a few very common names (the
 * weighted ones above) and thousands of rare ones. A pool of a hundred or so equally likely names makes
 * two unrelated fathers (or children) share a rare name several times more often than real registries
 * show, so the tail has a further set of real names at half the weight.
 */
const MALE_TAIL = [
  'Adil', 'Afiq', 'Ağası', 'Alim', 'Amil', 'Asim', 'Bahadur', 'Bəhram', 'Cahid', 'Cavad', 'Cəmil', 'Dünyamin',
  'Elman', 'Elmir', 'Elməddin', 'Elgün', 'Eyvaz', 'Fəxri', 'Fazil', 'Fərhad', 'Fəqan', 'Fəxrəddin', 'Habil',
  'Hafiz', 'Hakim', 'Həbib', 'Hidayət', 'İlyas', 'İmran', 'İntiqam', 'İsrafil', 'Kəmal', 'Lətif', 'Mais',
  'Mayıl', 'Məhərrəm', 'Mirzə', 'Möhsün', 'Nağı', 'Nazim', 'Nəriman', 'Niyaz', 'Nüsrət', 'Orduxan', 'Qabil',
  'Qəzənfər', 'Rahib', 'Ramazan', 'Rəhim', 'Ruhin', 'Rüfət', 'Sakit', 'Sənan', 'Sərdar', 'Şahmar', 'Şamil',
  'Şəmsi', 'Şirzad', 'Təbriz', 'Telman', 'Turan', 'Tunar', 'Vasif', 'Vidadi', 'Vilayət', 'Xaqani', 'Yadigar',
  'Yavər', 'Yunis', 'Zahir', 'Zeynal', 'Zöhrab', 'Mirələm', 'Nurəli', 'Qurban', 'Səfər', 'Novruz', 'Bayram',
  'Ələkbər', 'Əsgər', 'Həşim', 'Azad', 'Bəxtiyar', 'Cümşüd', 'Əflatun', 'Elbrus', 'Famil', 'Hüsü', 'İbad',
];
const FEMALE_TAIL = [
  'Afət', 'Aidə', 'Aygül', 'Ayla', 'Bahar', 'Bəsti', 'Dürdanə', 'Durna', 'Elnurə', 'Elza', 'Fərqanə',
  'Fəxriyyə', 'Gövhər', 'Gülbəniz', 'Gültəkin', 'Gülyaz', 'Həcər', 'Hökümə', 'Hüriyyə', 'İlhamə', 'İnarə',
  'İlknur', 'Laçın', 'Lətafət', 'Mahirə', 'Mənsurə', 'Minirə', 'Nabat', 'Nazilə', 'Nəzakət', 'Nuranə',
  'Pakizə', 'Pərişan', 'Qönçə', 'Rahilə', 'Reyhan', 'Rəfiqə', 'Sahibə', 'Sevil', 'Sona', 'Südabə', 'Şölə',
  'Tutu', 'Validə', 'Vəsilə', 'Yaqut', 'Zümrüd', 'Zöhrə', 'Səadət', 'Məleykə', 'Aybəniz', 'Aynişan', 'Cəmalə',
  'Dilşad', 'Firəngiz', 'Gülxar', 'Kəklik', 'Mətanət', 'Nübar', 'Ofelya', 'Rübabə', 'Sürəyya', 'Təhminə',
  'Xumar', 'Yasəmən', 'Zərnigar', 'Əfsanə', 'Ülkü', 'Vüsalə', 'Gülnisə', 'Mehparə', 'Nərgiz', 'Sədəf',
];
for (const [pool, tail] of [
  [MALE, MALE_TAIL],
  [FEMALE, FEMALE_TAIL],
] as const) {
  for (const name of tail) if (!pool.some((n) => n.az === name)) pool.push(g(name, 0.5));
}

/**
 * Surname stems, commonest first. Azerbaijani surnames are concentrated (Məmmədov, Əliyev, Hüseynov,
 * Həsənov and Quliyev alone are about a third of the population), so stems are drawn with Zipf-like
 * weights 1 / (rank + 3): the first five are about 30 % of families. (Earlier versions drew them all
 * equally likely, which made a shared surname far more telling than it is.)
 */
const SURNAME_STEMS = [
  'Məmməd', 'Əli', 'Hüseyn', 'Həsən', 'Quli', 'İsmayıl', 'Abbas', 'Cəfər', 'Rəhim', 'Nəsir', 'Baba', 'Oruc',
  'Kərim', 'Sadıq', 'Əhməd', 'Qasım', 'Hacı', 'Vəli', 'Səfər', 'Rüstəm', 'Novruz', 'Bayram', 'Zeynal', 'Nəbi',
  'Mirzə', 'Xəlil', 'Allahverdi', 'Mustafa', 'İbrahim', 'Süleyman', 'Məlik', 'Talıb', 'Şükür', 'Hümbət', 'Ağa',
  'Camal', 'Kazım', 'Qurban', 'İsgəndər', 'Əsgər', 'Musa', 'Yusif', 'Heydər', 'Salman', 'Tağı', 'Nağı',
  'Həmzə', 'Osman', 'Kamal', 'Rza', 'Şirin', 'Bağır', 'Qafar', 'Mahmud', 'Səməd', 'Fərhad', 'Elçin', 'Tahir',
  'Əsədulla', 'Bəşir', 'Cəbrayıl', 'Dadaş', 'Eyvaz', 'Fətəli', 'Hacıbala', 'İmran', 'Kərəm', 'Lətif', 'Mövsüm',
  'Nadir', 'Pašə', 'Rəsul', 'Sabir', 'Şahbaz', 'Tofiq', 'Umud', 'Vahid', 'Yaqub', 'Zakir', 'Əmir', 'Ələkbər',
  'Qəhrəman', 'Həşim', 'Xankişi', 'Cəmil', 'Mirzəli', 'Nəcəf', 'Ocaq', 'Paşa', 'Rəfi', 'Sultan', 'Turab',
];
const SURNAME_WEIGHTS = SURNAME_STEMS.map((_, rank) => 1 / (rank + 3));

function surnameStemPick(rng: Rng): string {
  let r = rng() * SURNAME_WEIGHTS.reduce((a, b) => a + b, 0);
  for (let i = 0; i < SURNAME_STEMS.length; i += 1) {
    r -= SURNAME_WEIGHTS[i] as number;
    if (r <= 0) return SURNAME_STEMS[i] as string;
  }
  return SURNAME_STEMS[SURNAME_STEMS.length - 1] as string;
}

const DISTRICTS = ['Sumqayıt', 'Bakı', 'Gəncə', 'Qusar', 'Zaqatala', 'Lənkəran', 'Şəki', 'Mingəçevir', 'Qax', 'Balakən', 'Masallı', 'Quba'];

function weighted(rng: Rng, names: readonly GivenName[]): GivenName {
  const total = names.reduce((s, n) => s + n.weight, 0);
  let r = rng() * total;
  for (const n of names) {
    r -= n.weight;
    if (r <= 0) return n;
  }
  return names[names.length - 1] as GivenName;
}

function surname(stem: string, female: boolean): string {
  const vowelEnd = /[aeəiıoöuü]$/.test(stem);
  return `${stem}${vowelEnd ? 'yev' : 'ov'}${female ? 'a' : ''}`;
}

type Script = 'az' | 'en' | 'ru' | 'ar';

function spell(name: GivenName | string, script: Script, rng: Rng, typoRate: number): string {
  const n: GivenName = typeof name === 'string' ? g(name) : name;
  let out: string;
  if (script === 'ar') out = n.ar && rng() < 0.8 ? n.ar : toArabic(n.az, rng);
  else if (script === 'en') out = n.en && rng() < 0.6 ? pick(rng, n.en) : toEnglish(n.az, rng);
  else if (script === 'ru') out = n.ru && rng() < 0.5 ? pick(rng, n.ru) : toRussian(n.az, rng);
  else out = n.az;
  return script !== 'ar' && rng() < typoRate ? typo(out, rng) : out;
}

function spellSurname(stem: string, female: boolean, script: Script, rng: Rng, typoRate: number): string {
  return spell(surname(stem, female), script, rng, typoRate);
}

interface Family {
  stem: string;
  father: GivenName;
  grandfather: GivenName;
  mother: GivenName;
  motherStem: string;
  motherBirthYear: number;
  departed: number;
  district: string;
  children: Child[];
}

interface Child {
  key: number;
  given: GivenName;
  female: boolean;
  birth: number;
  bornAbroad: boolean;
  family: Family;
}

/** Options of the generator; sizes are approximate (each child is found and/or sought at random). */
export interface ScenarioOptions {
  /** Roughly how many records each side gets. */
  size: number;
  seed?: number;
  typoRate?: number;
  /** Share of children that are found (on the left); 0.75 by default. */
  foundShare?: number;
}

/**
 * Generated left (found) and right (sought) records with the truth: right id → left id. `unresolvable`
 * holds the right ids whose true match no matcher could single out even in principle: another found
 * record shows every fact the two records have in common (the same true values, an age within a year)
 * and contradicts nothing the sought record says, e.g. a nameless child born abroad and a sibling of the
 * same sex and age, or a found child known by given name and age only.
 */
export interface LinkingScenario {
  left: PersonRecord[];
  right: PersonRecord[];
  truth: Map<string, string>;
  unresolvable: Set<string>;
}

const FACTS: readonly Fact[] = ['given', 'father', 'grandfather', 'stem', 'mother', 'sex', 'birth', 'district'];

function factValue(child: Child, fact: Fact): string | number | boolean {
  const f = child.family;
  switch (fact) {
    case 'given':
      return child.given.az;
    case 'father':
      return f.father.az;
    case 'grandfather':
      return f.grandfather.az;
    case 'stem':
      return f.stem;
    case 'mother':
      return f.mother.az;
    case 'sex':
      return child.female;
    case 'birth':
      return child.birth;
    case 'district':
      return f.district;
  }
}

function sameFact(a: Child, b: Child, fact: Fact): boolean {
  if (fact === 'birth') return Math.abs(a.birth - b.birth) <= 1;
  return factValue(a, fact) === factValue(b, fact);
}

interface Shown {
  child: Child;
  shows: Set<Fact>;
}

/** Right ids whose true found record is indistinguishable from another found record (see `LinkingScenario`). */
function findUnresolvable(found: readonly Shown[], sought: ReadonlyMap<string, Shown & { match: Shown | null }>): Set<string> {
  const index = new Map<string, Shown[]>();
  for (const x of found) {
    for (const fact of x.shows) {
      const key = `${fact}:${String(factValue(x.child, fact))}`;
      const list = index.get(key);
      if (list) list.push(x);
      else index.set(key, [x]);
    }
  }
  const out = new Set<string>();
  for (const [id, s] of sought) {
    const truth = s.match;
    if (!truth) continue;
    const common = FACTS.filter((fact) => truth.shows.has(fact) && s.shows.has(fact));
    const naming = common.filter((fact) => fact !== 'sex' && fact !== 'birth' && fact !== 'district');
    if (naming.length === 0) {
      out.add(id);
      continue;
    }
    let pool: Shown[] = found as Shown[];
    for (const fact of naming) {
      const list = index.get(`${fact}:${String(factValue(s.child, fact))}`) ?? [];
      if (list.length < pool.length) pool = list;
    }
    const confounded = pool.some(
      (other) =>
        other !== truth &&
        common.every((fact) => other.shows.has(fact) && sameFact(other.child, s.child, fact)) &&
        FACTS.every((fact) => !other.shows.has(fact) || !s.shows.has(fact) || sameFact(other.child, s.child, fact)),
    );
    if (confounded) out.add(id);
  }
  return out;
}

function month(t: number): string {
  const y = Math.floor(t);
  const m = Math.min(12, Math.floor((t - y) * 12) + 1);
  return `${y}-${String(m).padStart(2, '0')}`;
}

function day(t: number): string {
  const d = Math.min(28, Math.floor(((t * 12) % 1) * 28) + 1);
  return `${month(t)}-${String(d).padStart(2, '0')}`;
}

function makeFamilies(rng: Rng, childrenWanted: number): Child[] {
  const children: Child[] = [];
  let previous: Family | null = null;
  while (children.length < childrenWanted) {
    // One family in five is a cousin family: the father is the previous father's brother.
    const cousin = previous !== null && rng() < 0.2;
    const departed = 2013 + rng() * 4;
    const family: Family = {
      stem: cousin && previous ? previous.stem : surnameStemPick(rng),
      father: weighted(rng, MALE),
      grandfather: cousin && previous ? previous.grandfather : weighted(rng, MALE),
      mother: weighted(rng, FEMALE),
      motherStem: surnameStemPick(rng),
      motherBirthYear: 1985 + Math.floor(rng() * 12),
      departed,
      district: cousin && previous ? previous.district : pick(rng, DISTRICTS),
      children: [],
    };
    // Family size and spacing as families have them: 1 to 6 children (most 2 to 4), the first when the
    // mother was 18 to 25, each next one 1.2 to about 5 years after the one before (twins 1 in 50 births);
    // children born after the family left were born abroad. (Earlier versions drew each child's birth
    // independently, so one family in three had two children of one age: siblings no record can tell apart
    // far more often than real families have them.)
    const count = pick(rng, [1, 2, 2, 3, 3, 3, 4, 4, 5, 6]);
    let birth = family.motherBirthYear + 18 + rng() * 7;
    for (let i = 0; i < count && birth < 2019.5; i += 1) {
      const bornAbroad = birth > departed;
      const female = rng() < 0.5;
      // Parents do not give two living children the same name (cousins, named after one grandfather, may share).
      let given = weighted(rng, female ? FEMALE : MALE);
      for (let tries = 0; tries < 20 && family.children.some((c) => c.given === given); tries += 1) {
        given = weighted(rng, female ? FEMALE : MALE);
      }
      const child: Child = { key: children.length, given, female, birth, bornAbroad, family };
      family.children.push(child);
      children.push(child);
      birth += rng() < 0.02 ? 0 : 1.2 + -Math.log(1 - rng()) * 1.3;
    }
    previous = family;
  }
  return children;
}

/** Which true facts of a child a record shows (what any matcher could use to tell the child apart). */
type Fact = 'given' | 'father' | 'grandfather' | 'stem' | 'mother' | 'sex' | 'birth' | 'district';

function foundRecord(child: Child, rng: Rng, typoRate: number, shows: Set<Fact>): PersonRecord {
  const f = child.family;
  shows.add('given').add('birth');
  const style = rng();
  const script: Script = style < 0.45 ? 'ar' : style < 0.8 ? 'en' : 'az';
  const useKunya = rng() < 0.12;
  const names: PersonName[] = [];
  const given = spell(child.given, script, rng, typoRate);
  const father = spell(f.father, script, rng, typoRate);
  const grandfather = spell(f.grandfather, script, rng, typoRate);
  let motherKnown = rng() < 0.4;
  if (script === 'ar') {
    // An Iraqi record: the triple name (own, father's, grandfather's), unless the father is known only by his kunya.
    names.push({ given, ...(useKunya ? {} : { father, grandfather }), script: 'Arab', kind: 'official' });
    if (!useKunya) shows.add('father').add('grandfather');
    if (rng() < 0.4) names.push({ full: `${spell(child.given, 'en', rng, typoRate)}${useKunya ? '' : ` ${spell(f.father, 'en', rng, typoRate)}`}`, kind: 'reported' });
    if (useKunya) motherKnown = rng() < 0.85;
  } else if (script === 'en') {
    const withSurname = useKunya || rng() < 0.4;
    const full = [given, useKunya ? null : father, withSurname ? spellSurname(f.stem, child.female, 'en', rng, typoRate) : null];
    names.push({ full: full.filter((x) => x !== null).join(' '), kind: 'reported' });
    if (!useKunya) shows.add('father');
    if (withSurname) shows.add('stem');
  } else {
    // What the child says: own name, often the surname, sometimes the father's name.
    const withFamily = useKunya || rng() < 0.7;
    names.push({ given, ...(withFamily ? { family: spellSurname(f.stem, child.female, 'az', rng, typoRate) } : {}), kind: 'reported' });
    if (withFamily) shows.add('stem');
    if (!withFamily || rng() < 0.5) {
      names.push({ given, father, kind: 'reported' });
      shows.add('father');
    }
  }
  const foundOn = 2019 + rng() * 2;
  const trueAge = foundOn - child.birth;
  let ageError = (rng() - 0.5) * 2;
  if (rng() < 0.1) ageError += (rng() < 0.5 ? -1 : 1) * (2 + rng() * 2);
  const record: PersonRecord = {
    id: `F-${String(child.key).padStart(7, '0')}`,
    names,
    birth: { estimated_age: { years: Math.max(0, Math.round(trueAge + ageError)), on: day(foundOn) } },
  };
  if (rng() < 0.9) {
    record.sex = child.female ? 'F' : 'M';
    shows.add('sex');
  }
  if (child.bornAbroad && rng() < 0.4) record.birth = { ...record.birth, country: 'IQ', place: 'Mosul' };
  if (useKunya) {
    const eldest = f.children.find((c) => !c.female)?.given ?? weighted(rng, MALE);
    record.father = { kunya: script === 'ar' ? `أبو ${spell(eldest, 'ar', rng, 0)} الأذري` : `Abu ${spell(eldest, 'en', rng, 0)} al-Azeri` };
  }
  if (motherKnown) {
    const mscript = script === 'ar' ? 'Arab' : 'Latn';
    record.mother = { names: [{ given: spell(f.mother, script, rng, typoRate), script: mscript }] };
    shows.add('mother');
  }
  if (rng() < 0.3) {
    const withDistrict = rng() < 0.5;
    record.origin = { country: 'AZ', ...(withDistrict ? { district: f.district } : {}) };
    if (withDistrict) shows.add('district');
  }
  return record;
}

function soughtRecord(child: Child, rng: Rng, typoRate: number, shows: Set<Fact>): PersonRecord {
  const f = child.family;
  shows.add('stem').add('father').add('mother').add('sex').add('district');
  const r = rng();
  const script: Script = r < 0.7 ? 'az' : r < 0.95 ? 'ru' : 'en';
  const knowsName = !child.bornAbroad || rng() < 0.5;
  const family = spellSurname(f.stem, child.female, script, rng, typoRate);
  const father = spell(f.father, script, rng, typoRate);
  const name: PersonName = { family };
  if (knowsName) {
    name.given = spell(child.given, script, rng, typoRate);
    shows.add('given');
  }
  if (rng() < 0.3) {
    const marker = script === 'ru' ? (child.female ? 'кызы' : 'оглы') : child.female ? 'qızı' : 'oğlu';
    name.father = `${father} ${marker}`;
  }
  const record: PersonRecord = {
    id: `T-${String(child.key).padStart(7, '0')}`,
    sex: child.female ? 'F' : 'M',
    names: [{ ...name, script: script === 'ru' ? 'Cyrl' : 'Latn', kind: 'reported' }],
    father: {
      names: [{
        given: father,
        family: spellSurname(f.stem, false, script, rng, typoRate),
        // Relatives know the father's own patronymic ("Rauf Əli oğlu"): the child's grandfather.
        ...(rng() < 0.5 && shows.add('grandfather') ? { father: spell(f.grandfather, script, rng, typoRate) } : {}),
      }],
    },
    mother: {
      names: [{ given: spell(f.mother, script, rng, typoRate), family: spellSurname(f.motherStem, true, script, rng, 0) }],
      birth_year: f.motherBirthYear,
    },
    origin: { country: 'AZ', district: f.district },
    departed_home: month(f.departed),
  };
  if (!child.bornAbroad) {
    const p = rng();
    if (p < 0.6) record.birth = { date: day(child.birth), country: 'AZ' };
    else if (p < 0.9) record.birth = { date: String(Math.floor(child.birth)) };
  } else if (rng() < 0.6) {
    record.birth = { date: String(Math.floor(child.birth + (rng() - 0.5) * 1.5)), country: 'IQ' };
  }
  if (record.birth) shows.add('birth');
  return record;
}

/**
 * Generates a linking scenario: about `size` found children (left) and `size` sought children (right),
 * about 56 % of right records having their true match on the left. Deterministic for a seed.
 */
export function generateLinkingScenario(options: ScenarioOptions): LinkingScenario {
  const rng = rngFrom(options.seed ?? 20250601);
  const typoRate = options.typoRate ?? 0.08;
  const children = makeFamilies(rng, Math.ceil(options.size / 0.75));
  const left: PersonRecord[] = [];
  const right: PersonRecord[] = [];
  const truth = new Map<string, string>();
  const shownFound: Shown[] = [];
  const shownSought = new Map<string, Shown & { match: Shown | null }>();
  for (const child of children) {
    const foundShows = new Set<Fact>();
    const soughtShows = new Set<Fact>();
    const found = rng() < (options.foundShare ?? 0.75) ? foundRecord(child, rng, typoRate, foundShows) : null;
    const sought = rng() < 0.75 ? soughtRecord(child, rng, typoRate, soughtShows) : null;
    const shown = found ? { child, shows: foundShows } : null;
    if (found && shown) {
      left.push(found);
      shownFound.push(shown);
    }
    if (sought) {
      right.push(sought);
      shownSought.set(sought.id, { child, shows: soughtShows, match: shown });
    }
    if (found && sought) truth.set(sought.id, found.id);
  }
  const unresolvable = findUnresolvable(shownFound, shownSought);
  // Shuffle so that file order says nothing about families.
  for (const list of [left, right]) {
    for (let i = list.length - 1; i > 0; i -= 1) {
      const j = Math.floor(rng() * (i + 1));
      [list[i], list[j]] = [list[j] as PersonRecord, list[i] as PersonRecord];
    }
  }
  return { left, right, truth, unresolvable };
}
