import { fileURLToPath } from 'node:url';
import { remoteAppConfig } from '@dangvien/ui/vite';
import { defineConfig } from 'vite';

export default defineConfig(
  await remoteAppConfig({ name: 'ward', portVariable: 'WARD_PORT', defaultPort: 5175, root: fileURLToPath(new URL('.', import.meta.url)) }),
);
