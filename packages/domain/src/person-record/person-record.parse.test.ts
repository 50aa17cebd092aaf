import { describe, expect, it } from 'vitest';
import { parsePersonLine } from './person-record.parse';

describe('parsePersonLine', () => {
  it('loads the format example, keeping unknown keys as extra attributes', () => {
    const line = JSON.stringify({
      id: 'IQ-BGD-00017',
      sex: 'F',
      names: [
        { given: 'خديجة', father: 'رؤوف', grandfather: 'قلي', script: 'Arab', kind: 'official' },
        { full: 'Khadija Rauf', script: 'Latn', kind: 'reported', clerk: 'desk 4' },
      ],
      birth: { date: null, estimated_age: { years: 2, on: '2017-09-10' }, place: 'Mosul', country: 'IQ' },
      father: { names: [{ given: 'Rauf', family: 'Quliyev' }], kunya: 'Abu Muhammad al-Azeri' },
      origin: { country: 'AZ', district: 'Sumqayıt' },
      departed_home: '2015-03',
      shelter_ref: 'B-12',
    });
    const result = parsePersonLine(line, 1);
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.warnings).toEqual([]);
    expect(result.record['shelter_ref']).toBe('B-12');
    expect(result.record.names[1]?.['clerk']).toBe('desk 4');
    expect(result.record.birth?.estimated_age?.years).toBe(2);
  });

  it('returns null for a blank line', () => expect(parsePersonLine('   ', 3)).toBeNull());

  it.each([
    ['{not json', 'not valid JSON'],
    ['[1,2]', 'not a JSON object'],
    ['{"names":[{"given":"Əli"}]}', 'missing id'],
    ['{"id":"A-1"}', 'missing names'],
    ['{"id":"A-1","names":[]}', 'missing names'],
    ['{"id":"A-1","names":["Əli"]}', 'no usable names'],
  ])('reports %s by line number', (line, reason) => {
    const result = parsePersonLine(line, 42);
    expect(result).toMatchObject({ ok: false, lineNo: 42 });
    expect(result?.ok === false && result.reason).toContain(reason);
  });

  it('drops a malformed optional field with a warning instead of losing the person', () => {
    const result = parsePersonLine('{"id":7,"names":[{"given":"Əli"}],"sex":"X","birth":{"date":"2015-13"}}', 9);
    expect(result?.ok).toBe(true);
    if (!result?.ok) return;
    expect(result.record.id).toBe('7');
    expect(result.record.sex).toBeUndefined();
    expect(result.record.birth).toBeUndefined();
    expect(result.warnings).toHaveLength(2);
  });
});
