import { Box, Center, Grid, Loader, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useSession } from '../auth/session-context';
import { KinshipPanel, useSeesKinship } from '../kinship/kinship-panel';
import { usePersonRecordQuery } from '../registry/registry.queries';
import { ErrorAlert } from '../shell/error-alert';
import { CaseHeader } from './case-header';
import { useCaseDetailQuery } from './cases.queries';
import { FamilyChart } from './family-chart';
import { IdentityPanel } from './identity/identity-panel';
import { NotesPanel } from './notes-panel';
import { PlacementsPanel } from './placements-panel';
import { TasksPanel } from './tasks-panel';
import { TimelinePanel } from './timeline-panel';

/** One case: header and stage, identity and family, placements, tasks, notes and timeline. */
export function CasePage() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const session = useSession();
  const detail = useCaseDetailQuery(caseId);
  const readsIdentity = session.readableCategories.includes('identity');
  const readsLocation = session.readableCategories.includes('location');
  const seesKinship = useSeesKinship();
  const person = usePersonRecordQuery(readsIdentity ? detail.data?.case.personId : undefined);

  if (detail.isPending) {
    return (
      <Center py="xl">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (detail.isError) return <ErrorAlert error={detail.error} />;
  const { case: c } = detail.data;

  return (
    <>
      <CaseHeader detail={detail.data} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="lg">
            {readsIdentity ? (
              person.isPending ? (
                <Center py="md">
                  <Loader aria-label={t('common.loading')} />
                </Center>
              ) : person.isError ? (
                <ErrorAlert error={person.error} />
              ) : (
                <>
                  <IdentityPanel person={person.data} />
                  <FamilyChart person={person.data} />
                </>
              )
            ) : null}
            <TimelinePanel timeline={detail.data.timeline} relatives={person.data?.relationships} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="lg">
            {readsLocation ? <PlacementsPanel personId={c.personId} /> : null}
            <TasksPanel caseId={c.id} tasks={detail.data.tasks} />
            <NotesPanel caseId={c.id} notes={detail.data.notes} />
          </Stack>
        </Grid.Col>
      </Grid>
      {seesKinship && person.data ? (
        <Box mt="lg">
          <KinshipPanel key={person.data.id} record={person.data} />
        </Box>
      ) : null}
    </>
  );
}
