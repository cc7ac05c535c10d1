/**
 * Picking or creating the employee and the case the agent is working on. The choice is stored through
 * the `focus` repository (not React state), so the content script's fill-from-draft uses the same
 * person and a re-opened panel comes back to it.
 */
import { beijingDate } from '../rules/dates';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { pickText, useLang, useT } from './i18n';
import { useCasesOfEmployee, useEmployee, useEmployeeList, useEmployeeSearch, useFocus } from './use-live';
import { useToday } from './use-today';
import { parseDateText } from './date-input';
import { Card, ErrorText, StatusLine } from './ui';
import { EMPLOYEE_BUSINESSES } from '../rules/case-facts';
import { getRepos, STATUS_LABELS } from '../storage/repos';
import { maskResidentId } from '../utils/mask';
import type { Case, Employee } from '../storage/schemas';
import { checkResidentId } from '../rules/identity';
import { BUSINESS_LABELS } from '../rules/texts';
import type { BusinessType } from '../rules/model';

/** 张伟（尾号 1234） — enough to tell two people apart without showing the whole ID. */
export function employeeLabel(e: Pick<Employee, 'name' | 'residentId'>, lang: 'zh-CN' | 'en'): string {
  const tail = e.residentId.slice(-4);
  return lang === 'en' ? `${e.name} (ID …${tail})` : `${e.name}（尾号 ${tail}）`;
}

/** 新办证件 · 草稿, with the creation day when the employee has several cases of that business. */
function caseLabel(c: Pick<Case, 'business' | 'status' | 'createdAt'>, lang: 'zh-CN' | 'en', withDate = false): string {
  const base = `${pickText(lang, BUSINESS_LABELS[c.business])} · ${pickText(lang, STATUS_LABELS[c.status])}`;
  return withDate ? `${base} · ${beijingDate(new Date(c.createdAt))}` : base;
}

/** Employees up to this many are listed in full; with more, the agent searches first. */
const LIST_ALL = 300;

/**
 * A select of the employees (by name, pinyin order). With many employees a search box (name, or the
 * last digits of the ID) narrows the list first; the employee in focus always stays selectable.
 */
function EmployeePicker({ employeeId, onSelect }: { employeeId: string | undefined; onSelect: (id: string) => void }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const searchId = useId();
  const [q, setQ] = useState('');
  const list = useEmployeeList({ sort: 'name', limit: LIST_ALL });
  const found = useEmployeeSearch(q, 50);
  const current = useEmployee(employeeId);
  const many = (list?.total ?? 0) > LIST_ALL;
  const shown: Employee[] = q.trim() ? (found ?? []) : (list?.items.map((x) => x.employee) ?? []);
  const options = current && !shown.some((e) => e.id === current.id) ? [current, ...shown] : shown;
  return (
    <div className="field">
      {many ? (
        <>
          <label htmlFor={searchId}>{t('case.employee.search')}</label>
          <input id={searchId} type="search" value={q} onChange={(e) => setQ(e.target.value)} autoComplete="off" placeholder={t('case.employee.searchHint')} />
        </>
      ) : null}
      <label htmlFor={id}>{t('case.employee')}</label>
      <select id={id} value={employeeId ?? ''} onChange={(e) => e.target.value && onSelect(e.target.value)} data-testid="employee-select" disabled={!list}>
        <option value="" disabled>
          {q.trim() && found?.length === 0 ? t('case.employee.noMatch') : t('case.employee.choose')}
        </option>
        {options.map((employee) => (
          <option key={employee.id} value={employee.id}>
            {employeeLabel(employee, lang)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * Adds an employee. The resident ID is checked with rules/identity (GB 11643) before anything is
 * written; a bad ID or a duplicate says why and saves nothing.
 */
function NewEmployeeForm({ onCreated, onCancel }: { onCreated: (e: Employee) => void; onCancel?: () => void }) {
  const t = useT();
  const lang = useLang();
  const today = useToday();
  const ids = { name: useId(), rid: useId(), phone: useId(), ridMsg: useId() };
  const [name, setName] = useState('');
  const [residentId, setResidentId] = useState('');
  const [phone, setPhone] = useState('');
  const [checked, setChecked] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const idCheck = residentId.trim() ? checkResidentId(residentId, today) : null;
  const idProblems = idCheck && !idCheck.ok ? idCheck.findings.filter((f) => !f.passed).map((f) => pickText(lang, f.message)) : [];
  // The verdict shows once 18 characters are typed, or after a submit — not on blur, which would move
  // the save button under the pointer between mousedown and click.
  const showIdState = idCheck && (checked || idCheck.normalized.length >= 18);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setChecked(true);
    setError(null);
    if (!name.trim()) return setError({ zh: '请填写姓名。未保存。', en: 'Enter the name. Nothing was saved.' });
    if (!idCheck) return setError({ zh: '请填写身份证号。未保存。', en: 'Enter the resident ID number. Nothing was saved.' });
    if (!idCheck.ok) return; // the ID's problems are shown under the field
    setBusy(true);
    try {
      const e = await getRepos().employees.create({ name, residentId, ...(phone.trim() ? { phone } : {}) });
      onCreated(e);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="subform" onSubmit={submit} aria-label={t('case.employee.new')} data-testid="new-employee-form" noValidate>
      <div className="field">
        <label htmlFor={ids.name}>{t('case.employee.name')}</label>
        <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" required maxLength={50} />
      </div>
      <div className="field">
        <label htmlFor={ids.rid}>{t('case.employee.residentId')}</label>
        <input
          id={ids.rid}
          value={residentId}
          onChange={(e) => setResidentId(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          inputMode="text"
          maxLength={40}
          required
          aria-invalid={(showIdState && !idCheck.ok) || undefined}
          aria-describedby={ids.ridMsg}
          data-testid="new-employee-id"
        />
        <div id={ids.ridMsg}>
          {showIdState && idCheck.ok ? (
            <StatusLine tone="ok">
              {t('case.employee.idOk', { birth: idCheck.birthDate ?? '', gender: t(idCheck.gender === 'male' ? 'case.employee.male' : 'case.employee.female') })}
            </StatusLine>
          ) : null}
          {showIdState && !idCheck.ok ? (
            <div role="alert" data-testid="new-employee-id-error">
              {idProblems.map((p) => (
                <StatusLine key={p} tone="bad">
                  {t('case.employee.idBad', { problem: p })}
                </StatusLine>
              ))}
            </div>
          ) : null}
        </div>
      </div>
      <div className="field">
        <label htmlFor={ids.phone}>{t('case.employee.phone')}</label>
        <input id={ids.phone} value={phone} onChange={(e) => setPhone(e.target.value)} autoComplete="off" inputMode="tel" maxLength={30} />
      </div>
      <FormActions error={error} busy={busy} submitLabel={t('case.employee.create')} onCancel={onCancel} />
    </form>
  );
}

/** A select of the employee's cases, newest first. */
function CasePicker({ employeeId, caseId, onSelect }: { employeeId: string; caseId: string | undefined; onSelect: (id: string) => void }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const cases = useCasesOfEmployee(employeeId);
  return (
    <div className="field">
      <label htmlFor={id}>{t('case.case')}</label>
      <select id={id} value={caseId ?? ''} onChange={(e) => e.target.value && onSelect(e.target.value)} data-testid="case-select" disabled={!cases}>
        <option value="" disabled>
          {cases?.length ? t('case.case.choose') : t('case.case.none')}
        </option>
        {cases?.map((c) => (
          <option key={c.id} value={c.id}>
            {caseLabel(c, lang, cases.filter((x) => x.business === c.business).length > 1)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Opens a case (draft) of one of the employee businesses for `employeeId`. */
function NewCaseForm({ employeeId, onCreated, onCancel, suggested }: { employeeId: string; onCreated: (c: Case) => void; onCancel?: () => void; suggested?: BusinessType }) {
  const t = useT();
  const lang = useLang();
  const id = useId();
  const employee = useEmployee(employeeId);
  const [business, setBusiness] = useState<BusinessType>(suggested ?? 'new-permit');
  const [expiryText, setExpiryText] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A renewal's or an employer change's deadlines count back from the current permit's expiry: asked here, not later.
  const needsExpiry = business === 'renewal' || business === 'employer-change';
  const expiry = expiryText ?? employee?.permitValidUntil ?? '';
  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(null);
    let currentPermit: { validUntil: string } | undefined;
    if (needsExpiry) {
      const parsed = parseDateText(expiry);
      if (parsed.kind !== 'date') {
        setError(parsed.kind === 'invalid' ? parsed.message : { zh: '请填写现工作居住证的有效期至（截止日据此计算）。未创建。', en: "Enter the current permit's expiry date (the deadlines count from it). Nothing was created." });
        return;
      }
      currentPermit = { validUntil: parsed.value };
    }
    setBusy(true);
    try {
      onCreated(await getRepos().openCase({ employeeId, business }, currentPermit));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="subform" onSubmit={submit} aria-label={t('case.case.new')} data-testid="new-case-form">
      <div className="field">
        <label htmlFor={id}>{t('case.business')}</label>
        <select id={id} value={business} onChange={(e) => setBusiness(e.target.value as BusinessType)} data-testid="new-case-business">
          {EMPLOYEE_BUSINESSES.map((b) => (
            <option key={b} value={b}>
              {pickText(lang, BUSINESS_LABELS[b])}
            </option>
          ))}
        </select>
      </div>
      {needsExpiry ? (
        <div className="field">
          <label htmlFor={`${id}-expiry`}>{t('case.case.currentExpiry')}</label>
          <input
            id={`${id}-expiry`}
            value={expiry}
            onChange={(e) => setExpiryText(e.target.value)}
            placeholder={t('case.field.datePlaceholder')}
            inputMode="numeric"
            autoComplete="off"
            aria-required="true"
            data-testid="new-case-expiry"
          />
          <p className="muted small">{t('case.case.currentExpiryHint')}</p>
        </div>
      ) : null}
      <FormActions error={error} busy={busy} submitLabel={t('case.case.create')} onCancel={onCancel} />
    </form>
  );
}

/**
 * The panel's "who and what": employee select (or the new-employee form), the employee's case select
 * (or the new-case form), written to the focus repository.
 */
/**
 * Picks (or adds) the employee and case in focus. `keepRequest` counts the agent's 「保存为案卷」 clicks on a
 * page's basic checklist (PageChecklistCard): each opens the next form needed — a new employee, or a new case
 * proposing `suggestedBusiness` — and moves the keyboard there.
 */
export function FocusPicker({ suggestedBusiness, keepRequest = 0 }: { suggestedBusiness?: BusinessType; keepRequest?: number } = {}) {
  const t = useT();
  const cardRef = useRef<HTMLDivElement>(null);
  const focus = useFocus();
  const employee = useEmployee(focus?.employeeId);
  const cases = useCasesOfEmployee(focus?.employeeId);
  const list = useEmployeeList({ sort: 'name', limit: 1 });
  const [adding, setAdding] = useState<'employee' | 'case' | null>(null);
  const [error, setError] = useState<unknown>(null);

  const setFocus = async (employeeId: string, caseId?: string) => {
    setError(null);
    try {
      await getRepos().focus.set(employeeId, caseId);
    } catch (e) {
      setError(e);
    }
  };
  const selectEmployee = async (id: string) => {
    const latest = await getRepos().employees.latestCase(id).catch(() => undefined);
    setAdding(null);
    await setFocus(id, latest?.id);
  };

  useEffect(() => {
    if (!keepRequest) return;
    setAdding(focus?.employeeId ? 'case' : 'employee');
    // After React drew the form: show it and put the cursor in its first field.
    requestAnimationFrame(() => {
      cardRef.current?.scrollIntoView({ block: 'start' });
      cardRef.current?.querySelector<HTMLElement>('form input, form select')?.focus();
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [keepRequest]);

  const noEmployees = list !== undefined && list.total === 0;
  const showNewEmployee = adding === 'employee' || noEmployees;
  const hasEmployee = Boolean(employee);
  const showNewCase = hasEmployee && !showNewEmployee && (adding === 'case' || (cases !== undefined && cases.length === 0));

  return (
    <div ref={cardRef}>
      <Card title={t('case.focus.title')} testId="focus-card">
        {noEmployees ? <p className="muted">{t('case.employee.empty')}</p> : null}
        {!noEmployees ? (
          <div className="row">
            <EmployeePicker employeeId={employee?.id} onSelect={(id) => void selectEmployee(id)} />
            {!showNewEmployee ? (
              <button type="button" className="inline-add" onClick={() => setAdding('employee')} data-testid="add-employee">
                {t('case.employee.add')}
              </button>
            ) : null}
          </div>
        ) : null}
        {showNewEmployee ? (
          <NewEmployeeForm
            onCreated={(e) => {
              setAdding('case');
              void setFocus(e.id);
            }}
            onCancel={noEmployees ? undefined : () => setAdding(null)}
          />
        ) : null}
        {employee && !showNewEmployee ? (
          <>
            <p className="muted small" data-testid="employee-facts">
              {t('case.employee.facts', {
                id: maskResidentId(employee.residentId),
                birth: employee.birthDate,
                gender: t(employee.gender === 'male' ? 'case.employee.male' : 'case.employee.female'),
              })}
            </p>
            {cases && cases.length > 0 ? (
              <div className="row">
                <CasePicker employeeId={employee.id} caseId={focus?.caseId} onSelect={(id) => void setFocus(employee.id, id)} />
                {!showNewCase ? (
                  <button type="button" className="inline-add" onClick={() => setAdding('case')} data-testid="add-case">
                    {t('case.case.add')}
                  </button>
                ) : null}
              </div>
            ) : null}
            {showNewCase ? (
              <>
                {cases?.length === 0 ? <p className="muted">{t('case.case.firstHint', { name: employee.name })}</p> : null}
                <NewCaseForm
                  employeeId={employee.id}
                  {...(suggestedBusiness ? { suggested: suggestedBusiness } : {})}
                  onCreated={(c) => {
                    setAdding(null);
                    void setFocus(employee.id, c.id);
                  }}
                  onCancel={cases?.length ? () => setAdding(null) : undefined}
                />
              </>
            ) : null}
          </>
        ) : null}
        {!noEmployees && !employee && !showNewEmployee && list ? <p className="muted">{t('case.focus.none')}</p> : null}
        <ErrorText error={error} />
      </Card>
    </div>
  );
}

/** The error line and the submit / cancel buttons at the foot of the two creation forms. */
function FormActions({ error, busy, submitLabel, onCancel }: { error: unknown; busy: boolean; submitLabel: string; onCancel?: () => void }) {
  const t = useT();
  return (
    <>
      <ErrorText error={error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        ) : null}
      </div>
    </>
  );
}
