import type { FastifyInstance } from 'fastify';
import { auditListQuerySchema, auditListResponseSchema, auditVerifyResponseSchema, type AuditEntryView } from '@homeward/domain';
import { verifyAuditChain } from '../../lib/audit';
import { recordReadAudit } from '../../lib/read-audit';
import type { AppContext } from '../../lib/context';
import { auditActorOf, typed } from '../../lib/route-helpers';
import { inTransaction } from '../../lib/transaction';

const tags = ['audit'];

/** The audit trail for data protection officers: browse it, and recompute its hash chain. */
export function auditRoutes(app: FastifyInstance, ctx: AppContext): void {
  const api = typed(app);
  const db = ctx.database.db;

  api.get(
    '/api/audit',
    { config: { access: 'audit.read' }, schema: { tags, summary: 'Audit entries, newest first', querystring: auditListQuerySchema, response: { 200: auditListResponseSchema } } },
    async (request) => {
      const { before, limit, action, targetId } = request.query;
      let q = db.selectFrom('audit_log').selectAll();
      if (before) q = q.where('seq', '<', String(before));
      if (action) q = q.where('action', '=', action);
      if (targetId) q = q.where((eb) => eb(eb.val(targetId), '=', eb.fn.any('target_ids')));
      const rows = await q.orderBy('seq', 'desc').limit(limit).execute();
      const entries: AuditEntryView[] = rows.map((r) => ({
        seq: Number(r.seq),
        at: r.at.toISOString(),
        actorUserId: r.actor_user_id,
        actorRoles: r.actor_roles,
        action: r.action,
        targetType: r.target_type,
        targetIds: r.target_ids,
        requestId: r.request_id,
        hash: r.hash,
      }));
      await inTransaction(db, (trx) => recordReadAudit(trx, auditActorOf(request), { action: 'audit.read', details: { entries: entries.length } }, request.id));
      return { entries, nextBefore: rows.length === limit ? (entries.at(-1)?.seq ?? null) : null };
    },
  );

  api.post(
    '/api/audit/verify',
    { config: { access: 'audit.verify' }, schema: { tags, summary: 'Recompute the hash chain and name the first broken entry', response: { 200: auditVerifyResponseSchema } } },
    async (request) => {
      const result = await verifyAuditChain(db);
      await inTransaction(db, (trx) =>
        recordReadAudit(trx, auditActorOf(request), { action: 'audit.verify', details: { ok: result.ok, checked: result.checked } }, request.id),
      );
      return result;
    },
  );
}
