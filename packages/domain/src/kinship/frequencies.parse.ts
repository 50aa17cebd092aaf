import { splitCsv } from './csv.split';
import { normaliseAllele } from './profile.parse';
import { MarkerNames } from './marker-names.normalise';

/**
 * Allele frequency databases: the pedtools/norSTR "list" format and CSV `marker,allele,frequency`. Pure:
 * the caller reads the file. Frequencies are used as published; they are not renormalised (the format says
 * only that they "sum to about 1"), unless the caller asks for `normalise`.
 */

/** A loaded database; `floor` is the frequency given to alleles it does not list. */
export interface FrequencyDatabase {
  name: string;
  markers: Map<string, Map<string, number>>;
  floor: number;
  sampleSize: number | null;
}

/** Options shared by both formats. `sampleSize` N sets the floor to 5/2N unless `floor` is given. */
export interface FrequencyParseOptions {
  name?: string;
  sampleSize?: number;
  floor?: number;
  normalise?: boolean;
}

/** A problem in a database file, by 1-based line. */
export interface FrequencyParseError {
  line: number | null;
  marker: string | null;
  message: string;
}

/** The database, or every error found in the file. */
export type FrequencyParseResult =
  { ok: true; database: FrequencyDatabase } | { ok: false; errors: FrequencyParseError[] };

/** The default floor of the norSTR authors, used when the sample size is unknown. */
export const DEFAULT_FLOOR = 0.001;

function floorFor(options: FrequencyParseOptions): number {
  if (options.floor !== undefined) return options.floor;
  if (options.sampleSize !== undefined && options.sampleSize > 0) return 5 / (2 * options.sampleSize);
  return DEFAULT_FLOOR;
}

class Builder {
  readonly errors: FrequencyParseError[] = [];
  readonly markers = new Map<string, Map<string, number>>();
  private readonly names = new MarkerNames();

  markerName(raw: string): string {
    return this.names.canonical(raw) ?? raw.trim();
  }

  add(line: number, marker: string, alleleRaw: string, frequencyRaw: string): void {
    const allele = normaliseAllele(alleleRaw);
    if ('error' in allele) return void this.errors.push({ line, marker, message: allele.error });
    const frequency = Number(frequencyRaw.trim());
    if (frequencyRaw.trim() === '' || !Number.isFinite(frequency) || frequency <= 0 || frequency > 1) {
      return void this.errors.push({ line, marker, message: `frequency "${frequencyRaw}" is not in (0, 1]` });
    }
    let table = this.markers.get(marker);
    if (table === undefined) this.markers.set(marker, (table = new Map()));
    if (table.has(allele.allele))
      return void this.errors.push({ line, marker, message: `allele ${allele.allele} listed twice` });
    table.set(allele.allele, frequency);
  }

  result(options: FrequencyParseOptions): FrequencyParseResult {
    if (this.markers.size === 0 && this.errors.length === 0)
      this.errors.push({ line: null, marker: null, message: 'no markers' });
    if (this.errors.length > 0) return { ok: false, errors: this.errors };
    if (options.normalise) {
      for (const table of this.markers.values()) {
        let sum = 0;
        for (const f of table.values()) sum += f;
        for (const [a, f] of table) table.set(a, f / sum);
      }
    }
    return {
      ok: true,
      database: {
        name: options.name ?? 'database',
        markers: this.markers,
        floor: floorFor(options),
        sampleSize: options.sampleSize ?? null,
      },
    };
  }
}

/** Parses the list format: a marker name line, then `allele<TAB>frequency` lines, blank line between. */
export function parseFrequencyList(text: string, options: FrequencyParseOptions = {}): FrequencyParseResult {
  const builder = new Builder();
  let marker: string | null = null;
  text.split(/\r?\n/).forEach((rawLine, index) => {
    const line = rawLine.trim();
    if (line === '') return;
    const parts = line.includes('\t') ? line.split('\t') : line.split(/\s+/);
    const looksLikeAllele =
      parts.length === 2 && /^[\d.,]+$/.test(parts[0] ?? '') && /^[\d.eE+-]+$/.test(parts[1] ?? '');
    if (!looksLikeAllele) {
      marker = builder.markerName(line);
      return;
    }
    if (marker === null)
      return void builder.errors.push({ line: index + 1, marker: null, message: 'allele line before any marker name' });
    builder.add(index + 1, marker, parts[0] ?? '', parts[1] ?? '');
  });
  return builder.result(options);
}

/** Parses CSV `marker,allele,frequency` (a header row with those names is optional). */
export function parseFrequencyCsv(text: string, options: FrequencyParseOptions = {}): FrequencyParseResult {
  const builder = new Builder();
  const { records, error } = splitCsv(text);
  if (error !== null) return { ok: false, errors: [{ line: null, marker: null, message: error }] };
  for (const { line, fields } of records) {
    if (line === records[0]?.line && fields[0]?.trim().toLowerCase() === 'marker') continue;
    if (fields.length !== 3) {
      builder.errors.push({
        line,
        marker: fields[0] ?? null,
        message: `${fields.length} fields; expected marker,allele,frequency`,
      });
      continue;
    }
    builder.add(line, builder.markerName(fields[0] ?? ''), fields[1] ?? '', fields[2] ?? '');
  }
  return builder.result(options);
}

/** Builds a database from plain data (tests, fixtures, an administrator's table already in memory). */
export function frequencyDatabase(
  markers: Record<string, Record<string, number>>,
  options: FrequencyParseOptions = {},
): FrequencyDatabase {
  const builder = new Builder();
  const table = new Map<string, Map<string, number>>();
  for (const [marker, alleles] of Object.entries(markers))
    table.set(builder.markerName(marker), new Map(Object.entries(alleles)));
  return {
    name: options.name ?? 'database',
    markers: table,
    floor: floorFor(options),
    sampleSize: options.sampleSize ?? null,
  };
}

/** The allele list of one marker for a computation: database alleles plus observed ones, floored. */
export interface MarkerAlleles {
  marker: string;
  alleles: string[];
  freqs: Float64Array;
  floored: string[];
}

/** Alleles and frequencies for `marker`, adding each observed allele the database lacks at the floor. */
export function markerAlleles(
  database: FrequencyDatabase,
  marker: string,
  observed: Iterable<string>,
): MarkerAlleles | null {
  const table = database.markers.get(marker);
  if (table === undefined) return null;
  const alleles = [...table.keys()];
  const freqs = [...table.values()];
  const floored: string[] = [];
  for (const allele of new Set(observed)) {
    if (table.has(allele)) continue;
    floored.push(allele);
    alleles.push(allele);
    freqs.push(database.floor);
  }
  return { marker, alleles, freqs: Float64Array.from(freqs), floored };
}
