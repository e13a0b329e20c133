import { Field, ObjectType } from '@nestjs/graphql';
import { ListSize } from '@preceptor/core';
import { CREDENTIAL_LIMITS } from './credential-rules.js';

@ObjectType('Licence')
export class LicenceModel {
  @Field()
  profession: string;

  @Field({ description: 'ISO 3166-1 alpha-2.' })
  country: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-2, e.g. "US-FL".' })
  region: string | null;

  @Field()
  number: string;
}

@ObjectType('Credentials', {
  description:
    'Your licences and identifiers for continuing-education records. Private: only you can read them (myCredentials); no profile shows them.',
})
export class CredentialsModel {
  @ListSize(CREDENTIAL_LIMITS.licences)
  @Field(() => [LicenceModel], { description: 'The primary licence first.' })
  licences: LicenceModel[];

  @Field(() => String, { nullable: true })
  npi: string | null;

  @Field(() => String, { nullable: true })
  boardId: string | null;

  @Field(() => Date, { nullable: true, description: 'When you last changed them.' })
  updatedAt: Date | null;
}
