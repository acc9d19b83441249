import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ErrorMessage, Loading, useMutation, useQuery } from '@dangvien/ui';
import type { CurrentQuery } from '../current-query.ts';
import { DELETE_SAVED_QUERY, SAVE_QUERY, SAVED_QUERIES } from './queries.ts';

interface Props {
  /** What the editor holds now. */
  current: () => CurrentQuery;
  /** The saved query open in the editor, if it is the user's own (saving again changes it). */
  openedId: string | undefined;
  onOpen: (saved: { id: string; mine: boolean; name: string; query: string; variables: string }) => void;
}

/** The user's saved queries and those shared with their scope: open, save the editor's query, delete one's own. */
export function SavedQueries({ current, openedId, onOpen }: Props) {
  const { t } = useTranslation('explorer');
  const list = useQuery(SAVED_QUERIES);
  const save = useMutation(SAVE_QUERY);
  const remove = useMutation(DELETE_SAVED_QUERY);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [notice, setNotice] = useState<string>();
  const opened = list.data?.savedQueries.find((saved) => saved.id === openedId && saved.mine);

  const submit = (asNew: boolean) => (event?: FormEvent) => {
    event?.preventDefault();
    setNotice(undefined);
    const chosen = name.trim() || (!asNew && opened ? opened.name : '');
    if (!chosen) return setNotice(t('saved.needName'));
    const { query, variables } = current();
    save.mutate(
      { input: { id: asNew ? undefined : opened?.id, name: chosen, query, variables: variables.trim() || '{}', shared } },
      {
        onSuccess: (data) => {
          setNotice(t('saved.saved', { name: data.saveQuery.name }));
          setName('');
          onOpen({ id: data.saveQuery.id, mine: true, name: data.saveQuery.name, query, variables });
        },
      },
    );
  };

  return (
    <section className="explorer-panel" aria-labelledby="explorer-saved-title">
      <h2 id="explorer-saved-title" className="explorer-panel__title">
        {t('saved.title')}
      </h2>
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.isPending ? <Loading /> : null}
      {list.data && list.data.savedQueries.length === 0 ? <p className="explorer-muted">{t('saved.none')}</p> : null}
      <ul className="explorer-saved" data-testid="saved-queries">
        {list.data?.savedQueries.map((saved) => (
          <li key={saved.id}>
            <span className="explorer-saved__name">{saved.name}</span>
            <span className="explorer-muted">{saved.mine ? t('saved.mine') : t('saved.sharedBy', { name: saved.ownerName })}</span>
            <span className="explorer-buttons">
              <Button variant="secondary" onClick={() => onOpen(saved)} aria-label={`${t('saved.open')}: ${saved.name}`}>
                {t('saved.open')}
              </Button>
              {saved.mine ? (
                <Button variant="secondary" onClick={() => remove.mutate({ id: saved.id })} aria-label={`${t('saved.delete')}: ${saved.name}`}>
                  {t('saved.delete')}
                </Button>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
      <form className="explorer-save" onSubmit={submit(!opened)}>
        <label>
          {t('saved.name')}
          <input value={name} onChange={(event) => setName(event.target.value)} placeholder={opened?.name} maxLength={200} data-testid="save-name" />
        </label>
        <label className="explorer-check">
          <input type="checkbox" checked={shared} onChange={(event) => setShared(event.target.checked)} />
          {t('saved.shared')}
        </label>
        <Button type="submit" disabled={save.isPending} data-testid="save-query">
          {opened ? t('saved.update') : t('saved.save')}
        </Button>
        {opened ? (
          <Button variant="secondary" onClick={() => submit(true)()}>
            {t('saved.saveAsNew')}
          </Button>
        ) : null}
      </form>
      {save.error ? <ErrorMessage error={save.error} /> : null}
      {remove.error ? <ErrorMessage error={remove.error} /> : null}
      {notice ? <Alert live="status">{notice}</Alert> : null}
    </section>
  );
}
