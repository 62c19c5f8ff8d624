/**
 * UI strings of exports (the list, a selection, one clipping), the print page and the articles index.
 * Spread into the main dictionaries in shared/i18n/messages.ts, so English must cover every key.
 */
export const EXPORTS_ZH_CN = {
  'nav.articles': '续篇文章',

  'export.list': '导出',
  'export.listCsv': '导出当前列表 CSV',
  'export.listJson': '导出当前列表 JSON',
  'export.selectionCsv': '导出所选 {count} 条 CSV',
  'export.selectionJson': '导出所选 {count} 条 JSON',
  'export.selectionTooMany': '所选超过 {max} 条，无法按所选导出；请改用“全选符合条件的剪报”或导出当前列表。',
  'export.hint': 'CSV 带 BOM，可直接用 Excel、WPS 打开；JSON 可导入空数据库，恢复整个档案。',
  'export.md': '导出 Markdown',
  'export.txt': '导出纯文本',
  'export.print': '打印版',
  'export.printNow': '打印',

  'print.back': '返回剪报',
  'print.page': '第{page}版',

  'articles.title': '续篇文章',
  'articles.intro': '跨版面接续、已拼合成一篇的文章。点击标题阅读全文，点击版面查看那一部分剪报。',
  'articles.total': '共 {total} 篇',
  'articles.empty': '还没有拼合的续篇文章。归档带“下转”“上接”的版面后，接好的文章会出现在这里。',
  'articles.col.title': '标题',
  'articles.col.byline': '作者',
  'articles.col.issue': '报刊与日期',
  'articles.col.pages': '各部分版面',
  'articles.part': '{publication} {date} 第{page}版',
  'articles.prev': '上一页',
  'articles.next': '下一页',
  'articles.pageOf': '第 {page} / {pages} 页',
  'articles.backToIndex': '返回续篇文章',

  'wizard.linkEnd': '{title}（第{page}版）',

  'history.action.imported': '从档案文件导入',
} satisfies Record<string, string>;

export const EXPORTS_EN: Record<keyof typeof EXPORTS_ZH_CN, string> = {
  'nav.articles': 'Continued articles',

  'export.list': 'Export',
  'export.listCsv': 'Export this list as CSV',
  'export.listJson': 'Export this list as JSON',
  'export.selectionCsv': 'Export the {count} selected as CSV',
  'export.selectionJson': 'Export the {count} selected as JSON',
  'export.selectionTooMany':
    'More than {max} selected: choose “select all matching” or export the current list instead.',
  'export.hint':
    'The CSV has a BOM so Excel and WPS open it as UTF-8; the JSON can be imported into an empty database to restore the archive.',
  'export.md': 'Export Markdown',
  'export.txt': 'Export plain text',
  'export.print': 'Print view',
  'export.printNow': 'Print',

  'print.back': 'Back to the clipping',
  'print.page': 'page {page}',

  'articles.title': 'Continued articles',
  'articles.intro':
    'Articles continued across pages and joined into one. Open a title to read it whole, a page to see that part.',
  'articles.total': '{total} articles',
  'articles.empty':
    'No continued articles yet. Once pages with “continued on / from” markers are filed and linked, they appear here.',
  'articles.col.title': 'Title',
  'articles.col.byline': 'Byline',
  'articles.col.issue': 'Publication and date',
  'articles.col.pages': 'Pages of its parts',
  'articles.part': '{publication} {date} page {page}',
  'articles.prev': 'Previous',
  'articles.next': 'Next',
  'articles.pageOf': 'Page {page} of {pages}',
  'articles.backToIndex': 'Back to continued articles',

  'wizard.linkEnd': '{title} (page {page})',

  'history.action.imported': 'imported from an archive file',
};
