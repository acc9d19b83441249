import './shell.css';
import { addTranslations, mountWithSession } from '@dangvien/ui';
import { en, vi } from './messages.ts';
import { loadRemoteApp, REMOTE_NAMES } from './remotes.ts';
import { Shell } from './Shell.tsx';

addTranslations('shell', { vi, en });
// The module in the address starts loading now, while the session is restored, not after it; the
// route renders the same (cached) load. A failure shows in the module's own error area then.
const opening = REMOTE_NAMES.find((name) => window.location.pathname === `/${name}` || window.location.pathname.startsWith(`/${name}/`));
if (opening) loadRemoteApp(opening, 0).catch(() => undefined);
mountWithSession(<Shell />);
