import type { Result } from '../../../core/model/result';
import type { HtmlShape } from '../../../core/import/html-shape';
import type { HtmlArticle } from './html-article';

/** What the main process sends the reader thread, and what comes back (structured-clone data). */
export interface ReadRequest {
  id: number;
  html: string;
  /** The page's pre-scan, done once by the sender. */
  shape: HtmlShape;
}

export interface ReadReply {
  id: number;
  result: Result<HtmlArticle>;
}
