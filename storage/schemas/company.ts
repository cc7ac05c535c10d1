/** Company profile (one row, id 'company'): the zod schemas of its rows and writes (see ./index.ts for the conventions). */
import { z } from 'zod';
import {
  CreditCode,
  LIMITS,
  NO_CONTROL_MESSAGE,
  Phone,
  Timestamp,
  noControl,
  required,
  trimmed,
} from './common';

export const CompanyInput = z.strictObject({
  name: required(LIMITS.companyName).refine(noControl, NO_CONTROL_MESSAGE),
  creditCode: CreditCode,
  localityOffice: trimmed(LIMITS.localityOffice).default(''),
  agentName: trimmed(LIMITS.name).default(''),
  agentPhone: z.union([Phone, z.literal('')]).default(''),
});
export type CompanyInput = z.input<typeof CompanyInput>;

export const CompanyRow = z.strictObject({
  id: z.literal('company'),
  name: required(LIMITS.companyName),
  creditCode: CreditCode,
  localityOffice: trimmed(LIMITS.localityOffice),
  agentName: trimmed(LIMITS.name),
  agentPhone: z.union([Phone, z.literal('')]),
  updatedAt: Timestamp,
});
export type CompanyProfile = z.infer<typeof CompanyRow>;

export const CompanyPatch = z.strictObject({
  name: required(LIMITS.companyName).refine(noControl, NO_CONTROL_MESSAGE).optional(),
  creditCode: CreditCode.optional(),
  localityOffice: trimmed(LIMITS.localityOffice).optional(),
  agentName: trimmed(LIMITS.name).optional(),
  agentPhone: z.union([Phone, z.literal('')]).optional(),
});
export type CompanyPatch = z.input<typeof CompanyPatch>;
