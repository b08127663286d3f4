import { CSV_FIELDS, type CsvField, type CsvKind, type CsvMapping } from './fields';

/**
 * Header names seen in spreadsheets and CRM exports (Zoho, HubSpot, Salesforce, Excel
 * templates, Fxiaoke 纷享销客), normalised: lower case, without spaces, `_`, `-`, `.`,
 * `#`, `/`, `(`, `)`. Earlier names win; each field takes at most one column.
 */
const SYNONYMS: Record<CsvField, readonly string[]> = {
  id: [
    'id',
    'recordid',
    'transactionid',
    'invoiceid',
    'interactionid',
    'activityid',
    '编号',
    'id号',
  ],
  clientId: [
    'customerid',
    'clientid',
    'accountid',
    'customerno',
    'customernumber',
    'clientno',
    'clientnumber',
    'customercode',
    'clientcode',
    'contactid',
    '客户编号',
    '客户id',
    '客户代码',
    '客户号',
  ],
  clientName: [
    'customer',
    'client',
    'customername',
    'clientname',
    'account',
    'accountname',
    'company',
    'companyname',
    'billto',
    'buyer',
    'contact',
    'contactname',
    '客户',
    '客户名称',
    '客户名',
    '公司名称',
    '公司',
    '购买方',
    '购方名称',
    '买方',
    '联系人',
  ],
  name: [
    'name',
    'customername',
    'clientname',
    'customer',
    'client',
    'accountname',
    'account',
    'fullname',
    'contactname',
    'displayname',
    '客户名称',
    '客户名',
    '客户',
    '名称',
    '姓名',
  ],
  company: [
    'company',
    'companyname',
    'organisation',
    'organization',
    'employer',
    '公司',
    '公司名称',
    '单位',
    '企业名称',
  ],
  email: ['email', 'emailaddress', 'mail', 'e-mail', '邮箱', '电子邮件', '电子邮箱', '邮件'],
  phone: [
    'phone',
    'telephone',
    'tel',
    'mobile',
    'phonenumber',
    'mobilephone',
    'cell',
    '电话',
    '手机',
    '联系电话',
    '手机号',
    '手机号码',
  ],
  industry: ['industry', 'sector', 'vertical', '行业', '所属行业'],
  region: [
    'region',
    'city',
    'country',
    'province',
    'state',
    'location',
    'area',
    '地区',
    '城市',
    '省份',
    '区域',
    '所在地',
  ],
  source: ['source', 'leadsource', 'origin', '来源', '客户来源', '渠道'],
  tags: ['tags', 'tag', 'labels', 'label', '标签'],
  notes: ['notes', 'note', 'comments', 'comment', 'remarks', 'memo', '备注', '说明'],
  hourlyRate: [
    'hourlyrate',
    'rate',
    'billingrate',
    'rateperhour',
    '时薪',
    '小时费率',
    '每小时费率',
  ],
  // "Contact name" names the client itself in many CRM exports (a person as client): the
  // contact person's own columns are the ones that say "person" or "primary".
  contactName: ['contactperson', 'primarycontact', 'contactpersonname', '联系人', '联系人姓名'],
  contactRole: [
    'contactrole',
    'contacttitle',
    'jobtitle',
    'title',
    'position',
    'role',
    '职位',
    '职务',
  ],
  contactEmail: ['contactemail', 'contactpersonemail', '联系人邮箱'],
  contactPhone: ['contactphone', 'contactpersonphone', '联系人电话', '联系人手机'],
  date: [
    'date',
    'invoicedate',
    'orderdate',
    'transactiondate',
    'issuedate',
    'saledate',
    'dateissued',
    'activitydate',
    'createddate',
    'closedate',
    '日期',
    '开票日期',
    '订单日期',
    '交易日期',
    '下单日期',
    '发票日期',
    '成交日期',
    '活动日期',
    '跟进时间',
  ],
  amount: [
    'amount',
    'total',
    'totalamount',
    'invoicetotal',
    'invoiceamount',
    'grandtotal',
    'ordertotal',
    'value',
    'revenue',
    'sales',
    'net',
    'linetotal',
    '金额',
    '总额',
    '总金额',
    '合计',
    '销售额',
    '订单金额',
    '含税金额',
    '价税合计',
    '发票金额',
    '成交金额',
  ],
  // A line item's count and price each: the amount is their product (line-items.ts).
  quantity: ['quantity', 'qty', 'quantityordered', 'units', '数量', '件数', '购买数量'],
  unitPrice: [
    'unitprice',
    'price',
    'priceeach',
    'priceperunit',
    '单价',
    '价格',
    '销售单价',
    '含税单价',
  ],
  cost: ['cost', 'costs', 'cogs', 'expense', 'expenses', '成本', '费用'],
  hours: ['hours', 'hoursworked', 'time', 'duration', '工时', '小时', '小时数'],
  dueDate: [
    'duedate',
    'paymentdue',
    'due',
    'paymentduedate',
    '到期日',
    '到期日期',
    '付款期限',
    '应付日期',
  ],
  paidDate: [
    'paiddate',
    'paymentdate',
    'datepaid',
    'paidon',
    '付款日期',
    '付款日',
    '收款日期',
    '回款日期',
  ],
  reference: [
    'reference',
    'ref',
    'invoice',
    'invoiceno',
    'invoicenumber',
    'ordernumber',
    'orderno',
    'orderid',
    'number',
    'no',
    '单号',
    '发票号',
    '发票号码',
    '订单号',
    '订单编号',
  ],
  description: [
    'description',
    'desc',
    'item',
    'product',
    'details',
    'service',
    '描述',
    '产品',
    '商品',
    '项目',
    '摘要',
  ],
  kind: [
    'kind',
    'type',
    'activitytype',
    'interactiontype',
    'channel',
    '类型',
    '方式',
    '跟进方式',
    '互动类型',
  ],
  summary: [
    'summary',
    'subject',
    'description',
    'notes',
    'note',
    'content',
    'details',
    '内容',
    '主题',
    '摘要',
    '跟进内容',
    '备注',
  ],
  followUpDate: [
    'followupdate',
    'followup',
    'nextcontact',
    'nextcontactdate',
    'nextfollowup',
    'reminder',
    '跟进日期',
    '下次跟进',
    '下次联系',
    '下次跟进时间',
  ],
};

/**
 * Whether `header` is one of the names seen for `field` (exactly, once normalised): the
 * check warns when the amount column is headed like a unit price.
 */
export function isNamedAs(header: string, field: CsvField): boolean {
  return SYNONYMS[field].includes(normaliseHeader(header));
}

/** A header as compared: lower case, no spaces or punctuation, no byte-order mark. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_\-.#/()（）:：*]+/g, '');
}

/**
 * The column each field most likely sits in: exact names first (in the order of each
 * field's list), then headers that contain a name of four or more letters or two or more
 * Chinese characters (`Invoice Date (UTC)`, `客户名称（全称）`).
 */
export function guessMapping(headers: readonly string[], kind: CsvKind): CsvMapping {
  const fields = CSV_FIELDS[kind];
  const normal = headers.map(normaliseHeader);
  const mapping: CsvMapping = {};
  const taken = new Set<number>();
  const claim = (matches: (header: string, name: string) => boolean) => {
    for (const field of fields) {
      if (mapping[field] !== undefined) continue;
      for (const name of SYNONYMS[field]) {
        const column = normal.findIndex((h, i) => !taken.has(i) && matches(h, name));
        if (column !== -1) {
          mapping[field] = column;
          taken.add(column);
          break;
        }
      }
    }
  };
  claim((header, name) => header === name);
  claim(
    (header, name) =>
      (/^[a-z]+$/.test(name) ? name.length >= 4 : name.length >= 2) && header.includes(name),
  );
  for (const field of fields) mapping[field] ??= null;
  return mapping;
}
