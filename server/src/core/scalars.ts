import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { DateTimeResolver, JSONResolver } from 'graphql-scalars';

/** `DateTime`: an ISO 8601 instant with zone. `JSON`: free-form summaries. */
export const DateTimeScalar = DateTimeResolver;
export const JSONScalar = JSONResolver;

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

/** Whether a YYYY-MM-DD string names a real calendar day (2027-02-30 does not). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_SHAPE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/**
 * `Date`: a calendar day as `YYYY-MM-DD`, kept as that string end to end (a JS Date would
 * shift with time zones). The scalar checks the shape; services check the day exists, so the
 * error can name the input field.
 */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar day, `YYYY-MM-DD`.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && DATE_SHAPE.test(value)) return value;
    throw new GraphQLError(`Date cannot represent ${String(value)}`);
  },
  parseValue(value) {
    if (typeof value === 'string' && DATE_SHAPE.test(value)) return value;
    throw new GraphQLError('A Date is written YYYY-MM-DD.', { extensions: { code: 'BAD_USER_INPUT' } });
  },
  parseLiteral(ast) {
    if (ast.kind === Kind.STRING && DATE_SHAPE.test(ast.value)) return ast.value;
    throw new GraphQLError('A Date is written YYYY-MM-DD.', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});

/** TypeORM transformer for `date` columns: keep PostgreSQL's YYYY-MM-DD string, never a shifted JS Date. */
export const dateColumn = {
  to: (value: string | null) => value,
  from: (value: string | Date | null) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
};
