import type { CaseDetail } from '@homeward/domain';
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { IconAdjustments, IconArrowsRightLeft } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth/session-context';
import { useLabels } from '../registry/labels';
import { AgeText, PersonName } from '../registry/person-text';
import { PriorityBadge, StageBadge } from './case-badges';
import { CaseEditDialog } from './case-edit-dialog';
import { StageMoveDialog } from './stage-move-dialog';

/** The top of the case page: who, which case, where it stands, and the control that moves it on. */
export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const can = useCan();
  const [moving, { open, close }] = useDisclosure(false);
  const [editing, setEditing] = useState(false);
  const c = detail.case;
  useDocumentTitle(`${c.reference} · ${t('app.name')}`);
  const canMove = can('case.transition') && c.closedAt === null && detail.options.length > 0;
  const canEdit = can('case.update') && c.closedAt === null;

  return (
    <Paper withBorder p="lg" mb="lg">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6}>
          <Title order={1} size="h2" data-testid="case-title">
            <PersonName name={c.displayName} fallback={t('registry.unnamed')} />
          </Title>
          <Group gap="xs">
            <Text span className="ltr-token" fw={600} data-testid="case-reference">
              {c.reference}
            </Text>
            <Text span c="dimmed" size="sm">
              · {labels.kind(c.kind)}
              {c.sex ? ` · ${labels.sex(c.sex)}` : ''} · <AgeText birthYears={c.birthYears} />
            </Text>
          </Group>
          <Group gap="xs">
            <StageBadge stage={c.stage} closed={c.closedAt !== null} size="lg" />
            <Text span size="sm" c="dimmed">
              {t('cases.daysInStage', { n: c.daysInStage })}
            </Text>
            <PriorityBadge priority={c.priority} size="lg" />
            {c.flags.map((flag) => (
              <Badge key={flag} variant="outline" color="orange" tt="none" size="lg">
                {labels.flag(flag)}
              </Badge>
            ))}
          </Group>
        </Stack>
        <Group gap="xs">
          {canEdit ? (
            <Button variant="default" leftSection={<IconAdjustments size={18} aria-hidden />} onClick={() => setEditing(true)} data-testid="edit-case">
              {t('caseEdit.open')}
            </Button>
          ) : null}
          {canMove ? (
            <Button leftSection={<IconArrowsRightLeft size={18} aria-hidden />} onClick={open} data-testid="move-stage">
              {t('cases.move.open')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <StageMoveDialog opened={moving} detail={detail} onClose={close} />
      <CaseEditDialog opened={editing} detail={detail} onClose={() => setEditing(false)} />
    </Paper>
  );
}
