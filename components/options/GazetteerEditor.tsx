import { useState } from 'preact/hooks';
import { updateOfficialEverywhere } from '../../lib/db/corrections';
import { addOfficial, listEntities, putEntity, removeEntity } from '../../lib/db/timeline';
import type { Entity, OfficialEntity } from '../../lib/types';
import { countryName } from '../../lib/ui/format';
import type { OfficialFields } from '../../lib/ui/official-form';
import { useServices } from '../../lib/ui/services';
import { useLiveQuery } from '../../lib/ui/use-live-query';
import { Notice } from '../common/Notice';
import { OfficialEditor } from './OfficialEditor';

/** The reader's officials: list, add, edit, remove (with undo). Detection picks changes up on the next page load. */
export function GazetteerEditor() {
  const { database } = useServices();
  const officials = useLiveQuery(
    async (db) => (await listEntities(db, 'official')).filter((e): e is OfficialEntity => e.kind === 'official'),
    [],
  );
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [removed, setRemoved] = useState<Entity | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);

  const save = async (target: OfficialEntity | null, f: OfficialFields): Promise<string | null> => {
    const r = target
      ? await updateOfficialEverywhere(await database(), target.id, {
          name: f.name,
          aliases: f.aliases,
          country: f.country,
          offices: f.offices,
        })
      : await addOfficial(await database(), f);
    if (!r.ok) return r.error;
    setEditing(null);
    setMessage({ kind: 'success', text: `${r.value.name} saved. Pages will use it from their next load.` });
    return null;
  };
  const remove = async (o: OfficialEntity) => {
    const r = await removeEntity(await database(), o.id);
    if (!r.ok) return setMessage({ kind: 'error', text: r.error });
    setMessage(null);
    setRemoved(r.value);
  };
  const undo = async () => {
    if (!removed) return;
    const r = await putEntity(await database(), removed);
    setRemoved(null);
    if (!r.ok) setMessage({ kind: 'error', text: r.error });
  };

  return (
    <section aria-labelledby="gazetteer-title" id="gazetteer">
      <h2 id="gazetteer-title">Officials</h2>
      <p class="muted">
        Officials Counterpart recognises besides its built-in list. Add other spellings as aliases so every form of a
        name is marked.
      </p>
      {removed && (
        <div class="undo-bar" role="status">
          <span>{removed.name} removed.</span>
          <button type="button" class="link" onClick={undo}>
            Undo
          </button>
        </div>
      )}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
      {editing === 'new' ? (
        <OfficialEditor official={null} onSave={(f) => save(null, f)} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" class="primary" onClick={() => setEditing('new')}>
          Add an official
        </button>
      )}
      {officials.status === 'loading' ? (
        <Notice kind="loading">Loading officials…</Notice>
      ) : officials.status === 'error' ? (
        <Notice kind="error">{officials.error}</Notice>
      ) : officials.value.length === 0 ? (
        <Notice kind="empty">No officials of your own yet. Use "Add an official" to teach Counterpart a name.</Notice>
      ) : (
        <ul class="official-list">
          {officials.value.map((o) => (
            <li key={o.id} class="official">
              {editing === o.id ? (
                <OfficialEditor official={o} onSave={(f) => save(o, f)} onCancel={() => setEditing(null)} />
              ) : (
                <>
                  <div class="official-head">
                    <h3>{o.name}</h3>
                    {o.country && <span class="muted">{countryName(o.country)}</span>}
                  </div>
                  {o.aliases.length > 0 && <p class="muted">Also: {o.aliases.join(', ')}</p>}
                  {o.offices.length > 0 && (
                    <ul class="office-list">
                      {o.offices.map((f, i) => (
                        <li key={`${f.office}-${i}`}>
                          {f.office}
                          {(f.from || f.to) && (
                            <span class="muted">
                              {' '}
                              ({f.from ?? '?'} – {f.to ?? 'present'})
                            </span>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                  <div class="actions">
                    <button type="button" onClick={() => setEditing(o.id)} aria-label={`Edit ${o.name}`}>
                      Edit
                    </button>
                    <button type="button" class="danger" onClick={() => remove(o)} aria-label={`Remove ${o.name}`}>
                      Remove
                    </button>
                  </div>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
