import type { Interaction } from '$schema/interaction';

/** A Map, not an object: a word such as “constructor” must find nothing, not Object's own. */
export const KIND_WORDS = new Map<string, Interaction['kind']>(
  Object.entries({
    call: 'call',
    phone: 'call',
    phonecall: 'call',
    电话: 'call',
    通话: 'call',
    email: 'email',
    'e-mail': 'email',
    mail: 'email',
    邮件: 'email',
    meeting: 'meeting',
    visit: 'meeting',
    会议: 'meeting',
    拜访: 'meeting',
    面谈: 'meeting',
    note: 'note',
    备注: 'note',
    笔记: 'note',
  } satisfies Record<string, Interaction['kind']>),
);
