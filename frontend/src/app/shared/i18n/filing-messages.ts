/**
 * UI strings of re-filing a page (the duplicate warning, the replace choice and its report), the
 * wizard's saved draft, the unsaved-changes prompts and the trash's duplicate notes. Spread into the
 * main dictionaries in shared/i18n/messages.ts, so English must cover every key.
 */
export const FILING_ZH_CN = {
  'unsaved.clipping': '这条剪报有尚未保存的修改，离开后会丢失。确定离开吗？',
  'unsaved.wizard':
    '导入向导里有尚未归档的版面。草稿（文本、报刊、日期、版面和你对拆分结果的修改）会保存在这个浏览器里，回来可以继续。确定离开吗？',

  'wizard.draft.restored':
    '已恢复 {at} 自动保存的未归档草稿：版面文本、报刊、日期、版面和你对拆分结果的修改。',
  'wizard.draft.discard': '丢弃草稿',
  'wizard.draft.discardConfirm': '丢弃这份草稿吗？版面文本和所有修改都会清空，无法找回。',
  'wizard.draft.discarded': '草稿已丢弃。',
  'wizard.draft.notKept': '这份草稿没能保存在浏览器里（存储已满或不可用）：离开前请先归档，否则修改会丢失。',

  'wizard.duplicate.title': '这一版文本已经归档过',
  'wizard.duplicate.filed': '{at} 归档为导入 #{id}（出版日期 {date}，版面 {page}，{count} 条剪报）。',
  'wizard.duplicate.noWork':
    '归档后没有人手动修改过这些剪报：替换会把它们移入回收站，再按现在的结果重新归档。',
  'wizard.duplicate.work':
    '其中 {count} 条剪报归档后被人手动修改过，替换时可以把修改带到新剪报，或保留这些剪报：',
  'wizard.duplicate.adminOnly': '替换会删除已归档的剪报，只有管理员可以替换。',
  'wizard.duplicate.replace': '替换…',

  'wizard.replace.loading': '正在核对已归档剪报上的修改…',
  'wizard.replace.choice': '手动修改过的剪报怎么处理？',
  'wizard.replace.carry':
    '带到新剪报（推荐）：改过的字段、审核状态、手动标签和地区、手动续接都带到对应的新剪报；没有对应新剪报的保留原样。',
  'wizard.replace.keep': '保留原剪报：这些剪报原样保留，对应的新剪报不归档。',

  'wizard.replaced': '已替换导入 #{id}：{trashed} 条旧剪报移入回收站。',
  'wizard.replaced.carried': '#{from} 的修改已带到 #{to}',
  'wizard.replaced.kept.keep': '#{id} 按你的选择保留',
  'wizard.replaced.kept.no-match': '#{id} 没有对应的新剪报，已保留',
  'wizard.replaced.link.other-gone': '#{id} 与 #{other} 的手动续接没能重建：另一部分已不存在',
  'wizard.replaced.link.slot-taken': '#{id} 与 #{other} 的手动续接没能重建：其中一方已与别的剪报续接',
  'wizard.replaced.link.refused': '#{id} 与 #{other} 的手动续接没能重建：会形成无效的续接链',

  'work.fields': '改了{fields}',
  'work.status': '标为“{status}”',
  'work.tagsAdded': '加了标签 {names}',
  'work.tagsRemoved': '去掉了标签 {names}',
  'work.regionsAdded': '加了地区 {names}',
  'work.regionsRemoved': '去掉了地区 {names}',
  'work.linked.next': '手动续接到 #{id}',
  'work.linked.previous': '手动接在 #{id} 之后',
  'work.rejected': '手动取消了与 #{id} 的续接',
  'work.by': '{editors}，{at}',
  'work.listSeparator': '、',
  'work.partSeparator': '；',
  'work.match.body': '→ 剪报 {n}（正文相同）',
  'work.match.title': '→ 剪报 {n}（标题相同）',
  'work.match.none': '没有对应的新剪报：会保留原剪报',
  'work.match.keep': '保留原剪报，对应的剪报 {n} 不归档',
  'work.page': '{date} · 版面 {page}',

  'trash.duplicates': '与现存剪报重复：',
  'trash.duplicateWhere': '（{where}，#{id}）',
  'trash.duplicateOf': '“{headline}”（{where}，#{id}）',
  'trash.restoreDuplicateConfirm': '恢复后会与上面的现存剪报重复。仍然恢复吗？',
  'trash.restoreAnyway': '仍然恢复',
  'trash.restoredDuplicate': '已恢复“{label}”。它与现存剪报 {list} 重复。',

  'wizard.review.count': '待核对 {count} 条：解析器对这些剪报的边界、标题或署名没有把握',
  'wizard.review.next': '下一条待核对',
  'wizard.review.nextHint': '按 N 键跳到下一条待核对的剪报（没有把握的排在前面）',
  'wizard.review.none': '解析器对每条剪报都有把握；仍请浏览一遍。',
  'wizard.review.confirm': '确认无误',
  'wizard.unsure.boundary': '请核对起止（把握 {pct}%）',
  'wizard.unsure.title': '请核对标题（把握 {pct}%）',
  'wizard.unsure.byline': '请核对署名（把握 {pct}%）',

  'wizard.fileNotText':
    '文件“{name}”不是 UTF-8 编码的文本（可能是 GBK 编码，或者不是文本文件），没有读入。请先用记事本等工具另存为 UTF-8 的 .txt 再选择。',
} satisfies Record<string, string>;

export const FILING_EN: Record<keyof typeof FILING_ZH_CN, string> = {
  'unsaved.clipping': 'This clipping has unsaved changes that will be lost if you leave. Leave anyway?',
  'unsaved.wizard':
    'The import wizard holds a page that is not filed yet. The draft (text, publication, date, page and your corrections) is kept in this browser and will be back when you return. Leave anyway?',

  'wizard.draft.restored':
    'Restored the unfiled draft saved automatically at {at}: page text, publication, date, page and your corrections.',
  'wizard.draft.discard': 'Discard draft',
  'wizard.draft.discardConfirm':
    'Discard this draft? The page text and every correction are cleared for good.',
  'wizard.draft.discarded': 'Draft discarded.',
  'wizard.draft.notKept':
    'This draft could not be kept in the browser (storage full or unavailable): file it before leaving, or the corrections are lost.',

  'wizard.duplicate.title': 'This page text was filed before',
  'wizard.duplicate.filed': 'Filed at {at} as import #{id} (issue {date}, page {page}, {count} clippings).',
  'wizard.duplicate.noWork':
    'Nobody changed these clippings by hand since: replacing moves them to the trash and files the page as it is now.',
  'wizard.duplicate.work':
    '{count} of them were changed by hand after filing; replacing can carry that work onto the new clippings or keep those clippings:',
  'wizard.duplicate.adminOnly': 'Replacing deletes the filed clippings: only admins can replace.',
  'wizard.duplicate.replace': 'Replace…',

  'wizard.replace.loading': 'Checking the work done on the filed clippings…',
  'wizard.replace.choice': 'What should happen to the clippings changed by hand?',
  'wizard.replace.carry':
    'Carry the work over (recommended): edited fields, review status, hand tags and regions and hand-made links move onto the matching new clipping; one with no match is kept as it is.',
  'wizard.replace.keep':
    'Keep those clippings: they stay as they are, and their matching new clippings are not filed.',

  'wizard.replaced': 'Replaced import #{id}: {trashed} earlier clippings moved to the trash.',
  'wizard.replaced.carried': 'work on #{from} carried onto #{to}',
  'wizard.replaced.kept.keep': '#{id} kept, as you chose',
  'wizard.replaced.kept.no-match': '#{id} kept: no new clipping matches it',
  'wizard.replaced.link.other-gone': 'hand-made link #{id} ↔ #{other} not made again: the other part is gone',
  'wizard.replaced.link.slot-taken':
    'hand-made link #{id} ↔ #{other} not made again: one of them already continues another clipping',
  'wizard.replaced.link.refused':
    'hand-made link #{id} ↔ #{other} not made again: the chain would be invalid',

  'work.fields': 'edited {fields}',
  'work.status': 'marked “{status}”',
  'work.tagsAdded': 'tagged {names}',
  'work.tagsRemoved': 'untagged {names}',
  'work.regionsAdded': 'added regions {names}',
  'work.regionsRemoved': 'removed regions {names}',
  'work.linked.next': 'linked by hand on to #{id}',
  'work.linked.previous': 'linked by hand after #{id}',
  'work.rejected': 'link with #{id} cut by hand',
  'work.by': '{editors}, {at}',
  'work.listSeparator': ', ',
  'work.partSeparator': '; ',
  'work.match.body': '→ clipping {n} (same body)',
  'work.match.title': '→ clipping {n} (same title)',
  'work.match.none': 'no matching new clipping: it will be kept',
  'work.match.keep': 'kept as it is; the matching clipping {n} is not filed',
  'work.page': '{date} · page {page}',

  'trash.duplicates': 'Duplicates live clipping:',
  'trash.duplicateWhere': ' ({where}, #{id})',
  'trash.duplicateOf': '“{headline}” ({where}, #{id})',
  'trash.restoreDuplicateConfirm': 'Restoring it duplicates the live clipping above. Restore anyway?',
  'trash.restoreAnyway': 'Restore anyway',
  'trash.restoredDuplicate': 'Restored “{label}”. It duplicates live clipping {list}.',

  'wizard.review.count': '{count} to review: the parser is unsure of their boundaries, title or byline',
  'wizard.review.next': 'Next to review',
  'wizard.review.nextHint': 'Press N for the next clipping to review (least sure first)',
  'wizard.review.none': 'The parser is sure of every clipping; still, have a look.',
  'wizard.review.confirm': 'Looks right',
  'wizard.unsure.boundary': 'Check where it starts and ends ({pct}% sure)',
  'wizard.unsure.title': 'Check the title ({pct}% sure)',
  'wizard.unsure.byline': 'Check the byline ({pct}% sure)',

  'wizard.fileNotText':
    'The file “{name}” is not UTF-8 text (it may be GBK-encoded, or not a text file) and was not read. Save it as a UTF-8 .txt first (e.g. in Notepad), then choose it again.',
};
