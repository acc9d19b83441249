import { GraphQLError } from 'graphql';

/** Stable error codes clients may rely on (`extensions.code`). */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'UNAUTHENTICATED'
  | 'INTERNAL_SERVER_ERROR';

/**
 * The one error type for expected failures: a stable code, a message a clerk understands
 * (Vietnamese), and optional details such as the offending field.
 */
export class DomainError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
  }
}

/** A request without valid credentials: HTTP 401 before any resolver runs. */
export function unauthenticated(message = 'Phiên làm việc không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Validates an ID argument at the edge, before it reaches SQL. */
export function requireId(value: string, field = 'id'): string {
  if (!isUuid(value)) throw new DomainError('BAD_USER_INPUT', `Mã định danh không hợp lệ: "${value}"`, { field });
  return value.toLowerCase();
}

/** Validates a calendar date argument (YYYY-MM-DD) at the edge. */
export function requireDate(value: string, field: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== value) {
    throw new DomainError('BAD_USER_INPUT', `Ngày không hợp lệ: "${value}". Nhập theo dạng năm-tháng-ngày, ví dụ 2019-04-16.`, { field });
  }
  return value;
}

/** Validates a required short text argument: trimmed, NFC, within `maxLength`. */
export function requireText(value: string, field: string, label: string, maxLength = 200): string {
  const text = value.normalize('NFC').trim();
  if (text.length === 0) throw new DomainError('BAD_USER_INPUT', `Chưa nhập ${label}.`, { field });
  if (text.length > maxLength) throw new DomainError('BAD_USER_INPUT', `${label} dài quá ${maxLength} ký tự.`, { field });
  return text;
}
