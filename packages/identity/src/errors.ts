/** Stable codes the sign-in page may rely on (`error.code` in the JSON body). */
export type IdentityErrorCode =
  | 'BAD_USER_INPUT'
  | 'PAYLOAD_TOO_LARGE'
  | 'INVALID_CREDENTIALS'
  | 'ACCOUNT_LOCKED'
  | 'ACCOUNT_DISABLED'
  | 'INVALID_REFRESH_TOKEN'
  | 'INTERNAL_SERVER_ERROR';

const STATUS: Record<IdentityErrorCode, number> = {
  BAD_USER_INPUT: 400,
  PAYLOAD_TOO_LARGE: 413,
  INVALID_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_DISABLED: 401,
  INVALID_REFRESH_TOKEN: 401,
  INTERNAL_SERVER_ERROR: 500,
};

export interface IdentityErrorDetails {
  /** The offending input field, for BAD_USER_INPUT. */
  field?: string;
  /** For ACCOUNT_LOCKED: when to try again (also sent as Retry-After). */
  retryAfterSeconds?: number;
}

/** An expected failure of sign-in, refresh or input, with the message the user reads (Vietnamese). */
export class IdentityError extends Error {
  readonly status: number;

  constructor(
    readonly code: IdentityErrorCode,
    message: string,
    readonly details: IdentityErrorDetails = {},
  ) {
    super(message);
    this.name = 'IdentityError';
    this.status = STATUS[code];
  }
}

/**
 * One message for an unknown user and a wrong password, so that sign-in does not tell which
 * usernames exist.
 */
export function invalidCredentials(): IdentityError {
  return new IdentityError('INVALID_CREDENTIALS', 'Tên đăng nhập hoặc mật khẩu không đúng.');
}

export function accountLocked(retryAfterSeconds: number): IdentityError {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new IdentityError('ACCOUNT_LOCKED', `Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau ${minutes} phút.`, {
    retryAfterSeconds,
  });
}

export function accountDisabled(): IdentityError {
  return new IdentityError('ACCOUNT_DISABLED', 'Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị viên.');
}

export function invalidRefreshToken(): IdentityError {
  return new IdentityError('INVALID_REFRESH_TOKEN', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.');
}

export function badInput(field: string, message: string): IdentityError {
  return new IdentityError('BAD_USER_INPUT', message, { field });
}
