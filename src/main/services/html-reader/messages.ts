import type { Result } from '../../../core/model/result';
import type { HtmlArticle } from './html-article';

/** What the main process sends the reader thread, and what comes back (structured-clone data). */
export interface ReadRequest {
  id: number;
  html: string;
}

export interface ReadReply {
  id: number;
  result: Result<HtmlArticle>;
}
