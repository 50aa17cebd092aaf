/**
 * Marker names as labs write them (`VWA`, `vWA`, `TH1`, `PentaE`, `d21s11`) mapped to one spelling, the
 * one the frequency databases use, so a profile and a database always meet on the same key.
 */

/** Autosomal STR markers of the common kits and of the norSTR databases, in database spelling. */
export const KNOWN_MARKERS: readonly string[] = [
  'APOAI1',
  'CSF1PO',
  'D10S1248',
  'D10S1435',
  'D10S2325',
  'D11S2368',
  'D11S554',
  'D12S391',
  'D13S317',
  'D13S325',
  'D14S1434',
  'D15S659',
  'D16S539',
  'D17S1301',
  'D17S906',
  'D18S1364',
  'D18S51',
  'D19S253',
  'D19S433',
  'D1S1656',
  'D20S482',
  'D21S11',
  'D21S2055',
  'D22GATA198B05',
  'D22S1045',
  'D2S1338',
  'D2S1360',
  'D2S441',
  'D3S1358',
  'D3S1744',
  'D3S3045',
  'D4S2366',
  'D5S2500',
  'D5S2800',
  'D5S818',
  'D6S474',
  'D6S477',
  'D7S1517',
  'D7S3048',
  'D7S820',
  'D8S1132',
  'D8S1179',
  'D9S1122',
  'FGA',
  'Penta D',
  'Penta E',
  'SE33',
  'TH01',
  'TPOX',
  'vWA',
];

/** Spellings that differ by more than case and separators. */
const ALIASES: Record<string, string> = { TH1: 'TH01', THO1: 'TH01', FIBRA: 'FGA', ACTBP2: 'SE33' };

/** The comparison key of a marker name: upper case without spaces, dashes, underscores or dots. */
export function markerKey(name: string): string {
  const key = name.toUpperCase().replace(/[\s_\-.]/g, '');
  return ALIASES[key] ?? key;
}

/** Looks marker names up by key; extra names (from a loaded database) join the known ones. */
export class MarkerNames {
  private readonly byKey = new Map<string, string>();

  constructor(extra: Iterable<string> = []) {
    for (const name of KNOWN_MARKERS) this.byKey.set(markerKey(name), name);
    for (const name of extra) if (!this.byKey.has(markerKey(name))) this.byKey.set(markerKey(name), name.trim());
  }

  /** The canonical spelling, or null for a marker nobody knows (an import error, not a guess). */
  canonical(name: string): string | null {
    const key = markerKey(name);
    if (key === '') return null;
    const direct = this.byKey.get(key);
    if (direct !== undefined) return direct;
    const aliased = ALIASES[key];
    return aliased === undefined ? null : (this.byKey.get(markerKey(aliased)) ?? null);
  }
}
