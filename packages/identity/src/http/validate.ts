import { badInput } from '../errors.ts';

/**
 * Checks of the request body at the edge, before anything reaches the database or the password
 * hash: right types, sane lengths (scrypt of a megabyte password is a cheap denial of service).
 */
export const MAX_USERNAME_LENGTH = 64;
export const MAX_PASSWORD_LENGTH = 256;
export const MAX_REFRESH_TOKEN_LENGTH = 128;

export function loginInput(body: unknown): { username: string; password: string } {
  const fields = objectBody(body);
  return {
    username: requiredString(fields, 'username', 'tên đăng nhập', MAX_USERNAME_LENGTH, { trim: true }),
    password: requiredString(fields, 'password', 'mật khẩu', MAX_PASSWORD_LENGTH, { trim: false }),
  };
}

export function refreshInput(body: unknown): { refreshToken: string } {
  return { refreshToken: requiredString(objectBody(body), 'refreshToken', 'mã làm mới phiên (refreshToken)', MAX_REFRESH_TOKEN_LENGTH, { trim: true }) };
}

function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badInput('body', 'Nội dung yêu cầu phải là một đối tượng JSON (Content-Type: application/json).');
  }
  return body as Record<string, unknown>;
}

function requiredString(fields: Record<string, unknown>, field: string, label: string, maxLength: number, options: { trim: boolean }): string {
  const value = fields[field];
  if (value === undefined || value === null) throw badInput(field, `Thiếu ${label}.`);
  if (typeof value !== 'string') throw badInput(field, `Giá trị của ${label} phải là chuỗi ký tự.`);
  // Passwords are taken as typed: leading or trailing spaces may be part of them.
  const text = options.trim ? value.trim() : value;
  if (text.length === 0) throw badInput(field, `Thiếu ${label}.`);
  if (text.length > maxLength) throw badInput(field, `${capitalize(label)} quá dài (tối đa ${maxLength} ký tự).`);
  return text;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
