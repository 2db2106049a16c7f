import { useState } from 'react';
import { addRelationType, changeRelationType, removeRelationType } from '../../../core/edits/relation-type-edits';
import type { ArticleDoc } from '../../../core/model/document';
import type { LabelDef, RelationTypeDef } from '../../../core/model/label-schema';
import { counted } from '../../../core/text/plural';
import { attributeSchemaChange, relationTypeUsageOf } from '../../state/schema-actions';
import { useWorkspace } from '../../state/workspace-store';
import { NameInput } from './NameInput';
import { RemovalChoice } from './RemovalChoice';
import { FormError } from '../../ui/FormError';

interface PendingRemoval {
  type: RelationTypeDef;
  links: number;
  articles: number;
  docs: ArticleDoc[];
}

const NO_TYPES: readonly RelationTypeDef[] = [];
const NO_LABELS: readonly LabelDef[] = [];

/**
 * The relation types links can have: add, rename, remove. Links refer to their type by id, so a
 * rename keeps every link; removing a type asks first and says how many links it would take
 * (delete them, or move them to another type). Each change is one undoable edit.
 */
export function RelationTypeEditor() {
  const types = useWorkspace((s) => s.info?.labelSchema.relationTypes) ?? NO_TYPES;
  const labels = useWorkspace((s) => s.info?.labelSchema.labels) ?? NO_LABELS;
  const [error, setError] = useState<string | null>(null);
  const [removal, setRemoval] = useState<PendingRemoval | null>(null);
  const [newName, setNewName] = useState('');
  const labelName = (id: string) => labels.find((l) => l.id === id)?.name ?? id;
  const ends = (ids: readonly string[]) => (ids.length ? ids.map(labelName).join(', ') : 'any label');

  return (
    <section className="settings-section" aria-label="Relation types">
      <h3>Relation types</h3>
      {types.length === 0 && <p className="muted">No relation types yet: links need one.</p>}
      <ul className="attribute-list">
        {types.map((t) => (
          <li key={t.id} className="attribute-def" data-relation-type-id={t.id}>
            <div className="settings-row">
              <NameInput
                label={`Name of relation type ${t.name}`}
                value={t.name}
                onCommit={(name) => setError(attributeSchemaChange((s) => changeRelationType(s, t.id, { name })))}
              />
              <span className="muted">{t.equivalence ? `same group (${ends(t.from)})` : `${ends(t.from)} → ${ends(t.to)}`}</span>
              <button
                type="button"
                className="button small danger"
                aria-label={`Remove relation type ${t.name}`}
                onClick={async () => {
                  setError(null);
                  const usage = await relationTypeUsageOf(t.id);
                  if (usage) setRemoval({ type: t, ...usage });
                }}
              >
                Remove
              </button>
            </div>
          </li>
        ))}
      </ul>
      {removal && <RemovePanel removal={removal} others={types.filter((t) => t.id !== removal.type.id)} onDone={() => setRemoval(null)} />}
      <form
        className="settings-row"
        onSubmit={(e) => {
          e.preventDefault();
          const problem = attributeSchemaChange((s) => addRelationType(s, { name: newName }));
          setError(problem);
          if (!problem) setNewName('');
        }}
      >
        <label htmlFor="new-relation-type">New relation type</label>
        <input id="new-relation-type" value={newName} maxLength={200} placeholder="e.g. Target" onChange={(e) => setNewName(e.target.value)} />
        <button type="submit" className="button" disabled={!newName.trim()}>
          Add relation type
        </button>
      </form>
      <FormError error={error} />
    </section>
  );
}

function RemovePanel({ removal, others, onDone }: { removal: PendingRemoval; others: readonly RelationTypeDef[]; onDone(): void }) {
  const { type, links, articles, docs } = removal;
  const question =
    links === 0
      ? `No link is a “${type.name}”. Remove it?`
      : `${counted(links, 'link')} in ${counted(articles, 'article')} ${links === 1 ? 'is a' : 'are'} “${type.name}”. What should happen to ${links === 1 ? 'it' : 'them'}?`;
  return (
    <RemovalChoice
      name={`Remove relation type ${type.name}`}
      question={question}
      uses={links}
      others={others}
      verb="Move"
      apply={(plan) => attributeSchemaChange((s) => removeRelationType(s, docs, type.id, plan))}
      onDone={onDone}
    />
  );
}
