import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  MENTEE = 'MENTEE',
  MENTOR = 'MENTOR',
  ORGANIZER = 'ORGANIZER',
  ADMIN = 'ADMIN',
}

/** Roles a person may pick at sign-up; ADMIN only comes from configuration. */
export const SELF_SERVICE_ROLES: readonly Role[] = [Role.MENTEE, Role.MENTOR, Role.ORGANIZER];

registerEnumType(Role, {
  name: 'Role',
  description: 'What a person does on Preceptor; one person may hold several.',
  valuesMap: {
    MENTEE: { description: 'Looks for mentorship.' },
    MENTOR: { description: 'Offers mentorship.' },
    ORGANIZER: { description: 'Lists professional events.' },
    ADMIN: { description: 'Operates the platform; granted from configuration only.' },
  },
});
