import { Box, Button, Center, Grid, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconFolder, IconFolderPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCan, useSession } from '../auth/session-context';
import { KinshipPanel, useSeesKinship } from '../kinship/kinship-panel';
import { FamilyChart } from '../cases/family-chart';
import { IdentityPanel } from '../cases/identity/identity-panel';
import { PlacementsPanel } from '../cases/placements-panel';
import { useLabels } from '../registry/labels';
import { BirthText, PersonName } from '../registry/person-text';
import { usePersonRecordQuery } from '../registry/registry.queries';
import { ErrorAlert } from '../shell/error-alert';
import { SoughtInRequests } from '../tracing/sought-in-requests';
import { OpenCaseDialog } from './open-case-dialog';

/**
 * A person in the registry, with or without a case: the identity panel, the family, the placements, and
 * "open a case" for one who has none (a person registered or imported without a case lands here).
 */
export function PersonPage() {
  const { t } = useTranslation();
  const { personId = '' } = useParams();
  const session = useSession();
  const can = useCan();
  const labels = useLabels();
  const [opening, setOpening] = useState(false);
  const readsIdentity = session.readableCategories.includes('identity');
  const readsLocation = session.readableCategories.includes('location');
  const seesKinship = useSeesKinship();
  const person = usePersonRecordQuery(readsIdentity ? personId : undefined);
  useDocumentTitle(`${person.data?.displayName ?? t('registry.unnamed')} · ${t('app.name')}`);

  if (!readsIdentity) {
    return (
      <Stack gap="lg">
        <Text>{t('person.hidden')}</Text>
        {readsLocation ? <PlacementsPanel personId={personId} /> : null}
      </Stack>
    );
  }
  if (person.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (person.isError) return <ErrorAlert error={person.error} />;
  const record = person.data;

  return (
    <>
      <Paper withBorder p="lg" mb="lg">
        <Group justify="space-between" align="flex-start" gap="md">
          <Stack gap={6}>
            <Title order={1} size="h2" data-testid="person-title">
              <PersonName name={record.displayName} />
            </Title>
            <Text size="sm" c="dimmed">
              {labels.sex(record.sex)} · <BirthText birth={record.birth} />
            </Text>
            {can('tracing_request.list') ? <SoughtInRequests personId={record.id} /> : null}
            {record.openCaseId ? null : (
              <Text size="sm" data-testid="person-no-case">
                {t('person.noCase')}
              </Text>
            )}
          </Stack>
          {record.openCaseId ? (
            can('case.read') ? (
              <Button component={Link} to={`/cases/${record.openCaseId}`} variant="light" leftSection={<IconFolder size={18} aria-hidden />}>
                {t('person.goToCase')}
              </Button>
            ) : null
          ) : can('case.create') ? (
            <Button leftSection={<IconFolderPlus size={18} aria-hidden />} onClick={() => setOpening(true)} data-testid="open-case">
              {t('person.openCase')}
            </Button>
          ) : null}
        </Group>
      </Paper>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            <IdentityPanel person={record} />
            <FamilyChart person={record} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>{readsLocation ? <PlacementsPanel personId={record.id} /> : null}</Grid.Col>
      </Grid>
      {seesKinship ? (
        <Box mt="lg">
          <KinshipPanel key={record.id} record={record} />
        </Box>
      ) : null}
      <OpenCaseDialog personId={record.id} opened={opening} onClose={() => setOpening(false)} />
    </>
  );
}
