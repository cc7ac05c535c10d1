/**
 * What the local draft would put in a portal field: the employee, case and company records first, the
 * values captured earlier for the rest (the case's captured value wins over the employee's). Used by the
 * side panel's fill preview; field keys are those of entrypoints/portal.content/fields.ts.
 */
import type { Case, CapturedValue, CompanyProfile, Employee } from '../storage/schemas';

export interface DraftSources {
  employee: Pick<Employee, 'name' | 'gender' | 'residentId' | 'birthDate' | 'phone'>;
  case?: Pick<Case, 'facts'> | null;
  company?: Pick<CompanyProfile, 'name' | 'creditCode' | 'agentName' | 'agentPhone'> | null;
  captured: Record<string, CapturedValue>;
}

const FROM_RECORDS: Record<string, (d: DraftSources) => string | undefined> = {
  name: (d) => d.employee.name,
  gender: (d) => (d.employee.gender === 'male' ? '男' : d.employee.gender === 'female' ? '女' : undefined),
  residentId: (d) => d.employee.residentId,
  birthDate: (d) => d.employee.birthDate,
  mobile: (d) => d.employee.phone,
  contractStart: (d) => d.case?.facts?.contractStart,
  contractEnd: (d) => d.case?.facts?.contractEnd,
  companyName: (d) => d.company?.name,
  creditCode: (d) => d.company?.creditCode,
  agentName: (d) => d.company?.agentName,
  agentMobile: (d) => d.company?.agentPhone,
};

/** The draft's value for a field key, '' when it has none. */
export function draftValue(key: string, d: DraftSources): string {
  return (FROM_RECORDS[key]?.(d) ?? d.captured[key]?.value ?? '').trim();
}
