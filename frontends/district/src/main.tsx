// Standalone entry: the same App the shell mounts under its route, here at the site root,
// behind the same sign-in form as the shell.
import { mountWithSession } from '@dangvien/ui';
import App from './App.tsx';

mountWithSession(<App basePath="/" />);
