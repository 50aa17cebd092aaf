import { useCallback } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useDirectoryQuery } from './directory';

/**
 * A user id → a colleague's name for display: "(disabled)" when the account is, a plain phrase for an id
 * outside the mission (a partner, a removed account), null while the directory loads or when no one is recorded.
 */
export function useUserNameText(): (id: string | null | undefined) => string | null {
  const { t } = useTranslation();
  const users = useDirectoryQuery().data;
  return useCallback(
    (id) => {
      if (!id || !users) return null;
      const user = users.find((u) => u.id === id);
      if (!user) return t('directory.unknown');
      return user.disabled ? t('directory.disabled', { name: user.displayName }) : user.displayName;
    },
    [t, users],
  );
}

/** "by Ayla Officer" in the reader's language, the name isolated in its own direction; nothing when unknown. */
export function ByUser({ id }: { id: string | null }) {
  const nameOf = useUserNameText();
  const name = nameOf(id);
  if (!name) return null;
  return <Trans i18nKey="timeline.by" values={{ name }} components={{ bdi: <bdi dir="auto" /> }} />;
}
