import { useTranslation } from 'react-i18next';
import { ButtonLink, PrintLayout, QueryBoundary, Section, formatDate, useParams, useQuery } from '@dangvien/ui';
import { useWardPath } from '../layout/useWardPath.ts';
import { WARD_TRANSFER_LETTER, type PrintedLetter } from './queries.ts';

/** The transfer letter (giấy giới thiệu sinh hoạt đảng) on A4, with its number and the day it must be presented by. */
export default function LetterPage() {
  const { t } = useTranslation('ward.transfers');
  const { transferId = '' } = useParams();
  const { committeeId, wardPath } = useWardPath();
  const query = useQuery(WARD_TRANSFER_LETTER, { id: committeeId });
  return (
    <Section title={t('letterPrint.open')} actions={<ButtonLink to={wardPath('transfers')}>{t('letterPrint.back')}</ButtonLink>}>
      <QueryBoundary query={query} isEmpty={(data) => !data.memberTransfers.some((letter) => letter.id === transferId)} empty={t('letterPrint.notFound')}>
        {(data) => {
          const letter = data.memberTransfers.find((item) => item.id === transferId);
          return letter && data.orgUnit ? <Letter letter={letter} issuer={data.orgUnit} /> : null;
        }}
      </QueryBoundary>
    </Section>
  );
}

function Letter({ letter, issuer }: { letter: PrintedLetter; issuer: { name: string; parent?: { name: string } | null } }) {
  const { t } = useTranslation('ward.transfers');
  const [year, month, day] = letter.letterIssuedOn.split('-');
  const destination = letter.toCell?.name ?? letter.externalOrganization ?? '…';
  const from = letter.fromCell?.name ?? letter.externalOrganization ?? '…';
  return (
    <PrintLayout>
      <div className="dv-print__letterhead" data-testid="transfer-letter-print">
        <div className="dv-print__issuer">
          {issuer.parent ? <p className="dv-print__caps">{issuer.parent.name}</p> : null}
          <p className="dv-print__caps dv-print__strong">{issuer.name}</p>
          <p>*</p>
          <p>{t('letterPrint.number', { number: letter.letterNumber })}</p>
        </div>
        <div className="dv-print__nation">
          <p className="dv-print__strong dv-print__underline">{t('letterPrint.party')}</p>
          <p className="dv-print__italic">{t('letterPrint.placeDate', { day, month, year })}</p>
        </div>
      </div>
      <h3>{t('letterPrint.heading')}</h3>
      <p className="dv-print__center">{t('letterPrint.kindLine', { kind: t(`kindLower.${letter.kind}`) })}</p>
      <p className="dv-print__strong">{t('letterPrint.to', { destination })}</p>
      <p className="dv-print__text">
        {t('letterPrint.body', {
          issuer: issuer.name,
          name: letter.memberName,
          born: letter.member?.dateOfBirth ? t('letterPrint.born', { date: formatDate(letter.member.dateOfBirth) }) : '',
          status: letter.member ? t(`statusLower.${letter.member.status}`) : t('letterPrint.member'),
          from,
          kind: t(`kindLower.${letter.kind}`),
          destination,
        })}
      </p>
      <p className="dv-print__text">{t('letterPrint.reason', { reason: t(`reason.${letter.reason}`) })}</p>
      {letter.temporaryUntil ? <p className="dv-print__text">{t('letterPrint.temporary', { from: formatDate(letter.letterIssuedOn), to: formatDate(letter.temporaryUntil) })}</p> : null}
      <p className="dv-print__text">{t('letterPrint.request', { destination })}</p>
      <p className="dv-print__text dv-print__strong" data-testid="transfer-letter-deadline">
        {t('letterPrint.deadline', { name: letter.memberName, due: formatDate(letter.reportDueOn) })}
      </p>
      <div className="dv-print__signatures">
        <div>
          <p className="dv-print__strong">{t('letterPrint.signature')}</p>
          <p className="dv-print__italic">{t('letterPrint.signatureNote')}</p>
        </div>
      </div>
    </PrintLayout>
  );
}
