import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthUser } from './auth-user.js';

export function requestOf(context: ExecutionContext): {
  user?: AuthUser;
  headers: Record<string, string | string[] | undefined>;
} {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: ReturnType<typeof requestOf> }>()
      .req;
  }
  return context.switchToHttp().getRequest();
}

/** The signed-in caller, or undefined on public operations called anonymously. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser | undefined => requestOf(context).user,
);
