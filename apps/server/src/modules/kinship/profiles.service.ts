import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import {
  MarkerNames,
  parseProfilesCsvLong,
  parseProfilesCsvWide,
  parseProfilesJson,
  type ProfileParseError,
  type ProfileParseResult,
  type StrProfile,
} from '@homeward/domain/kinship';
import type { Database } from '../../db/schema';
import { auditActor, requireCategory, requireScope } from '../../lib/access';
import { recordAudit } from '../../lib/audit';
import { recordReadAudit } from '../../lib/read-audit';
import type { Actor } from '../../lib/context';
import { AppError, notFound } from '../../lib/errors';
import type { ProfileCorrectionRequest, ProfileImportRequest, ProfileListQuery, ProfileSummary, ProfileView } from '@homeward/domain';
import {
  currentProfiles,
  findProfile,
  insertProfileEvents,
  insertProfileVersion,
  nextProfileVersion,
  peopleInScope,
  profileEvents,
  profileSummaries,
  profileVersions,
  type NewProfileEvent,
  type StoredMarkers,
} from './profiles.repository';

/**
 * STR profiles: import from lab files (all or nothing), manual correction with a reason, and the audited
 * read. Profiles are the genetic field category; their markers never appear in person views or exports.
 */

type Trx = Transaction<Database>;
const today = () => new Date().toISOString().slice(0, 10);

/** Genetic data is read and written only by roles that may see the genetic category. */
export function requireGenetic(actor: Actor): void {
  requireCategory(actor, 'genetic', 'read');
}

/** "row 3, person F, marker TH01: message" for the first errors of a lab file. */
export function describeProfileErrors(errors: readonly ProfileParseError[]): string {
  const where = (e: ProfileParseError) =>
    [e.row !== null ? `row ${e.row}` : null, e.person !== null ? `person ${e.person}` : null, e.marker !== null ? `marker ${e.marker}` : null].filter(Boolean).join(', ');
  const shown = errors.slice(0, 5).map((e) => `${where(e) || 'file'}: ${e.message}`);
  return `${shown.join('; ')}${errors.length > 5 ? ` (and ${errors.length - 5} more)` : ''}`;
}

/** Parses a lab file in the given format, or throws a 400 naming every row and marker at fault. */
export function parseLabFile(format: ProfileImportRequest['format'], content: string): StrProfile[] {
  let parsed: ProfileParseResult;
  switch (format) {
    case 'csv-long':
      parsed = parseProfilesCsvLong(content);
      break;
    case 'csv-wide':
      parsed = parseProfilesCsvWide(content);
      break;
    case 'json':
      parsed = parseProfilesJson(content);
      break;
  }
  if (!parsed.ok) throw fileError(parsed.errors);
  return parsed.profiles;
}

function fileError(errors: readonly ProfileParseError[]): AppError {
  return new AppError('validation_failed', `Nothing was imported — ${describeProfileErrors(errors)}`, { errors: errors.slice(0, 100) });
}

/** Imports every profile of a lab file, or none: one transaction, every problem reported at once. */
export async function importProfiles(trx: Trx, actor: Actor, input: ProfileImportRequest, requestId: string) {
  const scope = requireScope(actor, 'genetic.import');
  requireGenetic(actor);
  const profiles = parseLabFile(input.format, input.content);
  const errors: ProfileParseError[] = [];
  const labels = new Set(profiles.map((p) => p.person));
  for (const label of labels) {
    if (input.people[label] === undefined) errors.push({ row: null, person: label, marker: null, message: 'no person id given for this lab label (people)' });
  }
  for (const label of new Set([...Object.keys(input.people), ...Object.keys(input.kinds ?? {})])) {
    if (!labels.has(label)) errors.push({ row: null, person: label, marker: null, message: 'this label is not in the file' });
  }
  const ids = Object.values(input.people);
  if (new Set(ids).size !== ids.length) errors.push({ row: null, person: null, marker: null, message: 'two lab labels map to the same person' });
  if (errors.length > 0) throw fileError(errors);
  const reachable = new Set((await peopleInScope(trx, actor, scope, ids)).map((p) => p.id));
  const unknown = Object.entries(input.people).filter(([, id]) => !reachable.has(id));
  if (unknown.length > 0) throw new AppError('not_found', `No such person for lab label ${unknown.map(([label]) => `"${label}"`).join(', ')}.`);

  const kindOf = (label: string) => input.kinds?.[label] ?? input.kind;
  const now = new Date();
  const stored = [];
  for (const profile of profiles) {
    const personId = input.people[profile.person]!;
    const id = randomUUID();
    const version = await nextProfileVersion(trx, personId);
    await insertProfileVersion(trx, {
      id,
      personId,
      version,
      kind: kindOf(profile.person),
      kit: profile.kit ?? input.kit,
      lab: profile.lab ?? input.lab,
      sampleId: profile.sample ?? profile.person,
      collectedOn: input.collectedOn,
      collector: input.collector,
      consentReference: input.consentReference,
      consentRecordedAt: now,
      consentRecordedBy: actor.userId,
      markers: profile.markers,
      createdBy: actor.userId,
    });
    const events: NewProfileEvent[] = [
      { profileId: id, kind: 'collected', on: input.collectedOn, by: input.collector, reason: null, recordedBy: actor.userId },
      ...input.custody.map((e) => ({ profileId: id, kind: e.kind, on: e.on, by: e.by ?? null, reason: null, recordedBy: actor.userId })),
      { profileId: id, kind: 'typed', on: today(), by: profile.lab ?? input.lab, reason: null, recordedBy: actor.userId },
    ];
    await insertProfileEvents(trx, events);
    stored.push({ id, personId, label: profile.person, version, markers: Object.keys(profile.markers).length });
  }
  await recordAudit(
    trx,
    auditActor(actor),
    {
      action: 'genetic.import',
      targetType: 'person',
      targetIds: [...stored.map((s) => s.personId), ...stored.map((s) => s.id)],
      details: { profiles: stored.length, format: input.format, kinds: [...new Set(profiles.map((p) => kindOf(p.person)))].join(',') },
    },
    requestId,
  );
  return { profiles: stored };
}

/** Checks corrected markers like an import would, with the same row/marker wording. */
function correctedMarkers(current: StoredMarkers, changes: ProfileCorrectionRequest['markers']): StoredMarkers {
  const names = new MarkerNames(Object.keys(current));
  const set: Record<string, string[]> = {};
  const removed: string[] = [];
  const errors: ProfileParseError[] = [];
  for (const [raw, typing] of Object.entries(changes)) {
    if (typing !== null) set[raw] = typing;
    else {
      const marker = names.canonical(raw);
      if (marker === null || current[marker] === undefined) errors.push({ row: null, person: null, marker: raw, message: 'not in the profile, so it cannot be removed' });
      else removed.push(marker);
    }
  }
  if (errors.length > 0) throw fileError(errors);
  const merged: StoredMarkers = { ...current };
  for (const marker of removed) delete merged[marker];
  if (Object.keys(set).length > 0) {
    const parsed = parseProfilesJson({ person: 'correction', markers: set }, { extraMarkers: Object.keys(current) });
    if (!parsed.ok) throw fileError(parsed.errors.map((e) => ({ ...e, row: null, person: null })));
    Object.assign(merged, parsed.profiles[0]!.markers);
  }
  if (Object.keys(merged).length === 0) throw new AppError('validation_failed', 'A correction cannot remove every marker.');
  return merged;
}

/** Manual correction: a new version with the changed markers, the old one kept, the reason on record. */
export async function correctProfile(trx: Trx, actor: Actor, profileId: string, input: ProfileCorrectionRequest, requestId: string) {
  const scope = requireScope(actor, 'genetic.import');
  requireGenetic(actor);
  const profile = await findProfile(trx, profileId);
  if (!profile || (await peopleInScope(trx, actor, scope, [profile.person_id])).length === 0) throw notFound('profile');
  if (profile.superseded_at !== null) throw new AppError('conflict', 'This profile version has been superseded; correct the current version.');
  const markers = correctedMarkers(profile.markers as StoredMarkers, input.markers);
  const id = randomUUID();
  const version = await nextProfileVersion(trx, profile.person_id);
  await insertProfileVersion(trx, {
    id,
    personId: profile.person_id,
    version,
    kind: profile.kind as 'child' | 'reference',
    kit: profile.kit,
    lab: profile.lab,
    sampleId: profile.sample_id,
    collectedOn: profile.collected_on,
    collector: profile.collector,
    consentReference: profile.consent_reference,
    consentRecordedAt: profile.consent_recorded_at,
    consentRecordedBy: profile.consent_recorded_by,
    markers,
    createdBy: actor.userId,
  });
  await insertProfileEvents(trx, [{ profileId: id, kind: 'corrected', on: today(), by: null, reason: input.reason, recordedBy: actor.userId }]);
  await recordAudit(
    trx,
    auditActor(actor),
    { action: 'genetic.correct', targetType: 'person', targetIds: [profile.person_id, profile.id, id], details: { markers: Object.keys(input.markers).length } },
    requestId,
  );
  return { id, personId: profile.person_id, version };
}

/** A person's current profile with its versions and chain of custody: every read is audited. */
export async function readProfile(trx: Trx, actor: Actor, personId: string, requestId: string): Promise<ProfileView> {
  const scope = requireScope(actor, 'genetic.read');
  requireGenetic(actor);
  if ((await peopleInScope(trx, actor, scope, [personId])).length === 0) throw notFound('person');
  const [current] = await currentProfiles(trx, [personId]);
  if (!current) throw notFound('profile');
  const versions = await profileVersions(trx, personId);
  const events = await profileEvents(trx, versions.map((v) => v.id));
  const versionOf = new Map(versions.map((v) => [v.id, v.version]));
  await recordReadAudit(trx, auditActor(actor), { action: 'genetic.read', targetType: 'person', targetIds: [personId, current.id] }, requestId);
  return {
    id: current.id,
    personId,
    version: current.version,
    kind: current.kind as ProfileView['kind'],
    kit: current.kit,
    lab: current.lab,
    sampleId: current.sample_id,
    collectedOn: current.collected_on,
    collector: current.collector,
    consent: { reference: current.consent_reference, recordedAt: current.consent_recorded_at.toISOString() },
    markers: current.markers as StoredMarkers,
    createdAt: current.created_at.toISOString(),
    versions: versions.map((v) => ({ id: v.id, version: v.version, createdAt: v.created_at.toISOString(), supersededAt: v.superseded_at?.toISOString() ?? null })),
    custody: events.map((e) => ({
      kind: e.kind,
      on: e.happened_on,
      by: e.actor,
      reason: e.reason,
      profileVersion: versionOf.get(e.profile_id) ?? 0,
      recordedAt: e.recorded_at.toISOString(),
    })),
  };
}

/**
 * Who among the given people (or of a kind) has a current profile, with its facts but never its markers:
 * what a pedigree chart marks as typed and what a picker offers. Audited, since having a profile is itself
 * genetic information.
 */
export async function listProfiles(trx: Trx, actor: Actor, query: ProfileListQuery, requestId: string): Promise<ProfileSummary[]> {
  const scope = requireScope(actor, 'genetic.read');
  requireGenetic(actor);
  const rows = await profileSummaries(trx, actor, scope, query);
  if (rows.length > 0) {
    await recordReadAudit(trx, auditActor(actor), { action: 'genetic.list', targetType: 'person', targetIds: rows.map((r) => r.person_id), details: { kind: query.kind ?? null } }, requestId);
  }
  return rows.map((r) => ({
    profileId: r.id,
    personId: r.person_id,
    displayName: r.display_name,
    sex: r.sex as ProfileSummary['sex'],
    kind: r.kind as ProfileSummary['kind'],
    version: r.version,
    kit: r.kit,
    lab: r.lab,
    markers: r.marker_count,
  }));
}
