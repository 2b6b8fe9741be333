/**
 * The ISO/IEC 27001:2022 catalogue as data: the management-system clauses (4.1 … 10.2), the 93
 * Annex A controls with their ISO/IEC 27002:2022 attributes, and the mandatory documented
 * information. Titles are the public clause and control titles; every summary and description
 * is in our own words, never the standard's text.
 */
export * from './clauses.js';
export * from './controls.js';
export * from './mandatory-documents.js';
