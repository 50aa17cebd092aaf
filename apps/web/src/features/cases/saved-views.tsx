import { ActionIcon, Button, Group, Popover, Select, Stack, TextInput, Tooltip } from '@mantine/core';
import { IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFilter, SavedView } from './case-filter';
import { loadSavedViews, storeSavedViews, viewOf } from './case-filter';

/** Named filter sets kept on this device: choose one to apply it, save the current filters, delete one. */
export function SavedViews({ filter, onApply }: { filter: CaseFilter; onApply: (filter: CaseFilter) => void }) {
  const { t } = useTranslation();
  const [views, setViews] = useState<SavedView[]>(loadSavedViews);
  const [current, setCurrent] = useState<string | null>(null);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');

  const update = (next: SavedView[]) => {
    setViews(next);
    storeSavedViews(next);
  };

  const onSave = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const view = viewOf(name, filter);
    if (!view.name) return;
    update([...views.filter((v) => v.name !== view.name), view].sort((a, b) => a.name.localeCompare(b.name)));
    setCurrent(view.name);
    setNaming(false);
    setName('');
  };

  return (
    <Group gap="xs" align="flex-end">
      <Select
        label={t('cases.views.label')}
        placeholder={views.length ? t('cases.views.choose') : t('cases.views.none')}
        data={views.map((v) => v.name)}
        value={current}
        onChange={(value) => {
          setCurrent(value);
          const view = views.find((v) => v.name === value);
          if (view) onApply(view.filter);
        }}
        disabled={views.length === 0}
        w={220}
      />
      {current ? (
        <Tooltip label={t('cases.views.delete')}>
          <ActionIcon
            variant="subtle"
            color="red"
            size="lg"
            mb={2}
            aria-label={t('cases.views.deleteNamed', { name: current })}
            onClick={() => {
              update(views.filter((v) => v.name !== current));
              setCurrent(null);
            }}
          >
            <IconTrash size={18} aria-hidden />
          </ActionIcon>
        </Tooltip>
      ) : null}
      <Popover opened={naming} onChange={setNaming} trapFocus position="bottom-start" withinPortal shadow="md">
        <Popover.Target>
          <Button variant="default" leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => setNaming((o) => !o)}>
            {t('cases.views.save')}
          </Button>
        </Popover.Target>
        <Popover.Dropdown>
          <form onSubmit={onSave}>
            <Stack gap="xs">
              <TextInput label={t('cases.views.name')} description={t('cases.views.nameHint')} value={name} onChange={(e) => setName(e.currentTarget.value)} maxLength={60} data-autofocus />
              <Button type="submit" size="xs" disabled={!name.trim()}>
                {t('common.save')}
              </Button>
            </Stack>
          </form>
        </Popover.Dropdown>
      </Popover>
    </Group>
  );
}
