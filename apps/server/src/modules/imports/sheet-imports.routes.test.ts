import { readSheet } from 'read-excel-file/node';
import writeExcelFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMission, buildUser, sessionCookie } from '../../../test/factories';
import { createTestApp, type TestApp } from '../../../test/test-app';

/**
 * Spreadsheet imports through the API with real CSV and XLSX files made here (synthetic people only): an
 * Arabic shelter list with a title row, bad rows with reasons, a possible duplicate of a registry person,
 * the rejected rows downloaded, fixed and imported again with the saved mapping, and re-import by source id.
 */
let t: TestApp;
let officer: string;
let supervisor: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await sessionCookie(t, await buildUser(t, { roles: ['consular_officer'] }));
  supervisor = await sessionCookie(t, await buildUser(t, { roles: ['supervisor'] }));
});
afterAll(() => t.close());

const csv = (rows: string[][]) => `\uFEFF${rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n')}\r\n`;

async function upload(fileName: string, bytes: Buffer | string, sourceName?: string, cookie = officer) {
  const dataBase64 = Buffer.from(bytes).toString('base64');
  return t.app.inject({ method: 'POST', url: '/api/imports/sheets', headers: { cookie }, payload: { fileName, dataBase64, ...(sourceName ? { sourceName } : {}) } });
}

async function waitForJob(jobId: string, cookie = officer) {
  for (let i = 0; i < 600; i++) {
    const res = await t.app.inject({ method: 'GET', url: `/api/jobs/${jobId}`, headers: { cookie } });
    const job = res.json();
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('job did not finish');
}

async function importSheet(id: string, body: Record<string, unknown>, cookie = officer) {
  const res = await t.app.inject({ method: 'POST', url: `/api/imports/sheets/${id}/import`, headers: { cookie }, payload: body });
  expect(res.statusCode, res.body).toBe(202);
  const job = await waitForJob(res.json().jobId, cookie);
  expect(job.status, job.error).toBe('succeeded');
  return job;
}

// A shelter list as an Iraqi ministry sends it: a title row, Arabic headers, a running number, ages as words.
const SHELTER = [
  ['قائمة الأطفال في دار الزهور - بغداد', '', '', '', '', '', '', ''],
  ['ت', 'الاسم', 'اسم الأب', 'اسم الجد', 'العمر', 'الجنس', 'اسم الأم', 'ملاحظات'],
  ['1', 'خديجة', 'رؤوف', 'قلي', 'حوالي 2', 'أنثى', 'آيسل', 'وصلت مع أخيها'],
  ['2', 'يوسف', 'رؤوف', 'قلي', '٥', 'ذكر', 'آيسل', ''],
  ['3', '', 'طاهر', 'حسين', '4', 'أنثى', '', 'الاسم غير معروف'],
  ['4', 'مريم', 'طاهر', 'حسين', 'كبير', 'بنت', '', ''],
  ['5', 'زينب', 'علي', 'حسن', '7', 'أنثى', 'فاطمة', ''],
  ['6', 'سلمى', 'كريم', 'جاسم', '3', 'x', '', ''],
];
const SOURCE = 'Ministry of Labour shelter list';

describe('spreadsheet import of an Arabic shelter list', () => {
  let sheetId: string;
  let duplicateOf: string;

  it('finds the person the list will duplicate already in the registry (imported earlier from another source)', async () => {
    const line = JSON.stringify({
      id: 'IOM-77',
      sex: 'F',
      names: [{ given: 'زينب', father: 'علي', grandfather: 'حسن', kind: 'official' }],
      birth: { estimated_age: { years: 7, on: '2026-06' } },
      mother: { names: [{ given: 'فاطمة' }] },
    });
    const res = await t.app.inject({ method: 'POST', url: '/api/imports/people', headers: { cookie: officer }, payload: { sourceSystem: 'IOM registration', content: line } });
    const job = await waitForJob(res.json().jobId);
    expect(job.result).toMatchObject({ created: 1 });
    duplicateOf = (await t.database.db.selectFrom('people').select('id').where('source_id', '=', 'IOM-77').executeTakeFirstOrThrow()).id;
  });

  it('uploads the CSV: headers found below the title, the first rows, and a mapping suggested from the Arabic headers', async () => {
    const res = await upload('shelter-zuhur.csv', csv(SHELTER));
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    sheetId = view.id;
    expect(view).toMatchObject({ format: 'csv', headerRow: 2, rowCount: 6, status: 'uploaded', headers: SHELTER[1] });
    expect(view.sample[0]).toEqual({ row: 3, cells: SHELTER[2] });
    expect(view.proposed.origin).toBe('suggested');
    expect(view.proposed.mapping.columns).toEqual(['ignore', 'given', 'father', 'grandfather', 'estimated_age', 'sex', 'mother_name', 'notes']);
    expect(view.proposed.confidence.every((c: string) => c === 'exact')).toBe(true);
  });

  it('previews the rows with each row’s validation as reason codes, and the sex column’s values', async () => {
    const get = await t.app.inject({ method: 'GET', url: `/api/imports/sheets/${sheetId}`, headers: { cookie: officer } });
    const mapping = get.json().proposed.mapping;
    const res = await t.app.inject({ method: 'POST', url: `/api/imports/sheets/${sheetId}/preview`, headers: { cookie: officer }, payload: { mapping } });
    expect(res.statusCode, res.body).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ checked: 6, valid: 3, invalid: 3, reasonCounts: { name_missing: 1, age_invalid: 1, sex_unrecognised: 1 } });
    expect(preview.rows[0]).toMatchObject({
      row: 3,
      script: 'Arab',
      errors: [],
      record: { sex: 'F', names: [{ given: 'خديجة', father: 'رؤوف', grandfather: 'قلي' }], birth: { estimated_age: { years: 2 } }, mother: { names: [{ full: 'آيسل' }] } },
    });
    expect(preview.rows[2]).toMatchObject({ row: 5, record: null, errors: [{ code: 'name_missing' }] });
    expect(preview.rows[3].errors).toEqual([{ code: 'age_invalid', column: 'العمر', value: 'كبير' }]);
    expect(preview.sexValues).toEqual(
      expect.arrayContaining([
        { value: 'أنثى', key: 'انثي', count: 3, sex: 'F' },
        { value: 'x', key: 'x', count: 1, sex: null },
      ]),
    );
  });

  it('imports as a job: creates the good rows, rejects the bad with reasons, sets a possible duplicate aside', async () => {
    const mapping = (await t.app.inject({ method: 'GET', url: `/api/imports/sheets/${sheetId}`, headers: { cookie: officer } })).json().proposed.mapping;
    const job = await importSheet(sheetId, { sourceName: SOURCE, mapping });
    expect(job.kind).toBe('sheet.import');
    expect(job.progress).toEqual({ done: 6, total: 6 });
    expect(job.result).toEqual({ sheetId, rows: 6, created: 2, updated: 0, unchanged: 0, duplicates: 1, rejected: 3 });

    const created = await t.database.db.selectFrom('people').selectAll().where('source_system', '=', SOURCE).where('source_id', 'like', `sheet:${sheetId}#%`).where('source_id', 'not like', '%#mother').orderBy('source_id').execute();
    expect(created.map((p) => [p.display_name, p.sex])).toEqual([
      ['خديجة رؤوف قلي', 'F'],
      ['يوسف رؤوف قلي', 'M'],
    ]);
    const names = await t.database.db.selectFrom('person_names').select(['script', 'kind', 'source']).where('person_id', '=', created[0]!.id).execute();
    expect(names).toEqual([{ script: 'Arab', kind: 'reported', source: 'import' }]);
    const mother = await t.database.db
      .selectFrom('relationships')
      .innerJoin('people', 'people.id', 'relationships.related_person_id')
      .select(['people.display_name', 'relationships.evidence_level'])
      .where('relationships.person_id', '=', created[0]!.id)
      .where('relationships.kind', '=', 'mother')
      .executeTakeFirstOrThrow();
    expect(mother).toEqual({ display_name: 'آيسل', evidence_level: 'claimed' });
    const notes = await t.database.db.selectFrom('person_attributes').select(['category', 'key', 'value']).where('person_id', '=', created[0]!.id).execute();
    expect(notes).toEqual([{ category: 'notes', key: 'imported.notes', value: { ملاحظات: 'وصلت مع أخيها' } }]);

    const rows = await t.app.inject({ method: 'GET', url: `/api/imports/sheets/${sheetId}/rows`, headers: { cookie: officer } });
    expect(rows.statusCode, rows.body).toBe(200);
    expect(rows.json().total).toBe(4);
    expect(rows.json().rows.map((r: { row: number; status: string; reasons: { code: string }[] }) => [r.row, r.status, r.reasons.map((x) => x.code)])).toEqual([
      [5, 'rejected', ['name_missing']],
      [6, 'rejected', ['age_invalid']],
      [7, 'duplicate', ['possible_duplicate']],
      [8, 'rejected', ['sex_unrecognised']],
    ]);
    const duplicate = rows.json().rows[2];
    expect(duplicate.duplicateOf).toBe(duplicateOf);
    expect(duplicate.reasons[0]).toMatchObject({ personId: duplicateOf, personName: 'زينب علي حسن' });
    expect(duplicate.reasons[0].probability).toBeGreaterThan(0.4);
    // Imported rows keep no copy of the list; rows not imported keep theirs to be fixed.
    const kept = await t.database.db.selectFrom('sheet_import_rows').select(['row_number', 'cells']).where('sheet_import_id', '=', sheetId).orderBy('row_number').execute();
    expect(kept.map((r) => [r.row_number, r.cells === null])).toEqual([
      [3, true],
      [4, true],
      [5, false],
      [6, false],
      [7, false],
      [8, false],
    ]);
    const audit = await t.database.db.selectFrom('audit_log').select(['action', 'target_ids', 'details']).where('action', 'in', ['sheet.upload', 'sheet.import', 'person.import', 'person.match']).execute();
    expect(new Set(audit.map((a) => a.action))).toEqual(new Set(['sheet.upload', 'sheet.import', 'person.import', 'person.match']));
    expect(JSON.stringify(audit)).not.toMatch(/خديجة|زينب|آيسل/);
  });

  it('refuses to import the same sheet twice, and a mapping that does not fit the sheet', async () => {
    const view = (await t.app.inject({ method: 'GET', url: `/api/imports/sheets/${sheetId}`, headers: { cookie: officer } })).json();
    expect(view).toMatchObject({ status: 'imported', result: { created: 2, rejected: 3, duplicates: 1 } });
    const again = await t.app.inject({ method: 'POST', url: `/api/imports/sheets/${sheetId}/import`, headers: { cookie: officer }, payload: { sourceName: SOURCE, mapping: view.proposed.mapping } });
    expect(again.statusCode).toBe(409);
    const narrow = await t.app.inject({
      method: 'POST',
      url: `/api/imports/sheets/${sheetId}/preview`,
      headers: { cookie: officer },
      payload: { mapping: { ...view.proposed.mapping, columns: ['given'] } },
    });
    expect(narrow.statusCode).toBe(400);
    expect(narrow.json().error.message).toMatch(/the sheet has 8/);
  });

  it('downloads the rows not imported as CSV and XLSX: the original columns and the reason in the reader’s language', async () => {
    const csvRes = await t.app.inject({ method: 'GET', url: `/api/imports/sheets/${sheetId}/rejected?format=csv&lang=ar`, headers: { cookie: officer } });
    expect(csvRes.statusCode, csvRes.body).toBe(200);
    expect(csvRes.headers['content-type']).toMatch(/^text\/csv/);
    expect(csvRes.headers['content-disposition']).toContain('shelter-zuhur-rejected.csv');
    const lines = csvRes.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe([...SHELTER[1]!, 'سبب الرفض'].map((h) => `"${h}"`).join(','));
    expect(lines).toHaveLength(5);
    expect(lines[2]).toContain('"كبير"');
    expect(lines[2]).toContain('«كبير» في العمود «العمر» ليس عمرًا بالسنوات.');

    const xlsxRes = await t.app.inject({ method: 'GET', url: `/api/imports/sheets/${sheetId}/rejected?format=xlsx&lang=en`, headers: { cookie: officer } });
    expect(xlsxRes.statusCode).toBe(200);
    const data = await readSheet(xlsxRes.rawPayload);
    expect(data[0]).toEqual([...SHELTER[1]!, 'Rejection reason']);
    expect(data).toHaveLength(5);
    expect(data[4]![1]).toBe('سلمى');
    expect(String(data[4]![8])).toBe('“x” in the column “الجنس” is not a sex this mapping knows; say what it means in the mapping.');
    expect(String(data[3]![8])).toMatch(/^Possible duplicate of زينب علي حسن, already in the registry \(\d+% alike\)\.$/);
  });

  it('re-imports the fixed rejected rows: the saved mapping maps the file again, the reason column is left out', async () => {
    const downloaded = (await t.app.inject({ method: 'GET', url: `/api/imports/sheets/${sheetId}/rejected?format=csv&lang=en`, headers: { cookie: officer } })).body;
    const fixed = downloaded.replace('"كبير"', '"6"').replace('"x"', '"أنثى"').replace(/"","طاهر","حسين","4"/, '"ليلى","طاهر","حسين","4"');
    const res = await upload('shelter-zuhur-fixed.csv', fixed, SOURCE);
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(view.rowCount).toBe(4);
    expect(view.proposed).toMatchObject({ sourceName: SOURCE, origin: 'saved' });
    expect(view.proposed.mapping.columns).toEqual(['ignore', 'given', 'father', 'grandfather', 'estimated_age', 'sex', 'mother_name', 'notes', 'ignore']);
    const job = await importSheet(view.id, { sourceName: SOURCE, mapping: view.proposed.mapping });
    // The duplicate is set aside again; the three fixed rows are created.
    expect(job.result).toMatchObject({ created: 3, duplicates: 1, rejected: 0 });

    // "Import anyway": the person decides the row is not the registry's Zeynab after all.
    const anyway = await importSheet(view.id, { sourceName: SOURCE, mapping: view.proposed.mapping, rows: 'duplicates', duplicates: 'import', saveMapping: false });
    expect(anyway.result).toMatchObject({ rows: 1, created: 1, duplicates: 0 });
    const zeynabs = await t.database.db.selectFrom('people').select('id').where('display_name', '=', 'زينب علي حسن').execute();
    expect(zeynabs).toHaveLength(2);
  });

  it('knows a source’s list by its headers when it arrives without the source’s name', async () => {
    const res = await upload('zuhur-december.csv', csv([SHELTER[1]!, ['1', 'نور', 'رؤوف', 'قلي', '1', 'أنثى', '', '']]));
    expect(res.json().proposed).toMatchObject({ sourceName: SOURCE, origin: 'saved' });
    const sources = await t.app.inject({ method: 'GET', url: '/api/imports/sheet-sources', headers: { cookie: officer } });
    expect(sources.json().map((s: { sourceName: string }) => s.sourceName)).toEqual([SOURCE]);
    const other = await t.app.inject({ method: 'GET', url: `/api/imports/sheets/${res.json().id}/mapping?source=${encodeURIComponent('Another NGO')}`, headers: { cookie: officer } });
    expect(other.json()).toMatchObject({ sourceName: 'Another NGO', origin: 'suggested' });
  });
});

describe('spreadsheet import of an XLSX list with source ids', () => {
  const header = ['Case No.', 'Name', 'Father', 'Surname', 'DOB', 'Gender', 'Shelter'];
  const rows = [
    ['NGO-1', 'Leyla', 'Tural', 'Nümunəova', new Date(Date.UTC(2016, 4, 12)), 'F', 'Camp B'],
    ['NGO-2', 'Orxan', 'Tural', 'Nümunəov', '03/02/2014', 'M', 'Camp B'],
    ['NGO-3', 'Aysu', 'Elçin', 'Sınaqova', '2019', 'Qız', 'Camp C'],
  ] as const;
  const workbook = (data: readonly (readonly (string | Date)[])[]) =>
    writeExcelFile(
      [header, ...data].map((r) => r.map((c) => (c instanceof Date ? { value: c, type: Date, format: 'dd/mm/yyyy' } : { value: c }))),
      { sheet: 'Children' },
    ).toBuffer();

  it('reads the workbook built by the library and imports it, then a re-import of the same ids updates, never duplicates', async () => {
    const res = await upload('ngo-children.xlsx', await workbook(rows), 'NGO children list', supervisor);
    expect(res.statusCode, res.body).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({ format: 'xlsx', sheetName: 'Children', headerRow: 1, rowCount: 3 });
    expect(view.sample[0].cells).toEqual(['NGO-1', 'Leyla', 'Tural', 'Nümunəova', '2016-05-12', 'F', 'Camp B']);
    expect(view.proposed.mapping.columns).toEqual(['source_id', 'given', 'father', 'family', 'birth_date', 'sex', 'shelter']);
    const first = await importSheet(view.id, { sourceName: 'NGO children list', mapping: view.proposed.mapping }, supervisor);
    expect(first.result).toMatchObject({ created: 3, rejected: 0, duplicates: 0 });
    const orxan = await t.database.db
      .selectFrom('people')
      .innerJoin('person_births', 'person_births.person_id', 'people.id')
      .select(['people.id', 'person_births.date', 'people.sex'])
      .where('source_id', '=', 'NGO-2')
      .executeTakeFirstOrThrow();
    expect(orxan).toMatchObject({ date: '2014-02-03', sex: 'M' });

    const changed = [rows[0], ['NGO-2', 'Orxan', 'Tural', 'Nümunəov', '03/02/2014', 'M', 'Camp D'], rows[2]] as const;
    const again = await upload('ngo-children-2.xlsx', await workbook(changed), 'NGO children list', supervisor);
    expect(again.json().proposed.origin).toBe('saved');
    const second = await importSheet(again.json().id, { sourceName: 'NGO children list', mapping: again.json().proposed.mapping }, supervisor);
    expect(second.result).toMatchObject({ created: 0, updated: 1, unchanged: 2, duplicates: 0 });
    const count = await t.database.db.selectFrom('people').select((eb) => eb.fn.countAll<string>().as('n')).where('source_system', '=', 'NGO children list').executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });
});

describe('an import cut off by a restart', () => {
  it('can be started again: the rows not yet done are still pending', async () => {
    const res = await upload('restart.csv', csv([['Name', 'Age'], ['Günay', '4'], ['Elnur', '6']]));
    const view = res.json();
    const jobId = crypto.randomUUID();
    await t.database.db.insertInto('jobs').values({ id: jobId, kind: 'sheet.import', status: 'failed', error: 'interrupted by a restart' }).execute();
    await t.database.db.updateTable('sheet_imports').set({ status: 'importing', job_id: jobId }).where('id', '=', view.id).execute();
    const job = await importSheet(view.id, { sourceName: 'Restarted list', mapping: view.proposed.mapping });
    expect(job.result).toMatchObject({ rows: 2, created: 2 });
  });
});

describe('uploads that cannot be read', () => {
  it('answers 400 with a message a person can act on, and stores nothing', async () => {
    const before = await t.database.db.selectFrom('sheet_imports').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const xls = await upload('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    expect(xls.statusCode).toBe(400);
    expect(xls.json().error.message).toMatch(/old Excel file/);
    const broken = await upload('broken.xlsx', Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40, 7)]));
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toMatch(/Excel workbook/);
    const empty = await upload('empty.csv', '\n\n,,\n');
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toBe('The sheet is empty.');
    const binary = await upload('photo.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    expect(binary.statusCode).toBe(400);
    const after = await t.database.db.selectFrom('sheet_imports').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('reads a CSV that Excel wrote in the Arabic Windows code page, with semicolons', async () => {
    // The bytes of each letter in windows-1256, found by decoding the code page (no hand-written table).
    const cp1256 = new Map<string, number>();
    const decoder = new TextDecoder('windows-1256');
    for (let b = 0x80; b <= 0xff; b++) cp1256.set(decoder.decode(new Uint8Array([b])), b);
    const text = 'الاسم;العمر\r\nخديجة;2\r\n';
    const bytes = Buffer.from([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? ch.charCodeAt(0) : cp1256.get(ch)!)));
    const res = await upload('cp1256.csv', bytes);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ headers: ['الاسم', 'العمر'], sample: [{ row: 2, cells: ['خديجة', '2'] }] });
  });

  it('keeps a sheet to the importers of its mission: anyone else gets 404', async () => {
    const res = await upload('mission.csv', csv([['Name'], ['Leyla']]));
    const elsewhere = await sessionCookie(t, await buildUser(t, { roles: ['supervisor'], missionId: await buildMission(t) }));
    const other = await t.app.inject({ method: 'GET', url: `/api/imports/sheets/${res.json().id}`, headers: { cookie: elsewhere } });
    expect(other.statusCode).toBe(404);
    const colleague = await t.app.inject({ method: 'GET', url: `/api/imports/sheets/${res.json().id}`, headers: { cookie: supervisor } });
    expect(colleague.statusCode).toBe(200);
  });
});
