import type { RemoteName } from './remotes.ts';

/** The level modules in navigation order: where each is mounted and its label key in the shell namespace. */
export const MODULES: { name: RemoteName; path: string }[] = [
  { name: 'district', path: '/district' },
  { name: 'ward', path: '/ward' },
  { name: 'cell', path: '/cell' },
];
