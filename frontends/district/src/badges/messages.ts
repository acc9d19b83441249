/** Huy hiệu Đảng (namespace 'district.badges'). */
export const vi = {
  title: 'Huy hiệu Đảng',
  intro: 'Đảng viên đủ tuổi đảng để được tặng Huy hiệu Đảng tại một đợt trao: tuổi đảng tính từ ngày kết nạp, đạt mốc sau đợt trao trước và đến ngày trao. Các mốc và ngày trao là cấu hình theo quy định có hiệu lực.',
  awardDate: 'Đợt trao',
  awardDateHint: 'Mặc định là đợt trao sắp tới.',
  rule: 'Quy định: {{name}}. Mốc tuổi đảng: {{years}} năm.',
  window: 'Đạt mốc từ sau {{from}} đến {{to}}.',
  summary: 'Tổng cộng {{count}} đồng chí đủ điều kiện tại đợt trao ngày {{date}}.',
  byYears: 'Huy hiệu {{years}} năm: {{count}}',
  caption: 'Đảng viên đủ tuổi đảng nhận Huy hiệu Đảng đợt {{date}}: {{count}}',
  empty: 'Không có đảng viên nào đến mốc trong đợt này.',
  col: {
    member: 'Họ và tên',
    dateOfBirth: 'Ngày sinh',
    cell: 'Chi bộ',
    committee: 'Đảng bộ cơ sở',
    admittedOn: 'Ngày vào Đảng',
    years: 'Huy hiệu (năm)',
    reachesOn: 'Đủ tuổi đảng ngày',
  },
};

export const en: typeof vi = {
  title: 'Party badges',
  intro: 'Members whose party age earns a long-service badge at an award date: party age counts from admission, reaching a badge year after the previous award date and by this one. Years and award dates are dated configuration.',
  awardDate: 'Award date',
  awardDateHint: 'The coming one by default.',
  rule: 'Rule: {{name}}. Badge years: {{years}}.',
  window: 'Reaching the years after {{from}} and by {{to}}.',
  summary: '{{count}} members due at the award of {{date}}.',
  byYears: '{{years}}-year badge: {{count}}',
  caption: 'Members due for a Party badge on {{date}}: {{count}}',
  empty: 'No member reaches a badge year in this round.',
  col: {
    member: 'Full name',
    dateOfBirth: 'Born',
    cell: 'Cell',
    committee: 'Grassroots committee',
    admittedOn: 'Admitted',
    years: 'Badge (years)',
    reachesOn: 'Reaches it on',
  },
};
