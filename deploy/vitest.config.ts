import { nodeProject } from '@dangvien/testing/vitest';

// The Kubernetes files rendered and validated; no database, no server.
export default nodeProject(import.meta.url);
