import './shell.css';
import { addTranslations, mountWithSession } from '@dangvien/ui';
import { en, vi } from './messages.ts';
import { Shell } from './Shell.tsx';

addTranslations('shell', { vi, en });
mountWithSession(<Shell />);
