import { enumValues } from '@dangvien/ui';
import type { AttendanceStatus, DuesPaymentChannel, Grade, MeetingKind, MemberStatus, TaskResult, UnattendedReason } from './generated/graphql.ts';

export const vi = {
  title: 'Chi bộ',
  pickCell: 'Chọn chi bộ',
  cellNotFound: 'Không tìm thấy chi bộ này, hoặc chi bộ không thuộc phạm vi của bạn.',
  nav: {
    label: 'Các việc của chi bộ',
    home: 'Trang chủ',
    members: 'Đảng viên',
    meetings: 'Sinh hoạt',
    tasks: 'Nhiệm vụ',
    review: 'Kiểm điểm cuối năm',
    residence: 'Quy định 213',
    dues: 'Đảng phí',
  },
  search: 'Tìm theo họ và tên',
  searchHint: 'Gõ có dấu hoặc không dấu đều được, ví dụ "nguyen van a".',
  fullName: 'Họ và tên',
  status: 'Trạng thái',
  grade: 'Xếp loại chất lượng',
  score: 'Điểm',
  notReviewed: 'Chưa đánh giá',
  noMatch: 'Không có đảng viên nào khớp với từ khóa.',
  noMembers: 'Chi bộ chưa có đảng viên.',
  heldOn: 'Ngày sinh hoạt',
  kind: 'Hình thức',
  agenda: 'Nội dung sinh hoạt',
  agendaDefault: 'Sinh hoạt chi bộ thường kỳ',
  resolution: 'Nghị quyết, kết luận (nếu có)',
  attendanceHint: 'Mặc định mọi người có mặt. Chỉ cần đánh dấu người vắng. Đảng viên được miễn sinh hoạt không có trong danh sách.',
  reason: 'Lý do vắng',
  tally: 'Có mặt {{PRESENT}} · Vắng có lý do {{EXCUSED}} · Vắng không lý do {{ABSENT}}',
  save: 'Lưu biên bản',
  saving: 'Đang lưu…',
  saved: 'Đã lưu biên bản sinh hoạt ngày {{date}} ({{count}} đảng viên được điểm danh).',
  noRoster: 'Chi bộ chưa có đảng viên nào cần điểm danh.',
  noTasks: 'Chi bộ chưa phân công nhiệm vụ nào.',
  task: 'Nhiệm vụ',
  assignee: 'Người phụ trách',
  period: 'Thời hạn',
  from: 'Từ {{date}}',
  fromTo: '{{from}} – {{to}}',
  nobody: 'Chưa có người phụ trách',
  /** The schema's enums this module shows; keyed by the generated types, so a new value needs its label. */
  labels: {
    memberStatus: {
      CANDIDATE: 'Quần chúng ưu tú (đối tượng kết nạp)',
      PROBATIONARY: 'Dự bị',
      OFFICIAL: 'Chính thức',
      EXEMPT: 'Miễn sinh hoạt',
      LEFT: 'Đã ra khỏi Đảng',
      DECEASED: 'Từ trần',
    } satisfies Record<MemberStatus, string>,
    grade: {
      EXCELLENT: 'Hoàn thành xuất sắc nhiệm vụ',
      GOOD: 'Hoàn thành tốt nhiệm vụ',
      COMPLETED: 'Hoàn thành nhiệm vụ',
      NOT_COMPLETED: 'Không hoàn thành nhiệm vụ',
    } satisfies Record<Grade, string>,
    // meetingKind and attendanceStatus: in the order the meeting form offers them.
    meetingKind: {
      REGULAR: 'Sinh hoạt thường kỳ',
      THEMATIC: 'Sinh hoạt chuyên đề',
    } satisfies Record<MeetingKind, string>,
    attendanceStatus: {
      PRESENT: 'Có mặt',
      EXCUSED: 'Vắng có lý do',
      ABSENT: 'Vắng không lý do',
    } satisfies Record<AttendanceStatus, string>,
    unattendedReason: {
      MOVED: 'người phụ trách đã chuyển sinh hoạt đi',
      EXEMPT: 'người phụ trách được miễn sinh hoạt',
      LEFT: 'người phụ trách không còn sinh hoạt đảng',
    } satisfies Record<UnattendedReason, string>,
    // taskResult and duesPaymentChannel: in the order the tasks and dues forms offer them.
    taskResult: {
      EXCEEDED: 'Vượt mức',
      DONE: 'Hoàn thành',
      IN_PROGRESS: 'Đang thực hiện',
      NOT_DONE: 'Không hoàn thành',
    } satisfies Record<TaskResult, string>,
    duesPaymentChannel: {
      CASH: 'Tiền mặt, nộp cho chi bộ',
      PUBLIC_SERVICE_PORTAL: 'Qua Cổng dịch vụ công quốc gia',
    } satisfies Record<DuesPaymentChannel, string>,
  },
};

/** The meeting kinds and attendance marks, in the order the form offers them. */
export const MEETING_KINDS = enumValues(vi.labels.meetingKind);
export const ATTENDANCE_STATUSES = enumValues(vi.labels.attendanceStatus);
export const TASK_RESULTS = enumValues(vi.labels.taskResult);
export const DUES_PAYMENT_CHANNELS = enumValues(vi.labels.duesPaymentChannel);
