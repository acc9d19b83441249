export const vi = {
  title: 'Huyện ủy / cấp trên cơ sở',
  treeHeading: 'Sơ đồ tổ chức',
  countsCaption: 'Số tổ chức đảng theo loại hình',
  kind: 'Loại hình',
  count: 'Số lượng',
};

export const en: typeof vi = {
  title: 'District committee / above grassroots',
  treeHeading: 'Organization chart',
  countsCaption: 'Party organizations by type',
  kind: 'Type',
  count: 'Count',
};
