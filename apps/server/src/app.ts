import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config';
import { openDatabase, type DatabaseHandle } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { installAccessControl, type RouteDeclaration } from './lib/access';
import type { AppContext } from './lib/context';
import { installErrorHandling, loggableError } from './lib/errors';
import { installReadAudits } from './lib/read-audit';
import { auditRoutes } from './modules/audit/audit.routes';
import { authRoutes } from './modules/auth/auth.routes';
import { loadSecretKey, SecretBox } from './modules/auth/secret-box';
import { deleteExpiredSessions } from './modules/auth/sessions.repository';
import { seedDemo, demoPassword } from './modules/demo/demo';
import { casesRoutes } from './modules/cases/cases.routes';
import { familiesRoutes } from './modules/families/families.routes';
import { ensureWorkflows } from './modules/cases/workflows.repository';
import { importsRoutes } from './modules/imports/imports.routes';
import { sheetImportsRoutes } from './modules/imports/sheet-imports.routes';
import { jobsRoutes, startJobRunner } from './modules/jobs/jobs.routes';
import { kinshipRoutes } from './modules/kinship/kinship.routes';
import { matchingRoutes } from './modules/matching/matching.routes';
import { MatchingScheduler } from './modules/matching/matching.runner';
import { identityRoutes } from './modules/people/identity.routes';
import { peopleRoutes } from './modules/people/people.routes';
import { placesRoutes } from './modules/places/places.routes';
import { ensureMission, readSetting } from './modules/system/bootstrap';
import { systemRoutes } from './modules/system/system.routes';
import { tracingRoutes } from './modules/tracing/tracing.routes';
import { countUsers } from './modules/users/users.repository';
import { usersRoutes } from './modules/users/users.routes';
import { VERSION } from './version';

declare module 'fastify' {
  interface FastifyInstance {
    homeward: AppContext & { demoPassword: string | null; routes: RouteDeclaration[]; matching: MatchingScheduler };
  }
}

export interface BuildOptions {
  config: Readonly<Config>;
  /** An already open database (tests); otherwise opened from the configuration. */
  database?: DatabaseHandle;
  /** Serve the built web app from this directory (default apps/web/dist when it exists). */
  webDir?: string | null;
}

const DEFAULT_WEB_DIR = fileURLToPath(new URL('../../web/dist', import.meta.url));

/** Open the database for a configuration: PostgreSQL when DATABASE_URL is set, else PGlite under the data dir. */
export function databaseFor(config: Readonly<Config>): Promise<DatabaseHandle> {
  return config.databaseUrl
    ? openDatabase({ kind: 'postgres', url: config.databaseUrl })
    : openDatabase({ kind: 'pglite', dataDir: config.dataDir });
}

/** Decide demo mode once at start-up, seeding demo users and synthetic people on a first embedded start. */
async function resolveDemoMode(config: Readonly<Config>, database: DatabaseHandle, missionId: string) {
  if (config.demo === 'off') return { demoMode: false, password: null };
  const remembered = await readSetting<boolean>(database.db, 'demo_mode');
  if (remembered === true) return { demoMode: true, password: demoPassword(config.dataDir) };
  const wanted = config.demo === 'on' || (config.demo === 'auto' && database.kind === 'pglite');
  if (wanted && (await countUsers(database.db)) === 0) {
    return { demoMode: true, password: await seedDemo(database.db, config.dataDir, missionId) };
  }
  return { demoMode: false, password: null };
}

/** Build the whole server without listening, so tests drive it with `app.inject` and main.ts listens. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config } = options;
  const app = Fastify({
    logger: {
      level: config.logLevel,
      // Paths only: query strings may carry names someone searched for, and bodies are never logged.
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      },
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    genReqId: () => randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 5 * 1024 * 1024,
  });
  const database = options.database ?? (await databaseFor(config));
  app.addHook('onClose', async () => {
    if (!options.database) await database.close();
  });
  try {
    await migrateToLatest(database.db);
    const missionId = await ensureMission(database.db, config);
    await ensureWorkflows(database.db);
    const { demoMode, password } = await resolveDemoMode(config, database, missionId);
    const ctx: AppContext = {
      config,
      database,
      secrets: new SecretBox(loadSecretKey(config.secretKey, config.dataDir)),
      logger: app.log as unknown as AppContext['logger'],
      demoMode,
      missionId,
    };
    const routes: RouteDeclaration[] = [];
    const jobs = await startJobRunner(app, ctx);
    const matching = new MatchingScheduler(database.db, jobs, ctx.logger);
    // Before the job runner closes: stop taking people off the matching queue (what is left stays queued).
    app.addHook('preClose', () => matching.close());
    app.decorate('homeward', { ...ctx, demoPassword: password, routes, matching });

    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    installErrorHandling(app);
    installReadAudits(app, database.db);
    await app.register(cookie);
    installAccessControl(app, ctx, routes);
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: { title: 'Homeward API', version: VERSION, description: 'Case management for finding and bringing home nationals stranded in a conflict zone.' },
        components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'homeward_session' } } },
      },
      transform: jsonSchemaTransform,
    });
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
    app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

    systemRoutes(app, ctx);
    authRoutes(app, ctx);
    usersRoutes(app, ctx);
    peopleRoutes(app, ctx);
    placesRoutes(app, ctx);
    identityRoutes(app, ctx);
    casesRoutes(app, ctx);
    familiesRoutes(app, ctx);
    auditRoutes(app, ctx);
    jobsRoutes(app, ctx);
    importsRoutes(app, ctx, jobs);
    tracingRoutes(app, ctx);
    sheetImportsRoutes(app, ctx, jobs);
    await kinshipRoutes(app, ctx, jobs);
    matchingRoutes(app, ctx);
    // A change to a person queues them for matching in its own transaction; after the answer, match soon.
    app.addHook('onResponse', async (request, reply) => {
      if (request.method !== 'GET' && reply.statusCode < 400) matching.kick();
    });

    const webDir = options.webDir === undefined ? DEFAULT_WEB_DIR : options.webDir;
    const serveWeb = webDir !== null && fs.existsSync(`${webDir}/index.html`);
    if (serveWeb) await app.register(fastifyStatic, { root: webDir, wildcard: false, maxAge: '1h' });
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api') || !serveWeb || request.method !== 'GET') {
        return reply.status(404).send({ error: { code: 'not_found', message: `Nothing at ${request.method} ${request.url.split('?')[0]}.` } });
      }
      return reply.type('text/html').sendFile('index.html', { maxAge: 0 });
    });

    app.addHook('onSend', async (request, reply) => {
      void reply.header('x-content-type-options', 'nosniff');
      void reply.header('referrer-policy', 'no-referrer');
      void reply.header('x-frame-options', 'DENY');
      // The API reference page brings its own policy; everything else is the app, which loads only itself.
      if (!request.url.startsWith('/api/docs')) {
        void reply.header(
          'content-security-policy',
          "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        );
      }
    });

    const timers = [
      setInterval(() => {
        database.checkpoint().catch((err: unknown) => app.log.error({ err: loggableError(err) }, 'checkpoint failed'));
      }, config.checkpointMs),
      setInterval(() => {
        deleteExpiredSessions(database.db, new Date(), config.sessionIdleMs).catch((err: unknown) => app.log.error({ err: loggableError(err) }, 'session cleanup failed'));
      }, 60_000),
    ];
    for (const t of timers) t.unref();
    app.addHook('onClose', async () => {
      for (const t of timers) clearInterval(t);
      await database.checkpoint().catch(() => {});
    });
    await app.ready();
    matching.start();
    return app;
  } catch (err) {
    await app.close().catch(() => {});
    throw err;
  }
}
