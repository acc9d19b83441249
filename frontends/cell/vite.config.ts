import { fileURLToPath } from 'node:url';
import { remoteAppConfig } from '@dangvien/ui/vite';
import { defineConfig } from 'vite';

export default defineConfig(
  await remoteAppConfig({ name: 'cell', portVariable: 'CELL_PORT', defaultPort: 5176, root: fileURLToPath(new URL('.', import.meta.url)) }),
);
