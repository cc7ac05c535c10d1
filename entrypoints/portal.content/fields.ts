/**
 * The one mapping table from field keys to the visible label variants the portal uses. Every
 * feature finds fields through here, so a renamed label is fixed in one line.
 */
import type { PortalModule } from '../../rules/model';

export interface FieldDef {
  key: string;
  /** Label texts after normaliseLabel (no '*', no '：'), any of which names the field. */
  labels: string[];
  /** Modules where the field is expected (diagnostics report it missing there). */
  expectedOn: PortalModule[];
}

export const FIELDS: FieldDef[] = [
  { key: 'name', labels: ['姓名', '申请人姓名'], expectedOn: ['person-basic-info'] },
  { key: 'residentId', labels: ['身份证号', '身份证号码', '证件号码', '公民身份号码'], expectedOn: ['person-basic-info'] },
  { key: 'birthDate', labels: ['出生日期'], expectedOn: ['person-basic-info'] },
  { key: 'mobile', labels: ['手机号码', '手机号', '联系电话', '移动电话'], expectedOn: ['person-basic-info'] },
  { key: 'hukouAddress', labels: ['户籍地址', '户口所在地', '户籍所在地'], expectedOn: ['person-basic-info'] },
  { key: 'residence', labels: ['现居住地', '现居住地址', '现住址', '居住地址'], expectedOn: ['person-basic-info'] },
  { key: 'educationLevel', labels: ['学历', '学历层次'], expectedOn: ['person-education'] },
  { key: 'school', labels: ['学校名称', '毕业院校', '院校名称'], expectedOn: ['person-education'] },
  { key: 'educationStart', labels: ['入学时间', '开始时间', '起止时间'], expectedOn: ['person-education'] },
  { key: 'employer', labels: ['工作单位', '所在单位', '单位名称'], expectedOn: ['person-work'] },
  { key: 'workStart', labels: ['开始时间', '起止时间', '入职时间'], expectedOn: ['person-work'] },
  { key: 'attachmentName', labels: ['附件名称', '材料名称'], expectedOn: ['person-attachments', 'unit-attachments'] },
  { key: 'attachmentStatus', labels: ['当前状态', '上传状态', '状态'], expectedOn: ['person-attachments', 'unit-attachments'] },
  { key: 'creditCode', labels: ['统一社会信用代码', '社会统一信用代码', '社会信用代码'], expectedOn: ['unit-company-info'] },
];

/** Which of the module's expected fields appear among the page's labels and headers. */
export function fieldDiagnostics(module: PortalModule, seen: Set<string>) {
  const expected = FIELDS.filter((f) => f.expectedOn.includes(module));
  const found = expected.filter((f) => f.labels.some((l) => seen.has(l))).map((f) => f.key);
  const missing = expected.filter((f) => !found.includes(f.key)).map((f) => f.key);
  return { found, missing };
}
