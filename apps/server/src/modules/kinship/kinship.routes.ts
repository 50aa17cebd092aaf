import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  apiKinshipQuestionSchema,
  frequencyDatabaseViewSchema,
  frequencyImportRequestSchema,
  kinshipAnalysisSchema,
  kinshipIdParamsSchema as idParamsSchema,
  matchRejectRequestSchema,
  matchReviewRequestSchema,
  matchViewSchema,
  personAnalysesResponseSchema,
  profileCorrectionRequestSchema,
  profileImportRequestSchema,
  profileImportResponseSchema,
  profileListQuerySchema,
  profileListResponseSchema,
  profileViewSchema,
  screenListResponseSchema,
  screenRequestSchema,
  screenStartedSchema,
  screenViewSchema,
} from '@homeward/domain';
import { actorOf } from '../../lib/access';
import type { AppContext } from '../../lib/context';
import { auditActorOf, typed } from '../../lib/route-helpers';
import { inTransaction } from '../../lib/transaction';
import type { JobRunner } from '../jobs/job-runner';
import { analysisForReport, answerQuestion, personAnalyses, readAnalysis } from './analysis.service';
import { ensureSyntheticFrequencies, importFrequencies, listFrequencies } from './frequencies.service';
import { renderAnalysisReport } from './analysis-report';
import { confirmMatch, listScreens, readScreen, rejectMatch } from './matches.service';
import { correctProfile, importProfiles, listProfiles, readProfile } from './profiles.service';
import { startScreen } from './screens.service';

const tags = ['kinship'];

/**
 * DNA kinship: STR profiles (genetic category: audited reads, never in person views or exports), frequency
 * databases, kinship questions, screening jobs and the review of their matches. On first start it creates
 * the synthetic frequency database so that a fresh install can compute (results say it is synthetic).
 */
export async function kinshipRoutes(app: FastifyInstance, ctx: AppContext, jobs: JobRunner): Promise<void> {
  const api = typed(app);
  const db = ctx.database.db;
  await ensureSyntheticFrequencies(db);

  api.post(
    '/api/kinship/profiles/import',
    {
      config: { access: 'genetic.import' },
      schema: { tags, summary: 'Import STR profiles from a lab file (CSV long or wide, JSON): all or nothing', body: profileImportRequestSchema, response: { 201: profileImportResponseSchema } },
    },
    async (request, reply) => reply.status(201).send(await inTransaction(db, (trx) => importProfiles(trx, actorOf(request), request.body, request.id))),
  );

  api.post(
    '/api/kinship/profiles/:id/corrections',
    {
      config: { access: 'genetic.import' },
      schema: {
        tags,
        summary: 'Correct markers of a profile by hand, with a reason (a new version; the old one is kept)',
        params: idParamsSchema,
        body: profileCorrectionRequestSchema,
        response: { 201: z.object({ id: z.string(), personId: z.string(), version: z.number().int() }) },
      },
    },
    async (request, reply) => reply.status(201).send(await inTransaction(db, (trx) => correctProfile(trx, actorOf(request), request.params.id, request.body, request.id))),
  );

  api.get(
    '/api/people/:id/profile',
    { config: { access: 'genetic.read' }, schema: { tags, summary: 'A person’s STR profile, versions and chain of custody (audited read)', params: idParamsSchema, response: { 200: profileViewSchema } } },
    async (request) => inTransaction(db, (trx) => readProfile(trx, actorOf(request), request.params.id, request.id)),
  );

  api.get(
    '/api/kinship/profiles',
    {
      config: { access: 'genetic.read' },
      schema: { tags, summary: 'Who has a current STR profile (facts, never markers), by people or kind (audited)', querystring: profileListQuerySchema, response: { 200: profileListResponseSchema } },
    },
    async (request) => ({ profiles: await inTransaction(db, (trx) => listProfiles(trx, actorOf(request), request.query, request.id)) }),
  );

  api.get(
    '/api/people/:id/kinship-analyses',
    { config: { access: 'genetic.read' }, schema: { tags, summary: 'The kinship analyses a person was typed in, newest first', params: idParamsSchema, response: { 200: personAnalysesResponseSchema } } },
    async (request) => ({ analyses: await inTransaction(db, (trx) => personAnalyses(trx, actorOf(request), request.params.id, request.id)) }),
  );

  api.get(
    '/api/kinship/analyses/:id',
    { config: { access: 'genetic.read' }, schema: { tags, summary: 'A stored kinship analysis with the typed alleles at its markers (audited read)', params: idParamsSchema, response: { 200: kinshipAnalysisSchema } } },
    async (request) => inTransaction(db, (trx) => readAnalysis(trx, actorOf(request), request.params.id, request.id)),
  );

  api.get(
    '/api/kinship/analyses/:id/report.pdf',
    { config: { access: 'genetic.read' }, schema: { tags, summary: 'The printable report of an analysis (PDF; audited as genetic.report)', params: idParamsSchema } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { analysis, names } = await inTransaction(db, (trx) => analysisForReport(trx, actor, request.params.id, request.id));
      const pdf = await renderAnalysisReport(analysis, { mission: ctx.config.missionName, generatedBy: actor.displayName, generatedAt: new Date(), names });
      return reply
        .header('cache-control', 'private, no-store')
        .header('content-disposition', `attachment; filename="kinship-report-${analysis.id.slice(0, 8)}.pdf"`)
        .type('application/pdf')
        .send(pdf);
    },
  );

  api.get(
    '/api/kinship/frequencies',
    { config: { access: 'reference_data.read' }, schema: { tags, summary: 'Allele frequency databases (the default first)', response: { 200: z.object({ databases: z.array(frequencyDatabaseViewSchema) }) } } },
    async () => ({ databases: await listFrequencies(db) }),
  );

  api.post(
    '/api/kinship/frequencies',
    {
      config: { access: 'reference_data.update' },
      schema: { tags, summary: 'Import an allele frequency database (list format or CSV marker,allele,frequency)', body: frequencyImportRequestSchema, response: { 201: frequencyDatabaseViewSchema } },
    },
    async (request, reply) => reply.status(201).send(await inTransaction(db, (trx) => importFrequencies(trx, auditActorOf(request), request.body, request.id))),
  );

  api.post(
    '/api/kinship/questions',
    { config: { access: 'genetic.analyse' }, schema: { tags, summary: 'Answer a kinship question (formats/kinship.md) over registered people', body: apiKinshipQuestionSchema, response: { 200: kinshipAnalysisSchema } } },
    async (request) => inTransaction(db, (trx) => answerQuestion(trx, actorOf(request), ctx.missionId, request.body, request.id)),
  );

  api.post(
    '/api/kinship/screens',
    { config: { access: 'genetic.screen' }, schema: { tags, summary: 'Screen children × reference families as a background job', body: screenRequestSchema, response: { 202: screenStartedSchema } } },
    async (request, reply) => {
      const onFallback = (reason: string) => ctx.logger.warn({ reason }, 'kinship screen ran in one thread: workers unavailable');
      return reply.status(202).send(await startScreen(db, jobs, actorOf(request), ctx.missionId, request.body, request.id, onFallback));
    },
  );

  api.get(
    '/api/kinship/screens',
    { config: { access: 'genetic.screen' }, schema: { tags, summary: 'The mission’s screens, newest first', response: { 200: screenListResponseSchema } } },
    async (request) => ({ screens: await inTransaction(db, (trx) => listScreens(trx, actorOf(request))) }),
  );

  api.get(
    '/api/kinship/screens/:id',
    { config: { access: 'genetic.screen' }, schema: { tags, summary: 'A screen: progress, best candidates, undisputed identifications, matches', params: idParamsSchema, response: { 200: screenViewSchema } } },
    async (request) => inTransaction(db, (trx) => readScreen(trx, actorOf(request), request.params.id, request.id)),
  );

  api.post(
    '/api/kinship/matches/:id/confirm',
    {
      config: { access: 'genetic.confirm' },
      schema: { tags, summary: 'Confirm a screening match: relationships recorded as DNA-supported', params: idParamsSchema, body: matchReviewRequestSchema, response: { 200: matchViewSchema } },
    },
    async (request) => inTransaction(db, (trx) => confirmMatch(trx, actorOf(request), request.params.id, request.body.note ?? null, request.id)),
  );

  api.post(
    '/api/kinship/matches/:id/reject',
    { config: { access: 'genetic.confirm' }, schema: { tags, summary: 'Reject a screening match, with the reason', params: idParamsSchema, body: matchRejectRequestSchema, response: { 200: matchViewSchema } } },
    async (request) => inTransaction(db, (trx) => rejectMatch(trx, actorOf(request), request.params.id, request.body.note, request.id)),
  );
}
