import type { Permission } from '@homeward/domain';
import { IconArrowsLeftRight, IconBuildingCommunity, IconChecklist, IconDna, IconFileImport, IconFolders, IconHome, IconListCheck, IconUserPlus, IconUsers, IconUserSearch } from '@tabler/icons-react';
import type { Icon } from '@tabler/icons-react';

/** One entry of the main navigation; shown only to those holding `permission`, or one of several (when set). */
export interface NavEntry {
  to: string;
  labelKey: 'shell.home' | 'shell.cases' | 'shell.myTasks' | 'shell.register' | 'shell.places' | 'shell.tracing' | 'shell.imports' | 'shell.matching' | 'shell.kinship' | 'shell.users' | 'shell.audit';
  icon: Icon;
  permission?: Permission | readonly Permission[];
}

/** Whether someone who may do what `can` says may open the entry. */
export function mayOpen(entry: NavEntry, can: (permission: Permission) => boolean): boolean {
  if (entry.permission === undefined) return true;
  return typeof entry.permission === 'string' ? can(entry.permission) : entry.permission.some(can);
}

export const NAV_ENTRIES: readonly NavEntry[] = [
  { to: '/', labelKey: 'shell.home', icon: IconHome },
  { to: '/cases', labelKey: 'shell.cases', icon: IconFolders, permission: 'case.list' },
  { to: '/tasks', labelKey: 'shell.myTasks', icon: IconChecklist, permission: 'case.read' },
  { to: '/register', labelKey: 'shell.register', icon: IconUserPlus, permission: 'person.create' },
  { to: '/places', labelKey: 'shell.places', icon: IconBuildingCommunity, permission: 'place.list' },
  { to: '/tracing', labelKey: 'shell.tracing', icon: IconUserSearch, permission: 'tracing_request.list' },
  { to: '/imports', labelKey: 'shell.imports', icon: IconFileImport, permission: ['person.import', 'person.export'] },
  { to: '/matching', labelKey: 'shell.matching', icon: IconArrowsLeftRight, permission: 'matching.review' },
  { to: '/kinship', labelKey: 'shell.kinship', icon: IconDna, permission: ['genetic.import', 'genetic.analyse', 'genetic.screen'] },
  { to: '/users', labelKey: 'shell.users', icon: IconUsers, permission: 'user.list' },
  { to: '/audit', labelKey: 'shell.audit', icon: IconListCheck, permission: 'audit.read' },
];
