import { createHash, randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import { PHOTO_MAX_BYTES } from '@homeward/domain';
import type { Database } from '../../db/schema';
import { auditActor, requireCategory, requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import { recordReadAudit } from '../../lib/read-audit';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import { findPersonInScope } from './people.repository';

type Trx = Transaction<Database>;

const MAGIC: Record<string, (b: Buffer) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  'image/webp': (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
};


/** A photo for identification (identity category): checked to be the image it claims to be, kept with its source. */
export async function addPhoto(
  trx: Trx,
  actor: Actor,
  personId: string,
  input: { contentType: 'image/jpeg' | 'image/png' | 'image/webp'; dataBase64: string; source: string; takenOn?: string | null | undefined },
  requestId: string,
) {
  if (!(await findPersonInScope(trx, actor, requireScope(actor, 'person.update'), personId))) throw notFound('person');
  requireCategory(actor, 'identity', 'write');
  const bytes = Buffer.from(input.dataBase64, 'base64');
  if (bytes.length > PHOTO_MAX_BYTES) throw new AppError('validation_failed', 'A photo may be at most 2 MB.');
  if (!MAGIC[input.contentType]?.(bytes)) throw new AppError('validation_failed', `The file is not a ${input.contentType.replace('image/', '').toUpperCase()} image.`);
  const id = randomUUID();
  await trx
    .insertInto('person_photos')
    .values({
      id,
      person_id: personId,
      content_type: input.contentType,
      bytes,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      source: input.source,
      taken_on: input.takenOn ?? null,
      recorded_by: actor.userId,
    })
    .execute();
  await recordAudit(trx, auditActor(actor), { action: 'person.add_photo', targetType: 'person', targetIds: [personId, id] }, requestId);
  return id;
}

/** The image itself; every view is audited like any read of the person. */
export async function readPhoto(trx: Trx, actor: Actor, personId: string, photoId: string, requestId: string) {
  if (!(await findPersonInScope(trx, actor, requireScope(actor, 'person.read'), personId))) throw notFound('person');
  requireCategory(actor, 'identity', 'read');
  const photo = await trx.selectFrom('person_photos').select(['content_type', 'bytes']).where('id', '=', photoId).where('person_id', '=', personId).executeTakeFirst();
  if (!photo) throw notFound('photo');
  await recordReadAudit(trx, auditActor(actor), { action: 'person.read_photo', targetType: 'person', targetIds: [personId, photoId] }, requestId);
  return { contentType: photo.content_type, bytes: Buffer.from(photo.bytes) };
}

export async function addNationalityClaim(trx: Trx, actor: Actor, personId: string, input: { country: string; basis: string; source: string }, requestId: string) {
  if (!(await findPersonInScope(trx, actor, requireScope(actor, 'person.update'), personId))) throw notFound('person');
  requireCategory(actor, 'identity', 'write');
  const row = await trx
    .insertInto('person_nationality_claims')
    .values({ person_id: personId, country: input.country, basis: input.basis, source: input.source, recorded_by: actor.userId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, auditActor(actor), { action: 'person.add_nationality_claim', targetType: 'person', targetIds: [personId], details: { country: input.country } }, requestId);
  return row.id;
}
