/**
 * Time-stamped notes on a case. The composer saves as the agent types (≤ 300 ms, flushed when the
 * panel is hidden or closed, journaled until IndexedDB has it): the first keystroke creates the note,
 * later ones update it, emptying it deletes it. 「完成」 starts a new note. Older notes can be edited
 * (autosaved the same way) or deleted.
 */
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from './i18n';
import { auditReplayFilter, useAutosave } from './use-autosave';
import { useCase, useNotes } from './use-live';
import { Card, ErrorText, SaveState } from './ui';
import { getRepos } from '../storage/repos';
import type { Note } from '../storage/schemas';

const TIME = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An ISO instant as Beijing time, 2026-11-27 09:05. */
function beijingTime(iso: string): string {
  const parts = Object.fromEntries(TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

type NotePatch = { text: string; noteId?: string };

/**
 * A note's text saved as typed: creates the note on the first change (unless the patch or `noteId`
 * names one), deletes it when emptied. Journaled (see use-autosave) under `journal`.
 */
function useNoteSaver(caseId: string, key: string, noteId: string | undefined, journal: string, onReplay?: (p: NotePatch) => void) {
  const id = useRef(noteId);
  useEffect(() => {
    if (noteId) id.current = noteId;
  }, [noteId]);
  const saver = useAutosave<NotePatch>(
    key,
    async ({ text, noteId: named }) => {
      const repos = getRepos();
      // The patch's own note first: a replayed draft names the note it was typed into.
      const target = named ?? id.current;
      if (!text.trim()) {
        if (target) await repos.notes.remove(target).catch(() => undefined);
        id.current = undefined;
        return;
      }
      if (target) {
        try {
          const n = await repos.notes.update(target, text);
          id.current = n.id;
          return n;
        } catch (e) {
          // Deleted meanwhile (another tab): keep the text as a new note rather than lose it.
          if ((e as { code?: string }).code !== 'not-found') throw e;
        }
      }
      const n = await repos.notes.add({ caseId, text, ...(target ? { id: target } : {}) });
      id.current = n.id;
      return n;
    },
    {
      journal,
      onReplay,
      // Every entry names its note (the composer picks the id before the first save).
      replayFilter: (entry) => {
        const target = entry.patch.noteId ?? noteId;
        return target ? auditReplayFilter<NotePatch>('notes', target)(entry) : Promise.resolve(entry.patch);
      },
    },
  );
  return { saver, id };
}

function NoteItem({ note, caseId }: { note: Note; caseId: string }) {
  const t = useT();
  const fieldId = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.text);
  const { saver } = useNoteSaver(caseId, `note:${note.id}`, note.id, `note:${note.id}`);
  useEffect(() => {
    if (!editing) setText(note.text);
  }, [note.text, editing]);
  return (
    <li className="note" data-testid="note">
      <p className="note-time">
        <time dateTime={note.at}>{beijingTime(note.at)}</time>
        {/* A note's own autosaves within the minute it was written are not an edit worth naming. */}
        {beijingTime(note.updatedAt) !== beijingTime(note.at) ? <span className="muted">{t('notes.edited', { time: beijingTime(note.updatedAt) })}</span> : null}
      </p>
      {editing ? (
        <div className="field">
          <label htmlFor={fieldId} className="visually-hidden">
            {t('notes.editLabel')}
          </label>
          <textarea id={fieldId} rows={3} value={text} maxLength={10_000} onChange={(e) => (setText(e.target.value), saver.schedule({ text: e.target.value, noteId: note.id }))} autoFocus />
          <SaveState state={saver.state} error={saver.error} />
        </div>
      ) : (
        <p className="note-text">{note.text}</p>
      )}
      <div className="actions">
        <button type="button" className="link" onClick={() => (editing ? void saver.flush().finally(() => setEditing(false)) : setEditing(true))}>
          {editing ? t('notes.done') : t('notes.edit')}
        </button>
        {!editing ? <DeleteNote noteId={note.id} /> : null}
      </div>
    </li>
  );
}

function DeleteNote({ noteId }: { noteId: string }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!confirming) {
    return (
      <button type="button" className="link danger" onClick={() => setConfirming(true)}>
        {t('common.delete')}
      </button>
    );
  }
  return (
    <span className="confirm-inline" role="group" aria-label={t('notes.deleteConfirm')}>
      <span>{t('notes.deleteConfirm')}</span>
      <button type="button" className="danger" onClick={() => getRepos().notes.remove(noteId).catch(setError)}>
        {t('common.delete')}
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        {t('common.cancel')}
      </button>
      <ErrorText error={error} />
    </span>
  );
}

/** The notes of a case: a composer and the list, newest first. */
export function NotesCard({ caseId }: { caseId: string }) {
  // One composer per case: switching cases starts afresh (and replays that case's unsaved text, if any).
  return <CaseNotes key={caseId} caseId={caseId} />;
}

function CaseNotes({ caseId }: { caseId: string }) {
  const t = useT();
  const fieldId = useId();
  const c = useCase(caseId);
  const notes = useNotes({ caseId });
  const [round, setRound] = useState(0);
  const [text, setText] = useState('');
  // What was being typed when the panel closed comes back into the composer (use-autosave's journal).
  // The note this round will become, named before its first save: after a crash mid-save the
  // replayed draft then updates that note instead of adding a duplicate.
  const draftNoteId = useMemo(() => globalThis.crypto.randomUUID(), [round]);
  const restore = useCallback((p: NotePatch) => {
    setText(p.text);
    if (p.noteId) id.current = p.noteId;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const { saver, id } = useNoteSaver(caseId, `compose:${caseId}:${round}`, draftNoteId, `note-compose:${caseId}`, restore);
  const [composingId, setComposingId] = useState<string | undefined>(undefined);
  useEffect(() => {
    // The stored note being written is shown in the composer, not twice in the list.
    if (saver.state === 'idle') setComposingId(id.current);
  }, [saver.state, id]);
  if (!c) return null;
  const finish = async () => {
    await saver.flush().catch(() => undefined);
    setText('');
    setComposingId(undefined);
    setRound((r) => r + 1);
  };
  const others = (notes ?? []).filter((n) => n.id !== composingId);
  return (
    <Card title={t('notes.title')} testId="notes">
      <div className="field">
        <label htmlFor={fieldId}>{t('notes.new')}</label>
        <textarea
          id={fieldId}
          rows={3}
          maxLength={10_000}
          value={text}
          placeholder={t('notes.placeholder')}
          data-testid="note-composer"
          onChange={(e) => {
            setText(e.target.value);
            saver.schedule({ text: e.target.value, noteId: id.current ?? draftNoteId });
          }}
        />
        <div className="actions">
          <SaveState state={saver.state} error={saver.error} quiet={!text} />
          {text.trim() ? (
            <button type="button" onClick={() => void finish()} data-testid="note-finish">
              {t('notes.finish')}
            </button>
          ) : null}
        </div>
      </div>
      {others.length ? (
        <ol className="notes" data-testid="notes-list">
          {others.map((n) => (
            <NoteItem key={n.id} note={n} caseId={caseId} />
          ))}
        </ol>
      ) : (
        <p className="muted small">{t('notes.none')}</p>
      )}
    </Card>
  );
}
