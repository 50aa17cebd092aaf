import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, useCliEnvironment } from '../cli.test-support';

/** `homeward import people` and `homeward export people` against an embedded database of their own. */
const env = useCliEnvironment('homeward-cli-io-');
const cli = runCli;

const records = [
  { id: 'C-1', sex: 'M', names: [{ given: 'يوسف', father: 'رؤوف', kind: 'official' }], birth: { estimated_age: { years: 3, on: '2026-02-01', method: 'dental' } }, mother: { names: [{ given: 'Aysel', family: 'Dəmirova' }] } },
  { id: 'C-2', sex: 'F', names: [{ given: 'Nərmin', family: 'Dəmirova' }], birth: { date: '2013-04-11', country: 'AZ' }, departed_home: '2014' },
];

describe('homeward import/export people', () => {
  it('imports a file, reporting bad lines as "line N: reason" and exiting 0', async () => {
    const file = path.join(env.dir, 'shelter.jsonl');
    fs.writeFileSync(file, [JSON.stringify(records[0]), '{"id":"X"}', 'oops', JSON.stringify(records[1])].join('\n') + '\n');
    const res = await cli(['import', 'people', file]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stderr).toContain('line 2: missing names (record X)');
    expect(res.stderr).toMatch(/line 3: not valid JSON/);
    expect(res.stdout).toBe(`imported ${file} as source "shelter": 2 created, 0 updated, 0 unchanged, 2 rejected\n`);
    const again = await cli(['import', 'people', file, '--source', 'shelter']);
    expect(again.stdout).toMatch(/0 created, 0 updated, 2 unchanged, 2 rejected/);
  });

  it('exits 2 for a missing file', async () => {
    const res = await cli(['import', 'people', path.join(env.dir, 'nope.jsonl')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/^homeward: cannot read .*nope\.jsonl/);
  });

  it('exports JSON Lines to standard output or a file', async () => {
    const res = await cli(['export', 'people', '--source', 'shelter']);
    expect(res.code, res.stderr).toBe(0);
    const lines = res.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.id).sort()).toEqual(['C-1', 'C-1#mother', 'C-2']);
    expect(lines.find((l) => l.id === 'C-1')).toMatchObject({ mother: { names: [{ given: 'Aysel', family: 'Dəmirova', script: 'Latn', kind: 'reported' }] }, birth: { estimated_age: { years: 3, on: '2026-02-01', method: 'dental' } } });
    expect(res.stderr).toBe('exported 3 people\n');
    const out = path.join(env.dir, 'out.jsonl');
    const toFile = await cli(['export', 'people', '--out', out]);
    expect(toFile.code).toBe(0);
    expect(fs.readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(3);
  });
});
