import { Field, ID, ObjectType } from '@nestjs/graphql';

@ObjectType('Session', {
  description:
    'A device or browser signed in to your account. It ends when logged out, when unused for too long, or at expiresAt.',
})
export class SessionModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'When it signed in.' })
  createdAt: Date;

  @Field({ description: 'When it was last used, to within a minute or so.' })
  lastUsedAt: Date;

  @Field({ description: 'When it ends at the latest, however much it is used.' })
  expiresAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'The browser or app, as it described itself when signing in.',
  })
  userAgent: string | null;

  @Field({ description: 'True for the session this request was made with.' })
  current: boolean;
}
