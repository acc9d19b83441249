import type { Tone } from '@dangvien/ui';
import type { MemberStatus } from '../generated/graphql.ts';

/** The colour of a status badge: probation and exemption call for attention, the end of membership is muted. */
export const STATUS_TONE: Record<MemberStatus, Tone> = {
  CANDIDATE: 'info',
  PROBATIONARY: 'warning',
  OFFICIAL: 'success',
  EXEMPT: 'neutral',
  LEFT: 'danger',
  DECEASED: 'neutral',
};
