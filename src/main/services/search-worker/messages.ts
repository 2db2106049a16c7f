import type { SearchHit } from '../../../core/api/articles';
import type { ArticleDoc } from '../../../core/model/document';

/** One batch of articles for the search thread (structured-clone data). */
export interface SearchBatch {
  id: number;
  docs: { id: string; title: string; doc: ArticleDoc }[];
  terms: string[];
  label?: string;
  /** How many more hits are listed; matches past it are still counted. */
  limit: number;
  /** Date.now() past which the thread stops, checked per chunk of text. */
  deadlineAt: number;
  /** Over a SharedArrayBuffer: [0] becomes 1 when a newer query cancels this one. */
  cancel: Int32Array;
}

export type BatchReply = { id: number; hits: SearchHit[]; count: number; stopped: boolean } | { id: number; error: string };
