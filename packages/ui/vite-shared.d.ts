import type { Plugin, UserConfig } from 'vite';

export interface SharedDep {
  singleton: true;
  requiredVersion: string;
}

export function sharedDeps(root: string): Record<string, SharedDep>;

export function serverOptions(
  portVariable: string,
  defaultPort: number,
  options?: { cors?: boolean },
): {
  port: number;
  strictPort: true;
  cors: boolean;
  proxy: Record<string, { target: string; changeOrigin: boolean }>;
};

export function remoteAppConfig(app: { name: string; portVariable: string; defaultPort: number; root: string }): Promise<UserConfig>;

export function productionServing(): Promise<Plugin[]>;
