import { create } from 'zustand';
import { ApiCallError } from '../bridge/api-client';

export interface Message {
  id: number;
  kind: 'error' | 'info' | 'success';
  text: string;
  details?: string[];
}

interface MessageState {
  messages: Message[];
  show(kind: Message['kind'], text: string, details?: string[]): void;
  dismiss(id: number): void;
}

let nextId = 1;

/** Messages for the analyst: every error is shown, with its details, until dismissed. */
export const useMessages = create<MessageState>((set) => ({
  messages: [],
  show: (kind, text, details) =>
    set((s) => ({ messages: [...s.messages.slice(-4), { id: nextId++, kind, text, ...(details?.length ? { details } : {}) }] })),
  dismiss: (id) => set((s) => ({ messages: s.messages.filter((m) => m.id !== id) })),
}));

/** Shows any thrown error in the message area, with the backend's details when it gave some. */
export function showError(context: string, error: unknown): void {
  const { show } = useMessages.getState();
  if (error instanceof ApiCallError) show('error', `${context}: ${error.info.message}`, error.info.details);
  else show('error', `${context}: ${error instanceof Error ? error.message : String(error)}`);
}
