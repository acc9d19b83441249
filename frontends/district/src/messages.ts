export const vi = {
  title: 'Huyện ủy / cấp trên cơ sở',
  treeHeading: 'Sơ đồ tổ chức',
  countsCaption: 'Số tổ chức đảng theo loại hình',
  kind: 'Loại hình',
  count: 'Số lượng',
  noUnits: 'Chưa có tổ chức đảng nào.',
};

export const en: typeof vi = {
  title: 'District committee / above grassroots',
  treeHeading: 'Organization chart',
  countsCaption: 'Party organizations by type',
  kind: 'Type',
  count: 'Count',
  noUnits: 'There are no Party organizations yet.',
};
