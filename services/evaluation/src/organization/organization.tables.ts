import type { Selectable } from 'kysely';
import type { OrganizationReview } from '../generated/tables.ts';

export type OrganizationReviewRow = Selectable<OrganizationReview>;
