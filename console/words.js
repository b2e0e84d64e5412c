// The wire names in Chinese: one table per vocabulary of workflow/enums.h and events.h.

export const roles = { operator: '话务员', department: '承办单位', supervisor: '督办员', admin: '系统管理员', system: '系统', platform: '对接平台', gateway: '短信网关' };

export const statuses = {
  received: '已登记待处置', declined: '不予受理', answered: '已直接答复', dispatched: '已派单待签收',
  handling: '办理中', replied: '已回复待回访', professional_review: '专业评估中', terminated: '已终结', closed: '已办结',
};

export const types = { consultation: '咨询', help: '求助', complaint: '投诉', report: '举报', suggestion: '建议', praise: '表扬' };

export const channels = {
  phone: '电话', sms: '短信', email: '电子邮件', web: '网站', wechat: '微信', app: '移动应用',
  mailbox: '领导信箱', upper_platform: '上级平台转办',
};

export const declineReasons = {
  emergency: '紧急警情（转110/119/120/122）', out_of_jurisdiction: '不属本辖区',
  legal_procedure: '应通过诉讼、仲裁、复议、信访等程序解决', other_organ: '属党委、人大、政协、法院、检察院等机关事项',
  secret_or_privacy: '涉及国家秘密、商业秘密或个人隐私', unlawful: '违反法律法规或公序良俗',
  too_vague: '诉求不明确', repeat_without_new_facts: '重复诉求且无新事实、新理由',
};

export const keySources = { upper_hotline: '上级热线交办', peoples_daily: '人民网留言', leader: '领导批示', deputies: '人大代表、政协委员', media: '媒体曝光' };

export const natures = { mediation: '调解类', enforcement: '执法类' };

export const supervisionLevels = { none: '未督办', written: '书面督办', on_site: '现场督办', key: '重点督办', transferred: '移交问责' };

export const supervisionTriggers = {
  manual: '督办员发起', key_item: '重点件', repeat: '重复来电', concentration: '集中反映', overdue: '超期',
  dissatisfaction: '群众不满意', still_overdue: '持续超期', multi_unit: '多部门办理', unclear_responsibility: '职责不清',
};

export const levels = {
  bureau_leader: '局分管领导', bureau_head: '局长', hotline_head: '热线负责人', office_head: '政府办主任',
  deputy_county_head: '副县长', county_head: '县长', unit_head: '单位负责人', named_leader: '指定领导', city_leader: '市领导',
};

export const steps = { dispatch: '派单', sign: '签收', extension: '延期', reply: '回复', termination: '终结申请', termination_approval: '终结审批' };

export const deadlineKinds = {
  dispatch: '派单', sign: '签收', return: '可申请退回', contact: '联系来电人', plan: '阶段方案', handle: '办理',
  handle_term: '办理期限（延期须在此前申请）', co_report: '协办报送', escalate: '督办升级',
};

export const pendingKinds = { return: '退回申请', extension: '延期申请', termination: '终结申请', block: '屏蔽申请' };

export const actions = {
  answer: '直接答复', decline: '不予受理', dispatch: '派单', sign: '签收', return: '申请退回',
  approve_return: '同意退回', reject_return: '不同意退回', assign_unit: '转交下级单位', contact: '联系来电人',
  plan: '报送阶段方案', co_report: '协办报送', request_extension: '申请延期', approve_extension: '批准延期',
  reject_extension: '不同意延期', reply: '办结回复', evaluate: '回访评价', review: '专业评估', supervise: '督办',
  request_termination: '申请终结', approve_termination: '批准终结', reject_termination: '不同意终结',
  request_block: '申请屏蔽来电', approve_block: '同意屏蔽', reject_block: '不同意屏蔽', lift_block: '解除屏蔽',
  unit_report: '向上级单位报送', forward: '转下级平台', platform_report: '平台报告', survey_reply: '短信评价',
};

export const actorKinds = { ticket: '工单', department: '部门', center: '热线中心', escalation: '督办升级', timer: '计时器', delivery: '投递（发件箱）' };

/** A wire name in words, or the name itself when the table lacks it. */
export function say(table, name) {
  if (name === null || name === undefined || name === '') return '—';
  return table[name] || name;
}

/** Error codes of the contract (docs/http-api.md, "Errors"): what went wrong, before the
 *  server's own sentence. */
export const errorCodes = {
  bad_json: '请求格式有误', bad_request: '请求格式有误', unauthorized: '未登录或令牌无效', forbidden: '无权办理',
  caller_blocked: '该来电号码已屏蔽', not_found: '未找到', method_not_allowed: '不支持的操作',
  invalid_transition: '当前状态不允许此操作', deadline_passed: '已过时限', limit_reached: '已达上限',
  virtual_clock_only: '仅虚拟时钟可调整', payload_too_large: '内容过长', unsupported_media_type: '请求格式有误',
  validation_failed: '填写有误', internal: '服务器内部错误', overloaded: '服务器繁忙，请稍后重试',
  unavailable: '服务暂不可用，请稍后重试', calendar_unavailable: '工作日历未覆盖该日期',
  network: '网络错误', bad_answer: '网络错误',
};
