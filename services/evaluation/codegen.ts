import type { SubgraphCodegen } from '@dangvien/server';

/**
 * What `pnpm codegen` needs to know of this subgraph beyond its SDL and migrations: the row each
 * GraphQL type's resolvers receive, and the GraphQL enum (or other type) each constrained column holds.
 */
export default {
  mappers: {
    // Evaluation knows a Member and an OrgUnit by id only; their own subgraphs resolve the rest.
    Member: '../references.ts#MemberReference',
    OrgUnit: '../references.ts#OrgUnitReference',
    Review: '../review/review.tables.ts#ReviewRow',
    ReviewDecision: '../review/review.tables.ts#ReviewDecisionRow',
    RuleSet: '../rules/rules.tables.ts#RuleSetRow',
    ReviewCycle: '../cycle/cycle.tables.ts#ReviewCycleRow',
    SelfReview: '../cycle/cycle.tables.ts#SelfReviewRow',
    GradeProposal: '../cycle/cycle.tables.ts#GradeProposalRow',
    Meeting: '../meeting/meeting.tables.ts#MeetingRow',
    Attendance: '../meeting/meeting.tables.ts#AttendanceRow',
    AbsenceAlert: '../meeting/meeting.repository.ts#AbsentMember',
    Task: '../task/task.tables.ts#TaskStateRow',
    TaskAssignment: '../task/task.tables.ts#TaskAssignmentRow',
    TaskReview: '../task/task.tables.ts#TaskReviewRow',
    EvaluationAlert: '../alert/alerts.ts#Alert',
    OrganizationReview: '../organization/organization.tables.ts#OrganizationReviewRow',
  },
  columns: {
    'review.grade': 'Grade | null',
    'review.period': 'Generated<ReviewPeriod>',
    'review_decision.grade': 'Grade',
    'review_decision.period': 'ReviewPeriod',
    'review_cycle.period': 'ReviewPeriod',
    'review_cycle.status': 'Generated<ReviewCycleStatus>',
    'review_cycle.subject': 'Generated<ReviewSubject>',
    'grade_proposal.grade': 'Grade',
    'meeting.kind': 'MeetingKind',
    'attendance.status': 'AttendanceStatus',
    'task_review.result': 'TaskResult',
    'organization_review.grade': 'Grade',
    'organization_review.period': 'ReviewPeriod',
  },
} satisfies SubgraphCodegen;
