import { randomUUID } from 'node:crypto';
import type { GraphqlClient, RequestOptions } from './graphql-client.js';

export const STRONG_PASSWORD = 'correct horse battery staple';

export interface SignUpVariables {
  email: string;
  password: string;
  fullName: string;
  roles: string[];
}

export interface AuthPayloadResult {
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  user: { id: string; email: string; fullName: string; roles: string[]; createdAt: string };
}

export const AUTH_PAYLOAD_FIELDS = `accessToken accessTokenExpiresAt refreshToken user { id email fullName roles createdAt }`;

export const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { ${AUTH_PAYLOAD_FIELDS} } }`;
export const LOG_IN = `mutation LogIn($input: LogInInput!) { logIn(input: $input) { ${AUTH_PAYLOAD_FIELDS} } }`;
export const REFRESH = `mutation Refresh($token: String!) { refreshSession(refreshToken: $token) { ${AUTH_PAYLOAD_FIELDS} } }`;
export const LOG_OUT = `mutation LogOut($token: String!) { logOut(refreshToken: $token) }`;
export const ME = `query Me { me { id email fullName roles createdAt } }`;
export const CHANGE_PASSWORD = `mutation ChangePassword($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`;
export const LOG_OUT_EVERYWHERE = `mutation { logOutEverywhere }`;
export const MY_SESSIONS = `query { mySessions { id createdAt lastUsedAt expiresAt userAgent current } }`;

export interface SessionResult {
  id: string;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  userAgent: string | null;
  current: boolean;
}

/** Sign-up input unique to this call. */
export function aSignUp(overrides: Partial<SignUpVariables> = {}): SignUpVariables {
  const id = randomUUID().slice(0, 8);
  return {
    email: `nurse.${id}@example.test`,
    password: STRONG_PASSWORD,
    fullName: `Jordan Rivera ${id}`,
    roles: ['MENTEE'],
    ...overrides,
  };
}

export async function signUp(
  gql: GraphqlClient,
  overrides: Partial<SignUpVariables> = {},
  options?: RequestOptions,
): Promise<AuthPayloadResult & { input: SignUpVariables }> {
  const input = aSignUp(overrides);
  const data = await gql.ok<{ signUp: AuthPayloadResult }>(SIGN_UP, { input }, options);
  return { ...data.signUp, input };
}

/** Signs in once more as an existing account: a new session. */
export async function logIn(
  gql: GraphqlClient,
  credentials: { email: string; password: string },
  options?: RequestOptions,
): Promise<AuthPayloadResult> {
  const data = await gql.ok<{ logIn: AuthPayloadResult }>(
    LOG_IN,
    { input: { email: credentials.email, password: credentials.password } },
    options,
  );
  return data.logIn;
}

/** The session id an access token carries. */
export function sessionIdOf(accessToken: string): string {
  const payload = accessToken.split('.')[1] ?? '';
  return (JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sid: string }).sid;
}
