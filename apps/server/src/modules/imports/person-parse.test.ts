import { describe, expect, it } from 'vitest';
import { parsePeople } from './person-parse';
import type { ParseMessage } from './person-parse.worker';

/** The parser gives the same messages in a worker thread and in this thread. */
const content = [
  JSON.stringify({ id: 'A-1', names: [{ given: 'زينب', father: 'علي' }], birth: { estimated_age: { years: 2, on: '2025' } } }),
  '',
  '{broken',
  JSON.stringify({ id: 'A-2', names: [{ full: 'Юсиф Дагдаров' }], father: { kunya: 'Abu Yusuf al-Azeri' }, clerk: 'desk 4' }),
].join('\r\n');

async function collect(worker: boolean): Promise<ParseMessage[]> {
  const out: ParseMessage[] = [];
  for await (const m of parsePeople({ content }, { worker })) out.push(m);
  return out;
}

describe('parsePeople', () => {
  it('parses in a worker thread exactly as in process', async () => {
    const [inWorker, inProcess] = [await collect(true), await collect(false)];
    expect(inWorker).toEqual(inProcess);
    expect(inWorker[0]).toEqual({ type: 'total', total: 4 });
    expect(inWorker.at(-1)).toEqual({ type: 'done', lines: 4 });
    const items = inWorker.flatMap((m) => (m.type === 'items' ? m.items : []));
    expect(items.map((i) => (i.ok ? i.record.person.sourceId : `line ${i.line}`))).toEqual(['A-1', 'line 3', 'A-2']);
    const first = items[0]!.ok ? items[0]!.record : null;
    expect(first?.person.names[0]).toMatchObject({ script: 'Arab', kind: 'reported' });
    expect(first?.person.names[0]?.searchText).toMatch(/^[a-zəöüğışç ]+$/);
    expect(first?.person.birth).toMatchObject({ estimatedOn: '2025-01-01', estimateMethod: 'other' });
    const second = items[2]!.ok ? items[2]!.record : null;
    expect(second?.father?.names).toEqual([expect.objectContaining({ full: 'Abu Yusuf al-Azeri', kind: 'kunya' })]);
    expect(second?.person.attributes).toEqual([{ category: 'notes', key: 'imported.clerk', value: 'desk 4' }]);
  });
});
