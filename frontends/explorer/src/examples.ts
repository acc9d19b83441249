/**
 * The documented example queries (docs/analysts.md shows each query as written here, a test keeps the
 * two equal), offered in the explorer's menu and run on the demo data by the gateway's
 * explorer/examples.int.test.ts. Variables name the demo's units: replace them with your own.
 */
export interface ExampleQuery {
  id: string;
  /** Vietnamese, as the menu shows it. */
  title: string;
  /** What it answers, and from which subgraphs. */
  description: string;
  query: string;
  variables: Record<string, unknown>;
}

/** The demo's ids (packages/demo-data): the province, the district Xuân Trường, a ward committee, a cell. */
const DEMO_DISTRICT = '10000000-0000-4000-8000-000000000002';
const DEMO_WARD = '10000000-0000-4000-8000-000000000010';
const DEMO_CELL = '10000000-0000-4000-8000-000000000101';

export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    id: 'cell-members-reviews',
    title: 'Đảng viên một chi bộ và xếp loại các năm',
    description: 'Chi bộ và đảng bộ cấp trên (tổ chức), đảng viên của chi bộ (đảng viên), xếp loại từng năm (đánh giá).',
    query: `query CellMembersAndReviews($cellId: ID!) {
  orgUnit(id: $cellId) {
    name
    parent { name }
    members(first: 100) {
      fullName
      status
      dateOfBirth
      reviews { year grade }
    }
  }
}`,
    variables: { cellId: DEMO_CELL },
  },
  {
    id: 'district-overview',
    title: 'Tổng quan một huyện: đơn vị, đảng viên, xếp loại trong năm',
    description: 'Số đơn vị theo loại (tổ chức), số đảng viên toàn huyện (đảng viên), phân bố xếp loại đảng viên năm (đánh giá).',
    query: `query DistrictOverview($districtId: ID!, $year: Int!) {
  orgUnit(id: $districtId) {
    name
    memberCount(includeSubtree: true)
    unitCounts { kind count }
  }
  gradeDistribution(unitId: $districtId, year: $year) {
    excellent
    good
    completed
    notCompleted
    total
  }
}`,
    variables: { districtId: DEMO_DISTRICT, year: 2024 },
  },
  {
    id: 'young-members-grades',
    title: 'Đảng viên trẻ, nơi cư trú và xếp loại, theo chi bộ của một đảng bộ',
    description:
      'Câu hỏi mẫu của nhóm phân tích (dưới 35 tuổi, cư trú xa chi bộ, xếp loại "không hoàn thành nhiệm vụ"): các cột cần để lọc trong bảng tính. Chi bộ (tổ chức), ngày sinh và nơi cư trú (đảng viên), xếp loại (đánh giá).',
    query: `query MembersAgeResidenceGrades($unitId: ID!) {
  orgUnit(id: $unitId) {
    name
    descendants(kind: CELL) {
      name
      members(first: 50) {
        fullName
        dateOfBirth
        residence
        residenceLinks { residenceWard { name } }
        reviews { year grade }
      }
    }
  }
}`,
    variables: { unitId: DEMO_WARD },
  },
  {
    id: 'district-cells-members-reviews',
    title: 'Toàn huyện: mọi chi bộ → đảng viên → xếp loại (tải xuống)',
    description:
      'Vượt giới hạn chi phí nếu hỏi trong một lần: nút "Tải CSV" / "Tải Excel" chạy từng phần trên máy chủ. Chi bộ (tổ chức), đảng viên (đảng viên), xếp loại (đánh giá).',
    query: `query DistrictCellsMembersReviews($districtId: ID!) {
  orgUnit(id: $districtId) {
    name
    descendants(kind: CELL) {
      id
      name
      members(first: 200) {
        id
        fullName
        reviews { year grade }
      }
    }
  }
}`,
    variables: { districtId: DEMO_DISTRICT },
  },
];
