/** The audit card reads as the forms do: labels for codes, never a raw identifier in Chinese text (#18 item 9). */
import { describe, expect, it } from 'vitest';
import { auditValue } from '../../../components/casebook/AuditCard';

describe('the audit card\'s values', () => {
  it('names codes with the labels the forms use', () => {
    expect(auditValue('facts.housing', 'rented', 'zh-CN')).toBe('租住（住宅）');
    expect(auditValue('itemId', 'degree-certificate', 'zh-CN')).toMatch(/学位证书/);
    expect(auditValue('state', 'uploaded', 'zh-CN')).toBe('已上传');
    expect(auditValue('kind', 'lease-contract', 'zh-CN')).toMatch(/租赁合同/);
    expect(auditValue('facts.divorcedWithCustody', true, 'zh-CN')).toBe('是');
    expect(auditValue('facts', {}, 'zh-CN')).toBe('尚未填写');
    expect(auditValue('state', 'uploaded', 'en')).toBe('Uploaded');
  });

  it('shows no ASCII code word in Chinese for the values a case carries', () => {
    for (const [path, v] of [['facts.housing', 'rented-rural'], ['itemId', 'housing-lease-contract'], ['state', 'na'], ['kind', 'resident-id-card'], ['facts.titleObtainedBy', 'review']] as const) {
      expect(auditValue(path, v, 'zh-CN'), `${path}=${v}`).not.toMatch(/[a-z]{3,}/);
    }
  });
});
