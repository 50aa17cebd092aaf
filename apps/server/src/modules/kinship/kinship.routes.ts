import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../lib/access';
import type { AppContext } from '../../lib/context';
import { auditActorOf, typed } from '../../lib/route-helpers';
import { inTransaction } from '../../lib/transaction';
import type { JobRunner } from '../jobs/job-runner';
import { answerQuestion } from './analysis.service';
import { ensureSyntheticFrequencies, importFrequencies, listFrequencies } from './frequencies.service';
import {
  apiKinshipQuestionSchema,
  frequencyDatabaseViewSchema,
  frequencyImportRequestSchema,
  idParamsSchema,
  kinshipAnalysisResponseSchema,
  matchRejectRequestSchema,
  matchReviewRequestSchema,
  matchViewSchema,
  profileCorrectionRequestSchema,
  profileImportRequestSchema,
  profileImportResponseSchema,
  profileViewSchema,
  screenRequestSchema,
  screenStartedSchema,
  screenViewSchema,
} from './kinship.schemas';
import { confirmMatch, readScreen, rejectMatch } from './matches.service';
import { correctProfile, importProfiles, readProfile } from './profiles.service';
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
    { config: { access: 'genetic.analyse' }, schema: { tags, summary: 'Answer a kinship question (formats/kinship.md) over registered people', body: apiKinshipQuestionSchema, response: { 200: kinshipAnalysisResponseSchema } } },
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
