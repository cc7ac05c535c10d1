/** Company profile (one row, id 'company'): the zod schemas of its rows and writes (see ./index.ts for the conventions). */
import { z } from 'zod';
import { EmployerEntityType } from '../../rules/eligibility';
import {
  Day,
  CreditCode,
  LIMITS,
  NO_CONTROL_MESSAGE,
  Phone,
  Timestamp,
  noControl,
  required,
  trimmed,
} from './common';

/**
 * The employer's own facts for §一(二) (rules/eligibility.ts assessEmployer): each optional (= unknown). The paid-in
 * capital is asked for enterprises only (the guide's test names 企业). Written as one object (replaced whole).
 */
export const EmployerConditions = z.strictObject({
  entityType: EmployerEntityType.optional(),
  registeredInDaxing: z.boolean().optional(),
  registeredOn: Day.optional(),
  paidInCapital: z.number().min(0).max(1e13).optional(),
  lastYearDaxingContribution: z.number().min(0).max(1e13).optional(),
  scopeNotProhibited: z.boolean().optional(),
  lawfulNoBadRecord: z.boolean().optional(),
});
export type EmployerConditions = z.infer<typeof EmployerConditions>;

/** 核定的季度新办数量 by quarter label (`2026Q4` → 12), §一(一); replaced whole. */
export const ApprovedNewPermits = z.record(z.string().regex(/^\d{4}Q[1-4]$/), z.number().int().min(0).max(100_000));
export type ApprovedNewPermits = z.infer<typeof ApprovedNewPermits>;

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
  /** Absent in rows and backups written before issue #14 (= nothing known). */
  employer: EmployerConditions.optional(),
  approvedNewPermits: ApprovedNewPermits.optional(),
  updatedAt: Timestamp,
});
export type CompanyProfile = z.infer<typeof CompanyRow>;

export const CompanyPatch = z.strictObject({
  name: required(LIMITS.companyName).refine(noControl, NO_CONTROL_MESSAGE).optional(),
  creditCode: CreditCode.optional(),
  localityOffice: trimmed(LIMITS.localityOffice).optional(),
  agentName: trimmed(LIMITS.name).optional(),
  agentPhone: z.union([Phone, z.literal('')]).optional(),
  employer: EmployerConditions.optional(),
  approvedNewPermits: ApprovedNewPermits.optional(),
});
export type CompanyPatch = z.input<typeof CompanyPatch>;
