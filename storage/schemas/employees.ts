/** Employees: the zod schemas of its rows and writes (see ./index.ts for the conventions). */
import { z } from 'zod';
import { ApplicantGroup } from '../../rules/scope';
import { Category, Gender, HolderStatus } from '../../rules/model';
import {
  Day,
  LIMITS,
  PersonName,
  Phone,
  RecordId,
  ResidentId,
  Timestamp,
  TypedPersonName,
  trimmed,
} from './common';

export const EmployeeInput = z.strictObject({
  name: TypedPersonName,
  residentId: ResidentId,
  phone: Phone.optional(),
  category: Category.optional(),
  holderStatus: HolderStatus.default('none'),
  permitValidUntil: Day.optional(),
  notes: trimmed(LIMITS.notes).optional(),
  applicantGroup: ApplicantGroup.optional(),
});
export type EmployeeInput = z.input<typeof EmployeeInput>;

/** A patch: only the fields to change; `null` clears an optional field. Gender/birth date follow the ID. */
export const EmployeePatch = z.strictObject({
  name: TypedPersonName.optional(),
  residentId: ResidentId.optional(),
  phone: Phone.nullable().optional(),
  category: Category.nullable().optional(),
  holderStatus: HolderStatus.optional(),
  permitValidUntil: Day.nullable().optional(),
  notes: trimmed(LIMITS.notes).nullable().optional(),
  /** 人员类别 (§七 4); unset = 国内外埠人才 unless the ID number says 港澳台. */
  applicantGroup: ApplicantGroup.nullable().optional(),
});
export type EmployeePatch = z.input<typeof EmployeePatch>;

export const EmployeeRow = z.strictObject({
  id: RecordId,
  name: PersonName,
  residentId: ResidentId,
  /** The ID reversed, indexed: "ID ends with 1234" becomes an index prefix search. */
  residentIdRev: z.string().max(18),
  gender: Gender,
  birthDate: Day,
  phone: Phone.optional(),
  category: Category.optional(),
  holderStatus: HolderStatus,
  permitValidUntil: Day.optional(),
  notes: trimmed(LIMITS.notes).optional(),
  /** 人员类别 (§七 4, rules/scope.ts); absent in rows written before issue #14. */
  applicantGroup: ApplicantGroup.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Employee = z.infer<typeof EmployeeRow>;
