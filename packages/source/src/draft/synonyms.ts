import { type InputTableName, TABLES } from '@scorebook/contract';

/** The header names that mean one contract field, compared after `normalizeHeader`. */
export interface FieldSynonyms {
  /** Names specific enough to tell the file's table apart, most likely first. */
  names: readonly string[];
  /**
   * Names that mean this field only once the file's table is known (`时间`, `编号`, `类型` …):
   * they map a column but do not count when choosing the table.
   */
  generic?: readonly string[];
}

// Where the names come from. Chinese chat and ticket exports: Tencent Cloud 客服 会话记录
// (会话 ID, 客服, 客服分组, 会话来源, 满意度评价; cloud.tencent.com/document/product/269/116099)
// and its call records (座席工号, 会话开始时间, 首次应答时间; …/product/679/82296); Aliyun AICCS
// QueryTouchList (会话 ID, 客服 ID, 客服名称, 满意度评分; help.aliyun.com/zh/aiccs); icsoc 会话明细
// (接待座席, 首次响应时长, 满意度结果; help.icsoc.net/docs/chat/chat/detail); 来鼓 历史对话 (接待客服,
// 对话时间, 来源; laigukf.com/docs); 有赞 历史会话 (接待客服, 会话来源, 会话状态; help.youzan.com);
// KF5 通话明细 (通话明细ID, 来电时间, 工单ID, 客服ID, 客服名称, 满意度, 是否有转接;
// developer.kf5.com/doc/restapi/voice); Udesk 会话 (agent_id, group_id, channel; udesk.cn/doc/apiv2/im);
// 网易七鱼 会话记录 (apifox.com/apidoc/docs-site/605287). English ticket exports: Zendesk tickets
// (ID, Assignee, Requester, Created at, Solved at, Due at, Satisfaction, Reopens; developer.zendesk.com
// ticket fields), Freshdesk tickets (Ticket ID, Agent/responder, Group, Source, Created time,
// Due by time, Resolved time, Closed time; schemas.apis.io/schemas/freshdesk/freshdesk-ticket).
// Attendance: 钉钉 考勤报表 (工号, 日期, 考勤结果 正常/迟到/早退/缺卡). The rest (QA, orders,
// assessments, events) are the usual column names of 质检, 订单 and HR sheets.

const AGENT_ID = [
  '客服工号',
  '坐席工号',
  '座席工号',
  '处理人工号',
  '接待客服工号',
  '受理人工号',
  '员工工号',
  '工号',
  '客服ID',
  '客服编号',
  '坐席ID',
  '坐席编号',
  '座席ID',
  '处理人ID',
  '负责人ID',
  '员工ID',
  '员工编号',
  '客服账号',
  '坐席账号',
  'agent id',
  'agent no',
  'assignee id',
  'responder id',
  'owner id',
  'staff id',
  'employee id',
  'employee no',
  'staff number',
] as const;

// Names that usually hold the agent's display name rather than an id: matched last.
const AGENT_BY_NAME = [
  '接待客服',
  '接待座席',
  '接待坐席',
  '客服',
  '坐席',
  '座席',
  '处理人',
  '负责人',
  '受理人',
  'agent',
  'assignee',
  'responder',
  'owner',
] as const;

const CONVERSATION_ID = [
  '会话ID',
  '会话编号',
  '会话标识',
  '对话ID',
  '对话编号',
  '工单ID',
  '工单编号',
  '工单号',
  '通话ID',
  '通话编号',
  '通话明细ID',
  '咨询ID',
  '咨询编号',
  '服务记录ID',
  '会话记录ID',
  'conversation id',
  'session id',
  'chat id',
  'ticket id',
  'ticket number',
  'ticket no',
  'case id',
  'case number',
  'call id',
  'contact id',
  'interaction id',
] as const;

// How other tables' exports name the conversation a row belongs to (an order placed in a chat, a
// survey or complaint about one): the conversation's own id names, then the names of a reference
// to one (关联会话 and the like), which a conversations export does not use for its own id.
const CONVERSATION_REFERENCE = [
  ...CONVERSATION_ID,
  '关联会话',
  '关联会话ID',
  '关联会话编号',
  '关联对话',
  '关联对话ID',
  '所属会话',
  '所属会话ID',
  '来源会话',
  '来源会话ID',
  '关联工单',
  '关联工单号',
  '关联工单ID',
  '来源工单',
  'related conversation',
  'related conversation id',
  'linked conversation',
  'related ticket',
  'related ticket id',
] as const;

/** Synonyms of every field of every table of the data contract. */
export const FIELD_SYNONYMS: { readonly [T in InputTableName]: Readonly<Record<string, FieldSynonyms>> } = {
  agents: {
    agent_id: { names: [...AGENT_ID, 'user id'], generic: ['id', '编号', '账号'] },
    name: {
      names: [
        '客服姓名',
        '员工姓名',
        '坐席姓名',
        '座席姓名',
        '姓名',
        '真实姓名',
        '客服名称',
        '坐席名称',
        '名字',
        'agent name',
        'full name',
        'display name',
        'name',
      ],
    },
    team: {
      names: [
        '班组',
        '所属班组',
        '组别',
        '小组',
        '团队',
        '所属团队',
        '客服组',
        '所属客服组',
        '技能组',
        '所属组',
        '部门',
        '所属部门',
        '考勤组',
        'team',
        'team name',
        'group',
        'group name',
        'department',
      ],
    },
    role: {
      names: ['岗位', '岗位类型', '角色', '职位', '客服类型', '岗位名称', 'role', 'position', 'job title'],
    },
    hired_on: {
      names: [
        '入职日期',
        '入职时间',
        '到岗日期',
        '入职',
        'hired on',
        'hire date',
        'date of hire',
        'start date',
      ],
    },
    status: {
      names: ['在职状态', '员工状态', '账号状态', '在岗状态', 'employment status', 'agent status'],
      generic: ['状态', 'status'],
    },
  },
  conversations: {
    conversation_id: { names: CONVERSATION_ID, generic: ['id', '编号', '单号'] },
    agent_id: { names: [...AGENT_ID, ...AGENT_BY_NAME] },
    channel: {
      names: [
        '渠道',
        '会话渠道',
        '接入渠道',
        '来源渠道',
        '渠道类型',
        '服务渠道',
        '咨询渠道',
        '进线渠道',
        '会话来源',
        '对话来源',
        '工单来源',
        '接入方式',
        '来源',
        'channel',
        'channel type',
        'source',
        'via',
        'medium',
      ],
    },
    started_at: {
      names: [
        '开始时间',
        '会话开始时间',
        '对话开始时间',
        '接入时间',
        '进线时间',
        '咨询时间',
        '发起时间',
        '来电时间',
        '呼入时间',
        '创建时间',
        '工单创建时间',
        '提交时间',
        '会话时间',
        '对话时间',
        'started at',
        'start time',
        'session start',
        'created at',
        'created time',
        'created',
        'creation date',
        'date created',
        'opened at',
      ],
      generic: ['时间', '日期', 'time', 'date'],
    },
    ended_at: {
      names: [
        '结束时间',
        '会话结束时间',
        '对话结束时间',
        '通话结束时间',
        '挂机时间',
        '挂断时间',
        'ended at',
        'end time',
        'session end',
        'finished at',
      ],
    },
    resolved: {
      names: [
        '是否解决',
        '是否已解决',
        '问题是否解决',
        '已解决',
        '解决状态',
        '解决情况',
        '问题解决',
        '解决结果',
        'resolved',
        'is resolved',
        'solved',
      ],
    },
    reopened: {
      names: [
        '是否重开',
        '是否重新打开',
        '重新打开',
        '重开',
        '是否二次咨询',
        '二次咨询',
        '是否重复咨询',
        '重复咨询',
        'reopened',
        'is reopened',
      ],
    },
    transferred: {
      names: [
        '是否转接',
        '是否有转接',
        '是否转接过',
        '已转接',
        '转接',
        '是否转交',
        '转交',
        'transferred',
        'is transferred',
        'is transfer',
      ],
    },
    sla_due_at: {
      names: [
        '截止时间',
        '工单截止时间',
        '处理截止时间',
        'SLA到期时间',
        '处理时限',
        '工单时限',
        '到期时间',
        '截止日期',
        'SLA截止时间',
        '要求完成时间',
        '应完成时间',
        'sla due at',
        'sla due',
        'due at',
        'due by',
        'due by time',
        'due date',
        'resolution due',
        'deadline',
      ],
    },
    closed_at: {
      names: [
        '关闭时间',
        '工单关闭时间',
        '结单时间',
        '完结时间',
        '完成时间',
        '解决时间',
        'closed at',
        'closed time',
        'close time',
        'solved at',
        'resolved at',
        'resolved time',
      ],
    },
    customer_id: {
      names: [
        '客户ID',
        '客户编号',
        '买家ID',
        '买家账号',
        '用户ID',
        '访客ID',
        '会员ID',
        'customer id',
        'customer_id',
        'buyer id',
        'user id',
        'visitor id',
      ],
    },
  },
  messages: {
    conversation_id: { names: CONVERSATION_REFERENCE, generic: ['id'] },
    sent_at: {
      names: [
        '发送时间',
        '消息时间',
        '消息发送时间',
        '发言时间',
        '聊天时间',
        'sent at',
        'send time',
        'message time',
        'timestamp',
      ],
      generic: ['时间', '记录时间', '日期', '创建时间', 'time', 'date', 'created at'],
    },
    sender: {
      names: [
        '发送方',
        '发送者',
        '发送人',
        '发送方类型',
        '发送人类型',
        '发送人角色',
        '发送角色',
        '发言方',
        '发言人',
        '说话人',
        '消息来源',
        '身份',
        'sender',
        'sender type',
        'sender role',
        'author type',
        'speaker',
        'from',
      ],
      generic: ['角色', 'role'],
    },
    agent_id: { names: AGENT_ID, generic: AGENT_BY_NAME },
    text: {
      names: [
        '消息内容',
        '聊天内容',
        '发言内容',
        '对话内容',
        '消息文本',
        '内容',
        '文本',
        '消息',
        'message',
        'message text',
        'text',
        'content',
        'body',
      ],
    },
  },
  surveys: {
    survey_id: {
      names: [
        '评价ID',
        '评价编号',
        '评价记录ID',
        '满意度ID',
        '调查ID',
        '问卷ID',
        'survey id',
        'rating id',
        'feedback id',
      ],
      generic: ['id', '编号', 'response id'],
    },
    agent_id: { names: [...AGENT_ID, '被评价客服', '被评价人工号', ...AGENT_BY_NAME] },
    conversation_id: { names: CONVERSATION_REFERENCE },
    submitted_at: {
      names: [
        '评价时间',
        '评价提交时间',
        '满意度评价时间',
        '评分时间',
        '填写时间',
        '反馈时间',
        'submitted at',
        'rated at',
        'survey date',
        'response date',
      ],
      generic: ['提交时间', '时间', '日期', '创建时间', 'time', 'date', 'created at'],
    },
    csat: {
      names: [
        '满意度',
        '满意度评分',
        '满意度评价',
        '满意度结果',
        '满意度等级',
        '评价结果',
        '评价等级',
        '评价星级',
        '星级',
        '评分',
        '打分',
        'csat',
        'csat score',
        'satisfaction',
        'satisfaction score',
        'rating',
      ],
      generic: ['分数', '得分', 'score'],
    },
    nps: {
      names: [
        'nps',
        'nps score',
        '推荐度',
        '推荐意愿',
        '推荐分',
        '推荐指数',
        '推荐评分',
        '净推荐值',
        'likelihood to recommend',
      ],
    },
  },
  complaints: {
    complaint_id: {
      names: [
        '投诉ID',
        '投诉编号',
        '投诉单号',
        '投诉工单号',
        '投诉记录ID',
        'complaint id',
        'complaint no',
        'complaint number',
      ],
      generic: ['id', '编号', '单号'],
    },
    agent_id: {
      names: [
        ...AGENT_ID,
        '被投诉客服工号',
        '被投诉人工号',
        '被投诉工号',
        '责任人工号',
        '被投诉客服',
        '被投诉人',
        '责任客服',
        '责任人',
        ...AGENT_BY_NAME,
      ],
    },
    conversation_id: { names: CONVERSATION_REFERENCE },
    filed_at: {
      names: [
        '投诉时间',
        '投诉日期',
        '投诉提交时间',
        '登记时间',
        '受理时间',
        'filed at',
        'complaint date',
        'complaint time',
        'reported at',
      ],
      generic: ['提交时间', '创建时间', '时间', '日期', 'created at', 'time', 'date'],
    },
    category: {
      names: [
        '投诉类型',
        '投诉分类',
        '投诉类别',
        '投诉原因',
        '投诉原因分类',
        '问题类型',
        '原因分类',
        'category',
        'complaint type',
        'reason',
      ],
      generic: ['类型', '分类', '类别', 'type'],
    },
    upheld: {
      names: [
        '是否成立',
        '投诉是否成立',
        '成立',
        '是否属实',
        '是否有效',
        '有效投诉',
        '核实结果',
        '判定结果',
        'upheld',
        'is upheld',
        'substantiated',
        'valid',
      ],
    },
  },
  qa_reviews: {
    review_id: {
      names: [
        '质检ID',
        '质检编号',
        '质检单号',
        '质检记录ID',
        '质检流水号',
        'review id',
        'qa id',
        'evaluation id',
        'inspection id',
      ],
      generic: ['id', '编号', '单号'],
    },
    agent_id: {
      names: [
        ...AGENT_ID,
        '被质检人工号',
        '被检人工号',
        '被质检客服工号',
        '被质检客服',
        '被检客服',
        '受检客服',
        '被检坐席',
        '被质检人',
        ...AGENT_BY_NAME,
      ],
    },
    conversation_id: { names: CONVERSATION_REFERENCE },
    reviewed_at: {
      names: [
        '质检时间',
        '质检日期',
        '检查时间',
        '审核时间',
        '评分时间',
        'reviewed at',
        'review date',
        'qa date',
        'evaluated at',
      ],
      generic: ['时间', '日期', '创建时间', 'time', 'date', 'created at'],
    },
    score: {
      names: [
        '质检得分',
        '质检分数',
        '质检成绩',
        '质检总分',
        '质检评分',
        '最终得分',
        'qa score',
        'quality score',
      ],
      generic: ['得分', '分数', '总分', '成绩', 'score', 'total score'],
    },
    red_line: {
      names: [
        '是否红线',
        '是否触犯红线',
        '触犯红线',
        '红线',
        '红线违规',
        '是否致命',
        '致命错误',
        '一票否决',
        'red line',
        'fatal error',
        'critical error',
        'is critical',
      ],
    },
  },
  orders: {
    order_id: {
      names: [
        '订单号',
        '订单编号',
        '订单ID',
        '主订单号',
        '子订单号',
        '交易单号',
        'order id',
        'order no',
        'order number',
      ],
      generic: ['id', '编号', '单号'],
    },
    agent_id: {
      names: [
        ...AGENT_ID,
        '销售工号',
        '导购工号',
        '归属客服工号',
        '归属客服',
        '成交客服',
        '接待客服',
        ...AGENT_BY_NAME,
      ],
    },
    conversation_id: { names: CONVERSATION_REFERENCE },
    placed_at: {
      names: [
        '下单时间',
        '下单日期',
        '订单创建时间',
        '订单时间',
        '成交时间',
        '付款时间',
        '支付时间',
        'placed at',
        'order date',
        'order time',
        'ordered at',
      ],
      generic: ['创建时间', '时间', '日期', 'created at', 'time', 'date'],
    },
    amount: {
      names: [
        '订单金额',
        '实付金额',
        '支付金额',
        '付款金额',
        '成交金额',
        '实收金额',
        '订单总额',
        '销售额',
        '金额',
        'amount',
        'order amount',
        'order total',
        'total amount',
      ],
      generic: ['总价', 'total'],
    },
  },
  attendance: {
    agent_id: { names: [...AGENT_ID, 'user id'], generic: [...AGENT_BY_NAME, 'id'] },
    date: {
      names: ['考勤日期', '出勤日期', '打卡日期', '排班日期', '工作日期', 'attendance date', 'work date'],
      generic: ['日期', 'date'],
    },
    status: {
      names: [
        '考勤状态',
        '考勤结果',
        '出勤状态',
        '出勤情况',
        '打卡结果',
        '考勤类型',
        'attendance status',
        'attendance result',
      ],
      generic: ['状态', '结果', 'status', 'result'],
    },
  },
  assessments: {
    agent_id: { names: AGENT_ID, generic: [...AGENT_BY_NAME, 'id'] },
    date: {
      names: [
        '考试日期',
        '培训日期',
        '考核日期',
        '考试时间',
        '培训时间',
        'exam date',
        'training date',
        'assessment date',
      ],
      generic: ['日期', 'date'],
    },
    kind: {
      names: ['考核类型', '培训/考试', '培训考试类型', '项目类型', '活动类型', 'assessment type', 'kind'],
      generic: ['类型', '类别', 'type'],
    },
    attended: {
      names: [
        '是否参加',
        '是否参训',
        '是否出席',
        '是否签到',
        '参加情况',
        '出席情况',
        '签到',
        '出席',
        'attended',
        'present',
      ],
    },
    score: {
      names: ['考试成绩', '考试分数', '考试得分', '考核成绩', '考核得分', 'exam score', 'test score'],
      generic: ['成绩', '分数', '得分', 'score'],
    },
  },
  events: {
    agent_id: { names: AGENT_ID, generic: [...AGENT_BY_NAME, 'id'] },
    at: {
      names: ['事件时间', '发生时间', '发生日期', '事件日期', 'event time', 'occurred at', 'happened at'],
      generic: ['时间', '日期', '记录时间', '登记时间', 'at', 'time', 'date'],
    },
    type: {
      names: ['事件类型', '事件类别', '事件', 'event type', 'event'],
      generic: ['类型', '类别', 'type'],
    },
    note: {
      names: [
        '事件说明',
        '事件描述',
        '备注',
        '说明',
        '描述',
        '详情',
        'note',
        'notes',
        'remark',
        'remarks',
        'description',
      ],
    },
  },
  // A quota sheet (个人目标 / 销售任务): one row per agent, metric and period.
  targets: {
    agent_id: { names: AGENT_ID, generic: [...AGENT_BY_NAME, 'id'] },
    metric: {
      names: ['考核指标', '指标名称', '指标编号', '指标代码', '目标指标', 'metric', 'metric id', 'kpi'],
      generic: ['指标', '项目', '考核项'],
    },
    period: {
      names: ['考核期间', '考核周期', '考核月份', '目标期间', '目标月份', 'period', 'target period'],
      generic: ['期间', '周期', '月份', '月度', 'month'],
    },
    target: {
      names: ['目标值', '个人目标', '目标', '任务量', '销售任务', '指标值', 'target', 'quota', 'goal'],
    },
    floor: {
      names: ['底线值', '底线', '保底值', '保底', '最低值', '最低要求', 'floor', 'minimum', 'threshold'],
    },
  },
  // An appeal register of an HR/OA system (申诉登记 / 绩效申诉单): one row per filed appeal.
  appeals_filed: {
    appeal_id: {
      names: ['申诉单号', '申诉编号', '申诉ID', '申诉单编号', '单号', 'appeal id', 'appeal no', 'dispute id'],
      generic: ['编号', 'id'],
    },
    agent_id: {
      names: ['申诉人工号', '申诉人ID', '申诉人账号', ...AGENT_ID],
      generic: ['申诉人', ...AGENT_BY_NAME],
    },
    period: {
      names: ['申诉期间', '考核期间', '考核周期', '考核月份', '绩效期间', 'period', 'appeal period'],
      generic: ['期间', '周期', '月份', 'month'],
    },
    disputes: {
      names: ['申诉对象', '申诉内容', '申诉项', '申诉项目', '争议记录', 'disputes', 'disputed', 'dispute'],
    },
    claim: { names: ['申诉理由', '申诉原因', '申诉说明', '申诉描述', 'claim', 'reason', 'appeal reason'] },
    filed_at: {
      names: [
        '申诉时间',
        '申诉日期',
        '提交时间',
        '提交日期',
        '发起时间',
        'filed at',
        'filed_at',
        'submitted at',
      ],
      generic: ['时间', '日期', 'date', 'time'],
    },
  },
  // An improvement-plan sheet (个人改进计划 / 整改跟踪表, docs/plans.md): one row per plan.
  improvement_plans: {
    plan_id: {
      names: ['计划编号', '改进计划编号', '计划ID', '计划单号', '整改编号', 'plan id', 'plan no', 'plan_id'],
      generic: ['编号', 'id'],
    },
    agent_id: { names: AGENT_ID, generic: [...AGENT_BY_NAME] },
    period: {
      names: [
        '考核期间',
        '考核周期',
        '考核月份',
        '改进期间',
        '计划期间',
        '绩效期间',
        'period',
        'plan period',
      ],
      generic: ['期间', '周期', '月份', 'month'],
    },
    metric: {
      names: [
        '改进项',
        '改进指标',
        '待改进指标',
        '整改项',
        '考核指标',
        '指标名称',
        'metric',
        'metric id',
        'kpi',
      ],
      generic: ['指标', '项目'],
    },
    action: {
      names: [
        '改进措施',
        '改进行动',
        '整改措施',
        '行动计划',
        '计划内容',
        '改进内容',
        'action',
        'action plan',
      ],
      generic: ['措施', '内容'],
    },
    due_date: {
      names: ['计划完成日期', '截止日期', '截止时间', '到期日', '期限', 'due date', 'due', 'deadline'],
    },
    status: {
      names: ['计划状态', '完成状态', '改进状态', '整改状态', 'plan status', 'status'],
      generic: ['状态'],
    },
    completed_at: {
      names: [
        '完成日期',
        '实际完成日期',
        '完成时间',
        '实际完成时间',
        'completed at',
        'completed_at',
        'done at',
      ],
    },
  },
  // Ratings by people (评分 / 互评 / 360评估 / 主管评价): one row per score a rater gave an agent.
  ratings: {
    rating_id: {
      names: ['评分编号', '评分ID', '评分单号', '评价编号', '互评编号', 'rating id', 'rating no'],
      generic: ['编号', 'id'],
    },
    agent_id: {
      names: [
        '被评人工号',
        '被评客服工号',
        '被评人ID',
        '被评人',
        '被评客服',
        '被评价人',
        'ratee',
        ...AGENT_ID,
      ],
      generic: AGENT_BY_NAME,
    },
    rater_id: {
      names: ['评分人工号', '评分人ID', '评分人', '评价人', '评估人', '打分人', 'rater', 'rater id'],
    },
    rater_role: {
      names: ['评分人角色', '评价人角色', '评分角色', '评价关系', 'rater role', 'relationship'],
      generic: ['角色', 'role'],
    },
    dimension: {
      names: ['评分维度', '评价维度', '考核维度', '维度', '评分项', 'dimension', 'criterion', 'competency'],
    },
    score: { names: ['分数', '得分', '评分', '分值', 'score', 'rating'] },
    rated_at: {
      names: ['评分时间', '评价时间', '评分日期', '评价日期', '打分时间', 'rated at', 'rated_at'],
      generic: ['时间', '日期', 'date', 'time'],
    },
  },
};

/**
 * Words in a file's path that hint at its table (`会话记录_2026-10.csv`, `聊天记录/…`), compared
 * with the normalised path as substrings.
 */
// 会话明细 is a list of conversations (icsoc), not of messages: it hints at conversations by 会话.
export const FILE_NAME_HINTS: { readonly [T in InputTableName]: readonly string[] } = {
  agents: [
    'agents',
    'agent',
    'staff',
    'roster',
    'employees',
    '客服名单',
    '人员名单',
    '员工',
    '花名册',
    '坐席列表',
    '客服列表',
  ],
  conversations: [
    'conversations',
    'conversation',
    'tickets',
    'ticket',
    'sessions',
    'calls',
    '会话',
    '对话',
    '工单',
    '通话',
    '咨询',
    '接待',
  ],
  messages: ['messages', 'message', 'chatlog', 'transcript', '消息', '聊天'],
  surveys: [
    'surveys',
    'survey',
    'csat',
    'satisfaction',
    'ratings',
    'feedback',
    '评价',
    '满意度',
    '调查',
    '问卷',
  ],
  complaints: ['complaints', 'complaint', '投诉'],
  qa_reviews: ['qareviews', 'qa', 'quality', 'reviews', '质检', '质量检查'],
  orders: ['orders', 'order', 'sales', '订单', '销售', '成交'],
  attendance: ['attendance', '考勤', '打卡', '出勤'],
  assessments: ['assessments', 'assessment', 'training', 'exams', 'exam', '培训', '考试'],
  events: ['events', 'event', '事件', '表扬', '违规', '奖惩'],
  targets: ['targets', 'target', 'quotas', 'quota', '个人目标', '目标', '任务量', '销售任务', '配额'],
  appeals_filed: ['appealsfiled', 'appeals', 'appeal', '申诉'],
  improvement_plans: ['improvementplans', 'improvement', 'plans', '改进计划', '绩效改进', '整改'],
  ratings: ['ratings', '评分', '互评', '360评估', '主管评价', 'peerreview', '360review'],
};

/** A typed value of an enumerated field, as a `map` gives it. */
export type VocabularyValue = string | number | boolean;

/** The values of an enumerated field and the spellings exports use for them. */
export interface Vocabulary {
  /** What the field reads without a `map` (`docs/contract/source-format.md`, `docs/contract/data-contract.md`). */
  accepts: (value: string) => boolean;
  /** Each contract value with its spellings, compared after `normalizeValue`. */
  synonyms: ReadonlyArray<readonly [VocabularyValue, readonly string[]]>;
}

const oneOf =
  (...values: string[]) =>
  (value: string): boolean =>
    values.includes(value);

// A closed vocabulary of the contract (`FieldSpec.values`): the one list both reading and drafting use.
const closed = <T extends InputTableName>(table: T, field: string) =>
  oneOf(...(TABLES[table].fields[field]?.values ?? []));

// Roles as chat and ticket tools name them: Udesk's assign_type `robot`/`agent`, Zendesk's
// requester / agent, and the 客户/客服/机器人/系统 of Chinese chat logs.
const SENDER: Vocabulary = {
  accepts: closed('messages', 'sender'),
  synonyms: [
    [
      'customer',
      [
        '客户',
        '顾客',
        '买家',
        '买方',
        '用户',
        '访客',
        '游客',
        '来访者',
        '咨询者',
        '消费者',
        '会员',
        '粉丝',
        '客人',
        'customer',
        'visitor',
        'user',
        'client',
        'end user',
        'requester',
        'buyer',
        'guest',
      ],
    ],
    [
      'agent',
      [
        '客服',
        '人工',
        '人工客服',
        '客服人员',
        '坐席',
        '座席',
        '员工',
        '商家',
        '卖家',
        '导购',
        'agent',
        'staff',
        'operator',
        'support',
        'seller',
        'human',
      ],
    ],
    [
      'bot',
      [
        '机器人',
        '机器人客服',
        '智能客服',
        '智能机器人',
        '智能助手',
        '自动回复',
        'ai',
        'ai客服',
        'bot',
        'robot',
        'urobot',
        'chatbot',
        'virtual agent',
        'auto reply',
      ],
    ],
    ['system', ['系统', '系统消息', '系统通知', '通知', 'system', 'sys', 'notice']],
  ],
};

const BOOL: Vocabulary = {
  accepts: (value) => ['true', 'false', '1', '0', 'yes', 'no'].includes(value.toLowerCase()),
  synonyms: [
    [
      true,
      [
        '是',
        '有',
        '对',
        '真',
        '已解决',
        '解决',
        '已处理',
        '已转接',
        '已重开',
        '成立',
        '属实',
        '有效',
        '已参加',
        '参加',
        '已出席',
        '出席',
        '已签到',
        '触犯',
        '命中',
        'y',
        'yes',
        'true',
        't',
        '1',
        '√',
        '✓',
        'resolved',
        'solved',
        'transferred',
        'reopened',
        'attended',
        'present',
        'upheld',
        'valid',
      ],
    ],
    [
      false,
      [
        '否',
        '无',
        '没有',
        '不',
        '假',
        '未解决',
        '没解决',
        '未处理',
        '未转接',
        '未重开',
        '不成立',
        '不属实',
        '无效',
        '未参加',
        '缺席',
        '未出席',
        '未签到',
        '未触犯',
        '未命中',
        'n',
        'no',
        'false',
        'f',
        '0',
        '×',
        'x',
        'unresolved',
        'not resolved',
        'absent',
        'invalid',
      ],
    ],
  ],
};

// 钉钉 考勤结果: 正常, 迟到, 早退, 缺卡, 旷工, 请假. A missing punch (缺卡), a rest day (休息) or a
// business trip (出差) is none of the contract's five: left for the user to decide.
const ATTENDANCE_STATUS: Vocabulary = {
  accepts: closed('attendance', 'status'),
  synonyms: [
    ['on_time', ['正常', '准时', '出勤', '正常出勤', '正常打卡', '全勤', 'on time', 'normal', 'ok']],
    ['late', ['迟到', '严重迟到', 'late', 'tardy']],
    ['early_leave', ['早退', 'early leave', 'left early']],
    ['absent', ['缺勤', '旷工', '未出勤', 'absent', 'absence', 'no show']],
    [
      'approved_leave',
      [
        '请假',
        '事假',
        '病假',
        '年假',
        '婚假',
        '产假',
        '丧假',
        '调休',
        '休假',
        '公假',
        'leave',
        'on leave',
        'approved leave',
        'vacation',
        'sick leave',
        'pto',
      ],
    ],
  ],
};

// Plan statuses as trackers write them (docs/plans.md): 进行中, 已完成, 逾期未完成, 已取消.
const PLAN_STATUS: Vocabulary = {
  accepts: closed('improvement_plans', 'status'),
  synonyms: [
    ['open', ['进行中', '未完成', '待完成', '执行中', '未开始', 'open', 'in progress', 'pending']],
    ['done', ['已完成', '完成', '已达成', '达成', 'done', 'completed', 'complete', 'closed']],
    ['missed', ['逾期', '逾期未完成', '未达成', '超期', 'missed', 'overdue', 'failed']],
    ['cancelled', ['已取消', '取消', '作废', 'cancelled', 'canceled', 'void']],
  ],
};

const ASSESSMENT_KIND: Vocabulary = {
  accepts: closed('assessments', 'kind'),
  synonyms: [
    [
      'training',
      [
        '培训',
        '课程',
        '学习',
        '培训课程',
        '训练',
        '辅导',
        'training',
        'course',
        'class',
        'lesson',
        'workshop',
      ],
    ],
    [
      'exam',
      [
        '考试',
        '测试',
        '测验',
        '考核',
        '笔试',
        '机考',
        '抽考',
        '认证',
        'exam',
        'test',
        'quiz',
        'assessment',
        'certification',
      ],
    ],
  ],
};

const COMPLAINT_CATEGORY: Vocabulary = {
  accepts: oneOf('attitude', 'misinformation', 'process_error', 'product_defect', 'logistics', 'other'),
  synonyms: [
    [
      'attitude',
      [
        '服务态度',
        '态度',
        '态度问题',
        '态度差',
        '服务态度差',
        '不礼貌',
        '辱骂',
        'attitude',
        'rude',
        'behaviour',
        'behavior',
      ],
    ],
    [
      'misinformation',
      [
        '错误信息',
        '信息错误',
        '信息有误',
        '答复错误',
        '回复错误',
        '解答错误',
        '告知错误',
        '误导',
        'misinformation',
        'wrong information',
        'incorrect information',
      ],
    ],
    [
      'process_error',
      [
        '流程错误',
        '流程问题',
        '操作错误',
        '操作失误',
        '处理错误',
        '处理不当',
        '违规操作',
        'process error',
        'processing error',
        'handling error',
      ],
    ],
    [
      'product_defect',
      [
        '产品质量',
        '产品缺陷',
        '产品问题',
        '质量问题',
        '商品质量',
        '商品问题',
        '质量',
        'product defect',
        'product quality',
        'product issue',
        'defect',
        'quality',
      ],
    ],
    [
      'logistics',
      [
        '物流',
        '物流问题',
        '快递',
        '快递问题',
        '配送',
        '配送问题',
        '发货',
        '发货慢',
        '延迟发货',
        '运输',
        'logistics',
        'shipping',
        'delivery',
        'courier',
      ],
    ],
    ['other', ['其他', '其它', '其他问题', 'other', 'others', 'misc']],
  ],
};

// Freshdesk sources (Email, Portal, Phone, Chat, Feedback widget), Zendesk `via` channels, and the
// 会话来源 of Chinese tools (网页, 微信, 小程序, APP, 千牛, 电话, 工单, 企业微信群).
const CHANNEL: Vocabulary = {
  accepts: oneOf('chat', 'phone', 'email', 'ticket', 'wecom_group'),
  synonyms: [
    [
      'chat',
      [
        '在线',
        '在线客服',
        '在线咨询',
        '在线聊天',
        '网页',
        '网站',
        '网页咨询',
        '聊天',
        '即时通讯',
        'app',
        '小程序',
        '微信',
        '微信客服',
        '公众号',
        '企业微信',
        '千牛',
        '旺旺',
        '咚咚',
        'chat',
        'live chat',
        'web chat',
        'messaging',
        'online',
        'web',
        'im',
        'wechat',
      ],
    ],
    [
      'phone',
      [
        '电话',
        '热线',
        '呼入',
        '呼出',
        '来电',
        '外呼',
        '语音',
        '通话',
        '电话客服',
        'phone',
        'voice',
        'call',
        'telephone',
      ],
    ],
    ['email', ['邮件', '电子邮件', '邮箱', 'email', 'e-mail', 'mail']],
    [
      'ticket',
      ['工单', '留言', '表单', '网页表单', 'ticket', 'portal', 'form', 'web form', 'feedback widget'],
    ],
    [
      'wecom_group',
      [
        '企业微信群',
        '企微群',
        '社群',
        '微信群',
        '群聊',
        '客户群',
        'wecom group',
        'wechat group',
        'group chat',
        'community',
      ],
    ],
  ],
};

const AGENT_STATUS: Vocabulary = {
  accepts: oneOf('active', 'left'),
  synonyms: [
    ['active', ['在职', '在岗', '正常', '启用', '试用', '试用期', '正式', 'active', 'enabled', 'employed']],
    [
      'left',
      [
        '离职',
        '已离职',
        '离岗',
        '停用',
        '禁用',
        '注销',
        'left',
        'inactive',
        'disabled',
        'terminated',
        'resigned',
      ],
    ],
  ],
};

const EVENT_TYPE: Vocabulary = {
  accepts: oneOf('praise', 'violation', 'knowledge_share'),
  synonyms: [
    ['praise', ['表扬', '客户表扬', '好评', '点赞', '锦旗', '感谢信', 'praise', 'compliment', 'kudos']],
    [
      'violation',
      ['违规', '违纪', '处罚', '警告', '通报批评', 'violation', 'warning', 'penalty', 'misconduct'],
    ],
    [
      'knowledge_share',
      [
        '知识分享',
        '经验分享',
        '案例分享',
        '知识贡献',
        '分享',
        'knowledge share',
        'knowledge sharing',
        'sharing',
      ],
    ],
  ],
};

// Five-level satisfaction as Aliyun AICCS names it (1 很不满 … 5 很满意) and the 非常满意/满意/一般/
// 不满意/非常不满意 of survey forms. Zendesk's binary good/bad has no 1–5 reading: left to the user.
const CSAT: Vocabulary = {
  accepts: (value) => /^\d+$/.test(value),
  synonyms: [
    [5, ['非常满意', '很满意', '十分满意', '五星', '5星', 'very satisfied']],
    [4, ['满意', '比较满意', '四星', '4星', 'satisfied']],
    [3, ['一般', '基本满意', '中立', '三星', '3星', 'neutral']],
    [2, ['不满意', '不满', '较差', '二星', '两星', '2星', 'dissatisfied']],
    [1, ['非常不满意', '很不满意', '很不满', '极不满意', '一星', '1星', '很差', 'very dissatisfied']],
  ],
};

// The rater roles of 360° and peer-review forms (docs/ratings.md): an open vocabulary, so only the
// conventional English names are accepted as they are; the Chinese words of HR exports are drafted
// as a map onto them (a policy's `roles:` names them).
const RATER_ROLE: Vocabulary = {
  accepts: oneOf('supervisor', 'peer', 'self', 'customer', 'qa', 'cross_dept'),
  synonyms: [
    [
      'supervisor',
      [
        '主管',
        '组长',
        '上级',
        '直属上级',
        '经理',
        '领导',
        '主管评价',
        'supervisor',
        'manager',
        'leader',
        'team lead',
      ],
    ],
    ['peer', ['同事', '同级', '同组', '互评', '同事互评', '同事评价', 'peer', 'colleague', 'coworker']],
    ['self', ['自评', '本人', '自己', '自我评价', 'self', 'self review']],
    ['customer', ['客户', '顾客', '客户评价', 'customer', 'client']],
    ['qa', ['质检', '质检员', '品控', 'qa', 'quality']],
    [
      'cross_dept',
      ['跨部门', '其他部门', '协作部门', '兄弟部门', 'cross_dept', 'cross-department', 'other department'],
    ],
  ],
};

/**
 * The enumerated fields of the contract and their vocabularies: a draft lists the distinct values
 * of each as a `map` when some value is not already what the field reads.
 */
export const ENUMERATED_FIELDS: { readonly [T in InputTableName]?: Readonly<Record<string, Vocabulary>> } = {
  agents: { status: AGENT_STATUS },
  conversations: { channel: CHANNEL, resolved: BOOL, reopened: BOOL, transferred: BOOL },
  messages: { sender: SENDER },
  surveys: { csat: CSAT },
  complaints: { category: COMPLAINT_CATEGORY, upheld: BOOL },
  qa_reviews: { red_line: BOOL },
  attendance: { status: ATTENDANCE_STATUS },
  assessments: { kind: ASSESSMENT_KIND, attended: BOOL },
  events: { type: EVENT_TYPE },
  improvement_plans: { status: PLAN_STATUS },
  ratings: { rater_role: RATER_ROLE },
};
