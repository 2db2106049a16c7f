import { agreementJson, agreementMarkdown } from '../../../core/agreement/format';
import type { AgreementReport } from '../../../core/agreement/report';

/**
 * The figures as files: JSON in the reference file's shape and the CLI's markdown tables, from
 * the same core formatters `lede agree` prints with. A download link works in the browser host;
 * Electron shows its save dialog for it.
 */
export function downloadText(fileName: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportAgreement(report: AgreementReport, format: 'json' | 'markdown'): void {
  const stamp = new Date().toISOString().slice(0, 10);
  if (format === 'json') downloadText(`agreement-${stamp}.json`, `${JSON.stringify(agreementJson(report), null, 2)}\n`, 'application/json');
  else downloadText(`agreement-${stamp}.md`, agreementMarkdown(report), 'text/markdown');
}
