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
