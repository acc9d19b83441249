import type { ResidenceNoticeDirection, ResidenceNoticeKind } from '../generated/graphql.ts';

// The Regulation 213 page (đảng viên đang công tác giữ mối liên hệ với nơi cư trú), namespace 'cell.residence'.
export const vi = {
  title: 'Đảng viên đang công tác cư trú tại địa bàn',
  intro:
    'Theo Quy định 213-QĐ/TW, đảng viên đang công tác ở cơ quan, đơn vị giữ mối liên hệ với chi bộ nơi cư trú. Mỗi năm chi bộ cùng Ban công tác Mặt trận khu dân cư nhận xét từng đồng chí, gửi về chi bộ nơi công tác trước kỳ kiểm điểm cuối năm.',
  count: 'Có {{count}} đồng chí. Đã nhận xét năm {{year}}: {{done}}/{{count}}.',
  none: 'Hiện không có đảng viên nào đang công tác được giới thiệu về sinh hoạt nơi cư trú tại chi bộ.',
  workplace: 'Nơi công tác (chi bộ)',
  unknownWorkplace: 'Chưa rõ',
  since: 'Giới thiệu về nơi cư trú từ',
  introduction: 'Số giấy giới thiệu',
  commented: 'Đã nhận xét năm {{year}}',
  notCommented: 'Chưa nhận xét năm {{year}}',
  commentOfYear: 'Nhận xét năm {{year}}',
  commentLine: '{{comment}} — Ý kiến Ban công tác Mặt trận: {{opinion}} (ngày {{date}})',
  delivered: 'Đã chuyển đến chi bộ nơi công tác ngày {{date}}.',
  writeComment: 'Viết nhận xét năm {{year}}',
  reportMoved: 'Báo đã chuyển nơi ở',
  actionsFor: 'Việc với đồng chí {{name}}',
  // Comment form.
  commentTitle: 'Nhận xét năm {{year}}: {{name}}',
  comment: 'Nhận xét của chi bộ nơi cư trú',
  commentHint: 'Việc gương mẫu thực hiện nghĩa vụ công dân, giữ mối liên hệ với chi bộ, tham gia sinh hoạt, hoạt động ở khu dân cư.',
  frontCommitteeOpinion: 'Ý kiến của Ban công tác Mặt trận khu dân cư',
  recordedOn: 'Ngày nhận xét',
  saveComment: 'Lưu nhận xét',
  commentSaved: 'Đã lưu nhận xét năm {{year}} của đồng chí {{name}}.',
  // Moved form.
  movedTitle: 'Báo đồng chí {{name}} không còn cư trú tại địa bàn',
  movedExplain: 'Chi bộ nơi công tác sẽ nhận được thông báo. Sau khi báo, đồng chí không còn trong danh sách này.',
  occurredOn: 'Ngày chuyển đi',
  note: 'Ghi chú (nếu có)',
  noteHint: 'Ví dụ: chuyển đến phường khác, địa chỉ mới nếu biết.',
  sendNotice: 'Gửi thông báo',
  noticeSent: 'Đã báo chi bộ nơi công tác: đồng chí {{name}} không còn cư trú tại địa bàn từ ngày {{date}}.',
  // Notices.
  noticesTitle: 'Thông báo thay đổi',
  noNotices: 'Chưa có thông báo nào.',
  noticeLine: '{{date}} · {{name}}: {{kind}}',
  labels: {
    noticeKind: {
      MOVED_HOUSE: 'chuyển nơi cư trú',
      CHANGED_POST: 'thay đổi chức vụ, công tác',
      TRANSFERRED: 'chuyển sinh hoạt đảng',
      EXPELLED: 'bị khai trừ',
      NAME_REMOVED: 'bị xóa tên',
    } satisfies Record<ResidenceNoticeKind, string>,
    noticeDirection: {
      TO_RESIDENCE: 'Nơi công tác báo về',
      TO_WORKPLACE: 'Chi bộ đã báo nơi công tác',
    } satisfies Record<ResidenceNoticeDirection, string>,
  },
};
