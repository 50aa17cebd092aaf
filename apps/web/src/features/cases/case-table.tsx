import type { CaseSummary } from '@homeward/domain';
import { Anchor, Badge, Group, Paper, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLabels } from '../registry/labels';
import { AgeText, PersonName } from '../registry/person-text';
import { PriorityBadge, StageBadge } from './case-badges';

/** The case list: one row per case, its reference opening the case page. */
export function CaseTable({ cases }: { cases: readonly CaseSummary[] }) {
  const { t } = useTranslation();
  const labels = useLabels();
  return (
    <Paper withBorder>
      <Table.ScrollContainer minWidth={1040}>
        <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('cases.tableLabel')} data-testid="cases-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cases.columns.reference')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.name')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.age')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.stage')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.daysInStage')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.priority')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.flags')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.place')}</Table.Th>
              <Table.Th scope="col">{t('cases.columns.openTasks')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cases.map((c) => (
              <Table.Tr key={c.id} data-testid={`case-row-${c.reference}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/cases/${c.id}`} className="ltr-token" fw={600}>
                    {c.reference}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    <PersonName name={c.displayName} />
                  </Text>
                  <Text size="xs" c="dimmed">
                    {labels.kind(c.kind)}
                    {c.sex ? ` · ${labels.sex(c.sex)}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <AgeText birthYears={c.birthYears} />
                </Table.Td>
                <Table.Td>
                  <StageBadge stage={c.stage} closed={c.closedAt !== null} />
                </Table.Td>
                <Table.Td>
                  <span className="ltr-token">{c.daysInStage}</span>
                </Table.Td>
                <Table.Td>
                  <PriorityBadge priority={c.priority} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {c.flags.map((flag) => (
                      <Badge key={flag} size="sm" variant="outline" color="orange" tt="none">
                        {labels.flag(flag)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>{c.currentPlace ? <PersonName name={c.currentPlace.name} /> : <Text span size="sm" c="dimmed">—</Text>}</Table.Td>
                <Table.Td>
                  <span className="ltr-token">{c.openTasks}</span>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
