// The explorer's page, served by the gateway at /explorer/: the same sign-in form and session as the
// front ends (tokens from the gateway's /auth), then the explorer.
import { addTranslations, mountWithSession } from '@dangvien/ui';
import { Explorer } from './Explorer.tsx';
import { en, vi } from './messages.ts';

addTranslations('explorer', { vi, en });
mountWithSession(<Explorer />);
