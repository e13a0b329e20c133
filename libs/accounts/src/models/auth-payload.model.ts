import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from './user.model.js';

@ObjectType({ description: 'Credentials for a signed-in session.' })
export class AuthPayload {
  @Field({ description: 'JWT for "Authorization: Bearer <token>"; short-lived.' })
  accessToken: string;

  @Field({ description: 'When the access token stops working.' })
  accessTokenExpiresAt: Date;

  @Field({ description: 'Opaque; exchange it once with refreshSession for new credentials.' })
  refreshToken: string;

  @Field(() => UserModel)
  user: UserModel;
}
