import { enumValues } from '@dangvien/ui';
import type { DuesCategory, DuesExemption, WageRegion } from '../generated/graphql.ts';

// The dues page (đảng phí), namespace 'cell.dues'.
export const vi = {
  title: 'Đảng phí',
  month: 'Tháng thu',
  monthHint: 'Mặc định là tháng này. Chọn tháng khác để xem hoặc ghi nộp bù.',
  monthTitle: 'Đảng phí tháng {{month}}',
  monthCaption: 'Đảng phí tháng {{month}} của từng đảng viên',
  totals: 'Phải nộp {{due}} · Đã thu {{paid}} · Còn thiếu {{owed}}',
  paidCount: '{{paid}} đồng chí đã nộp đủ, {{owing}} đồng chí còn nợ.',
  member: 'Họ và tên',
  search: 'Tìm theo họ và tên',
  searchHint: 'Gõ có dấu hoặc không dấu đều được.',
  noMatch: 'Không có đảng viên nào khớp với từ khóa.',
  dueLine: 'Phải nộp {{due}} · Đã nộp {{paid}}',
  due: 'Phải nộp',
  paid: 'Đã nộp',
  state: {
    owes: 'Còn nợ {{owed}}',
    paid: 'Đã nộp đủ',
    exempt: 'Được miễn',
    noBasis: 'Chưa có căn cứ đóng',
    nothingDue: 'Không phải nộp tháng này',
  },
  reduced: 'giảm {{percent}}%',
  record: 'Ghi nộp',
  recordFor: 'Ghi nộp đảng phí của {{name}}',
  setBasis: 'Ghi căn cứ đóng',
  setBasisFor: 'Ghi căn cứ đóng của {{name}}',
  noMembers: 'Chi bộ chưa có đảng viên.',
  // Payment form.
  paymentTitle: 'Ghi nộp đảng phí tháng {{month}}',
  payer: 'Đảng viên',
  owedNow: 'Còn phải nộp',
  amount: 'Số tiền nộp (đồng)',
  amountHint: 'Ví dụ 25.000. Không quá số còn phải nộp.',
  paidOn: 'Ngày nộp',
  channel: 'Hình thức nộp',
  save: 'Lưu khoản nộp',
  recorded: 'Đã ghi {{amount}} đảng phí tháng {{month}} của đồng chí {{name}}.',
  // Basis form.
  basisTitle: 'Căn cứ đóng đảng phí',
  category: 'Đối tượng đóng',
  incomeSalaried: 'Tiền lương làm căn cứ đóng bảo hiểm xã hội (đồng/tháng)',
  incomePension: 'Lương hưu (đồng/tháng)',
  wageRegion: 'Vùng lương tối thiểu nơi sinh sống',
  pickRegion: '— Chọn vùng —',
  validFrom: 'Áp dụng từ tháng',
  saveBasis: 'Lưu căn cứ đóng',
  basisSaved: 'Đã ghi căn cứ đóng đảng phí của đồng chí {{name}} từ tháng {{month}}.',
  // Arrears.
  arrearsTitle: 'Đảng viên còn nợ đảng phí',
  arrearsRange: 'Từ tháng {{from}} đến tháng {{to}}. Không đóng đảng phí 3 tháng trong năm mà không có lý do chính đáng là căn cứ xem xét xóa tên.',
  arrearsCaption: 'Nợ đảng phí từ tháng {{from}} đến tháng {{to}}',
  monthsOwedBadge: 'Nợ {{count}} tháng',
  whichMonths: 'Các tháng',
  owed: 'Còn nợ',
  noArrears: 'Không có đảng viên nào nợ đảng phí trong khoảng này.',
  labels: {
    duesCategory: {
      SALARIED: 'Hưởng lương (1% lương đóng bảo hiểm xã hội)',
      PENSIONER: 'Hưởng lương hưu (0,5% lương hưu)',
      STUDENT: 'Học sinh, sinh viên (mức cố định)',
      OTHER: 'Đảng viên khác (theo lương tối thiểu vùng)',
    } satisfies Record<DuesCategory, string>,
    wageRegion: {
      REGION_I: 'Vùng I',
      REGION_II: 'Vùng II',
      REGION_III: 'Vùng III',
      REGION_IV: 'Vùng IV',
    } satisfies Record<WageRegion, string>,
    duesExemption: {
      PARTY_AGE: 'đủ tuổi đảng được miễn',
      HARDSHIP: 'hoàn cảnh khó khăn',
    } satisfies Record<DuesExemption, string>,
  },
};

export const DUES_CATEGORIES = enumValues(vi.labels.duesCategory);
export const WAGE_REGIONS = enumValues(vi.labels.wageRegion);
