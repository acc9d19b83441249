import type { UserWorkspaceConfig } from 'vitest/config';

export function nodeProject(configUrl: string, overrides?: UserWorkspaceConfig['test']): UserWorkspaceConfig;
