import { registerPersonRequestSchema } from '@homeward/domain';
import type { NameInput } from '@homeward/domain';
import { Button, Card, Grid, Group, SegmentedControl, Stack, Switch, Text, Title } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BirthFields, birthInputOf, emptyBirth } from '../registry/birth-fields';
import type { Sex } from '../registry/labels';
import { SEXES, isOneOf, useLabels } from '../registry/labels';
import { NameFields, emptyName, nameInputOf } from '../registry/name-fields';
import type { NameDraft } from '../registry/name-fields';
import { useRegisterPersonMutation } from '../registry/registry.queries';
import { ErrorAlert } from '../shell/error-alert';
import { notify } from '../shell/notify';
import { PageHeader } from '../shell/page-header';
import { CaseFields, NEW_CASE } from './case-fields';
import type { CaseDraft } from './case-fields';
import { DuplicateCandidates } from './duplicate-candidates';

const MAX_NAMES = 30;

/**
 * Registers a person with every name they are known by (even just a first name), what is known of their
 * birth, and optionally a case; likely existing records are shown first, so nobody is registered twice.
 */
export function RegistrationPage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const navigate = useNavigate();
  const register = useRegisterPersonMutation();
  const sexLabelId = useId();
  const [sex, setSex] = useState<Sex>('U');
  const [names, setNames] = useState<NameDraft[]>([emptyName()]);
  const [birth, setBirth] = useState(() => emptyBirth('estimate'));
  const [openCase, setOpenCase] = useState(true);
  const [caseDraft, setCaseDraft] = useState<CaseDraft>(NEW_CASE);
  const [errors, setErrors] = useState<{ names?: string; birth?: string }>({});

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const inputs = names.map(nameInputOf);
    const next: typeof errors = {};
    const valid = inputs.filter((n): n is NameInput => n !== null);
    if (valid.length === 0 || valid.length !== names.length) next.names = t('registry.validation.namePart');
    const birthInput = birthInputOf(birth);
    if (birthInput === 'invalid') next.birth = t(birth.mode === 'date' ? 'registry.validation.date' : 'registry.validation.age');
    setErrors(next);
    if (next.names || next.birth || birthInput === 'invalid') return;
    const parsed = registerPersonRequestSchema.safeParse({
      sex,
      names: valid,
      birth: birthInput,
      case: openCase ? caseDraft : null,
    });
    if (!parsed.success) return setErrors({ names: t('registry.validation.namePart') });
    register.mutate(parsed.data, {
      onSuccess: async (result) => {
        notify('success', t('registration.done'));
        // Without a case, the person's own page: identity, placements, and "open a case" later.
        await navigate(result.caseId ? `/cases/${result.caseId}` : `/people/${result.id}`);
      },
    });
  };

  const setName = (index: number, draft: NameDraft) => setNames((list) => list.map((n, i) => (i === index ? draft : n)));

  return (
    <>
      <PageHeader title={t('registration.title')} intro={t('registration.intro')} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <form onSubmit={onSubmit} noValidate aria-label={t('registration.title')}>
            <Stack gap="lg">
              <Card withBorder padding="lg">
                <Text size="sm" fw={500} mb={4} id={sexLabelId}>
                  {t('registration.sex')}
                </Text>
                <SegmentedControl
                  aria-labelledby={sexLabelId}
                  data={SEXES.map((s) => ({ value: s, label: labels.sex(s) }))}
                  value={sex}
                  onChange={(v) => isOneOf(SEXES, v) && setSex(v)}
                />
              </Card>
              {names.map((draft, index) => (
                <Card key={index} withBorder padding="lg">
                  <Group justify="space-between" mb="xs">
                    <Title order={2} size="h5">
                      {names.length > 1 ? t('registration.nameN', { n: index + 1 }) : t('registration.name')}
                    </Title>
                    {names.length > 1 ? (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        leftSection={<IconTrash size={14} aria-hidden />}
                        onClick={() => setNames((list) => list.filter((_, i) => i !== index))}
                      >
                        {t('registration.removeName', { n: index + 1 })}
                      </Button>
                    ) : null}
                  </Group>
                  <Text size="xs" c="dimmed" mb="sm">
                    {t('registration.nameHint')}
                  </Text>
                  <Stack gap="sm">
                    <NameFields value={draft} onChange={(d) => setName(index, d)} index={names.length > 1 ? index : undefined} error={index === 0 ? errors.names : undefined} />
                  </Stack>
                </Card>
              ))}
              {names.length < MAX_NAMES ? (
                <Group>
                  <Button variant="default" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setNames((list) => [...list, emptyName(list[0]?.source)])}>
                    {t('registration.addName')}
                  </Button>
                </Group>
              ) : null}
              <Card withBorder padding="lg">
                <Title order={2} size="h5" mb="sm">
                  {t('registration.birth')}
                </Title>
                <BirthFields value={birth} onChange={setBirth} error={errors.birth} />
              </Card>
              <Card withBorder padding="lg">
                <Title order={2} size="h5" mb="sm">
                  {t('registration.case.title')}
                </Title>
                <Stack gap="sm">
                  <Switch label={t('registration.case.open')} checked={openCase} onChange={(e) => setOpenCase(e.currentTarget.checked)} />
                  {openCase ? <CaseFields value={caseDraft} onChange={setCaseDraft} /> : null}
                </Stack>
              </Card>
              {register.isError ? <ErrorAlert error={register.error} /> : null}
              <Group justify="flex-end">
                <Button type="submit" size="md" loading={register.isPending} data-testid="register-submit">
                  {t('registration.submit')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <div style={{ position: 'sticky', top: 80 }}>
            <DuplicateCandidates names={names} sex={sex} birth={birth} />
          </div>
        </Grid.Col>
      </Grid>
    </>
  );
}
