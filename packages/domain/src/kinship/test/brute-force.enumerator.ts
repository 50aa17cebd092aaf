/**
 * An independent likelihood by brute force, for tests only: it enumerates every ordered genotype of every
 * person, founders' alleles drawn one by one from the Balding–Nichols urn, each child's alleles by choosing
 * which parental allele is passed on and what it mutates into. It shares no code with the engine.
 */

/** A person of the brute-force pedigree; parents come earlier in the list (-1 for founders). */
export interface BrutePerson {
  male: boolean;
  father: number;
  mother: number;
  typing: [number, number] | null;
}

/** Everything the enumerator needs; matrices are row-major arrays of arrays (null = no mutation). */
export interface BruteInput {
  persons: BrutePerson[];
  freqs: number[];
  maleMatrix: number[][] | null;
  femaleMatrix: number[][] | null;
  theta: number;
}

/** Sum over all genotype assignments of P(assignment) · [assignment agrees with the typings]. */
export function bruteForceLikelihood(input: BruteInput): number {
  const { persons, freqs, theta } = input;
  const n = freqs.length;
  const pat: number[] = new Array<number>(persons.length).fill(-1);
  const mat: number[] = new Array<number>(persons.length).fill(-1);
  const counts = new Array<number>(n).fill(0);
  let drawn = 0;
  const draw = (a: number): number => {
    const p = (counts[a]! * theta + (1 - theta) * freqs[a]!) / (1 + (drawn - 1) * theta);
    return p;
  };
  const passOn = (parent: number, x: number): number => {
    const matrix = persons[parent]!.male ? input.maleMatrix : input.femaleMatrix;
    let total = 0;
    for (const source of [pat[parent]!, mat[parent]!]) {
      const mutated = matrix === null ? (source === x ? 1 : 0) : matrix[source]![x]!;
      total += 0.5 * mutated;
    }
    return total;
  };
  const agrees = (i: number, x: number, y: number): boolean => {
    const t = persons[i]!.typing;
    if (t === null) return true;
    return (t[0] === x && t[1] === y) || (t[0] === y && t[1] === x);
  };
  const recurse = (i: number): number => {
    if (i === persons.length) return 1;
    const person = persons[i]!;
    let sum = 0;
    for (let x = 0; x < n; x++) {
      for (let y = 0; y < n; y++) {
        if (!agrees(i, x, y)) continue;
        let p: number;
        if (person.father < 0) {
          p = draw(x);
          counts[x]! += 1;
          drawn += 1;
          p *= draw(y);
          counts[y]! += 1;
          drawn += 1;
        } else {
          p = passOn(person.father, x) * passOn(person.mother, y);
        }
        if (p > 0) {
          pat[i] = x;
          mat[i] = y;
          sum += p * recurse(i + 1);
        }
        if (person.father < 0) {
          counts[x]! -= 1;
          counts[y]! -= 1;
          drawn -= 2;
        }
      }
    }
    return sum;
  };
  return recurse(0);
}
