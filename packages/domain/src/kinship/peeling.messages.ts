import type { Pedigree } from './pedigree.model';

/**
 * Elston–Stewart peeling of one marker over a loop-free pedigree, as message passing on the person–couple
 * forest. A person's state is an ordered genotype (paternal, maternal allele): an n×n row-major matrix.
 * Transmission only depends on a parent's unordered genotype, so couples work with unordered genotypes and
 * the child's factor P(x from father)·P(y from mother) splits, which keeps most steps O(n²) and the general
 * step (several children of one couple) O(|support father|·|support mother|·children).
 * Every message is scaled to max 1 and the scale added to `logScale`: the likelihood is carried in logs.
 * Hot loops index typed arrays with `!`: the indices are in range by construction.
 */

/** One marker ready for peeling: allele frequencies and mutation matrices by transmitting sex. */
export interface MarkerSystem {
  n: number;
  freqs: Float64Array;
  /** Row-major n×n matrix for transmissions from fathers; null means no mutation. */
  male: Float64Array | null;
  /** The same for mothers. */
  female: Float64Array | null;
}

/** The unordered genotypes a ≤ b of n alleles, cached per n. */
const unorderedCache = new Map<number, { a: Int32Array; b: Int32Array }>();
/** Unordered genotype lists, shared with the screening code. */
export function unorderedGenotypes(n: number): { a: Int32Array; b: Int32Array } {
  let hit = unorderedCache.get(n);
  if (hit === undefined) {
    const size = (n * (n + 1)) / 2;
    const a = new Int32Array(size);
    const b = new Int32Array(size);
    let k = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        a[k] = i;
        b[k] = j;
        k++;
      }
    }
    hit = { a, b };
    unorderedCache.set(n, hit);
  }
  return hit;
}

/** Person-level inputs of one peel: `own[p]` is prior × evidence (null = all ones), `keep` prunes. */
export interface PeelInput {
  ped: Pedigree;
  sys: MarkerSystem;
  own: (Float64Array | null)[];
  keep: Uint8Array;
}

/** Runs the peel; `total` returns log P(data) over all kept components, `rootMatrix` one root's joint. */
export class Peeler {
  logScale = 0;
  zero = false;
  private readonly n: number;
  private readonly visited: Uint8Array;

  constructor(private readonly input: PeelInput) {
    this.n = input.sys.n;
    this.visited = new Uint8Array(input.ped.ids.length);
  }

  /** log P(data) for every kept person's component. */
  total(): number {
    const { ped, keep } = this.input;
    let sum = 0;
    for (let p = 0; p < ped.ids.length; p++) {
      if (!keep[p] || this.visited[p]) continue;
      const m = this.rootMatrix(p);
      let s = 0;
      for (let i = 0; i < m.length; i++) s += m[i]!;
      if (s <= 0 || this.zero) return Number.NEGATIVE_INFINITY;
      sum += Math.log(s);
    }
    return sum + this.logScale;
  }

  /** The (scaled) joint P(data of this component, root = (x, y)); multiply by exp(logScale). */
  rootMatrix(root: number): Float64Array {
    return this.personMessage(root, -1);
  }

  private ones(): Float64Array {
    return new Float64Array(this.n * this.n).fill(1);
  }

  private scale(m: Float64Array): Float64Array {
    let max = 0;
    for (let i = 0; i < m.length; i++) if (m[i]! > max) max = m[i]!;
    if (max === 0) {
      this.zero = true;
      return m;
    }
    if (max !== 1) {
      const inv = 1 / max;
      for (let i = 0; i < m.length; i++) m[i]! *= inv;
      this.logScale += Math.log(max);
    }
    return m;
  }

  private coupleKept(c: number): boolean {
    const couple = this.input.ped.couples[c]!;
    return couple.children.some((k) => this.input.keep[k] === 1);
  }

  private personMessage(p: number, towards: number): Float64Array {
    this.visited[p] = 1;
    const { ped, own } = this.input;
    const base = own[p];
    const msg = base ? Float64Array.from(base) : this.ones();
    const neighbours = ped.parentCouple[p]! >= 0 ? [ped.parentCouple[p]!, ...ped.ownCouples[p]!] : ped.ownCouples[p]!;
    for (const c of neighbours) {
      if (c === towards || !this.coupleKept(c)) continue;
      const incoming = this.coupleMessage(c, p);
      for (let i = 0; i < msg.length; i++) msg[i]! *= incoming[i]!;
    }
    return this.scale(msg);
  }

  private coupleMessage(c: number, to: number): Float64Array {
    const { ped, sys, keep } = this.input;
    const n = this.n;
    const couple = ped.couples[c]!;
    const { father, mother } = couple;
    const pf = to === father ? null : this.personMessage(father, c);
    const pm = to === mother ? null : this.personMessage(mother, c);
    const kids = couple.children.filter((k) => k !== to && keep[k] === 1);
    const childMsgs = kids.map((k) => this.personMessage(k, c));
    const out = new Float64Array(n * n);
    if (to !== father && to !== mother && childMsgs.length === 0) {
      const tf = transmit(pf!, sys.male, n);
      const tm = transmit(pm!, sys.female, n);
      for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) out[x * n + y] = tf[x]! * tm[y]!;
      return this.scale(out);
    }
    if ((to === father || to === mother) && childMsgs.length === 1) {
      const pc = childMsgs[0]!;
      const toFather = to === father;
      const t = toFather ? transmit(pm!, sys.female, n) : transmit(pf!, sys.male, n);
      const h = new Float64Array(n);
      for (let x = 0; x < n; x++) {
        for (let y = 0; y < n; y++) {
          if (toFather) h[x]! += pc[x * n + y]! * t[y]!;
          else h[y]! += pc[x * n + y]! * t[x]!;
        }
      }
      const v = applyMatrix(toFather ? sys.male : sys.female, h, n);
      for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) out[a * n + b] = 0.5 * (v[a]! + v[b]!);
      return this.scale(out);
    }
    return this.scale(this.generalCouple(couple, to, pf, pm, childMsgs));
  }

  /** Several children: enumerate the parents' unordered genotypes in the support of their messages. */
  private generalCouple(
    couple: { father: number; mother: number },
    to: number,
    pf: Float64Array | null,
    pm: Float64Array | null,
    childMsgs: Float64Array[],
  ): Float64Array {
    const { sys, own } = this.input;
    const n = this.n;
    const bs = childMsgs.map((pc) => sandwich(sys.male, pc, sys.female, n));
    const fs = support(pf ?? own[couple.father] ?? null, n, pf === null);
    const ms = support(pm ?? own[couple.mother] ?? null, n, pm === null);
    const out = new Float64Array(n * n);
    const toFather = to === couple.father;
    const toMother = to === couple.mother;
    const z = toFather || toMother ? null : new Float64Array(n * n);
    for (let i = 0; i < (toMother ? 0 : fs.count); i++) {
      const f1 = fs.a[i]!;
      const f2 = fs.b[i]!;
      let acc = 0;
      for (let j = 0; j < ms.count; j++) {
        const m1 = ms.a[j]!;
        const m2 = ms.b[j]!;
        let w = ms.w[j]!;
        for (const b of bs) {
          w *= 0.25 * (b[f1 * n + m1]! + b[f1 * n + m2]! + b[f2 * n + m1]! + b[f2 * n + m2]!);
          if (w === 0) break;
        }
        if (w === 0) continue;
        if (z === null) {
          acc += w;
        } else {
          const q = 0.25 * w * fs.w[i]!;
          z[f1 * n + m1]! += q;
          z[f1 * n + m2]! += q;
          z[f2 * n + m1]! += q;
          z[f2 * n + m2]! += q;
        }
      }
      if (toFather) out[f1 * n + f2] = out[f2 * n + f1] = acc * fs.w[i]!;
    }
    if (toMother) {
      // The same sum with the roles of the parents swapped.
      for (let j = 0; j < ms.count; j++) {
        const m1 = ms.a[j]!;
        const m2 = ms.b[j]!;
        let acc = 0;
        for (let i = 0; i < fs.count; i++) {
          const f1 = fs.a[i]!;
          const f2 = fs.b[i]!;
          let w = fs.w[i]!;
          for (const b of bs) {
            w *= 0.25 * (b[f1 * n + m1]! + b[f1 * n + m2]! + b[f2 * n + m1]! + b[f2 * n + m2]!);
            if (w === 0) break;
          }
          acc += w;
        }
        out[m1 * n + m2] = out[m2 * n + m1] = acc * ms.w[j]!;
      }
    }
    if (z !== null) {
      const u = sys.male ? multiplyTransposeLeft(sys.male, z, n) : z;
      const r = sys.female ? multiply(u, sys.female, n) : u;
      out.set(r);
    }
    return out;
  }
}

/** Unordered genotypes with weight m(a,b)+m(b,a); `allowAll` lists every genotype the evidence allows. */
function support(
  m: Float64Array | null,
  n: number,
  evidenceOnly: boolean,
): { a: Int32Array; b: Int32Array; w: Float64Array; count: number } {
  const all = unorderedGenotypes(n);
  const size = all.a.length;
  const a = new Int32Array(size);
  const b = new Int32Array(size);
  const w = new Float64Array(size);
  let count = 0;
  for (let k = 0; k < size; k++) {
    const i = all.a[k]!;
    const j = all.b[k]!;
    let weight: number;
    if (m === null) weight = 1;
    else if (evidenceOnly) weight = m[i * n + j]! > 0 || m[j * n + i]! > 0 ? 1 : 0;
    else weight = i === j ? m[i * n + i]! : m[i * n + j]! + m[j * n + i]!;
    if (weight === 0) continue;
    a[count] = i;
    b[count] = j;
    w[count] = weight;
    count++;
  }
  return { a, b, w, count };
}

/** The distribution of the allele a parent with genotype message `p` transmits, through mutation `mut`. */
export function transmit(p: Float64Array, mut: Float64Array | null, n: number): Float64Array {
  const half = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const v = 0.5 * p[a * n + b]!;
      half[a]! += v;
      half[b]! += v;
    }
  }
  if (mut === null) return half;
  const t = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    const h = half[a]!;
    if (h === 0) continue;
    for (let x = 0; x < n; x++) t[x]! += h * mut[a * n + x]!;
  }
  return t;
}

/** v = M·h (M null = identity). */
function applyMatrix(m: Float64Array | null, h: Float64Array, n: number): Float64Array {
  if (m === null) return h;
  const v = new Float64Array(n);
  for (let a = 0; a < n; a++) {
    let s = 0;
    for (let x = 0; x < n; x++) s += m[a * n + x]! * h[x]!;
    v[a] = s;
  }
  return v;
}

/** B = Mf · P · Mmᵀ: B[a][b] = P(child data | father transmits from a, mother from b). */
function sandwich(mf: Float64Array | null, p: Float64Array, mm: Float64Array | null, n: number): Float64Array {
  const t = mf ? multiply(mf, p, n) : p;
  if (mm === null) return t;
  const b = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let c = 0; c < n; c++) {
      let s = 0;
      for (let y = 0; y < n; y++) s += t[a * n + y]! * mm[c * n + y]!;
      b[a * n + c] = s;
    }
  }
  return b;
}

function multiply(x: Float64Array, y: Float64Array, n: number): Float64Array {
  const r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < n; k++) {
      const v = x[i * n + k]!;
      if (v === 0) continue;
      for (let j = 0; j < n; j++) r[i * n + j]! += v * y[k * n + j]!;
    }
  }
  return r;
}

/** Mᵀ·Z. */
function multiplyTransposeLeft(m: Float64Array, z: Float64Array, n: number): Float64Array {
  const r = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let x = 0; x < n; x++) {
      const v = m[a * n + x]!;
      if (v === 0) continue;
      for (let j = 0; j < n; j++) r[x * n + j]! += v * z[a * n + j]!;
    }
  }
  return r;
}
