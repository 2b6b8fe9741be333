import { Foundation1764360000000 } from './1764360000000-foundation.js';

/** Every migration, in order. New migrations are appended here and never edited once landed. */
export const MIGRATIONS = [Foundation1764360000000];
