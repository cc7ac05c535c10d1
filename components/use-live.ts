/**
 * Typed live queries over the repositories (dexie-react-hooks `useLiveQuery`): the component re-renders
 * whenever the rows it read change, in this tab or another. Each hook returns `undefined` while loading —
 * render a placeholder for it.
 *
 * Every query also re-runs when `LiveEpochContext` changes: the side panel bumps it when it is shown
 * again (Edge and Chrome may keep a hidden panel alive, or freeze it, and miss change events meanwhile).
 */
import { createContext, useContext, useEffect, useState } from 'react';
import { useLiveQuery as dexieLiveQuery } from 'dexie-react-hooks';
import { getRepos, type Repos } from '../storage/repos';
import type { AuditQuery, ListEmployeesQuery } from '../storage/repos';

const r = (repos?: Repos) => repos ?? getRepos();

/** A number that changes when every live query should re-read (see useEpochOnShow). Default 0. */
export const LiveEpochContext = createContext(0);

/** `useLiveQuery` that also re-runs when the LiveEpochContext changes. */
function useLiveQuery<T>(query: () => Promise<T> | T, deps: unknown[]): T | undefined {
  const epoch = useContext(LiveEpochContext);
  return dexieLiveQuery(query, [...deps, epoch]);
}

/**
 * A counter that increases each time the document becomes visible again (and on `pageshow` from the
 * back/forward cache); give it to LiveEpochContext so every query re-reads when the panel is shown.
 */
export function useEpochOnShow(): number {
  const [epoch, setEpoch] = useState(0);
  useEffect(() => {
    const bump = () => {
      if (document.visibilityState === 'visible') setEpoch((n) => n + 1);
    };
    document.addEventListener('visibilitychange', bump);
    window.addEventListener('pageshow', bump);
    return () => {
      document.removeEventListener('visibilitychange', bump);
      window.removeEventListener('pageshow', bump);
    };
  }, []);
  return epoch;
}

export const useEmployee = (id: string | undefined, repos?: Repos) =>
  useLiveQuery(() => (id ? r(repos).employees.get(id) : undefined), [id]);

export const useEmployeeList = (query: ListEmployeesQuery = {}, repos?: Repos) =>
  useLiveQuery(() => r(repos).employees.list(query), [query.sort, query.descending, query.offset, query.limit, query.holderStatus]);

export const useEmployeeSearch = (text: string, limit = 20, repos?: Repos) =>
  useLiveQuery(() => r(repos).employees.search(text, limit), [text, limit]);

export const useCase = (id: string | undefined, repos?: Repos) => useLiveQuery(() => (id ? r(repos).cases.get(id) : undefined), [id]);

export const useCasesOfEmployee = (employeeId: string | undefined, repos?: Repos) =>
  useLiveQuery(() => (employeeId ? r(repos).cases.listByEmployee(employeeId) : []), [employeeId]);

export const useTicks = (caseId: string | undefined, repos?: Repos) =>
  useLiveQuery(() => (caseId ? r(repos).ticks.forCase(caseId) : {}), [caseId]);

export const useDocuments = (owner: { employeeId: string } | { caseId: string } | undefined, repos?: Repos) => {
  const key = owner ? ('caseId' in owner ? `c:${owner.caseId}` : `e:${owner.employeeId}`) : '';
  return useLiveQuery(() => (owner ? r(repos).documents.listFor(owner) : []), [key]);
};

export const useNotes = (owner: { employeeId: string } | { caseId: string } | undefined, repos?: Repos) => {
  const key = owner ? ('caseId' in owner ? `c:${owner.caseId}` : `e:${owner.employeeId}`) : '';
  return useLiveQuery(() => (owner ? r(repos).notes.listFor(owner) : []), [key]);
};

/** The captured values of an employee (and case): the side panel's fill preview reads them. */
export const useDraft = (employeeId: string | undefined, caseId?: string, repos?: Repos) =>
  useLiveQuery(() => (employeeId ? r(repos).drafts.get(employeeId, caseId) : undefined), [employeeId, caseId]);

export const useCompany = (repos?: Repos) => useLiveQuery(() => r(repos).company.get(), []);

export const useSettings = (repos?: Repos) => useLiveQuery(() => r(repos).settings.get(), []);

export const useFocus = (repos?: Repos) => useLiveQuery(() => r(repos).focus.get(), []);


export const useAuditLog = (query: AuditQuery = {}, repos?: Repos) =>
  useLiveQuery(() => r(repos).audit.list(query), [query.table, query.recordId, query.employeeId, query.before, query.limit]);

/** Every employee and case, for matching a portal list (null when not asked for). */
export const usePortalSyncSnapshot = (enabled: boolean, repos?: Repos) =>
  useLiveQuery(() => (enabled ? r(repos).portalSync.snapshot() : null), [enabled]);
/** What the agent taught the portal adapter (issue #17), pages first. */
export const usePortalMappings = (repos?: Repos) => useLiveQuery(() => r(repos).portalMappings.list(), []);
