import { Field, InputType } from '@nestjs/graphql';
import { trimmed } from '@preceptor/core';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PASSWORD_MAX_LENGTH } from '../password/password-policy.js';
import { Role } from '../users/role.enum.js';

@InputType()
export class SignUpInput {
  @Field()
  @Transform(trimmed)
  @IsEmail({}, { message: 'must be a valid email address' })
  @MaxLength(254)
  email: string;

  @Field({ description: 'At least 12 characters and not a commonly used password.' })
  @IsString()
  @MaxLength(PASSWORD_MAX_LENGTH)
  password: string;

  @Field()
  @Transform(trimmed)
  @IsString()
  @MinLength(1, { message: 'must not be empty' })
  @MaxLength(120)
  fullName: string;

  @Field(() => [Role], { description: 'MENTEE, MENTOR and/or ORGANIZER.' })
  @ArrayMinSize(1, { message: 'must name at least one role' })
  @ArrayMaxSize(3)
  @ArrayUnique({ message: 'must not repeat a role' })
  @IsEnum(Role, { each: true })
  roles: Role[];
}
