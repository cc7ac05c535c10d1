/**
 * The locality office (属地部门, §二) of the company profile: where the stamped status form goes after
 * all uploads (§提示), with address, phones and e-mail; plus the system hotline (§三). If the profile has
 * no office yet (or one the directory does not know), the agent picks it here.
 */
import { useId, useState } from 'react';
import { useT } from './i18n';
import { useCompany } from './use-live';
import { Card, ErrorText, StatusLine } from './ui';
import { getRepos } from '../storage/repos';
import { findLocality, LOCALITIES, SYSTEM_HOTLINE } from '../rules/localities';

export function LocalityCard() {
  const t = useT();
  const id = useId();
  const company = useCompany();
  const [error, setError] = useState<unknown>(null);
  const office = company?.localityOffice ? findLocality(company.localityOffice) : undefined;
  const choose = async (name: string) => {
    setError(null);
    try {
      await getRepos().company.update({ localityOffice: name });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <Card title={t('panel.locality.title')} testId="locality">
      {office ? (
        <address className="office" data-testid="locality-office">
          <strong>{office.name}</strong>
          <span>{office.address}</span>
          <span>
            {t('panel.locality.phone')}
            {office.phones.map((p, i) => (
              <span key={p}>
                {i ? '、' : ''}
                <a href={`tel:010${p}`}>010-{p}</a>
              </span>
            ))}
          </span>
          <span>
            {t('panel.locality.email')}
            <a href={`mailto:${office.email}`}>{office.email}</a>
          </span>
        </address>
      ) : company ? (
        <>
          {company.localityOffice ? <StatusLine tone="warn">{t('panel.locality.unknown', { name: company.localityOffice })}</StatusLine> : null}
          <div className="field">
            <label htmlFor={id}>{t('panel.locality.choose')}</label>
            <select id={id} value="" onChange={(e) => e.target.value && void choose(e.target.value)} data-testid="locality-select">
              <option value="">{t('case.field.unanswered')}</option>
              {LOCALITIES.map((l) => (
                <option key={l.name} value={l.name}>
                  {l.name}
                </option>
              ))}
            </select>
          </div>
        </>
      ) : (
        <p className="muted">{t('panel.locality.noCompany')}</p>
      )}
      <ErrorText error={error} />
      <p className="muted small">{t('panel.locality.statusForm')}</p>
      <p className="muted small">{t('panel.locality.hotline', { phone: `010-${SYSTEM_HOTLINE.phone}` })}</p>
    </Card>
  );
}
