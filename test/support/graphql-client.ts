export interface GraphqlErrorBody {
  message: string;
  path?: (string | number)[];
  extensions?: Record<string, unknown> & { code?: string };
}

export interface GraphqlResponse<TData> {
  status: number;
  headers: Headers;
  data: TData | null | undefined;
  errors: GraphqlErrorBody[] | undefined;
}

export interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

/** Sends GraphQL documents to the running API the way a client app does: JSON over HTTP. */
export class GraphqlClient {
  constructor(readonly endpoint: string) {}

  async request<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options: RequestOptions = {},
  ): Promise<GraphqlResponse<TData>> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
        ...options.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: TData | null; errors?: GraphqlErrorBody[] };
    return {
      status: response.status,
      headers: response.headers,
      data: body.data,
      errors: body.errors,
    };
  }

  /** Like request(), but fails the test with the server's errors when there are any. */
  async ok<TData = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<TData> {
    const result = await this.request<TData>(query, variables, options);
    if (result.errors?.length || !result.data) {
      throw new Error(`GraphQL errors: ${JSON.stringify(result.errors ?? result)}`);
    }
    return result.data;
  }
}

/** The single error of a failed operation. */
export function onlyError(result: GraphqlResponse<unknown>): GraphqlErrorBody {
  if (result.errors?.length !== 1) {
    throw new Error(`expected exactly one error, got ${JSON.stringify(result.errors)}`);
  }
  return result.errors[0];
}
