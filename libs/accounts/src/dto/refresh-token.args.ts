import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, Length } from 'class-validator';

@ArgsType()
export class RefreshTokenArgs {
  @Field()
  @IsString()
  @Length(16, 128)
  refreshToken: string;
}
