// Translation resources shared by every module. Each remote adds its own namespace with addTranslations.

export const vi = {
  common: {
    appName: 'Quản lý đảng viên',
    loading: 'Đang tải…',
    retry: 'Thử lại',
    errorTitle: 'Không tải được dữ liệu',
    empty: 'Không có dữ liệu.',
    notFound: 'Không tìm thấy trang này.',
    pickUnit: 'Chọn đơn vị',
    noUnits: 'Chưa có đơn vị nào.',
    unitNotFound: 'Không tìm thấy đơn vị này.',
  },
  error: {
    NETWORK_ERROR: 'Không kết nối được máy chủ. Vui lòng kiểm tra mạng rồi thử lại.',
    SERVER_UNAVAILABLE: 'Máy chủ đang tạm ngừng phục vụ. Vui lòng thử lại sau ít phút.',
    BAD_RESPONSE: 'Máy chủ trả về dữ liệu không hợp lệ.',
    UNAUTHENTICATED: 'Bạn cần đăng nhập để xem dữ liệu này.',
    FORBIDDEN: 'Bạn không có quyền xem dữ liệu này.',
    BAD_USER_INPUT: 'Thông tin yêu cầu không hợp lệ.',
    GRAPHQL_VALIDATION_FAILED: 'Yêu cầu không hợp lệ. Vui lòng tải lại trang.',
    INTERNAL_SERVER_ERROR: 'Máy chủ gặp lỗi khi xử lý yêu cầu. Vui lòng thử lại sau.',
    UNKNOWN: 'Đã xảy ra lỗi khi tải dữ liệu.',
  },
  orgUnitKind: {
    PROVINCE: 'Đảng bộ tỉnh',
    DISTRICT: 'Đảng bộ huyện',
    GRASSROOTS_COMMITTEE: 'Đảng bộ cơ sở',
    GRASSROOTS_CELL: 'Chi bộ cơ sở',
    CELL: 'Chi bộ trực thuộc',
    PARTY_GROUP: 'Tổ đảng',
  },
  memberStatus: {
    PROBATIONARY: 'Dự bị',
    OFFICIAL: 'Chính thức',
    EXEMPT: 'Miễn sinh hoạt',
    LEFT: 'Đã ra khỏi Đảng',
    DECEASED: 'Từ trần',
  },
  grade: {
    EXCELLENT: 'Hoàn thành xuất sắc nhiệm vụ',
    GOOD: 'Hoàn thành tốt nhiệm vụ',
    COMPLETED: 'Hoàn thành nhiệm vụ',
    NOT_COMPLETED: 'Không hoàn thành nhiệm vụ',
  },
};

export type Messages = typeof vi;
export type ErrorCode = keyof Messages['error'];

export const en: Messages = {
  common: {
    appName: 'Party member records',
    loading: 'Loading…',
    retry: 'Try again',
    errorTitle: 'Could not load data',
    empty: 'No data.',
    notFound: 'Page not found.',
    pickUnit: 'Choose a unit',
    noUnits: 'There are no units yet.',
    unitNotFound: 'This unit was not found.',
  },
  error: {
    NETWORK_ERROR: 'Cannot reach the server. Check the network and try again.',
    SERVER_UNAVAILABLE: 'The server is unavailable. Please try again in a few minutes.',
    BAD_RESPONSE: 'The server sent an invalid response.',
    UNAUTHENTICATED: 'Please sign in to see this data.',
    FORBIDDEN: 'You are not allowed to see this data.',
    BAD_USER_INPUT: 'The request is invalid.',
    GRAPHQL_VALIDATION_FAILED: 'The request is invalid. Please reload the page.',
    INTERNAL_SERVER_ERROR: 'The server failed to handle the request. Please try again later.',
    UNKNOWN: 'Something went wrong while loading data.',
  },
  orgUnitKind: {
    PROVINCE: 'Provincial Party Committee',
    DISTRICT: 'District Party Committee',
    GRASSROOTS_COMMITTEE: 'Grassroots Party Committee',
    GRASSROOTS_CELL: 'Grassroots Party Cell',
    CELL: 'Subordinate Party Cell',
    PARTY_GROUP: 'Party Group',
  },
  memberStatus: {
    PROBATIONARY: 'Probationary',
    OFFICIAL: 'Official',
    EXEMPT: 'Exempt from activities',
    LEFT: 'Left the Party',
    DECEASED: 'Deceased',
  },
  grade: {
    EXCELLENT: 'Excellently completed duties',
    GOOD: 'Well completed duties',
    COMPLETED: 'Completed duties',
    NOT_COMPLETED: 'Did not complete duties',
  },
};
