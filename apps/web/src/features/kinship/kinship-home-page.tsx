import type { Permission } from '@homeward/domain';
import { Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { IconFileImport, IconZoomScan } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../auth/session-context';
import { ErrorAlert } from '../shell/error-alert';
import { PageHeader } from '../shell/page-header';
import { useFrequenciesQuery } from './kinship.queries';

const ENTRIES: { to: string; title: 'kinship.home.importTitle' | 'kinship.home.screenTitle'; body: 'kinship.home.importBody' | 'kinship.home.screenBody'; icon: Icon; permission: Permission }[] = [
  { to: '/kinship/import', title: 'kinship.home.importTitle', body: 'kinship.home.importBody', icon: IconFileImport, permission: 'genetic.import' },
  { to: '/kinship/screens', title: 'kinship.home.screenTitle', body: 'kinship.home.screenBody', icon: IconZoomScan, permission: 'genetic.screen' },
];

/**
 * DNA kinship's own page: where lab files come in and screens run, and which frequency databases the
 * results rest on. Questions about one child are asked from that child's case or record.
 */
export function KinshipHomePage() {
  const { t } = useTranslation();
  const can = useCan();
  const frequencies = useFrequenciesQuery();
  return (
    <>
      <PageHeader title={t('kinship.home.title')} intro={t('kinship.home.intro')} />
      <Stack gap="lg" maw={1100}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {ENTRIES.filter((e) => can(e.permission)).map((e) => (
            <UnstyledButton key={e.to} component={Link} to={e.to} data-testid={`kinship-entry-${e.to.split('/').pop()}`}>
              <Card withBorder padding="lg" h="100%">
                <Group gap="sm" mb="xs">
                  <e.icon size={24} aria-hidden />
                  <Title order={2} size="h4">
                    {t(e.title)}
                  </Title>
                </Group>
                <Text size="sm" c="dimmed">
                  {t(e.body)}
                </Text>
              </Card>
            </UnstyledButton>
          ))}
        </SimpleGrid>
        <Card withBorder padding="lg" component="section" aria-labelledby="frequencies-title">
          <Title order={2} size="h4" mb="sm" id="frequencies-title">
            {t('kinship.home.frequencies')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('kinship.home.frequenciesIntro')}
          </Text>
          {frequencies.isError ? <ErrorAlert error={frequencies.error} /> : null}
          <Table verticalSpacing={4} fz="sm" aria-label={t('kinship.home.frequencies')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('kinship.home.name')}</Table.Th>
                <Table.Th scope="col">{t('kinship.home.population')}</Table.Th>
                <Table.Th scope="col">{t('kinship.profile.markers')}</Table.Th>
                <Table.Th scope="col">{t('kinship.home.floor')}</Table.Th>
                <Table.Th scope="col">{t('kinship.home.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(frequencies.data?.databases ?? []).map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    <Group gap={6}>
                      <span className="ltr-token">{d.name}</span>
                      {d.isDefault ? (
                        <Badge size="xs" variant="light" tt="none">
                          {t('kinship.home.default')}
                        </Badge>
                      ) : null}
                      {d.synthetic ? (
                        <Badge size="xs" color="orange" variant="light" tt="none">
                          {t('kinship.builder.synthetic')}
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>{d.population}</Table.Td>
                  <Table.Td className="ltr-token">{d.markers}</Table.Td>
                  <Table.Td className="ltr-token">{d.floor}</Table.Td>
                  <Table.Td lang="en">{d.sourceNote}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Card>
      </Stack>
    </>
  );
}
