// The module's own labels (title, navigation); each feature keeps its messages in its folder (namespace ward.<feature>).
export const vi = {
  title: 'Đảng bộ cơ sở',
  pickCommittee: 'Chọn đảng bộ cơ sở',
  committeeNotFound: 'Không tìm thấy đảng bộ này, hoặc đảng bộ không thuộc phạm vi của bạn.',
  nav: {
    label: 'Các việc của đảng bộ',
    home: 'Tổng quan',
    cells: 'Các chi bộ',
    members: 'Đảng viên',
    transfers: 'Chuyển sinh hoạt',
    residence: 'Quy định 213',
    grading: 'Xếp loại',
    dues: 'Đảng phí, thống kê',
    import: 'Nhập danh sách',
  },
};

export const en: typeof vi = {
  title: 'Grassroots Party Committee',
  pickCommittee: 'Choose a committee',
  committeeNotFound: 'This committee does not exist or is outside your scope.',
  nav: {
    label: "The committee's work",
    home: 'Overview',
    cells: 'Cells',
    members: 'Members',
    transfers: 'Transfers',
    residence: 'Regulation 213',
    grading: 'Grading',
    dues: 'Dues, statistics',
    import: 'Import a list',
  },
};
