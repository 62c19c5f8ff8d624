/**
 * UI strings of the work queue of filed pages with unassigned lines (`/dashboard/unassigned`) and its audit
 * event. Spread into the main dictionaries in shared/i18n/messages.ts, so English must cover every key.
 */
export const UNASSIGNED_ZH_CN = {
  'queue.unassignedImports': '有未归类行的版面',

  'unassigned.title': '有未归类行的版面',
  'unassigned.intro':
    '这些版面归档时有些行没有进入任何剪报（归档向导里留在“未归类”的行，或被舍弃的剪报）。逐条查看：需要的话打开版面补建剪报，处理完后标记为已查看。版头、页码、责任编辑等版面信息也列出，但不会让版面进入待办。',
  'unassigned.total': '共 {total} 个版面',
  'unassigned.empty': '没有待查看的未归类行。',
  'unassigned.page': '{publication} {date} 第 {page} 版',
  'unassigned.filedAt': '归档于 {time}，{clippings} 条剪报',
  'unassigned.lines': '{count} 行未归类',
  'unassigned.lineNo': '第 {line} 行',
  'unassigned.furniture': '版面信息',
  'unassigned.openIssue': '打开这一期',
  'unassigned.openClippings': '查看本版剪报',
  'unassigned.markReviewed': '标记为已查看',
  'unassigned.reviewing': '正在标记…',
  'unassigned.reviewed': '已将 {page} 的未归类行标记为已查看。',
  'unassigned.alreadyReviewed': '这个版面的未归类行已被标记为已查看（可能是别人刚刚处理的），列表已刷新。',
  'unassigned.gone': '这个版面已不存在（可能已被删除或重新归档），列表已刷新。',
  'unassigned.prev': '上一页',
  'unassigned.next': '下一页',
  'unassigned.pageOf': '第 {page} / {pages} 页',

  'audit.action.unassigned-reviewed': '查看未归类行',
  'audit.detail.unassignedReviewed': '{publication} {date} 版面 {page}，{count} 行未归类',
};

export const UNASSIGNED_EN: Record<keyof typeof UNASSIGNED_ZH_CN, string> = {
  'queue.unassignedImports': 'Pages with unassigned lines',

  'unassigned.title': 'Pages with unassigned lines',
  'unassigned.intro':
    'These pages were filed with lines that went into no clipping (lines left in the wizard’s “unassigned” bin, or a clipping left out). Look at each: open the page to make the clipping that is missing if needed, then mark the lines reviewed. Page furniture (mastheads, page numbers, editor credits) is listed too but does not put a page on this list.',
  'unassigned.total': '{total} pages',
  'unassigned.empty': 'No unassigned lines waiting.',
  'unassigned.page': '{publication} {date} page {page}',
  'unassigned.filedAt': 'Filed {time}, {clippings} clippings',
  'unassigned.lines': '{count} unassigned lines',
  'unassigned.lineNo': 'Line {line}',
  'unassigned.furniture': 'Page furniture',
  'unassigned.openIssue': 'Open the issue',
  'unassigned.openClippings': 'Clippings of this page',
  'unassigned.markReviewed': 'Mark reviewed',
  'unassigned.reviewing': 'Marking…',
  'unassigned.reviewed': 'The unassigned lines of {page} are marked reviewed.',
  'unassigned.alreadyReviewed':
    'The unassigned lines of this page were marked reviewed already (perhaps by someone else just now); the list is read again.',
  'unassigned.gone': 'This page is gone (deleted or re-filed); the list is read again.',
  'unassigned.prev': 'Previous',
  'unassigned.next': 'Next',
  'unassigned.pageOf': 'Page {page} of {pages}',

  'audit.action.unassigned-reviewed': 'Reviewed unassigned lines',
  'audit.detail.unassignedReviewed': '{publication} {date} page {page}, {count} unassigned lines',
};
