/**
 * Texts the agent pastes into the portal or onto materials, worded as the guide words them:
 * the income-screenshot annotation (§六(二) 5) and the permission request opinion (§六(一) 1 (1)).
 * Where a name or phone is missing the guide's template is shown with XXX, and what is missing is said.
 */
import { useT } from './i18n';
import { useCase, useCompany, useEmployee } from './use-live';
import { Card, CopyButton, StatusLine } from './ui';
import { incomeAnnotationDraft, IntendedBusiness, permissionRequestOpinion, RULE_INCOME_ANNOTATION, RULE_PERMISSION_OPINION } from '../rules/texts';
import type { BusinessType } from '../rules/model';

export function CaseTextsCard({ caseId }: { caseId: string }) {
  const t = useT();
  const c = useCase(caseId);
  const employee = useEmployee(c?.employeeId);
  const company = useCompany();
  if (!c) return null;
  const annotation = incomeAnnotationDraft({ employeeName: employee?.name, companyName: company?.name, contact: company?.agentName, phone: company?.agentPhone });
  const intended = IntendedBusiness.safeParse(c.business as BusinessType);
  const opinion = permissionRequestOpinion({ intended: [intended.success ? intended.data : 'new-permit'], ...(company?.name ? { companyName: company.name } : {}) });
  return (
    <Card title={t('panel.texts.title')} testId="texts">
      <div className="text-block">
        <p className="text-label">
          {t('panel.texts.annotation')} <span className="section">{RULE_INCOME_ANNOTATION.section}</span>
        </p>
        <p className="quote" data-testid="annotation-text" lang="zh-CN">
          {annotation.text}
        </p>
        {annotation.missing.length ? (
          <StatusLine tone="warn">{t('panel.texts.missing', { what: annotation.missing.map((m) => t(`panel.texts.missing.${m}`)).join('、') })}</StatusLine>
        ) : null}
        <CopyButton text={annotation.text} label={t('panel.texts.copyAnnotation')} testId="copy-annotation" />
      </div>
      <div className="text-block">
        <p className="text-label">
          {t('panel.texts.permission')} <span className="section">{RULE_PERMISSION_OPINION.section}</span>
        </p>
        <p className="quote" data-testid="permission-text" lang="zh-CN">
          {opinion}
        </p>
        <CopyButton text={opinion} label={t('panel.texts.copyPermission')} testId="copy-permission" />
      </div>
    </Card>
  );
}
