/** Spec helpers: build part summaries with Chinese sample text. */
import type { JumpRef } from '@jianbao/contracts';
import type { PartSummary } from './types';

export function jump(page: string, label: string | null = null, marker?: string): JumpRef {
  return { page, label, marker: marker ?? `（${label ? '上接' : '下转'}${page}版${label ?? ''}）` };
}

export function part(p: Partial<PartSummary> & Pick<PartSummary, 'id' | 'pageLabel' | 'body'>): PartSummary {
  return {
    publicationId: 1,
    issueDate: '2024-10-22',
    title: null,
    kicker: null,
    continuesFrom: null,
    continuesTo: null,
    ...p,
  };
}

export function head(id: string, body: string, extra: Partial<PartSummary> = {}): PartSummary {
  const to =
    extra.continuesTo === undefined
      ? { page: '2', label: null, marker: '（下转第二版）' }
      : extra.continuesTo;
  return part({ id, pageLabel: '1', body: to ? `${body}${to.marker}` : body, ...extra, continuesTo: to });
}

export function tail(id: string, body: string, extra: Partial<PartSummary> = {}): PartSummary {
  const from =
    extra.continuesFrom === undefined
      ? { page: '1', label: null, marker: '（上接第一版）' }
      : extra.continuesFrom;
  return part({
    id,
    pageLabel: '2',
    body: from ? `${from.marker}${body}` : body,
    ...extra,
    continuesFrom: from,
  });
}

/** Two articles of one local paper, cut mid-sentence between page 1 and page 2. */
export const YUTAI = {
  title: '鱼台：护学岗守护上学路',
  head:
    '“以前接送孩子最怕的就是校门口堵车，现在有了专用通道，心里踏实多了。”10月18日，鱼台县第二实验中学门口，' +
    '家长王女士说。今年以来，鱼台县交警大队牵头实施校园周边道路交通整治提升工程，全县31所中小学校的48个校区',
  tail:
    '已全部改造完毕。鱼台县交警大队根据不同区位学校的道路特点，因地制宜改造交通环境，增设减速带、限速和警示标识。' +
    '“现在学校周边的交通环境令人放心了。”鱼台县第二实验中学小学部主任闫兵说。',
};

export const ANKANG = {
  title: '向“新”而进 聚力前行',
  head: '今年以来，安康市科技局围绕高新技术企业培育目标，举办科技成果转化对接会，组织高校院所与企业开展',
  tail:
    '供需对接活动14场次，发布技术需求120余项，促成产学研合作签约21项。“市科技局将瞄准培育目标，确保圆满完成高新技术企业培育目标任务。”' +
    '安康市科技局局长李璐说。',
};

export const NINGSHAN = {
  title: '宁陕：“三清单”让监督更有力',
  head: '宁陕县人大常委会推行镇级人大监督“三清单”制度，各镇人大主席团围绕群众关心的民生实事开展监督，充分发挥人大代表的。',
  tail: '对影响面广、群众关注度高、办理难度大等事项，由镇人大主席出面会商镇政府分管领导，宁陕县人大常委会主任刘爱军表示，清单制监督让代表在离群众最近的地方发挥作用。',
};
