import { create } from 'zustand';
import { ApiCallError } from '../bridge/api-client';

export interface Message {
  id: number;
  /** `warning`: something the analyst must know that is not a failure (a damaged file was restored); it stays like an error. */
  kind: 'error' | 'warning' | 'info' | 'success';
  text: string;
  details?: string[];
  /** How many times the same message was shown in a row (a repeated save error is one notice, "×3"). */
  repeats: number;
}

interface MessageState {
  messages: Message[];
  show(kind: Message['kind'], text: string, details?: string[]): void;
  dismiss(id: number): void;
  dismissAll(): void;
  /** Stops a fading message from fading while the analyst reads it (pointer over it, focus in it). */
  hold(id: number): void;
  release(id: number): void;
}

/**
 * How long a message stays before it fades, by kind. Errors and warnings stay until dismissed: an
 * analyst away from the screen must still find out that something was not saved or was repaired.
 */
export const FADE_AFTER_MS: Record<Message['kind'], number | null> = { success: 5000, info: 8000, warning: null, error: null };
/** Messages kept (the window shows the newest few; older ones are one click away). Errors are the last to go. */
export const MAX_KEPT = 50;

let nextId = 1;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function stopTimer(id: number): void {
  clearTimeout(timers.get(id));
  timers.delete(id);
}

function startTimer(message: Message): void {
  stopTimer(message.id);
  const after = FADE_AFTER_MS[message.kind];
  if (after !== null)
    timers.set(
      message.id,
      setTimeout(() => useMessages.getState().dismiss(message.id), after),
    );
}

const stays = (m: Message) => FADE_AFTER_MS[m.kind] === null;

/** Oldest fading messages go first; errors and warnings only when there are more than MAX_KEPT of them. */
function trim(messages: Message[]): Message[] {
  const excess = messages.length - MAX_KEPT;
  if (excess <= 0) return messages;
  const byAge = [...messages.filter((m) => !stays(m)), ...messages.filter(stays)];
  const dropped = new Set(byAge.slice(0, excess).map((m) => m.id));
  for (const id of dropped) stopTimer(id);
  return messages.filter((m) => !dropped.has(m.id));
}

/** Messages for the analyst: successes and reports fade, errors stay with their details until dismissed. */
export const useMessages = create<MessageState>((set, get) => ({
  messages: [],
  show(kind, text, details) {
    const last = get().messages.at(-1);
    if (last && last.kind === kind && last.text === text && JSON.stringify(last.details ?? []) === JSON.stringify(details ?? [])) {
      const again = { ...last, repeats: last.repeats + 1 };
      set((s) => ({ messages: [...s.messages.slice(0, -1), again] }));
      startTimer(again);
      return;
    }
    const message: Message = { id: nextId++, kind, text, repeats: 1, ...(details?.length ? { details } : {}) };
    set((s) => ({ messages: trim([...s.messages, message]) }));
    startTimer(message);
  },
  dismiss(id) {
    stopTimer(id);
    set((s) => ({ messages: s.messages.filter((m) => m.id !== id) }));
  },
  dismissAll() {
    for (const id of timers.keys()) stopTimer(id);
    set({ messages: [] });
  },
  hold: (id) => stopTimer(id),
  release(id) {
    const message = get().messages.find((m) => m.id === id);
    if (message) startTimer(message);
  },
}));

/** Shows any thrown error in the message area, with the backend's details when it gave some. */
export function showError(context: string, error: unknown): void {
  const { show } = useMessages.getState();
  if (error instanceof ApiCallError) show('error', `${context}: ${error.info.message}`, error.info.details);
  else show('error', `${context}: ${error instanceof Error ? error.message : String(error)}`);
}
