import { DateResolver, DateTimeResolver, JSONResolver } from 'graphql-scalars';

/** `DateTime`: an ISO 8601 instant with zone. `Date`: YYYY-MM-DD. `JSON`: free-form summaries. */
export const DateTimeScalar = DateTimeResolver;
export const DateScalar = DateResolver;
export const JSONScalar = JSONResolver;
