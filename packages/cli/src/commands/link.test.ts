import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerLink, runLink } from './link';

/** Small generated files of synthetic people: families sharing surnames, several scripts. */
const dir = mkdtempSync(join(tmpdir(), 'homeward-link-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const GIVEN = [
  ['Xədicə', 'خديجة', 'Хадиджа'],
  ['Fatimə', 'فاطمة', 'Фатима'],
  ['Həsən', 'حسن', 'Гасан'],
  ['Hüseyn', 'حسين', 'Гусейн'],
  ['Zeynəb', 'زينب', 'Зейнаб'],
  ['Yusif', 'يوسف', 'Юсиф'],
] as const;
const FATHERS = [
  ['Rauf', 'رؤوف', 'Рауф'],
  ['Əli', 'علي', 'Али'],
  ['Kərim', 'كريم', 'Керим'],
] as const;
/** Surname in Latin and Cyrillic, and the grandfather (its stem) as an Iraqi triple name gives him. */
const SURNAMES = [
  ['Quliyev', 'Кулиев', 'قلي'],
  ['Həsənov', 'Гасанов', 'حسن'],
] as const;

function people(): { left: string[]; right: string[] } {
  const left: string[] = [];
  const right: string[] = [];
  let n = 0;
  for (const [gi, g] of GIVEN.entries()) {
    for (const [fi, f] of FATHERS.entries()) {
      for (const [si, s] of SURNAMES.entries()) {
        n += 1;
        const year = 2008 + ((gi + fi + si) % 8);
        const female = gi < 2 || gi === 4;
        left.push(
          JSON.stringify({
            id: `F-${n}`,
            sex: female ? 'F' : 'M',
            names: [{ given: g[1], father: f[1], grandfather: s[2], script: 'Arab', kind: 'official' }],
            birth: { estimated_age: { years: 2020 - year, on: '2020-06-01' } },
            mother: { names: [{ given: 'Aysel' }] },
            family_hint: s[0],
          }),
        );
        right.push(
          JSON.stringify({
            id: `T-${n}`,
            sex: female ? 'F' : 'M',
            names: [{ given: g[2], family: `${s[1]}${female ? 'а' : ''}`, script: 'Cyrl' }],
            father: { names: [{ given: f[2], family: s[1] }] },
            mother: { names: [{ given: 'Айсель' }] },
            birth: { date: String(year) },
          }),
        );
      }
    }
  }
  return { left, right };
}

const { left, right } = people();
const leftPath = join(dir, 'left.jsonl');
const rightPath = join(dir, 'right.jsonl');
writeFileSync(leftPath, `${left.join('\n')}\n{"names":[{"given":"Əli"}]}\n`);
writeFileSync(rightPath, `${right.slice(0, 10).join('\n')}\nnot json\n\n${right.slice(10).join('\n')}\n`);

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  return { stream, text: () => chunks.join('') };
}

describe('homeward link', () => {
  it('writes JSON Lines of suggestions, best first, at most K per right record', async () => {
    const out = capture();
    const err = capture();
    const counts = await runLink(leftPath, rightPath, { top: 3, workers: 0, stdout: out.stream, stderr: err.stream });
    expect(counts).toMatchObject({ left: left.length, right: right.length });
    const lines = out.text().trim().split('\n').map((l) => JSON.parse(l) as { left: string; right: string; score: number; band: string; why: Array<[string, number]> });
    const byRight = new Map<string, typeof lines>();
    for (const l of lines) byRight.set(l.right, [...(byRight.get(l.right) ?? []), l]);
    for (const [, list] of byRight) {
      expect(list.length).toBeLessThanOrEqual(3);
      const scores = list.map((l) => l.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
      for (const l of list) {
        expect(['match', 'review']).toContain(l.band);
        expect(Array.isArray(l.why)).toBe(true);
      }
    }
    // Each sought child's best suggestion is the same child found in Iraq.
    let correct = 0;
    for (const [r, list] of byRight) if (list[0]?.left === r.replace('T-', 'F-')) correct += 1;
    expect(correct).toBeGreaterThanOrEqual(right.length - 2);
    expect(err.text()).toMatch(/LEFT line 37: missing id/);
    expect(err.text()).toMatch(/RIGHT line 11: not valid JSON/);
    expect(err.text()).toMatch(/indexed 36 left records/);
  });

  it('lets sought siblings compete for a child found once, unless told the lists may repeat people', async () => {
    const found = join(dir, 'found-one.jsonl');
    const sought = join(dir, 'sought-siblings.jsonl');
    writeFileSync(
      found,
      `${JSON.stringify({ id: 'IQ-1', sex: 'F', names: [{ given: 'خديجة', father: 'رؤوف', grandfather: 'قلي', script: 'Arab' }], birth: { estimated_age: { years: 4, on: '2019-06-01' } } })}\n`,
    );
    const sibling = (id: string, given: string) =>
      JSON.stringify({ id, sex: 'F', names: [{ given, family: 'Quliyeva' }], birth: { date: '2015' }, father: { names: [{ given: 'Rauf', family: 'Quliyev' }] } });
    writeFileSync(sought, `${sibling('TR-1', 'Xədicə')}\n${sibling('TR-2', 'Zəhra')}\n${sibling('TR-3', 'Nərgiz')}\n`);
    const run = async (exclusive: boolean) => {
      const out = capture();
      await runLink(found, sought, { top: 3, workers: 0, exclusive, stdout: out.stream, stderr: capture().stream });
      return out.text().trim().split('\n').map((l) => JSON.parse(l) as { right: string; band: string; score: number });
    };
    const together = await run(true);
    expect(together.filter((l) => l.band === 'match').map((l) => l.right)).toEqual(['TR-1']);
    const apart = await run(false);
    expect(apart.find((l) => l.right === 'TR-1')?.band).toBe('match');
  });

  it('exits with code 2 and a clear message for a missing file', async () => {
    const program = new Command('homeward').exitOverride();
    const err = capture();
    program.configureOutput({ writeErr: (s) => err.stream.write(s) });
    registerLink(program);
    const run = program.parseAsync(['node', 'homeward', 'link', join(dir, 'nope.jsonl'), rightPath]);
    await expect(run).rejects.toBeInstanceOf(CommanderError);
    await run.catch((e: CommanderError) => expect(e.exitCode).toBe(2));
    expect(err.text()).toMatch(/cannot read LEFT file .*nope\.jsonl \(ENOENT\)/);
  });

  it('rejects a --top that is not a positive number', async () => {
    const program = new Command('homeward').exitOverride();
    program.configureOutput({ writeErr: () => undefined });
    registerLink(program);
    await expect(program.parseAsync(['node', 'homeward', 'link', leftPath, rightPath, '--top', '0'])).rejects.toBeInstanceOf(CommanderError);
  });
});
