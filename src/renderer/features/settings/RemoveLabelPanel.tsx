import type { ArticleDoc } from '../../../core/model/document';
import type { LabelDef } from '../../../core/model/label-schema';
import { counted } from '../../../core/text/plural';
import { deleteLabel } from '../../state/schema-actions';
import { useWorkspace } from '../../state/workspace-store';
import { RemovalChoice } from './RemovalChoice';

export interface PendingRemoval {
  label: LabelDef;
  annotations: number;
  articles: number;
  docs: ArticleDoc[];
}

/**
 * Removing a label: when annotations use it, the analyst chooses to delete them (with their
 * links) or give them another label. Either way it is one edit, undone by one Ctrl/Cmd+Z.
 */
export function RemoveLabelPanel({ removal, onDone }: { removal: PendingRemoval; onDone(): void }) {
  const labels = useWorkspace((s) => s.info?.labelSchema.labels) ?? NO_LABELS;
  const { label, annotations, articles, docs } = removal;
  const question =
    annotations === 0
      ? `No annotation uses “${label.name}”. Remove it?`
      : `${counted(annotations, 'annotation')} in ${counted(articles, 'article')} ${annotations === 1 ? 'uses' : 'use'} “${label.name}”. What should happen to ${annotations === 1 ? 'it' : 'them'}?`;
  return (
    <RemovalChoice
      name={`Remove ${label.name}`}
      question={question}
      uses={annotations}
      others={labels.filter((l) => l.id !== label.id)}
      verb="Reassign"
      apply={(plan) => deleteLabel(label.id, docs, plan)}
      onDone={onDone}
    />
  );
}

/** Stable empty list: a selector returning a fresh [] would re-render forever. */
const NO_LABELS: readonly LabelDef[] = [];
