import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ButtonLink, Dialog, Facts, formatDate, QueryBoundary, Section, Toolbar, useLabels, useParams, useQuery } from '@dangvien/ui';
import { HistoryList } from '../history/HistoryList.tsx';
import { useDistrictPath } from '../layout/useDistrictPath.ts';
import { useUnitLink } from '../tree/ChartView.tsx';
import { sortUnits } from '../tree/tree.ts';
import { MergeFlow } from './MergeFlow.tsx';
import { RESTRUCTURE_UNIT, type RestructureUnit } from './queries.ts';
import { ReformFlow } from './ReformFlow.tsx';
import { RenameForm } from './RenameForm.tsx';

type Open = 'rename' | 'merge' | 'reform' | null;

/** A unit of the tree: its facts today, its restructuring (rename, merge its sub-units, the 2025 reform) and its history. */
export function UnitPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('district.tree');
  const { districtPath } = useDistrictPath();
  const query = useQuery(RESTRUCTURE_UNIT, { id });
  return (
    <>
      <Toolbar>
        <ButtonLink to={districtPath('tree')} data-testid="unit-back">
          {t('unit.back')}
        </ButtonLink>
      </Toolbar>
      <QueryBoundary query={query}>{(data) => (data.orgUnit ? <UnitView unit={data.orgUnit} /> : <p className="dv-empty">{t('selected.none')}</p>)}</QueryBoundary>
    </>
  );
}

function UnitView({ unit }: { unit: RestructureUnit }) {
  const { t } = useTranslation('district.tree');
  const labels = useLabels();
  const linkFor = useUnitLink();
  const { districtPath } = useDistrictPath();
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const ended = Boolean(unit.endedOn);
  const ownPage = linkFor(unit);
  const province = unit.kind === 'DISTRICT' && unit.parent?.kind === 'PROVINCE' ? unit.parent : null;
  const close = () => setOpen(null);
  return (
    <>
      <Section
        title={<span data-testid="unit-name">{unit.name}</span>}
        actions={
          ownPage !== districtPath('tree', 'units', unit.id) ? (
            <ButtonLink to={ownPage} data-testid="unit-page">
              {t('selected.openPage', { name: unit.name })}
            </ButtonLink>
          ) : null
        }
      >
        <Facts
          items={[
            { label: t('unit.kind'), value: labels.orgUnitKind(unit.kind) },
            { label: t('unit.code'), value: unit.code },
            { label: t('unit.parent'), value: unit.parent?.name ?? '—' },
            { label: t('unit.established'), value: formatDate(unit.establishedOn) || '—' },
            ...(unit.endedOn ? [{ label: t('unit.ended'), value: formatDate(unit.endedOn) }] : []),
            { label: t('unit.members'), value: unit.memberCount },
            { label: t('unit.children'), value: sortUnits(unit.children).map((child) => child.name).join(', ') || '—' },
          ]}
        />
      </Section>
      <Section title={t('unit.actions')}>
        {notice ? (
          <Alert tone="success" live="status">
            <span data-testid="unit-notice">{notice}</span>
          </Alert>
        ) : null}
        {ended ? (
          <p className="dv-muted">{t('unit.endedNote')}</p>
        ) : (
          <Toolbar>
            <Button variant="secondary" onClick={() => setOpen('rename')} data-testid="unit-rename-open">
              {t('unit.rename')}
            </Button>
            {unit.children.length >= 2 ? (
              <Button onClick={() => setOpen('merge')} data-testid="unit-merge-open">
                {t('unit.merge')}
              </Button>
            ) : null}
            {province ? (
              <Button variant="danger" onClick={() => setOpen('reform')} data-testid="unit-reform-open">
                {t('unit.reform')}
              </Button>
            ) : null}
          </Toolbar>
        )}
        {unit.kind === 'DISTRICT' && !province && !ended ? <p className="dv-muted">{t('unit.reformProvinceOnly')}</p> : null}
      </Section>
      <HistoryList unitId={unit.id} unitName={unit.name} />
      <Dialog open={open === 'rename'} title={`${t('unit.rename')}: ${unit.name}`} onClose={close}>
        {open === 'rename' ? (
          <RenameForm
            unit={unit}
            onDone={(message) => {
              setOpen(null);
              setNotice(message);
            }}
          />
        ) : null}
      </Dialog>
      <Dialog open={open === 'merge'} title={`${t('unit.merge')}: ${unit.name}`} onClose={close}>
        {open === 'merge' ? <MergeFlow parent={unit} onClose={close} /> : null}
      </Dialog>
      <Dialog open={open === 'reform'} title={`${t('unit.reform')}: ${unit.name}`} onClose={close}>
        {open === 'reform' && province ? <ReformFlow district={unit} province={province} onClose={close} /> : null}
      </Dialog>
    </>
  );
}
