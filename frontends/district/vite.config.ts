import { fileURLToPath } from 'node:url';
import { remoteAppConfig } from '@dangvien/ui/vite';
import { defineConfig } from 'vite';

export default defineConfig(
  await remoteAppConfig({ name: 'district', portVariable: 'DISTRICT_PORT', defaultPort: 5174, root: fileURLToPath(new URL('.', import.meta.url)) }),
);
