/** The case book's words: the audit card reads as the forms do (labels for codes, never a raw identifier), and days left say what they mean. */
import { describe, expect, it } from 'vitest';
import { auditValue } from '../../../components/casebook/AuditCard';
import { workdaysText } from '../../../components/casebook/labels';
import { renderToStaticMarkup } from 'react-dom/server';
import { SaveState } from '../../../components/ui';
import { translate, type MessageKey } from '../../../components/i18n/translate';

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

describe('the case book\'s working days left', () => {
  const t = (k: string, p?: Record<string, number>) => translate('zh-CN', k as MessageKey, p);
  it('says 就是今天 only when the day is today; zero working days left on a Saturday is not today', () => {
    expect(workdaysText(t, 0, '2026-12-07', '2026-12-07')).toBe('就是今天');
    expect(workdaysText(t, 0, '2026-12-07', '2026-12-05')).toBe('此前已无其他工作日，最晚须在该日当天办理');
    expect(workdaysText(t, 3, '2026-12-10', '2026-12-05')).toBe('还有 3 个工作日');
    expect(workdaysText(t, -2, '2026-12-03', '2026-12-05')).toBe('已过 2 个工作日');
  });
});

describe('the autosave line', () => {
  it('says nothing on a form where nothing was saved yet, and 正在保存 while saving', () => {
    expect(renderToStaticMarkup(<SaveState state="idle" error={null} />)).not.toContain('已自动保存');
    expect(renderToStaticMarkup(<SaveState state="saving" error={null} />)).toContain('正在保存');
  });
});
