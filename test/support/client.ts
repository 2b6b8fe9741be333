import { WebSocket } from 'ws';

export interface GraphQLResponse<T = Record<string, unknown>> {
  data?: T | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: Record<string, unknown> & { code?: string } }>;
}

/**
 * A GraphQL client over real HTTP that keeps its session cookie like a browser would, or sends
 * a bearer token like a script.
 */
export class ApiClient {
  cookie: string | null = null;
  bearer: string | null = null;
  lastHeaders: Headers | null = null;

  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<GraphQLResponse<T>> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.bearer ? { authorization: `Bearer ${this.bearer}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    this.lastHeaders = response.headers;
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';');
      const [name, value] = pair!.split('=');
      if (name === 'annex_session') this.cookie = value ? `annex_session=${value}` : null;
    }
    return (await response.json()) as GraphQLResponse<T>;
  }

  /** Runs an operation that must succeed and returns its data. */
  async ok<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const result = await this.request<T>(query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  /** Runs an operation that must fail and returns its first error's code. */
  async code(query: string, variables: Record<string, unknown> = {}): Promise<string | undefined> {
    const result = await this.request(query, variables);
    return result.errors?.[0]?.extensions?.code;
  }

  async signIn(email: string, password: string): Promise<this> {
    await this.ok(`mutation($input: SignInInput!) { signIn(input: $input) { viewer { id } } }`, { input: { email, password } });
    return this;
  }

  /** A raw WebSocket to /graphql speaking graphql-transport-ws, authenticated like this client. */
  openSocket(connectionParams: Record<string, unknown> = {}, origin?: string): WebSocket {
    return new WebSocket(`${this.baseUrl.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws', {
      headers: { ...(this.cookie ? { cookie: this.cookie } : {}), ...(origin ? { origin } : {}) },
    }).on('open', function (this: WebSocket) {
      this.send(JSON.stringify({ type: 'connection_init', payload: connectionParams }));
    });
  }
}
