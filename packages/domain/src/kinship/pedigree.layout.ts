/**
 * Where to draw each member of a small pedigree: generations top to bottom, couples side by side, each
 * sibship centred under its parents. Pure geometry in abstract units (one unit between neighbours, one
 * per generation), so the web chart (SVG) and the printed report (PDF) draw the same picture.
 */

/** What the layout needs of a member: who their parents are (ids within the same list). */
export interface LayoutMember {
  id: string;
  father?: string | null | undefined;
  mother?: string | null | undefined;
}

/** A member's place: `x` in units from the left edge, `generation` from 0 at the top. */
export interface LayoutPoint {
  x: number;
  generation: number;
}

/** A straight line of the chart, in the same units (`y` counts generations; half-way lines fall between). */
export interface LayoutSegment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** `mating`: between the parents; `descent`: from the parents down to the sibship line and to a child. */
  kind: 'mating' | 'descent';
}

export interface PedigreeLayout {
  points: Map<string, LayoutPoint>;
  segments: LayoutSegment[];
  /** Width in units (the rightmost x + 1) and number of generations. */
  width: number;
  generations: number;
}

const parentsOf = (m: LayoutMember): string[] => [m.father, m.mother].filter((p): p is string => typeof p === 'string' && p !== '');

/** Generations: a child one below its lower parent; a founder who married in sits beside their partner. */
function generationsOf(members: readonly LayoutMember[]): Map<string, number> {
  const byId = new Map(members.map((m) => [m.id, m]));
  const children = new Map<string, string[]>();
  for (const m of members) for (const p of parentsOf(m)) if (byId.has(p)) children.set(p, [...(children.get(p) ?? []), m.id]);
  const gen = new Map(members.map((m) => [m.id, 0]));
  for (let pass = 0; pass <= members.length; pass++) {
    let changed = false;
    for (const m of members) {
      const ps = parentsOf(m).filter((p) => byId.has(p));
      const want = ps.length > 0 ? Math.max(...ps.map((p) => gen.get(p) ?? 0)) + 1 : Math.max(0, Math.min(...(children.get(m.id) ?? []).map((c) => (gen.get(c) ?? 1) - 1), Infinity));
      const value = Number.isFinite(want) ? want : 0;
      if (value !== gen.get(m.id)) {
        gen.set(m.id, value);
        changed = true;
      }
    }
    if (!changed) break;
  }
  return gen;
}

/** Lays out a pedigree of at most a few dozen members (loops are not expected; they are drawn as they fall). */
export function layoutPedigree(members: readonly LayoutMember[]): PedigreeLayout {
  const byId = new Map(members.map((m) => [m.id, m]));
  const gen = generationsOf(members);
  const generations = members.length === 0 ? 0 : Math.max(...gen.values()) + 1;
  const known = (id: string | null | undefined): id is string => typeof id === 'string' && byId.has(id);
  const partners = new Map<string, string[]>();
  for (const m of members) {
    if (known(m.father) && known(m.mother)) {
      const add = (a: string, b: string) => partners.set(a, [...new Set([...(partners.get(a) ?? []), b])]);
      add(m.father, m.mother);
      add(m.mother, m.father);
    }
  }
  const x = new Map<string, number>();
  for (let g = 0; g < generations; g++) {
    const row = members.filter((m) => gen.get(m.id) === g);
    // Where each member would like to be: a child under its parents, a married-in founder beside a partner.
    const desired = new Map<string, number>();
    const sibships = new Map<string, LayoutMember[]>();
    for (const m of row) {
      const ps = [m.father, m.mother].filter(known);
      if (ps.length > 0 && ps.every((p) => x.has(p))) {
        const key = ps.join('|');
        sibships.set(key, [...(sibships.get(key) ?? []), m]);
      }
    }
    for (const sibs of sibships.values()) {
      const ps = [sibs[0]!.father, sibs[0]!.mother].filter(known);
      const mid = ps.reduce((sum, p) => sum + x.get(p)!, 0) / ps.length;
      sibs.forEach((m, i) => desired.set(m.id, mid - (sibs.length - 1) / 2 + i));
    }
    const order: string[] = [];
    const placed = new Set<string>();
    const place = (id: string) => {
      if (placed.has(id)) return;
      placed.add(id);
      order.push(id);
      // Partners without a place of their own follow at once, so that couples stand together.
      for (const p of partners.get(id) ?? []) if (gen.get(p) === g && !desired.has(p)) place(p);
    };
    const anchored = row.filter((m) => desired.has(m.id)).sort((a, b) => desired.get(a.id)! - desired.get(b.id)!);
    for (const m of anchored) place(m.id);
    for (const m of row) place(m.id);
    let previous = -Infinity;
    for (const id of order) {
      const partnerX = (partners.get(id) ?? []).map((p) => x.get(p)).find((v) => v !== undefined);
      const want = desired.get(id) ?? (partnerX !== undefined ? partnerX + 1 : previous + 1);
      const value = Math.max(Number.isFinite(want) ? want : 0, previous + 1);
      x.set(id, value);
      previous = value;
    }
  }
  const minX = members.length === 0 ? 0 : Math.min(...x.values());
  const points = new Map<string, LayoutPoint>();
  for (const m of members) points.set(m.id, { x: x.get(m.id)! - minX, generation: gen.get(m.id)! });

  const segments: LayoutSegment[] = [];
  const couples = new Map<string, { parents: string[]; children: string[] }>();
  for (const m of members) {
    const ps = [m.father, m.mother].filter(known);
    if (ps.length === 0) continue;
    const key = ps.join('|');
    const couple = couples.get(key) ?? { parents: ps, children: [] };
    couple.children.push(m.id);
    couples.set(key, couple);
  }
  for (const { parents, children } of couples.values()) {
    const pp = parents.map((p) => points.get(p)!);
    if (pp.length === 2) segments.push({ x1: pp[0]!.x, y1: pp[0]!.generation, x2: pp[1]!.x, y2: pp[1]!.generation, kind: 'mating' });
    const midX = pp.reduce((s, p) => s + p.x, 0) / pp.length;
    const parentY = Math.max(...pp.map((p) => p.generation));
    const cp = children.map((c) => points.get(c)!);
    const barY = Math.min(...cp.map((c) => c.generation)) - 0.5;
    segments.push({ x1: midX, y1: parentY, x2: midX, y2: barY, kind: 'descent' });
    const xs = [midX, ...cp.map((c) => c.x)];
    segments.push({ x1: Math.min(...xs), y1: barY, x2: Math.max(...xs), y2: barY, kind: 'descent' });
    for (const c of cp) segments.push({ x1: c.x, y1: barY, x2: c.x, y2: c.generation, kind: 'descent' });
  }
  const width = members.length === 0 ? 0 : Math.max(...[...points.values()].map((p) => p.x)) + 1;
  return { points, segments, width, generations };
}
