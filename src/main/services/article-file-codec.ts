import type { ArticleDoc } from '../../core/model/document';
import { articleCodec, type FileCodec, type FileStamp } from './store/file-formats';
import { decodeWrittenArticle } from './written-article';

/**
 * The article codec plus a check that the file holds the article its name says. `written`: the
 * size and time the index cache recorded for the file, whose schema check is then skipped while
 * the file still has them (written-article.ts).
 */
export function articleFileCodec(id: string, written: FileStamp | null = null): FileCodec<ArticleDoc> {
  return {
    ...articleCodec,
    decode(raw, stamp) {
      const decoded = decodeWrittenArticle(raw, stamp, written) ?? articleCodec.decode(raw);
      if (decoded.ok && decoded.value.article.id !== id)
        return { ok: false, problem: `holds the article ${decoded.value.article.id}, not ${id} as its name says` };
      return decoded;
    },
  };
}
