export const vi = {
  cellsCaption: 'Các chi bộ trực thuộc ({{count}})',
  name: 'Tên đơn vị',
  kind: 'Loại hình',
  memberCount: 'Số đảng viên',
  totalMembers: 'Tổng số đảng viên: {{count}}',
  noCells: 'Đảng bộ chưa có chi bộ trực thuộc.',
};
