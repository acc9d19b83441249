export const vi = {
  title: 'Đảng bộ cơ sở',
  pickCommittee: 'Chọn đảng bộ cơ sở',
  cellsCaption: 'Các chi bộ trực thuộc ({{count}})',
  name: 'Tên đơn vị',
  kind: 'Loại hình',
  memberCount: 'Số đảng viên',
  totalMembers: 'Tổng số đảng viên: {{count}}',
  noCells: 'Đảng bộ chưa có chi bộ trực thuộc.',
  backToDefault: 'Về đảng bộ mặc định',
};

export const en: typeof vi = {
  title: 'Grassroots Party Committee',
  pickCommittee: 'Choose a committee',
  cellsCaption: 'Subordinate cells ({{count}})',
  name: 'Unit name',
  kind: 'Type',
  memberCount: 'Members',
  totalMembers: 'Total members: {{count}}',
  noCells: 'This committee has no cells yet.',
  backToDefault: 'Back to the default committee',
};
