/**
 * The conditional facts of a case that decide its checklist (§六(二)–(五)): category, children,
 * divorce with custody, housing, certificates marked 无效, how a title was obtained, the items of a
 * personal information change. Every change is autosaved (≤ 300 ms, flushed when the panel is hidden);
 * what is shown is the stored value overlaid with edits not yet written.
 */
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { pickText, useLang, useT, type MessageKey } from './i18n';
import { auditReplayFilter, useAutosave } from './use-autosave';
import { useCase } from './use-live';
import { useToday } from './use-today';
import { DateField, Dates, ErrorText, SaveState, SelectField, StatusLine, YesNoField } from './ui';
import { parseDateText } from './date-input';
import { getRepos } from '../storage/repos';
import type { Case, CaseFacts, CasePatch } from '../storage/schemas';
import { Category, HOUSING_LABELS, HousingOption, type BusinessType } from '../rules/model';
import { InfoChangeItem } from '../rules/checklist';
import { CategoryGSubcase, G_LABEL } from '../rules/income';
import { childAgeOk } from '../rules/validity';

type Facts = CaseFacts;
type FactKey = keyof Facts;
type Overlay = { [K in FactKey]?: Facts[K] | null };

/**
 * The case's facts with local edits on top, and `set(key, value)` that shows the edit at once and
 * autosaves it. Edits are dropped from the overlay once the stored case carries them.
 */
export function useFactsEditor(caseId: string | undefined, journal: 'case-facts' | 'case-eligibility' = 'case-facts') {
  const c = useCase(caseId);
  const [overlay, setOverlay] = useState<Overlay>({});
  // Each form on screen keeps its own journal: two savers sharing one would overwrite each other's.
  const saver = useAutosave<CasePatch>(caseId, (p) => getRepos().cases.update(caseId!, p), {
    journal: `${journal}:${caseId}`,
    replayFilter: auditReplayFilter('cases', caseId ?? ''),
  });
  useEffect(() => setOverlay({}), [caseId]);
  useEffect(() => {
    // Drop the edits the stored case now carries (what remains is still being saved, or failed).
    if (!c) return;
    setOverlay((o) => {
      const left = Object.entries(o).filter(([k, v]) => JSON.stringify(c.facts[k as FactKey] ?? null) !== JSON.stringify(v ?? null));
      return left.length === Object.keys(o).length ? o : (Object.fromEntries(left) as Overlay);
    });
  }, [c]);
  const facts: Facts = { ...(c?.facts ?? {}) };
  for (const [k, v] of Object.entries(overlay) as [FactKey, unknown][]) {
    if (v === null) delete facts[k];
    else (facts as Record<string, unknown>)[k] = v;
  }
  const set = <K extends FactKey>(key: K, value: Facts[K] | null) => {
    setOverlay((o) => ({ ...o, [key]: value }));
    saver.schedule({ facts: { [key]: value } as CasePatch['facts'] });
  };
  return { case: c, facts, set, state: saver.state, error: saver.error, flush: saver.flush };
}

const CATEGORY_KEYS = Category.options;
const HOUSING_KEYS = HousingOption.options;

/** 「A 类 · 租住 · 子女 1 名」: the facts in one line, for a collapsed form. */
function factsSummary(business: BusinessType, f: Facts, t: (k: MessageKey, p?: Record<string, string | number>) => string, lang: 'zh-CN' | 'en'): string {
  const parts: string[] = [];
  if (business === 'new-permit') {
    parts.push(f.category ? t(`facts.category.short.${f.category}`) : t('facts.category.missing'));
    parts.push(f.housing ? pickText(lang, HOUSING_LABELS[f.housing]) : t('facts.housing.missing'));
    parts.push(t('facts.children.count', { n: f.children?.length ?? 0 }));
  } else if (business === 'personal-info-change') {
    parts.push(f.changedItems?.length ? f.changedItems.map((i) => t(`facts.changed.${i}`)).join('、') : t('facts.changed.missing'));
  }
  return parts.join(' · ');
}

function ChildrenEditor({ children, onChange }: { children: NonNullable<Facts['children']>; onChange: (v: Facts['children'] | null) => void }) {
  const t = useT();
  const lang = useLang();
  const today = useToday();
  const ids = { date: useId(), name: useId() };
  const [adding, setAdding] = useState(false);
  const [date, setDate] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);

  const add = (ev: FormEvent) => {
    ev.preventDefault();
    const p = parseDateText(date);
    if (p.kind === 'empty') return setError({ zh: '请填写子女出生日期。未保存。', en: "Enter the child's birth date. Nothing was saved." });
    if (p.kind !== 'date') return setError(p.kind === 'invalid' ? { zh: `${p.message.zh}。未保存。`, en: `${p.message.en}. Nothing was saved.` } : null);
    if (p.value > today) return setError({ zh: `出生日期 ${p.value} 晚于今天。未保存。`, en: `The birth date ${p.value} is after today. Nothing was saved.` });
    if (children.length >= 10) return setError({ zh: '最多 10 名子女。', en: 'At most 10 children.' });
    onChange([...children, { birthDate: p.value, ...(name.trim() ? { name: name.trim() } : {}) }]);
    setDate('');
    setName('');
    setError(null);
    setAdding(false);
  };

  return (
    <fieldset className="children" data-testid="children">
      <legend>{t('facts.children')}</legend>
      {children.length === 0 ? <p className="muted small">{t('facts.children.none')}</p> : null}
      <ol className="child-list">
        {children.map((child, i) => {
          const age = child.birthDate <= today ? childAgeOk(child.birthDate, today) : null;
          return (
            <li key={i} data-testid={`child-${i}`}>
              <div className="row">
                <DateField
                  compact
                  label={child.name ? t('facts.children.birthOf', { n: i + 1, name: child.name }) : t('facts.children.birth', { n: i + 1 })}
                  value={child.birthDate}
                  onCommit={(v) => {
                    if (!v || v === 'long-term') return;
                    onChange(children.map((x, j) => (j === i ? { ...x, birthDate: v } : x)));
                  }}
                />
                <button
                  type="button"
                  className="link danger"
                  onClick={() => onChange(children.length === 1 ? null : children.filter((_, j) => j !== i))}
                  aria-label={t('facts.children.remove', { n: i + 1 })}
                >
                  {t('case.field.remove')}
                </button>
              </div>
              {age ? (
                <StatusLine tone={age.ok ? 'ok' : 'warn'} testId={`child-age-${i}`}>
                  <Dates text={pickText(lang, age.findings[0].message)} />
                </StatusLine>
              ) : null}
            </li>
          );
        })}
      </ol>
      {adding ? (
        <form className="subform" onSubmit={add} aria-label={t('facts.children.add')}>
          <div className="field">
            <label htmlFor={ids.date}>{t('facts.children.newBirth')}</label>
            <input id={ids.date} value={date} onChange={(e) => setDate(e.target.value)} placeholder={t('case.field.datePlaceholder')} inputMode="numeric" autoComplete="off" data-testid="child-new-birth" />
          </div>
          <div className="field">
            <label htmlFor={ids.name}>{t('facts.children.newName')}</label>
            <input id={ids.name} value={name} onChange={(e) => setName(e.target.value)} autoComplete="off" maxLength={50} />
          </div>
          <ErrorText error={error} />
          <div className="actions">
            <button type="submit" className="primary" data-testid="child-add-confirm">
              {t('facts.children.addConfirm')}
            </button>
            <button type="button" onClick={() => (setAdding(false), setError(null))}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => setAdding(true)} data-testid="child-add">
          {t('facts.children.add')}
        </button>
      )}
    </fieldset>
  );
}

function CheckGroup<V extends string>({ legend, options, value, onChange, testId }: { legend: string; options: readonly { value: V; label: string }[]; value: readonly V[]; onChange: (v: V[] | null) => void; testId?: string }) {
  return (
    <fieldset className="checks" data-testid={testId}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input
            type="checkbox"
            checked={value.includes(o.value)}
            onChange={(e) => {
              const next = e.target.checked ? [...value, o.value] : value.filter((v) => v !== o.value);
              onChange(next.length ? next : null);
            }}
          />
          <span>{o.label}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** The housing option and, for an own home, which document and whether the spouse owns it. */
function HousingFields({ facts, set }: { facts: Facts; set: ReturnType<typeof useFactsEditor>['set'] }) {
  const t = useT();
  const lang = useLang();
  return (
    <>
      <SelectField
        label={t('facts.housing')}
        value={facts.housing}
        emptyLabel={t('case.field.unanswered')}
        options={HOUSING_KEYS.map((h) => ({ value: h, label: pickText(lang, HOUSING_LABELS[h]) }))}
        onChange={(v) => set('housing', v)}
        testId="facts-housing"
      />
      {facts.housing === 'own' ? (
        <div className="indent">
          <SelectField
            label={t('facts.ownHome.document')}
            value={facts.ownHome?.document}
            emptyLabel={t('case.field.unanswered')}
            options={[
              { value: 'certificate', label: t('facts.ownHome.certificate') },
              { value: 'online-contract', label: t('facts.ownHome.onlineContract') },
            ]}
            onChange={(v) => set('ownHome', { ...facts.ownHome, document: v ?? undefined })}
          />
          <YesNoField label={t('facts.ownHome.spouse')} value={facts.ownHome?.ownerIsSpouse} onChange={(v) => set('ownHome', { ...facts.ownHome, ownerIsSpouse: v ?? undefined })} />
        </div>
      ) : null}
      {facts.housing === 'employer-housing' ? (
        <div className="indent">
          <SelectField
            label={t('facts.employerHousing.document')}
            value={facts.employerHousingDocument}
            emptyLabel={t('case.field.unanswered')}
            options={[
              { value: 'property-proof', label: t('facts.employerHousing.propertyProof') },
              { value: 'lease', label: t('facts.employerHousing.lease') },
            ]}
            onChange={(v) => set('employerHousingDocument', v)}
            testId="facts-employer-housing"
          />
        </div>
      ) : null}
    </>
  );
}

function EducationFlags({ facts, set, diploma = true, degree = true }: { facts: Facts; set: ReturnType<typeof useFactsEditor>['set']; diploma?: boolean; degree?: boolean }) {
  const t = useT();
  return (
    <>
      {diploma ? <YesNoField label={t('facts.diplomaInvalid')} value={facts.diplomaMarkedInvalid} onChange={(v) => set('diplomaMarkedInvalid', v)} /> : null}
      {degree ? <YesNoField label={t('facts.degreeInvalid')} value={facts.degreeMarkedInvalid} onChange={(v) => set('degreeMarkedInvalid', v)} testId="facts-degree-invalid" /> : null}
    </>
  );
}

function TitleFields({ facts, set }: { facts: Facts; set: ReturnType<typeof useFactsEditor>['set'] }) {
  const t = useT();
  return (
    <>
      <SelectField
        label={t('facts.titleBy')}
        value={facts.titleObtainedBy}
        emptyLabel={t('case.field.unanswered')}
        options={[
          { value: 'exam', label: t('facts.titleBy.exam') },
          { value: 'review', label: t('facts.titleBy.review') },
        ]}
        onChange={(v) => set('titleObtainedBy', v)}
      />
      <YesNoField label={t('facts.titleSenior')} value={facts.titleIsSenior} onChange={(v) => set('titleIsSenior', v)} />
    </>
  );
}

/** The facts form of one case; which questions appear depends on the business and earlier answers. */
export function CaseFactsForm({ caseId, collapsible = true }: { caseId: string; collapsible?: boolean }) {
  const t = useT();
  const lang = useLang();
  const noteId = useId();
  const editor = useFactsEditor(caseId);
  const { facts, set } = editor;
  const c: Case | undefined = editor.case;
  if (!c) return null;
  const business = c.business;
  const children = facts.children ?? [];
  const changed = facts.changedItems ?? [];
  const infoChange = business === 'personal-info-change';

  const category = (
    <SelectField
      label={t('facts.category')}
      value={facts.category}
      emptyLabel={t('case.field.unanswered')}
      options={CATEGORY_KEYS.map((k) => ({ value: k, label: t(`facts.category.${k}`) }))}
      onChange={(v) => set('category', v)}
      testId="facts-category"
    />
  );

  // §提示 特别注意 1: holders registered in the old system complete their information and uploads first.
  const oldSystem = <YesNoField label={t('facts.oldSystemHolder')} value={facts.oldSystemHolder} onChange={(v) => set('oldSystemHolder', v)} testId="facts-old-system" />;
  const body =
    business === 'new-permit' || infoChange ? (
      <div className="form-grid">
        {infoChange ? (
          <>
            <CheckGroup
              legend={t('facts.changed')}
              options={InfoChangeItem.options.map((k) => ({ value: k, label: t(`facts.changed.${k}`) }))}
              value={changed}
              onChange={(v) => set('changedItems', v)}
              testId="facts-changed"
            />
            <div className="field">
              <label htmlFor={noteId}>{t('facts.changeNote')}</label>
              <textarea id={noteId} rows={2} maxLength={200} value={facts.changeNote ?? ''} onChange={(e) => set('changeNote', e.target.value.trim() ? e.target.value : null)} />
              <p className="hint">{t('facts.changeNote.hint')}</p>
            </div>
          </>
        ) : (
          category
        )}
        {business === 'new-permit' || changed.includes('residence') ? <HousingFields facts={facts} set={set} /> : null}
        {business === 'new-permit' || changed.includes('companions') ? (
          <>
            <ChildrenEditor children={children} onChange={(v) => set('children', v)} />
            {children.length > 0 ? <YesNoField label={t('facts.divorcedWithCustody')} value={facts.divorcedWithCustody} onChange={(v) => set('divorcedWithCustody', v)} testId="facts-divorced" /> : null}
          </>
        ) : null}
        {business === 'new-permit' && facts.category === 'A' ? <EducationFlags facts={facts} set={set} /> : null}
        {business === 'new-permit' && facts.category === 'B' ? (
          <>
            <TitleFields facts={facts} set={set} />
            <EducationFlags facts={facts} set={set} degree={false} />
          </>
        ) : null}
        {business === 'new-permit' && facts.category === 'G' ? (
          <CheckGroup
            legend={t('facts.gSubcases')}
            options={CategoryGSubcase.options.map((k) => ({ value: k, label: pickText(lang, G_LABEL[k]) }))}
            value={facts.gSubcases ?? []}
            onChange={(v) => set('gSubcases', v)}
          />
        ) : null}
        {infoChange && changed.includes('education') ? <EducationFlags facts={facts} set={set} /> : null}
        {infoChange && changed.includes('title') ? <TitleFields facts={facts} set={set} /> : null}
        {infoChange ? oldSystem : null}
      </div>
    ) : business === 'renewal' || business === 'employer-change' ? (
      <div className="form-grid">{oldSystem}</div>
    ) : (
      <p className="muted">{t('facts.noneNeeded')}</p>
    );

  const content = (
    <>
      {body}
      <SaveState state={editor.state} error={editor.error} />
    </>
  );
  if (!collapsible) return <div data-testid="facts-form">{content}</div>;
  const summary = factsSummary(business, facts, t, lang);
  return (
    <FactsDetails key={c.id} startOpen={business === 'new-permit' ? !facts.category || !facts.housing : infoChange ? changed.length === 0 : false}>
      <summary>
        <span className="summary-title">{t('facts.title')}</span>
        {summary ? <span className="summary-note">{summary}</span> : null}
      </summary>
      {content}
    </FactsDetails>
  );
}

/** Open at first when questions are unanswered; afterwards only the agent opens or closes it. */
function FactsDetails({ startOpen, children }: { startOpen: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(startOpen);
  return (
    <details className="facts" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="facts-form">
      {children}
    </details>
  );
}
