/**
 * Word lists for generated sample clients: a studio with an English- and a
 * Chinese-speaking clientele. Data, not interface text: it is what a user would type.
 */
export const ENGLISH_FIRST = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Ava',
  'Ethan',
  'Sophia',
  'Mason',
  'Isabella',
  'Lucas',
  'Mia',
  'Logan',
  'Amelia',
  'James',
  'Harper',
  'Benjamin',
  'Evelyn',
  'Henry',
  'Abigail',
  'Daniel',
  'Emily',
  'Samuel',
  'Ella',
  'David',
  'Grace',
  'Joseph',
  'Chloe',
  'Owen',
  'Nora',
  'Jack',
] as const;

export const ENGLISH_LAST = [
  'Smith',
  'Johnson',
  'Williams',
  'Brown',
  'Jones',
  'Garcia',
  'Miller',
  'Davis',
  'Wilson',
  'Moore',
  'Taylor',
  'Anderson',
  'Thomas',
  'Jackson',
  'White',
  'Harris',
  'Martin',
  'Thompson',
  'Clark',
  'Lewis',
  'Walker',
  'Hall',
  'Young',
  'Allen',
  'King',
  'Wright',
  'Scott',
  'Green',
  'Baker',
  'Adams',
] as const;

/** Surname and given name with their pinyin, for e-mail addresses. */
export const CHINESE_SURNAMES = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['林', 'lin'],
  ['何', 'he'],
] as const;

export const CHINESE_GIVEN = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['洋', 'yang'],
  ['艳', 'yan'],
  ['勇', 'yong'],
  ['军', 'jun'],
  ['杰', 'jie'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['秀英', 'xiuying'],
  ['晓东', 'xiaodong'],
  ['思远', 'siyuan'],
] as const;

export const ENGLISH_COMPANY_FIRST = [
  'Northwind',
  'Bluebird',
  'Copperleaf',
  'Harbor',
  'Summit',
  'Maple',
  'Brightline',
  'Oakridge',
  'Silverfern',
  'Redwood',
  'Lakeside',
  'Ironbridge',
  'Meadow',
  'Pinecrest',
  'Starling',
  'Fox & Finch',
] as const;

export const ENGLISH_COMPANY_LAST = [
  'Studio',
  'Bakery',
  'Consulting',
  'Architects',
  'Dental',
  'Fitness',
  'Coffee Co.',
  'Legal',
  'Realty',
  'Outfitters',
  'Labs',
  'Academy',
  'Florist',
  'Brewing',
  'Travel',
  'Clinic',
] as const;

export const CHINESE_COMPANY_FIRST = [
  '青木',
  '远山',
  '锦程',
  '星河',
  '云杉',
  '明德',
  '华彩',
  '安和',
  '禾田',
  '银杏',
  '海岸',
  '东篱',
] as const;

export const CHINESE_COMPANY_LAST = [
  '设计工作室',
  '科技有限公司',
  '餐饮管理',
  '教育咨询',
  '文化传媒',
  '贸易有限公司',
  '健康管理',
  '建筑事务所',
] as const;

export const ENGLISH_INDUSTRIES = [
  'Retail',
  'Hospitality',
  'Software',
  'Education',
  'Healthcare',
  'Real estate',
  'Manufacturing',
  'Non-profit',
  'Media',
  'Finance',
] as const;

export const CHINESE_INDUSTRIES = [
  '零售',
  '餐饮',
  '软件',
  '教育',
  '医疗',
  '房地产',
  '制造',
  '公益',
  '传媒',
  '金融',
] as const;

export const ENGLISH_REGIONS = [
  'London',
  'Manchester',
  'New York',
  'Toronto',
  'Sydney',
  'Berlin',
  'Singapore',
] as const;
export const CHINESE_REGIONS = ['上海', '北京', '深圳', '杭州', '成都', '广州', '香港'] as const;

export const SOURCES = ['website', 'social', 'event', 'outreach', 'directory'] as const;

export const TAGS = [
  'retainer',
  'web',
  'branding',
  'print',
  'seo',
  'priority',
  'wholesale',
  'nonprofit-rate',
] as const;

export const WORK_ITEMS = [
  'Website redesign',
  'Monthly retainer',
  'Brand identity',
  'Consulting hours',
  'Landing page',
  'Photography',
  'Print collateral',
  'SEO audit',
  'Maintenance',
  'Workshop',
] as const;

export const CHINESE_WORK_ITEMS = [
  '网站改版',
  '月度服务费',
  '品牌设计',
  '咨询服务',
  '落地页',
  '摄影',
  '印刷物料',
  'SEO 诊断',
  '维护服务',
  '培训工作坊',
] as const;

export const ENGLISH_SUMMARIES = {
  call: [
    'Check-in call about next quarter',
    'Call to go through the proposal',
    'Quick call about an invoice',
  ],
  email: ['Sent the draft for review', 'Replied about timeline', 'Shared the monthly report'],
  meeting: [
    'Kick-off meeting at their office',
    'Quarterly review meeting',
    'Workshop planning session',
  ],
  note: [
    'Prefers e-mail over calls',
    'Budget review expected in spring',
    'Asked about a loyalty discount',
  ],
} as const;

export const CHINESE_SUMMARIES = {
  call: ['电话沟通下季度计划', '电话讲解方案', '电话确认发票事宜'],
  email: ['发送初稿请客户审阅', '回复项目时间安排', '发送月度报告'],
  meeting: ['到客户公司开项目启动会', '季度回顾会议', '工作坊筹备会'],
  note: ['客户偏好邮件沟通', '预计春季调整预算', '客户询问老客户折扣'],
} as const;

export const FEEDBACK_COMMENTS = {
  en: [
    'Great work as always',
    'Happy with the result',
    'Communication could be faster',
    'Took longer than planned',
    '',
  ],
  zh: ['一如既往的好', '对结果很满意', '沟通可以更及时', '比计划晚了一些', ''],
} as const;

export const COMPLAINT_TEXTS = {
  en: ['Deadline missed', 'Invoice amount disputed', 'Design did not match the brief'],
  zh: ['错过了截止日期', '对发票金额有异议', '设计与需求不符'],
} as const;
