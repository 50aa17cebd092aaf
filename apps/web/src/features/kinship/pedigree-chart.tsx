import { layoutPedigree } from '@homeward/domain/kinship';
import type { PedigreePerson } from '@homeward/domain/kinship';
import { Group, Text, useDirection } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileSummary } from '@homeward/domain';
import { connectingRoleOf, type TypedRelative } from './hypotheses';
import { useKinshipLabels } from './kinship-labels';

/** How one member of the chart is shown. */
export interface ChartMember {
  /** The name of a registered person; null for an untyped connecting member (then `role` says who). */
  name: string | null;
  /** Their place in the hypothesis, already translated ("Paternal grandfather", "Missing child"). */
  role: string;
  /** Sex as recorded: a diamond when unknown, whatever sex the computation assumed. */
  sex: 'F' | 'M' | 'U';
  typed: boolean;
  /** The child whose identity is in question, or the position a missing child would fill. */
  subject: boolean;
}

const UNIT = 150;
const ROW = 118;
const R = 18;
const TYPED = '#0b6e4f';
const SUBJECT = '#c2410c';
const INK = '#1f2933';

const shorten = (text: string, max = 20) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function Symbol({ x, y, member }: { x: number; y: number; member: ChartMember }) {
  const fill = member.typed ? TYPED : '#ffffff';
  const common = { fill, stroke: INK, strokeWidth: 2 };
  return (
    <g>
      {member.subject ? <circle cx={x} cy={y} r={R + 8} fill="none" stroke={SUBJECT} strokeWidth={3} strokeDasharray="5 3" /> : null}
      {member.sex === 'M' ? (
        <rect x={x - R} y={y - R} width={2 * R} height={2 * R} {...common} />
      ) : member.sex === 'F' ? (
        <circle cx={x} cy={y} r={R} {...common} />
      ) : (
        <polygon points={`${x},${y - R - 3} ${x + R + 3},${y} ${x},${y + R + 3} ${x - R - 3},${y}`} {...common} />
      )}
      {member.typed ? (
        <text x={x} y={y + 4} textAnchor="middle" fontSize={11} fontWeight={700} fill="#ffffff" aria-hidden>
          DNA
        </text>
      ) : null}
    </g>
  );
}

/**
 * A pedigree drawn by the standard conventions: squares for males, circles for females, diamonds where the
 * sex is unknown; typed members filled and marked "DNA"; the child in question ringed. The geometry is
 * `layoutPedigree` (the printed report uses the same), mirrored in right-to-left languages.
 */
export function PedigreeChart({ pedigree, member, title }: { pedigree: readonly PedigreePerson[]; member: (person: PedigreePerson) => ChartMember; title: string }) {
  const { t } = useTranslation();
  const { dir } = useDirection();
  const titleId = useId();
  const descId = useId();
  const layout = layoutPedigree(pedigree);
  const width = Math.max(layout.width, 1) * UNIT;
  const height = Math.max(layout.generations, 1) * ROW + 10;
  const at = (x: number, generation: number) => ({
    x: (dir === 'rtl' ? layout.width - 1 - x : x) * UNIT + UNIT / 2,
    y: generation * ROW + R + 14,
  });
  const described = pedigree.map((p) => {
    const m = member(p);
    return [m.name, m.role, m.typed ? t('kinship.chart.typed') : t('kinship.chart.untyped')].filter(Boolean).join(', ');
  });

  return (
    <figure style={{ margin: 0 }}>
      <div style={{ overflowX: 'auto' }}>
        <svg
          role="img"
          aria-labelledby={`${titleId} ${descId}`}
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          style={{ display: 'block', marginInline: 'auto', maxWidth: '100%', height: 'auto' }}
          data-testid="pedigree-chart"
        >
          <title id={titleId}>{title}</title>
          <desc id={descId}>{described.join('; ')}</desc>
          {layout.segments.map((s, i) => {
            const a = at(s.x1, s.y1);
            const b = at(s.x2, s.y2);
            return <line key={i} x1={a.x} y1={a.y} x2={b.x} y2={b.y} stroke={INK} strokeWidth={1.5} />;
          })}
          {pedigree.map((p) => {
            const point = layout.points.get(p.id)!;
            const { x, y } = at(point.x, point.generation);
            const m = member(p);
            return (
              <g key={p.id} data-testid={m.subject ? 'pedigree-subject' : m.typed ? 'pedigree-typed' : 'pedigree-untyped'}>
                <Symbol x={x} y={y} member={m} />
                {m.name ? (
                  <text x={x} y={y + R + 20} textAnchor="middle" fontSize={12} fontWeight={600} fill={INK} direction={dir}>
                    {shorten(m.name)}
                  </text>
                ) : null}
                <text x={x} y={y + R + (m.name ? 35 : 20)} textAnchor="middle" fontSize={11} fill={m.subject ? SUBJECT : '#52606d'} direction={dir}>
                  {shorten(m.role, 24)}
                </text>
              </g>
            );
          })}
        </svg>
      </div>
      <figcaption>
        <Group gap="md" justify="center" mt={4}>
          <Text size="xs" c="dimmed">
            <span aria-hidden style={{ color: TYPED }}>
              ■{' '}
            </span>
            {t('kinship.chart.legendTyped')}
          </Text>
          <Text size="xs" c="dimmed">
            <span aria-hidden>□ ○ ◇ </span>
            {t('kinship.chart.legendShapes')}
          </Text>
          <Text size="xs" c="dimmed">
            <span aria-hidden style={{ color: SUBJECT }}>
              ◌{' '}
            </span>
            {t('kinship.chart.legendSubject')}
          </Text>
        </Group>
      </figcaption>
    </figure>
  );
}

/** How the chart shows the members of a hypothesis: the subject, the typed relatives in their roles, the connecting members. */
export function useChartMember(subject: { id: string; name: string | null; sex: 'F' | 'M' | 'U'; typed: boolean; role: string }, relatives: readonly TypedRelative[], candidates: readonly ProfileSummary[], which: 'claimed' | 'alternative') {
  const { t } = useTranslation();
  const labels = useKinshipLabels();
  return ({ id, sex }: PedigreePerson): ChartMember => {
    if (id === subject.id) return { name: subject.name ?? t('registry.unnamed'), role: subject.role, sex: subject.sex, typed: subject.typed, subject: true };
    const relative = relatives.find((r) => r.personId === id);
    if (relative) {
      const profile = candidates.find((c) => c.personId === id);
      return { name: profile?.displayName ?? t('registry.unnamed'), role: labels.role(relative[which]), sex: relative.sex, typed: true, subject: false };
    }
    const role = connectingRoleOf(id);
    return { name: null, role: role ? labels.role(role) : id, sex, typed: false, subject: false };
  };
}
