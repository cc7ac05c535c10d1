import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { incomeAnnotation, permissionRequestOpinion, PERMISSION_REQUEST } from '../../../rules';

describe('income annotation §六(二) 5', () => {
  it('replaces each XXX with the name and adds the contact and phone', () => {
    expect(incomeAnnotation({ employeeName: '张三', companyName: '北京某某科技有限公司', contact: '李四', phone: '13800138000' })).toBe(
      '以上为张三个税申报信息，个税由北京某某科技有限公司代扣代缴。联系人：李四，电话：13800138000',
    );
  });

  it('trims and folds full-width characters', () => {
    expect(incomeAnnotation({ employeeName: ' 张三 ', companyName: '北京某某科技有限公司', contact: '李四', phone: '１３８００１３８０００' })).toContain('电话：13800138000');
  });

  it('accepts a Beijing landline', () => {
    expect(incomeAnnotation({ employeeName: '张三', companyName: '某公司', contact: '李四', phone: '010-83423508' })).toMatch(/010-83423508$/);
  });

  it('refuses an empty name or a bad phone with a bilingual zod error', () => {
    expect(() => incomeAnnotation({ employeeName: ' ', companyName: '某公司', contact: '李四', phone: '13800138000' })).toThrow(ZodError);
    expect(() => incomeAnnotation({ employeeName: '张三', companyName: '某公司', contact: '李四', phone: '123' })).toThrow(/电话号码无效.* \/ Invalid phone/);
  });
});

describe('permission request opinion §六(一) 1 (1)', () => {
  it('names the permit type, the authority and the intended businesses', () => {
    expect(permissionRequestOpinion({ intended: ['new-permit', 'employer-change'] })).toBe(
      '申请开通北京市工作居住证办理权限，所属主管部门：大兴区人力社保局。拟办理事项：新办证件、聘用单位变更。',
    );
    expect(PERMISSION_REQUEST).toEqual({ permitType: '北京市工作居住证', authority: '大兴区人力社保局' });
  });

  it('refuses an empty list of intended businesses', () => {
    expect(() => permissionRequestOpinion({ intended: [] })).toThrow(/至少需要 1 项 \//);
  });
});
