import { KNOWN_MARKERS } from '@homeward/domain/kinship';

/**
 * A made-up allele frequency database so that a fresh install (and demo mode) can compute something before
 * an administrator loads a real population database. It is generated, not copied from any study: plausible
 * repeat ranges per marker, a bell of frequencies around the middle, each marker summing to exactly 1. It is
 * flagged synthetic, and every result computed with it says so: it is not for casework.
 */

/** The name under which the generated database is stored. */
export const SYNTHETIC_DATABASE_NAME = 'synthetic';
/** What the database list and every result show for it. */
export const SYNTHETIC_POPULATION = 'synthetic — not for casework';

/** Repeat ranges in the spirit of the common kits; microvariants where a marker is known for them. */
interface AlleleRange {
  min: number;
  max: number;
  variants?: string[];
}

const RANGES: Record<string, AlleleRange> = {
  CSF1PO: { min: 7, max: 14 },
  D10S1248: { min: 10, max: 18 },
  D12S391: { min: 15, max: 25, variants: ['18.3', '19.3'] },
  D13S317: { min: 8, max: 15 },
  D16S539: { min: 8, max: 14 },
  D18S51: { min: 11, max: 23 },
  D19S433: { min: 11, max: 17, variants: ['13.2', '14.2', '15.2'] },
  D1S1656: { min: 11, max: 19, variants: ['15.3', '16.3', '17.3'] },
  D21S11: { min: 27, max: 34, variants: ['29.2', '30.2', '31.2', '32.2', '33.2'] },
  D22S1045: { min: 11, max: 17 },
  D2S1338: { min: 16, max: 26 },
  D2S441: { min: 9, max: 15, variants: ['11.3'] },
  D3S1358: { min: 13, max: 19 },
  D5S818: { min: 8, max: 14 },
  D7S820: { min: 7, max: 13 },
  D8S1179: { min: 9, max: 16 },
  FGA: { min: 18, max: 27, variants: ['21.2', '22.2', '23.2'] },
  'Penta D': { min: 7, max: 14 },
  'Penta E': { min: 5, max: 20 },
  SE33: { min: 14, max: 33, variants: ['27.2', '28.2', '29.2', '30.2'] },
  TH01: { min: 6, max: 10, variants: ['9.3'] },
  TPOX: { min: 6, max: 12 },
  vWA: { min: 13, max: 20 },
};
const DEFAULT_RANGE: AlleleRange = { min: 8, max: 15 };

/** At least this much per allele, above the database floor (0.001), so no listed allele looks like a floor. */
const MIN_FREQUENCY = 0.005;

function bell(alleles: string[]): number[] {
  const values = alleles.map(Number);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const mid = (lo + hi) / 2;
  const spread = Math.max(1, (hi - lo) / 4);
  const raw = values.map((v, i) => Math.exp(-(((v - mid) / spread) ** 2) / 2) * (alleles[i]!.includes('.') ? 0.3 : 1));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => Math.max(MIN_FREQUENCY, r / total));
}

/** Frequencies rounded to 6 decimals; the largest absorbs the rounding so the marker sums to exactly 1. */
function normalised(freqs: number[]): number[] {
  const total = freqs.reduce((a, b) => a + b, 0);
  const rounded = freqs.map((f) => Math.round((f / total) * 1e6) / 1e6);
  const largest = rounded.indexOf(Math.max(...rounded));
  const rest = rounded.reduce((a, b, i) => (i === largest ? a : a + b), 0);
  rounded[largest] = Math.round((1 - rest) * 1e6) / 1e6;
  return rounded;
}

/** The generated table `{ marker: { allele: frequency } }` for every known marker. Deterministic. */
export function syntheticAlleleTable(): Record<string, Record<string, number>> {
  const table: Record<string, Record<string, number>> = {};
  for (const marker of KNOWN_MARKERS) {
    const range = RANGES[marker] ?? DEFAULT_RANGE;
    const alleles: string[] = [];
    for (let r = range.min; r <= range.max; r++) alleles.push(String(r));
    for (const v of range.variants ?? []) alleles.push(v);
    alleles.sort((a, b) => Number(a) - Number(b));
    const freqs = normalised(bell(alleles));
    table[marker] = Object.fromEntries(alleles.map((a, i) => [a, freqs[i]!]));
  }
  return table;
}
