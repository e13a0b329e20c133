import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../users/role.enum.js';

@ObjectType('User', { description: 'A person with a Preceptor account.' })
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Only ever shown to the account holder.' })
  email: string;

  @Field()
  fullName: string;

  @Field(() => [Role])
  roles: Role[];

  @Field()
  createdAt: Date;
}
