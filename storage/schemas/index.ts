/**
 * zod schemas for every record storage/ keeps and every write it accepts. Rows are `strictObject`s:
 * an unknown field is an error (it catches UI typos and hostile backup files alike). Messages that are
 * ours are written `中文 / English`; errors.ts turns the rest into both languages.
 */
export * from './common';
export * from './company';
export * from './employees';
export * from './cases';
export * from './documents';
export * from './ticks';
export * from './notes';
export * from './drafts';
export * from './settings';
export * from './audit';
export * from './portal-mappings';
