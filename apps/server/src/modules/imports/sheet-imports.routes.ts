import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  importSheetRequestSchema,
  importSheetResponseSchema,
  previewSheetRequestSchema,
  previewSheetResponseSchema,
  proposedMappingQuerySchema,
  proposedMappingSchema,
  rejectedRowsQuerySchema,
  SHEET_MAX_BYTES,
  sheetIdParamsSchema,
  sheetRowsQuerySchema,
  sheetRowsResponseSchema,
  sheetSourcesResponseSchema,
  sheetViewSchema,
  sourceNameSchema,
  uploadSheetRequestSchema,
} from '@homeward/domain';
import { actorOf } from '../../lib/access';
import type { AppContext } from '../../lib/context';
import { AppError } from '../../lib/errors';
import { typed } from '../../lib/route-helpers';
import { inTransaction } from '../../lib/transaction';
import type { JobRunner } from '../jobs/job-runner';
import { runSheetImport } from './sheet-import.job';
import { attachSheetJob, reopenSheetImport } from './sheet-imports.repository';
import {
  prepareSheetImport,
  previewSheet,
  proposedMappingFor,
  readUpload,
  rejectedRowsFile,
  sheetProblemRows,
  sheetSources,
  storeUpload,
  uploadBytes,
  viewSheet,
} from './sheet-imports.service';

/** The job kind of a spreadsheet import, as `GET /api/jobs/:id` shows it. */
export const SHEET_IMPORT_JOB = 'sheet.import';

/** Raw uploads (`curl --data-binary @list.xlsx`): the body's content types read as bytes. */
const RAW_TYPES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/octet-stream'];

export const uploadSheetQuerySchema = z.object({ fileName: z.string().trim().min(1).max(255).optional(), sourceName: sourceNameSchema.optional() });

/** A download's file name in Content-Disposition: an ASCII fallback and the UTF-8 name (RFC 6266). */
const disposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, '')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/**
 * Spreadsheet imports (CSV and XLSX): upload, proposed mapping, preview, import as a job, the rows not
 * imported (as JSON and as a file), and the sources with a saved mapping. Everything needs `person.import`
 * and the right to record identity; sheets are seen by the importers of their mission.
 */
export function sheetImportsRoutes(app: FastifyInstance, ctx: AppContext, jobs: JobRunner): void {
  const api = typed(app);
  const db = ctx.database.db;
  app.addContentTypeParser(RAW_TYPES, { parseAs: 'buffer', bodyLimit: SHEET_MAX_BYTES }, (_request, body, done) => done(null, body));

  api.post(
    '/api/imports/sheets',
    {
      config: { access: 'person.import' },
      bodyLimit: Math.ceil((SHEET_MAX_BYTES * 4) / 3) + 64 * 1024,
      schema: {
        tags: ['imports'],
        summary: 'Upload a CSV or XLSX list; answers with its headers, first rows and a proposed column mapping',
        description: 'JSON `{fileName, dataBase64, sourceName?}`, or the file itself as the body (text/csv, XLSX or octet-stream) with `?fileName=&sourceName=`.',
        querystring: uploadSheetQuerySchema,
        body: z.union([uploadSheetRequestSchema, z.instanceof(Buffer)]),
        response: { 201: sheetViewSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const body = request.body;
      const raw = Buffer.isBuffer(body);
      const fileName = raw ? request.query.fileName : body.fileName;
      if (!fileName) throw new AppError('validation_failed', 'Name the file (?fileName=) so its kind can be told.');
      const bytes = raw ? body : uploadBytes(body);
      if (bytes.length === 0) throw new AppError('validation_failed', 'The file is empty.');
      const sourceName = (raw ? request.query.sourceName : body.sourceName) ?? null;
      const table = await readUpload(actor, ctx.missionId, fileName, bytes);
      const view = await inTransaction(db, (trx) => storeUpload(trx, actor, ctx.missionId, { fileName, sourceName, table }, request.id));
      return reply.status(201).send(view);
    },
  );

  api.get(
    '/api/imports/sheets/:id',
    { config: { access: 'person.import' }, schema: { tags: ['imports'], summary: 'An uploaded sheet and where its import stands', params: sheetIdParamsSchema, response: { 200: sheetViewSchema } } },
    async (request) => inTransaction(db, (trx) => viewSheet(trx, actorOf(request), ctx.missionId, request.params.id)),
  );

  api.get(
    '/api/imports/sheets/:id/mapping',
    {
      config: { access: 'person.import' },
      schema: {
        tags: ['imports'],
        summary: 'The mapping a source would give this sheet: its saved mapping, else the suggestion from the headers',
        params: sheetIdParamsSchema,
        querystring: proposedMappingQuerySchema,
        response: { 200: proposedMappingSchema },
      },
    },
    async (request) => inTransaction(db, (trx) => proposedMappingFor(trx, actorOf(request), ctx.missionId, request.params.id, request.query.source)),
  );

  api.post(
    '/api/imports/sheets/:id/preview',
    {
      config: { access: 'person.import' },
      schema: {
        tags: ['imports'],
        summary: 'The rows read with a mapping, with each row’s validation, before anything is written',
        params: sheetIdParamsSchema,
        body: previewSheetRequestSchema,
        response: { 200: previewSheetResponseSchema },
      },
    },
    async (request) => inTransaction(db, (trx) => previewSheet(trx, actorOf(request), ctx.missionId, request.params.id, request.body.mapping)),
  );

  api.post(
    '/api/imports/sheets/:id/import',
    {
      config: { access: 'person.import' },
      schema: {
        tags: ['imports'],
        summary: 'Import the sheet’s rows as a background job (poll GET /api/jobs/:id)',
        params: sheetIdParamsSchema,
        body: importSheetRequestSchema,
        response: { 202: importSheetResponseSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const { spec, target } = await inTransaction(db, (trx) => prepareSheetImport(trx, actor, ctx.missionId, id, request.body, request.id));
      let jobId: string;
      try {
        jobId = await jobs.start(SHEET_IMPORT_JOB, actor.userId, (job) => runSheetImport(db, target, spec, job));
      } catch (err) {
        await reopenSheetImport(db, id);
        throw err;
      }
      await attachSheetJob(db, id, jobId);
      return reply.status(202).send({ jobId });
    },
  );

  api.get(
    '/api/imports/sheets/:id/rows',
    {
      config: { access: 'person.import' },
      schema: {
        tags: ['imports'],
        summary: 'The rows of a sheet that were not imported (rejected, possible duplicates), with their reasons',
        params: sheetIdParamsSchema,
        querystring: sheetRowsQuerySchema,
        response: { 200: sheetRowsResponseSchema },
      },
    },
    async (request) => inTransaction(db, (trx) => sheetProblemRows(trx, actorOf(request), ctx.missionId, request.params.id, request.query, request.id)),
  );

  api.get(
    '/api/imports/sheets/:id/rejected',
    {
      config: { access: 'person.import' },
      schema: {
        tags: ['imports'],
        summary: 'Download the rows not imported as CSV or XLSX: the original columns and a reason column (audited)',
        params: sheetIdParamsSchema,
        querystring: rejectedRowsQuerySchema,
      },
    },
    async (request, reply) => {
      const file = await inTransaction(db, (trx) => rejectedRowsFile(trx, actorOf(request), ctx.missionId, request.params.id, request.query, request.id));
      return reply.type(file.contentType).header('content-disposition', disposition(file.fileName)).header('cache-control', 'no-store').send(file.body);
    },
  );

  api.get(
    '/api/imports/sheet-sources',
    {
      config: { access: 'person.import' },
      schema: { tags: ['imports'], summary: 'The sources with a saved column mapping, most recent first', response: { 200: sheetSourcesResponseSchema } },
    },
    async (request) => inTransaction(db, (trx) => sheetSources(trx, actorOf(request), ctx.missionId)),
  );
}
