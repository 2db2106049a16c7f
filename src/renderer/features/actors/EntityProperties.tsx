import { useState } from 'react';
import type { ActorEntity } from '../../../core/actors/entity';
import { setActorProperty } from '../../state/actors-actions';

/**
 * The analyst's own properties of an entity (role, affiliation, country, gender — any key, no
 * fixed list): each value edited in place (saved on leaving the field), removed with ×, and a new
 * key added below. Each change is one undo step.
 */
export function EntityProperties({ entity }: { entity: ActorEntity }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const entries = Object.entries(entity.properties);
  const add = () => {
    if (!key.trim() || !value.trim()) return;
    if (setActorProperty(entity.id, key.trim(), value.trim())) {
      setKey('');
      setValue('');
    }
  };
  return (
    <>
      <h3>Properties</h3>
      {entries.length === 0 && <p className="muted small">None yet: add role, affiliation, country or any key of your own.</p>}
      <dl className="registry-properties">
        {entries.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>
              <input
                aria-label={`Property ${k}`}
                key={`${k}-${v}`}
                defaultValue={v}
                onBlur={(e) => e.target.value.trim() !== v && setActorProperty(entity.id, k, e.target.value.trim())}
                onKeyDown={(e) => e.key === 'Enter' && e.currentTarget.blur()}
              />{' '}
              <button type="button" className="link-button" aria-label={`Remove property ${k}`} onClick={() => setActorProperty(entity.id, k, '')}>
                ×
              </button>
            </dd>
          </div>
        ))}
      </dl>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <input aria-label="New property name" placeholder="Property, e.g. role" value={key} maxLength={200} onChange={(e) => setKey(e.target.value)} />{' '}
        <input aria-label="New property value" placeholder="Value" value={value} onChange={(e) => setValue(e.target.value)} />{' '}
        <button type="submit" className="button small" disabled={!key.trim() || !value.trim()}>
          Add
        </button>
      </form>
    </>
  );
}
