import type { DocumentTally } from '../../../../core/agreement/document-tally';
import type { ArticleFileToRead } from '../../article-store';

/** Articles for a tally thread to read and count, for these annotators (sorted, each once) and labels. */
export interface TallyBatch {
  batch: number;
  files: ArticleFileToRead[];
  annotators: string[];
  labels?: string[];
}

/** Aligned with the batch's files: a tally, or null for a file the main thread must read itself (recovery, notices, errors). */
export interface TallyReply {
  batch: number;
  tallies: (DocumentTally | null)[];
}
