import { useTranslation } from 'react-i18next';
import {
  Badge,
  Button,
  ButtonLink,
  DataTable,
  FormProvider,
  Link,
  QueryBoundary,
  Section,
  SelectField,
  TextField,
  formatDate,
  useQuery,
  useSchemaForm,
  useSearchParams,
  type Column,
} from '@dangvien/ui';
import { useWardPath } from '../layout/useWardPath.ts';
import { STATUS_TONE } from './status.ts';
import { searchCriteria, searchSchema, STATUSES, type SearchForm } from './search.ts';
import { WARD_MEMBER_SEARCH, type FoundMember } from './queries.ts';

const PAGE = 100;

/** Đảng viên: one search over every cell of the committee; the criteria live in the address so "back" returns to the results. */
export default function MemberSearch() {
  const { t } = useTranslation('ward.members');
  const { wardPath } = useWardPath();
  const [params, setParams] = useSearchParams();
  const current: SearchForm = {
    name: params.get('name') ?? '',
    card: params.get('card') ?? '',
    status: (params.get('status') ?? '') as SearchForm['status'],
    scope: params.get('scope') === 'withLeft' ? 'withLeft' : '',
  };
  const criteria = searchCriteria(current);
  const form = useSchemaForm<SearchForm>(searchSchema, current);
  const query = useQuery(WARD_MEMBER_SEARCH, { ...criteria, first: PAGE }, { enabled: criteria.name !== undefined || criteria.partyCardNumber !== undefined, keepPrevious: true });
  const submit = form.handleSubmit((values) => {
    const next = new URLSearchParams();
    if (values.name) next.set('name', values.name);
    if (values.card) next.set('card', values.card);
    if (values.status) next.set('status', values.status);
    if (values.scope) next.set('scope', values.scope);
    setParams(next);
  });
  const searched = criteria.name !== undefined || criteria.partyCardNumber !== undefined;

  return (
    <Section title={t('search.title')} actions={<ButtonLink variant="primary" to={wardPath('members', 'admit')} data-testid="member-admit-open">{t('search.admit')}</ButtonLink>}>
      <p>{t('search.intro')}</p>
      <FormProvider {...form}>
        <form className="dv-toolbar" role="search" onSubmit={(event) => void submit(event)} noValidate data-testid="member-search-form">
          <TextField<SearchForm> name="name" label={t('search.name')} type="search" data-testid="member-search-name" />
          <TextField<SearchForm> name="card" label={t('search.card')} data-testid="member-search-card" />
          <SelectField<SearchForm>
            name="status"
            label={t('search.status')}
            options={[{ value: '', label: t('search.allStatuses') }, ...STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))]}
          />
          <SelectField<SearchForm>
            name="scope"
            label={t('search.scope')}
            options={[
              { value: '', label: t('search.scopeCurrent') },
              { value: 'withLeft', label: t('search.scopeWithLeft') },
            ]}
          />
          <Button type="submit" data-testid="member-search-submit">
            {t('search.submit')}
          </Button>
        </form>
      </FormProvider>
      {searched ? (
        <QueryBoundary query={query}>{(data) => <Results members={data.searchMembers.nodes} more={data.searchMembers.hasNextPage} />}</QueryBoundary>
      ) : (
        <p className="dv-empty">{t('search.prompt')}</p>
      )}
    </Section>
  );
}

function Results({ members, more }: { members: readonly FoundMember[]; more: boolean }) {
  const { t } = useTranslation('ward.members');
  const { wardPath } = useWardPath();
  const columns: Column<FoundMember>[] = [
    {
      header: t('search.colName'),
      sortValue: (member) => member.fullName,
      cell: (member) => (
        <>
          <Link className="dv-link-target" to={wardPath('members', member.id)} data-testid="member-link">
            {member.fullName}
          </Link>
          {member.dateOfBirth ? <div className="dv-muted">{t('search.born', { year: member.dateOfBirth.slice(0, 4) })}</div> : null}
          {member.admittedOn ? <div className="dv-muted">{t('search.admitted', { date: formatDate(member.admittedOn) })}</div> : null}
        </>
      ),
    },
    {
      header: t('search.colStatus'),
      sortValue: (member) => t(`status.${member.status}`),
      cell: (member) => (
        <Badge tone={STATUS_TONE[member.status]}>
          <span data-testid="member-status" data-status={member.status}>
            {t(`status.${member.status}`)}
          </span>
        </Badge>
      ),
    },
    { header: t('search.colCell'), sortValue: (member) => member.cell?.name, cell: (member) => member.cell?.name ?? <span className="dv-muted">{t('search.noCell')}</span> },
  ];
  return (
    <>
      <DataTable
        testId="member-results" exportFileName="tim-dang-vien"
        caption={t('search.caption', { count: members.length })}
        columns={columns}
        rows={members}
        rowKey={(member) => member.id}
        emptyText={t('search.noMatch')}
        pageSize={25}
      />
      {more ? <p className="dv-muted">{t('search.more')}</p> : null}
    </>
  );
}
