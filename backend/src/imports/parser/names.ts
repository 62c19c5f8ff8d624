import { MAX_CREDIT_LINE_CHARS } from './thresholds';
/**
 * Personal names printed alone on a line — a commentary's author (`常  晋`, `何昭宇  李  舒`), a reader's
 * letter signed with a place (`贵州省贵阳市  程铭袁`) — told from headlines and prose by the shape of a
 * Chinese name: a common surname, then one or two given-name characters. Pure.
 */

/** Common single-character surnames (the ~300 that cover nearly every reporter and author). */
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由洪傅赖贝钮丘';
const COMPOUND = [
  '欧阳',
  '司马',
  '上官',
  '诸葛',
  '东方',
  '皇甫',
  '尉迟',
  '公孙',
  '慕容',
  '长孙',
  '宇文',
  '司徒',
  '夏侯',
  '令狐',
  '端木',
  '独孤',
  '南宫',
  '西门',
  '万俟',
  '闻人',
];
const SURNAME_SET = new Set([...SURNAMES]);

/** Characters no given name is made of (function words, measure words, verbs of prose; not 其: 杜其昌). */
const NOT_IN_NAME = /[的了是们这那也都就而并把被让给说到年月日第]|[县市区镇乡村省州旗]$/;

/** Whether `word` opens with a common family name (single or compound). */
export function startsWithSurname(word: string): boolean {
  return SURNAME_SET.has(word.charAt(0)) || COMPOUND.some((c) => word.startsWith(c));
}

/** Whether `word` (no spaces) reads as one Chinese personal name: a surname and 1–2 characters. */
export function isPersonalName(word: string): boolean {
  if (!/^[\u4e00-\u9fff]{2,4}$/.test(word)) return false;
  const compound = COMPOUND.some((c) => word.startsWith(c));
  const given = compound ? word.slice(2) : word.slice(1);
  if (!compound && !SURNAME_SET.has(word.charAt(0))) return false;
  if (given.length < 1 || given.length > 2) return false;
  return !NOT_IN_NAME.test(given);
}

/**
 * Splits a names line into names: `何昭宇  李  舒` → [何昭宇, 李舒]. Print pads two-character names with
 * spaces (`李  舒`, `常  晋`), so single characters separated by spaces pair up. Null when a piece is not a
 * name.
 */
export function namesOnLine(raw: string): string[] | null {
  const t = raw.trim();
  if (t.length === 0 || t.length > MAX_CREDIT_LINE_CHARS) return null;
  const pieces = t.split(/[ \u3000\t]+/).filter((p) => p.length > 0);
  const names: string[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i] ?? '';
    const q = pieces[i + 1];
    if (p.length === 1 && q !== undefined && q.length === 1) {
      names.push(p + q);
      i++;
    } else names.push(p);
  }
  if (names.length === 0 || names.length > 6) return null;
  return names.every(isPersonalName) ? names : null;
}

/**
 * A place or workplace written before a reader's name: `贵州省贵阳市`, `湖北省武汉市`,
 * `首发集团八达岭分公司京新收费所`.
 */
const PLACE_PREFIX_RE =
  /^[\u4e00-\u9fff]{2,20}(?:省|市|县|区|州|旗|盟|所|局|公司|集团|中心|学校|小学|中学|大学|医院|街道|社区|村|厂|站)$/;

/**
 * A line that is nothing but names (one to six), optionally after a place (`贵州省贵阳市  程铭袁`): how
 * a commentary, a column or a reader's letter is signed.
 */
export function isBareNameLine(raw: string): boolean {
  const t = raw.trim();
  if (t.length === 0 || t.length > MAX_CREDIT_LINE_CHARS || /[，。！？；：,.!?;:、（）()“”"]/.test(t))
    return false;
  if (namesOnLine(t) !== null) return true;
  const m = /^(\S+)[ \u3000]{1,}(.+)$/.exec(t);
  if (!m || m[1] === undefined || m[2] === undefined) return false;
  return PLACE_PREFIX_RE.test(m[1]) && namesOnLine(m[2]) !== null;
}
