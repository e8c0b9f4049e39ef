/**
 * A deterministic corpus generator for benchmarks and scale tests.
 *
 * The real development corpus is small and not ours to ship, and the importer, the index and the
 * list have to be tried on 100k articles. So this writes any number of articles in the genre Press
 * Archive is made for: English machine translations of Chinese press articles with their usual
 * artifacts (`my country`, `high -quality`, `degree degree`, `80 %`, `field.As`, `- END -` and
 * teaser junk, WeChat furniture, CRLF), and some Chinese originals in GBK or UTF-8, with exact and
 * near duplicates among them. Every phrase comes from the banks below, written for this project.
 *
 * The same seed and count always give the same bytes: a seeded PRNG (sfc32) drives every choice,
 * each article has its own stream derived from (seed, index), and nothing reads the clock for
 * content. Run it as `npx tsx bench/generate.ts --count 1000 --seed 1 --out /tmp/corpus`.
 */
import { realpathSync } from 'node:fs'
import { mkdir, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import iconv from 'iconv-lite'

/** What to generate; the shares default to a mix like the archives users bring. */
export interface CorpusOptions {
  /** Any finite number; the same seed and count give byte-identical output. */
  seed: number
  /** How many files to write. */
  count: number
  /** Target folder, created if missing; files go into `dir/000/`, `dir/001/` … */
  dir: string
  /** Share of Chinese originals, default 0.1. */
  chineseShare?: number
  /** Share of the Chinese originals saved as GBK, default 0.5 (the rest UTF-8). */
  gbkShare?: number
  /** Share of files that are byte copies of an earlier file, default 0.02. */
  exactDuplicateShare?: number
  /** Share of files that are an earlier article with one sentence changed, default 0.02. */
  nearDuplicateShare?: number
}

/** What was written, so a benchmark can report it and a test can check the shares. */
export interface CorpusStats {
  files: number
  bytes: number
  exactDuplicates: number
  nearDuplicates: number
  /** Chinese originals (UTF-8 and GBK), duplicates included. */
  chinese: number
  gbk: number
  /** Wall time of the whole run, for the benchmark report only (never part of the content). */
  ms: number
}

/** How an article's bytes are encoded: English MT (UTF-8) or a Chinese original. */
export type ArticleKind = 'en' | 'zh-utf8' | 'zh-gbk'

/** One generated file: its name inside the shard folder, its bytes and what it is. */
export interface GeneratedArticle {
  name: string
  bytes: Uint8Array
  kind: ArticleKind
}

/** A source of uniform numbers in [0, 1); every choice in here is drawn from one. */
export type Rng = () => number

/** Every file is at least this long, so tests and benchmarks can rely on the spread. */
export const MIN_BYTES = 600
/** And at most this long. */
export const MAX_BYTES = 40_000
/** Files per shard folder, so no folder holds 100k entries. */
export const FILES_PER_SHARD = 1000

const DEFAULTS = {
  chineseShare: 0.1,
  gbkShare: 0.5,
  exactDuplicateShare: 0.02,
  nearDuplicateShare: 0.02,
}

/** Files generated before their writes are started together (and awaited a chunk later). */
const WRITE_CHUNK = 64

// ---------------------------------------------------------------------------------------------
// PRNG

function mix32(value: number): number {
  let x = value >>> 0
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d)
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b)
  return (x ^ (x >>> 16)) >>> 0
}

/**
 * A small seeded PRNG (sfc32, seeded through a 32-bit mixer) so output never depends on
 * Math.random; exported so tests can drive {@link generateArticle} themselves.
 */
export function createRng(seed: number): Rng {
  const lo = seed >>> 0
  const hi = Math.floor(seed / 0x100000000) >>> 0
  let a = mix32(lo ^ 0x9e3779b9)
  let b = mix32((hi + 0x632be5ab) ^ a)
  let c = mix32(a + 0x85ebca6b)
  let d = 1
  const next = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) next()
  return next
}

const CONTENT_SALT = 0x3c6ef372
const ROLE_SALT = 0xa54ff53a

/** One independent stream per (seed, index, purpose), so any article can be remade alone. */
function streamSeed(seed: number, index: number, salt: number): number {
  const hi = Math.floor(seed / 0x100000000) >>> 0
  return mix32(mix32((seed >>> 0) ^ mix32(hi ^ salt)) + Math.imul(index + 1, 0x9e3779b9))
}

function int(rng: Rng, lo: number, hi: number): number {
  return lo + Math.floor(rng() * (hi - lo + 1))
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)]
  if (item === undefined) throw new Error('pick from an empty bank')
  return item
}

/** Skewed towards the start of the list, so facets have big and small values. */
function pickSkewed<T>(rng: Rng, items: readonly T[]): T {
  const r = rng()
  return pick(() => r * r, items)
}

// ---------------------------------------------------------------------------------------------
// Banks: places, outlets, people (each an English/Chinese pair)

type Pair = readonly [en: string, zh: string]

const CITIES: readonly Pair[] = [
  ['Hangzhou', '杭州'],
  ["Xi'an", '西安'],
  ['Jinan', '济南'],
  ['Hefei', '合肥'],
  ['Nanjing', '南京'],
  ['Chengdu', '成都'],
  ['Wuhan', '武汉'],
  ['Changsha', '长沙'],
  ['Zhengzhou', '郑州'],
  ['Shenyang', '沈阳'],
  ['Harbin', '哈尔滨'],
  ['Kunming', '昆明'],
  ['Fuzhou', '福州'],
  ['Xiamen', '厦门'],
  ['Qingdao', '青岛'],
  ['Suzhou', '苏州'],
  ['Ningbo', '宁波'],
  ['Nanning', '南宁'],
  ['Guiyang', '贵阳'],
  ['Lanzhou', '兰州'],
  ['Taiyuan', '太原'],
  ['Shijiazhuang', '石家庄'],
  ['Nanchang', '南昌'],
  ['Haikou', '海口'],
  ['Dalian', '大连'],
  ['Wuxi', '无锡'],
  ['Foshan', '佛山'],
  ['Dongguan', '东莞'],
  ['Maanshan', '马鞍山'],
  ['Riverside City', '滨江'],
  ['Jiangcheng', '江城'],
]

const PROVINCES: readonly Pair[] = [
  ['Guangdong', '广东'],
  ['Zhejiang', '浙江'],
  ['Jiangsu', '江苏'],
  ['Shandong', '山东'],
  ['Henan', '河南'],
  ['Sichuan', '四川'],
  ['Hubei', '湖北'],
  ['Hunan', '湖南'],
  ['Anhui', '安徽'],
  ['Fujian', '福建'],
  ['Hebei', '河北'],
  ['Shaanxi', '陕西'],
  ['Yunnan', '云南'],
  ['Guangxi', '广西'],
  ['Hainan', '海南'],
]

const COUNTIES: readonly Pair[] = [
  ['Green Valley County', '青谷县'],
  ['Qingshan County', '青山县'],
  ['Baisha County', '白沙县'],
  ['Dongping County', '东平县'],
  ['Shuangxi County', '双溪县'],
  ['Yongle County', '永乐县'],
  ['Lianhua County', '莲花县'],
  ['Taiping County', '太平县'],
]

const VILLAGES: readonly Pair[] = [
  ['Xiahe Village', '下河村'],
  ['Shangling Village', '上岭村'],
  ['Taoyuan Village', '桃源村'],
  ['Liujia Village', '刘家村'],
  ['Xingfu Village', '幸福村'],
  ['Dashu Village', '大树村'],
  ['Shiqiao Village', '石桥村'],
]

/** About forty outlets; skewed picks make a few of them common, as in real archives. */
const SOURCES: readonly Pair[] = [
  ['China News Network', '中国新闻网'],
  ['Xinhua News Agency', '新华社'],
  ["People's Daily", '人民日报'],
  ['CCTV News', '央视新闻'],
  ['The Paper', '澎湃新闻'],
  ['Guangming Daily', '光明日报'],
  ['Economic Daily', '经济日报'],
  ['China Youth Daily', '中国青年报'],
  ['Global Times', '环球时报'],
  ['China Daily', '中国日报'],
  ['Legal Daily', '法治日报'],
  ['Science and Technology Daily', '科技日报'],
  ['China Education Daily', '中国教育报'],
  ["Workers' Daily", '工人日报'],
  ["Farmers' Daily", '农民日报'],
  ['Health News', '健康报'],
  ['China Securities Journal', '中国证券报'],
  ['Securities Times', '证券时报'],
  ['21st Century Business Herald', '21世纪经济报道'],
  ['Jiemian News', '界面新闻'],
  ['Red Star News', '红星新闻'],
  ['Beijing Youth Daily', '北京青年报'],
  ['Beijing Daily', '北京日报'],
  ['Jiefang Daily', '解放日报'],
  ['Wenhui Daily', '文汇报'],
  ['Xinmin Evening News', '新民晚报'],
  ['Southern Metropolis Daily', '南方都市报'],
  ['Yangcheng Evening News', '羊城晚报'],
  ['Nanfang Daily', '南方日报'],
  ['Qilu Evening News', '齐鲁晚报'],
  ['Dahe Daily', '大河报'],
  ['Chutian Metropolis Daily', '楚天都市报'],
  ['Sichuan Daily', '四川日报'],
  ['Hangzhou Net', '杭州网'],
  ['Zhejiang Daily', '浙江日报'],
  ["Xi'an Daily", '西安日报'],
  ['Anhui Daily', '安徽日报'],
  ['Green Valley Daily', '青谷日报'],
  ['Riverside Evening News', '滨江晚报'],
  ['Jiangcheng Daily', '江城日报'],
]

const SURNAMES: readonly Pair[] = [
  ['Zhang', '张'],
  ['Wang', '王'],
  ['Li', '李'],
  ['Liu', '刘'],
  ['Chen', '陈'],
  ['Yang', '杨'],
  ['Huang', '黄'],
  ['Zhao', '赵'],
  ['Wu', '吴'],
  ['Zhou', '周'],
  ['Xu', '徐'],
  ['Sun', '孙'],
  ['Ma', '马'],
  ['Zhu', '朱'],
  ['Hu', '胡'],
  ['Guo', '郭'],
  ['He', '何'],
  ['Lin', '林'],
  ['Luo', '罗'],
  ['Gao', '高'],
]

const GIVEN_NAMES: readonly Pair[] = [
  ['Wei', '伟'],
  ['Xiaoyu', '晓雨'],
  ['Jianguo', '建国'],
  ['Lihua', '丽华'],
  ['Min', '敏'],
  ['Jing', '静'],
  ['Haitao', '海涛'],
  ['Yan', '燕'],
  ['Zhiqiang', '志强'],
  ['Qian', '倩'],
]

/** Two hundred people: bylines, officials, editors. */
const PEOPLE: readonly Pair[] = SURNAMES.flatMap(([se, sz]) =>
  GIVEN_NAMES.map(([ge, gz]): Pair => [`${se} ${ge}`, sz + gz]),
)

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

// ---------------------------------------------------------------------------------------------
// Banks: sentence templates. `{slot}` is filled per use; see `fillSlot` for the slots.

/** A template split at its slots: literal, slot name, literal, slot name, … literal. */
type Template = readonly string[]

const SLOTS = new Set([
  'place',
  'place2',
  'province',
  'county',
  'village',
  'org',
  'Org',
  'role',
  'person',
  'resident',
  'country',
  'Country',
  'n1',
  'n2',
  'n3',
  'n4',
  'dec',
  'pct',
  'pctd',
  'yuan',
  'money',
  'year',
  'lastYear',
  'nextYear',
  'nth',
  'month',
  'drop',
])

function compile(text: string): Template {
  const parts = text.split(/\{(\w+)\}/)
  for (let i = 1; i < parts.length; i += 2) {
    const name = parts[i]
    if (name === undefined || !SLOTS.has(name)) throw new Error(`unknown slot {${name}} in ${text}`)
  }
  return parts
}

/** Sentence templates cut at their first clause break, to be recombined. */
interface Halves {
  left: readonly Template[]
  right: readonly Template[]
}

interface Bank {
  orgs: readonly string[]
  dept: string
  titles: readonly Template[]
  sentences: readonly Template[]
  halves: Halves
}

interface Topic {
  key: string
  en: Bank
  zh: Bank
}

/**
 * Splits templates at their first clause break (`, and ` or `，`) so halves of different
 * sentences can be joined: MT press is full of such run-on compounds, and it multiplies the
 * variety of a small bank. Quoted speech is left whole.
 */
function halvesOf(templates: readonly Template[], zh: boolean): Halves {
  const sep = zh ? '，' : ', and '
  const left: Template[] = []
  const right: Template[] = []
  for (const t of templates) {
    if (t.some((part, i) => i % 2 === 0 && /["“”]/.test(part))) continue
    for (let i = 0; i < t.length; i += 2) {
      const literal = t[i] ?? ''
      const at = literal.indexOf(sep)
      if (at < 0) continue
      left.push([...t.slice(0, i), literal.slice(0, at)])
      right.push([literal.slice(at + sep.length), ...t.slice(i + 1)])
      break
    }
  }
  return { left, right }
}

function bank(orgs: string[], dept: string, titles: string[], sentences: string[]): Bank {
  const compiled = sentences.map(compile)
  const zh = /[\u4e00-\u9fff]/.test(sentences.join(''))
  return {
    orgs,
    dept,
    titles: titles.map(compile),
    sentences: compiled,
    halves: halvesOf(compiled, zh),
  }
}

const TOPICS: readonly Topic[] = [
  {
    key: 'education',
    en: bank(
      [
        'the Ministry of Education',
        'the Provincial Department of Education',
        'the Municipal Education Bureau',
      ],
      'Education Bureau',
      [
        'Ministry of Education: {country} and {n2} countries and regions signed the mutual recognition agreement of academic degrees',
        '{place} will add {n3} public kindergartens this year, and {n4} new degrees will be provided',
        'The spring semester of primary and secondary schools in {place} will start in a staggered manner',
        '{place}: after-school services cover all compulsory education schools, and the burden on parents is reduced',
        '{place} launches "smart campus" pilot, and {n2} schools are in the first batch',
        'Rural teachers in {county} enjoy a living subsidy of {n3} yuan per month',
      ],
      [
        '{Org} held a press conference on the {nth} to introduce the progress of education reform since {lastYear}.',
        'According to {person}, {role}, in the past five years, {place} has built and renovated {n3} kindergartens and added {n4} degrees.',
        'More than {pct} of all kinds of graduates chose to return to their hometowns for development after completing their studies.',
        '{Country} has generally carried out educational cooperation and exchanges with {n3} countries, and the "circle of friends" of education is even greater.',
        'The school will implement a high-quality after-school service system, and students can voluntarily participate in the extended services.',
        'In the {lastYear}-{year} school year, the number of students in the city increased by {n4}, an increase of {dec} percentage points over the previous year.',
        'Support the construction of the international education demonstration zone in the Guangdong-Hong Kong-Macao Greater Bay Area, and deepen the cooperation of colleges and universities in the Beijing-Tianjin-Hebei region.',
        'The relevant person in charge of {org} said that the "double reduction" work will be regarded as a long-term task, and the decision-making and deployment of the higher authorities will be resolutely implemented.',
        'Parents have reported that the fees charged by some private kindergartens are too high, and the education department has intervened in the investigation.',
        'At present, the staggered start of school has been fully deployed, and each school will arrange the arrival time of students by grade.',
        'Teachers in rural schools will enjoy a living subsidy of {n3} yuan per month, and the problem of "can not keep teachers" has been effectively alleviated.',
        'In the next step, the education department will further expand the supply of high-quality educational resources and promote the balanced development of compulsory education in urban and rural areas.',
        'The number of students in vocational colleges in the province reached {n4}, and the employment rate of graduates remained above {pct}.',
        'A total of {n2} Luban workshops have been built overseas, and the pilot construction of cross-border vocational education cooperation has been launched.',
        '"After school, the child can finish the homework at school, and we are no longer in a hurry to pick him up after work." {resident} said.',
      ],
    ),
    zh: bank(
      ['教育部', '省教育厅', '市教育局'],
      '教育局',
      [
        '{place}今年将新增公办幼儿园{n3}所 新增学位{n4}个',
        '{place}中小学春季学期将错峰开学',
        '{place}课后服务实现义务教育学校全覆盖',
        '{place}启动“智慧校园”试点 首批{n2}所学校入选',
      ],
      [
        '记者从{org}获悉，今年{place}将新建、改扩建幼儿园{n3}所，新增学位{n4}个。',
        '据介绍，{place}各中小学将按年级错峰开学，学生分批返校。',
        '课后服务实行家长自愿原则，学校不得以任何形式强制学生参加。',
        '{org}有关负责人表示，将把“双减”工作作为一项长期任务，持续巩固成果。',
        '近年来，我国职业教育快速发展，毕业生就业率保持在{pct}以上。',
        '乡村教师每月可享受{n3}元生活补助，“留不住老师”的问题得到有效缓解。',
        '下一步，教育部门将进一步扩大优质教育资源供给，推进城乡义务教育均衡发展。',
        '“孩子放学后能在学校完成作业，我们下班再接也不着急了。”{resident}说。',
      ],
    ),
  },
  {
    key: 'transport',
    en: bank(
      [
        'the Ministry of Transport',
        'the Provincial Department of Transportation',
        'the Municipal Transportation Bureau',
        'the railway department',
      ],
      'Transportation Bureau',
      [
        '{county} completed the upgrade of rural roads ahead of schedule, and more than {n3} administrative villages benefited',
        'The {place} Metro Line {n1} will be opened at the end of the year, and the journey time will be shortened by half',
        'The high-speed railway from {place} to {place2} entered the joint debugging stage',
        '{place} adjusts {n2} bus routes from next Monday, citizens please pay attention',
        'During the holiday, {n4} passengers were sent by railway in {place}, a year-on-year increase of {pct}',
      ],
      [
        'Recently, the reporter learned from {org} that the "Four Good Rural Roads" upgrade project in the county has been completed ahead of schedule.',
        'A total of {n3} kilometers of rural roads have been rebuilt and widened, and more than {n3} administrative villages have realized hardened roads to the door.',
        'The total length of the line is {dec} kilometers, with {n2} stations, all of which are underground stations.',
        'After the opening of the high-speed railway, the travel time between the two places will be shortened from more than four hours to {n2} minutes.',
        '"In the past, it took more than an hour to transport vegetables to the town, and now it only takes 20 minutes." A vegetable grower in {village} said.',
        'The county will establish a long-term maintenance mechanism and implement the "road chief system" at the county, township and village levels.',
        'During the Spring Festival travel rush, the railway department added {n2} pairs of trains, and the number of passengers sent exceeded {n4}.',
        'The project is an important part of the construction of the comprehensive three-dimensional transportation network in the Yangtze River Delta region.',
        'The traffic police department reminds that during the construction period, some sections will implement traffic control, and drivers are requested to detour in advance.',
        '{Country} has built the largest high-speed railway network in the world, with an operating mileage of more than {n2},000 kilometers.',
        'The newly opened cross-river tunnel connects the old city with the new district, and the one-way driving time is only {n2} minutes.',
        'The total investment of the project is about {yuan}, and it is expected to be completed and opened to traffic by the end of {nextYear}.',
        'In order to facilitate the travel of citizens, {n2} bus routes will extend their operating hours to 11 pm.',
      ],
    ),
    zh: bank(
      ['交通运输部', '省交通运输厅', '市交通运输局'],
      '交通运输局',
      [
        '{county}农村公路提档升级提前完工 {n3}多个行政村受益',
        '{place}地铁{n1}号线年底开通 出行时间缩短一半',
        '{place}下周一起调整{n2}条公交线路',
      ],
      [
        '记者从{org}了解到，全县“四好农村路”提档升级工程已提前完工。',
        '此次共改造拓宽农村公路{n3}公里，{n3}多个行政村实现硬化路通到家门口。',
        '该线路全长{dec}公里，共设车站{n2}座，均为地下站。',
        '春运期间，铁路部门加开列车{n2}对，累计发送旅客{n4}人次。',
        '施工期间部分路段将实施交通管制，请驾驶人提前绕行。',
        '项目总投资约{yuan}，预计{nextYear}年底建成通车。',
        '“以前去镇上要一个多小时，现在二十分钟就到了。”{village}的一位村民说。',
      ],
    ),
  },
  {
    key: 'epidemic',
    en: bank(
      [
        'the National Health Commission',
        'the Municipal Health Commission',
        'the epidemic prevention and control headquarters',
        'the district prevention and control office',
      ],
      'Health Commission',
      [
        'Latest reminder from {place}: it is recommended to do a nucleic acid test every {n1} days',
        '{place} added {n2} new local confirmed cases of new crown pneumonia, all found in the control area',
        'The new crown vaccination rate of medical staff in {place} has exceeded {pct}',
        'Notice on doing a good job in nucleic acid testing in some areas of {place}',
        'A netizen in {place} was punished for spreading rumors about the epidemic',
      ],
      [
        'According to {org}, from 0:00 to 24:00 on the {nth}, {n2} new local confirmed cases of new crown pneumonia were reported in {place}.',
        'All close contacts have been placed under centralized isolation and medical observation, and the relevant places have been terminally disinfected.',
        'Citizens are requested to hold a negative nucleic acid test certificate within {n2} hours when entering public places.',
        'The vaccination rate of the elderly over 60 years old has reached {pct}, and the immune barrier has been further consolidated.',
        'At present, the nucleic acid sampling points in the city have reached {n3}, and some sampling points provide 24-hour service.',
        'Please do not believe rumors or spread rumors, and obtain epidemic information through official channels.',
        'The public security organ imposed an administrative detention of {n1} days on the person who fabricated and spread false epidemic information online.',
        'The relevant person in charge of {org} reminded that the public should continue to wear masks, wash hands frequently and keep a safe distance.',
        'Since the outbreak of the new crown pneumonia epidemic, {country} has always adhered to the people-first and life-first principle.',
        'People who have returned from medium and high-risk areas should report to their communities in time and cooperate with health management.',
        'The vaccination work will be carried out in an orderly manner in accordance with the principle of "should be vaccinated as much as possible".',
        'Staff at the sampling point said that the whole process from scanning the code to sampling takes less than one minute.',
      ],
    ),
    zh: bank(
      ['国家卫生健康委', '市卫生健康委', '区疫情防控办'],
      '卫生健康委',
      [
        '{place}最新提醒：建议每{n1}天做一次核酸检测',
        '{place}医务人员新冠疫苗接种率已超过{pct}',
        '网民编造散布疫情谣言被依法处罚',
      ],
      [
        '据{org}通报，{nth}0时至24时，{place}新增本土确诊病例{n2}例。',
        '所有密切接触者均已落实集中隔离医学观察，相关场所已完成终末消毒。',
        '市民进入公共场所需持{n2}小时内核酸检测阴性证明。',
        '目前全市核酸采样点已达{n3}个，部分采样点提供24小时服务。',
        '请广大市民不信谣、不传谣，通过官方渠道获取疫情信息。',
        '60岁以上老年人疫苗接种率已达{pct}，免疫屏障进一步巩固。',
        '{org}提醒，市民要继续坚持戴口罩、勤洗手、保持社交距离。',
      ],
    ),
  },
  {
    key: 'economy',
    en: bank(
      [
        'the General Administration of Customs',
        'the National Bureau of Statistics',
        'the Ministry of Commerce',
        'the Provincial Department of Commerce',
      ],
      'Commerce Bureau',
      [
        "General Administration of Customs: in the first {n1} months, the total value of {country}'s foreign trade import and export increased by {pctd}",
        'National Bureau of Statistics: the national economy continued to recover in the first three quarters of {year}',
        "{place}'s GDP exceeded {n1} trillion yuan, and the growth rate ranked first in the province",
        'Cross-border e-commerce in {place} has grown rapidly, and the import and export volume exceeded {yuan}',
        'The Ministry of Commerce responded to the tariff increase: {country} will take necessary countermeasures',
      ],
      [
        "According to statistics from {org}, in the first {n1} months of this year, the total value of {country}'s foreign trade import and export was {dec} trillion yuan, a year-on-year increase of {pctd}.",
        'Among them, exports were {dec} trillion yuan, an increase of {pctd}; imports were {dec} trillion yuan, an increase of {pctd}.',
        'Trade with ASEAN, the European Union and the United States all maintained growth, and trade with countries along the "Belt and Road" increased by {pctd}.',
        'Private enterprises have become the main force of foreign trade, and their import and export accounted for {pct} of the total.',
        'The export of mechanical and electrical products was {dec} trillion yuan, accounting for {pct} of the total export value.',
        'Experts said that the foreign trade situation is still complicated and severe, and it is necessary to further stabilize the market and stabilize the main body.',
        'The company signed orders of {money} at the fair, and the production line has been running at full capacity.',
        "{Country}'s economy has shown strong resilience, and the long-term good fundamentals have not changed.",
        'In the first half of the year, the added value of industries above designated size increased by {pctd} year-on-year.',
        'The total retail sales of social consumer goods reached {dec} trillion yuan, and online retail sales maintained rapid growth.',
        'The relevant person in charge of {org} said that it will accelerate the construction of a new development pattern with the domestic big cycle as the main body.',
        'There is no winner in a trade war, and dialogue and consultation is the right way to solve the problem.',
        'Foreign direct investment in actual use was {money}, an increase of {pctd}, and investment in high-tech industries grew rapidly.',
      ],
    ),
    zh: bank(
      ['海关总署', '国家统计局', '商务部', '省商务厅'],
      '商务局',
      [
        '海关总署：前{n1}个月我国外贸进出口总值同比增长{pctd}',
        '国家统计局：{year}年前三季度国民经济持续恢复',
        '{place}跨境电商进出口额突破{yuan}',
      ],
      [
        '据{org}统计，今年前{n1}个月，我国货物贸易进出口总值{dec}万亿元，同比增长{pctd}。',
        '其中，出口{dec}万亿元，增长{pctd}；进口{dec}万亿元，增长{pctd}。',
        '民营企业进出口占比达到{pct}，继续保持外贸第一大经营主体地位。',
        '专家表示，当前外贸形势依然复杂严峻，稳市场、稳主体仍是重点。',
        '上半年，规模以上工业增加值同比增长{pctd}，社会消费品零售总额稳步回升。',
        '{org}有关负责人表示，将加快构建以国内大循环为主体、国内国际双循环相互促进的新发展格局。',
        '我国经济韧性强、潜力大、活力足，长期向好的基本面没有改变。',
      ],
    ),
  },
  {
    key: 'rural',
    en: bank(
      [
        'the Ministry of Agriculture and Rural Affairs',
        'the county agricultural and rural bureau',
        'the Provincial Department of Agriculture and Rural Affairs',
      ],
      'Agriculture and Rural Affairs Bureau',
      [
        '{county} promotes rural revitalization: the per capita income of villagers has increased by {pct}',
        'The summer grain harvest in {province} has been basically completed, and the yield per mu has increased steadily',
        'Characteristic industries help farmers increase income, and the tea of {village} is sold all over the country',
        '{place}: {n3},000 mu of high-standard farmland was completed this year',
      ],
      [
        'At present, the summer grain harvest in the province has been basically completed, and the total output is expected to exceed {n2} billion kilograms.',
        'The county has built {n3},000 mu of high-standard farmland, and the level of mechanization of the main crops has reached {pct}.',
        'In recent years, {village} has developed the characteristic tea industry, and the per capita income of villagers has increased to {n2},000 yuan.',
        'Through the "company + cooperative + farmer" model, more than {n3} households have been driven to increase their income.',
        'Live-streaming e-commerce has become a "new farm tool", and agricultural products have gone out of the mountains through the Internet.',
        'The relevant person in charge of {org} said that the "rice bag" and "vegetable basket" will be firmly held in their own hands.',
        '"The harvest is good this year, and the price is also good." {resident} said while loading the newly harvested wheat.',
        'The income of the village collective economy exceeded {n3},000 yuan, and the appearance of the village has undergone earth-shaking changes.',
        'In the next step, the county will consolidate and expand the achievements of poverty alleviation and effectively connect them with rural revitalization.',
        'Agricultural technicians went deep into the fields to guide farmers on field management and pest control.',
        'The seed industry is the "chip" of agriculture, and the province will accelerate the cultivation of high-quality new varieties.',
      ],
    ),
    zh: bank(
      ['农业农村部', '县农业农村局', '省农业农村厅'],
      '农业农村局',
      [
        '{county}推进乡村振兴 村民人均收入增长{pct}',
        '{place}今年建成高标准农田{n3}万亩',
        '特色产业助农增收 {village}茶叶销往全国',
      ],
      [
        '目前全省夏粮收获已基本结束，总产量预计超过{n2}亿公斤。',
        '近年来，{village}大力发展特色茶产业，村民人均年收入增至{n2}万元。',
        '通过“公司+合作社+农户”模式，带动{n3}多户农户增收。',
        '直播带货成了“新农具”，农产品通过网络走出大山。',
        '“今年收成好，价格也不错。”{resident}一边装车一边说。',
        '农技人员深入田间地头，指导农户开展田间管理和病虫害防治。',
        '下一步，该县将巩固拓展脱贫攻坚成果，同乡村振兴有效衔接。',
      ],
    ),
  },
  {
    key: 'environment',
    en: bank(
      [
        'the Ministry of Ecology and Environment',
        'the Municipal Ecological Environment Bureau',
        'the river chief office',
      ],
      'Ecological Environment Bureau',
      [
        'The number of days with good air quality in {place} reached {n3}, a record high',
        '{place}: the river chief system has been fully implemented, and the water quality has been continuously improved',
        'The first batch of {n2} "pocket parks" along the river in {place} opened to the public',
        'Garbage classification in {place}: the coverage rate of residential areas has reached {pct}',
      ],
      [
        'In the first half of the year, the proportion of days with good air quality in the city was {pct}, an increase of {dec} percentage points year-on-year.',
        'The average concentration of PM2.5 dropped to {n2} micrograms per cubic meter, the best level since monitoring records began.',
        'The city has fully implemented the river chief system, and {n3} river chiefs at all levels patrol the river regularly.',
        'The parks make use of idle land along the river, with a total area of about {n2},000 square meters.',
        'Native plants are used as the main greening species, and the sponge city concept is applied to the paving and drainage design.',
        'The garbage classification work has entered the normalized stage, and the awareness of classification among residents has been significantly improved.',
        '{Country} will strive to peak carbon dioxide emissions before 2030 and achieve carbon neutrality before 2060.',
        'Law enforcement officers found that a company discharged wastewater without a permit and imposed a fine of {n3},000 yuan on it.',
        '"Now I can walk to the park in five minutes after dinner, and the children also have a place to play." {resident} said.',
        'In the next step, the city will continue to fight the battle of blue sky, clear water and pure land, and promote green and low-carbon development.',
        'The ecological restoration project of the wetland has been completed, and more than {n2} species of birds have been observed here.',
      ],
    ),
    zh: bank(
      ['生态环境部', '市生态环境局', '市河长办'],
      '生态环境局',
      [
        '{place}空气质量优良天数达{n3}天 创历史新高',
        '{place}首批{n2}个沿河“口袋公园”向市民开放',
        '{place}垃圾分类居民小区覆盖率达{pct}',
      ],
      [
        '上半年，全市空气质量优良天数比例为{pct}，同比上升{dec}个百分点。',
        '全市全面推行河长制，{n3}名各级河长定期巡河。',
        '公园利用沿河闲置地块建设，总面积约{n2}万平方米，配有健身步道和儿童游乐区。',
        '执法人员发现，某企业未取得排污许可证擅自排放废水，依法对其处以罚款{n3}万元。',
        '“现在吃完晚饭走五分钟就能到公园，孩子们也有了玩的地方。”{resident}说。',
        '下一步，全市将持续打好蓝天、碧水、净土保卫战，推动绿色低碳发展。',
      ],
    ),
  },
  {
    key: 'technology',
    en: bank(
      [
        'the Ministry of Industry and Information Technology',
        'the Municipal Science and Technology Bureau',
        'the Chinese Academy of Sciences',
      ],
      'Science and Technology Bureau',
      [
        "{country}'s new energy vehicle production and sales have ranked first in the world for {n1} consecutive years",
        '{place} has built {n4} 5G base stations, achieving full coverage of urban areas',
        'A research team in {place} made a breakthrough in key core technologies of chips',
        'The number of high-tech enterprises in {place} exceeded {n4}',
      ],
      [
        'The production and sales of new energy vehicles reached {n3},000 units, a year-on-year increase of {pct}.',
        'The city has built {n4} 5G base stations, and the number of 5G users has exceeded {n2} million.',
        'The research team has made substantial breakthroughs in basic materials, key components and core software.',
        'In recent years, {country} has successively issued more than {n2} supporting policies to promote the high-quality development of the industry.',
        'The research and development investment of the whole society accounted for {pctd} of GDP, and the innovation ability has been significantly improved.',
        'The development of the industry is still in a critical period of climbing, and there are still many problems to be solved in terms of technology and quality.',
        'Enterprises should continuously improve the level of intelligent manufacturing and accelerate digital transformation.',
        'The relevant person in charge of {org} said that it will support leading enterprises to take the lead in building innovation consortia.',
        'The charging infrastructure has been further improved, and there are {n4} public charging piles in the city.',
        'The artificial intelligence industrial park has attracted {n2} enterprises, and the annual output value is expected to exceed {yuan}.',
        'Cross-domain and cross-industry cooperation has become the norm, and the integration of industry, university and research has been deepened.',
      ],
    ),
    zh: bank(
      ['工业和信息化部', '市科技局', '中国科学院'],
      '科技局',
      [
        '我国新能源汽车产销量连续{n1}年位居全球第一',
        '{place}已建成5G基站{n4}个 实现城区全覆盖',
        '{place}高新技术企业数量突破{n4}家',
      ],
      [
        '今年以来，新能源汽车产销分别完成{n3}万辆，同比增长{pct}。',
        '全市已建成5G基站{n4}个，5G用户数突破{n2}万户。',
        '研究团队在基础材料、关键零部件和核心软件等方面取得实质性突破。',
        '全社会研发投入占GDP比重达到{pctd}，创新能力显著提升。',
        '{org}有关负责人表示，将支持龙头企业牵头组建创新联合体。',
        '人工智能产业园已吸引{n2}家企业入驻，预计年产值超过{yuan}。',
      ],
    ),
  },
  {
    key: 'health',
    en: bank(
      [
        'the National Healthcare Security Administration',
        'the Municipal Health Commission',
        "the provincial people's hospital",
      ],
      'Medical Security Bureau',
      [
        'Good news! {n2} kinds of drugs have been included in the medical insurance catalog, and the price has dropped by {pct} on average',
        '{place}: cross-provincial direct settlement of medical treatment covers all designated hospitals',
        'The first batch of {n2} "Internet hospitals" in {place} went online',
      ],
      [
        'After negotiation, the average price of the newly added drugs dropped by {pct}, which will reduce the burden on patients by more than {yuan}.',
        'Patients can settle medical expenses directly in designated hospitals in other provinces, and there is no need to advance money and run errands.',
        'The hospital has opened a "green channel" for the elderly, providing one-stop services such as registration, payment and medicine collection.',
        'At present, the number of beds per thousand people in the city has reached {dec}, and the medical service capacity has been continuously improved.',
        'Experts remind that autumn and winter are the high incidence period of respiratory diseases, and the public should pay attention to personal protection.',
        'The family doctor contract service covers {pct} of the permanent population, and key groups have been fully covered.',
        'The relevant person in charge of {org} said that it will resolutely crack down on fraud and insurance fraud and protect the "life-saving money" of the masses.',
        'The medical staff worked overtime to complete the operation, and the patient has been out of danger.',
        '{resident} said: "In the past, I had to go to the provincial capital to see a doctor, but now I can see experts at my doorstep."',
        'The reform of the medical consortium has been deepened, and high-quality medical resources have sunk to the grassroots level.',
      ],
    ),
    zh: bank(
      ['国家医保局', '市卫生健康委', '省人民医院'],
      '医疗保障局',
      [
        '好消息！{n2}种药品纳入医保目录 平均降价{pct}',
        '{place}跨省异地就医直接结算覆盖所有定点医院',
      ],
      [
        '经过谈判，新增药品平均降价{pct}，预计每年为患者减负{yuan}。',
        '患者在外省定点医院就医可直接结算，无需垫资和来回跑腿。',
        '医院为老年人开设“绿色通道”，提供挂号、缴费、取药一站式服务。',
        '家庭医生签约服务覆盖常住人口的{pct}，重点人群实现应签尽签。',
        '专家提醒，秋冬季是呼吸道疾病高发期，市民要注意做好个人防护。',
        '“以前看病要跑到省城，现在家门口就能看专家。”{resident}说。',
      ],
    ),
  },
  {
    key: 'culture',
    en: bank(
      [
        'the Ministry of Culture and Tourism',
        'the Municipal Culture, Radio, Television and Tourism Bureau',
        'the city library',
      ],
      'Culture and Tourism Bureau',
      [
        'During the National Day holiday, {place} received {n2} million tourists, and tourism revenue increased by {pct}',
        'The city library launched "night reading" services, and the opening hours were extended to 9 pm',
        'The intangible cultural heritage exhibition of {place} opened, and more than {n2} projects were displayed',
        'The "Village Super League" is on fire! {county} received {n4} tourists in one day',
      ],
      [
        'During the holiday, the city received a total of {n2} million tourists, and the tourism revenue was {yuan}, a year-on-year increase of {pct}.',
        'Popular scenic spots implement the reservation system, and the number of tourists is limited to {pct} of the maximum carrying capacity.',
        'Night tours, camping and study tours have become new hot spots in consumption, and the "night economy" is booming.',
        'The exhibition displays more than {n3} pieces of cultural relics, many of which are exhibited to the public for the first time.',
        'During the "night reading" service, book borrowing, self-study seats and electronic reading areas are all open normally.',
        'Inheritors of intangible cultural heritage demonstrated traditional skills such as paper-cutting, embroidery and clay sculpture on site.',
        'The relevant person in charge of {org} said that it will further promote the deep integration of culture and tourism.',
        '"The atmosphere is very good, and I will bring my family next time." A tourist from {place2} said.',
        'Hotels and homestays around the scenic area were full, and the occupancy rate of some homestays exceeded {pct}.',
        'After renovation, the ancient town has been listed as a national 4A-level tourist scenic spot.',
      ],
    ),
    zh: bank(
      ['文化和旅游部', '市文化广电旅游局', '市图书馆'],
      '文化广电旅游局',
      [
        '国庆假期{place}接待游客{n2}万人次 旅游收入增长{pct}',
        '市图书馆推出“夜读”服务 周末开放时间延长至晚上九点',
        '{place}非遗展开幕 {n2}个项目集中亮相',
      ],
      [
        '假期期间，全市共接待游客{n3}万人次，实现旅游收入{yuan}，同比增长{pct}。',
        '热门景区实行预约制度，游客数量控制在最大承载量的{pct}以内。',
        '夜游、露营、研学成为消费新热点，“夜经济”持续升温。',
        '展览共展出文物{n3}件，其中多件为首次向公众展出。',
        '非遗传承人现场展示剪纸、刺绣、泥塑等传统技艺，吸引不少市民驻足观看。',
        '“氛围特别好，下次还要带家人来。”一位来自{place2}的游客说。',
      ],
    ),
  },
  {
    key: 'housing',
    en: bank(
      [
        'the Ministry of Housing and Urban-Rural Development',
        'the Municipal Bureau of Housing and Urban-Rural Development',
        'the street office',
      ],
      'Housing and Urban-Rural Development Bureau',
      [
        '{place} will renovate {n3} old residential communities this year, benefiting {n4} households',
        'Installing elevators in old buildings: {n2} elevators in {place} have been put into use',
        '{place} introduces new housing provident fund policies to support the purchase of first homes',
      ],
      [
        'This year, the city plans to start the renovation of {n3} old residential communities, involving {n4} households.',
        'The renovation covers pipe network replacement, installation of elevators, parking spaces and charging piles.',
        'According to {org}, the principle of "one community, one policy" will be adhered to, and the opinions of residents will be fully listened to.',
        '"We live on the sixth floor, and going up and down the stairs used to be the biggest problem." {resident}, who lives in the community, said.',
        'The maximum loan amount of the housing provident fund for families buying their first home has been raised to {n3},000 yuan.',
        'The real estate market remained generally stable, and the prices of new commercial housing fell by {pctd} month-on-month.',
        'The city will give priority to old residential areas with insufficient green space when building new parks.',
        'Community workers went door to door to solicit opinions, and more than {pct} of the residents agreed to the renovation plan.',
        'Rental housing for new citizens and young people has been put on the market, and the rent is lower than the market price.',
        'In the next step, {org} will strengthen the supervision of construction quality and ensure that the project is completed on schedule.',
      ],
    ),
    zh: bank(
      ['住房和城乡建设部', '市住房和城乡建设局', '街道办事处'],
      '住房和城乡建设局',
      ['{place}今年将改造老旧小区{n3}个 惠及居民{n4}户', '{place}老旧小区加装电梯{n2}部已投入使用'],
      [
        '今年全市计划改造老旧小区{n3}个，涉及居民{n4}户。',
        '改造内容包括管网更新、加装电梯、增设停车位和充电桩等。',
        '据{org}介绍，改造坚持“一区一策”，充分听取居民意见。',
        '“我们住六楼，以前上下楼是最大的难题。”家住该小区的{resident}说。',
        '社区工作人员逐户上门征求意见，{pct}以上的居民同意改造方案。',
      ],
    ),
  },
  {
    key: 'employment',
    en: bank(
      [
        'the Ministry of Human Resources and Social Security',
        'the Municipal Human Resources and Social Security Bureau',
        'the Civil Affairs Bureau',
      ],
      'Human Resources and Social Security Bureau',
      [
        'The basic pension of retirees will be increased by {pctd} this year',
        '{place} holds a special job fair for college graduates, providing {n4} positions',
        'Community canteens for the elderly in {place} have covered {pct} of the streets',
      ],
      [
        'The job fair attracted {n3} employers and provided more than {n4} jobs, covering manufacturing, finance, education and other industries.',
        'The number of college graduates this year is expected to reach {dec} million, a record high.',
        'The basic pension of enterprise retirees will be raised by {pctd}, and the increased part will be paid in place before the end of the month.',
        'The community canteen for the elderly provides meals at a price of {n1} yuan, and the elderly over 80 years old can enjoy a discount.',
        '"The dishes are soft and the price is affordable, I come here almost every day." {resident} said.',
        'The urban surveyed unemployment rate was {pctd}, down {dec} percentage points from the previous month.',
        'The city has issued {yuan} of employment subsidies to help small and micro enterprises stabilize their posts.',
        'The relevant person in charge of {org} said that the employment of young people will be placed in a more prominent position.',
        'Flexible employees such as delivery riders and online car-hailing drivers are included in the occupational injury protection pilot.',
        'The average salary of local teachers shall not be lower than the average salary of local civil servants.',
      ],
    ),
    zh: bank(
      ['人力资源和社会保障部', '市人力资源和社会保障局', '市民政局'],
      '人力资源和社会保障局',
      [
        '今年退休人员基本养老金上调{pctd}',
        '{place}举办高校毕业生专场招聘会 提供岗位{n4}个',
        '{place}社区老年食堂已覆盖{pct}的街道',
      ],
      [
        '招聘会吸引{n3}家用人单位参会，提供就业岗位{n4}个，涵盖制造、金融、教育等行业。',
        '今年高校毕业生预计达到{n4}万人，再创历史新高。',
        '企业退休人员基本养老金上调{pctd}，增加部分将于月底前发放到位。',
        '老年食堂每餐价格{n1}元起，80岁以上老人还可享受优惠。',
        '“饭菜软烂，价格实惠，我几乎每天都来。”{resident}说。',
        '城镇调查失业率为{pctd}，比上月下降{dec}个百分点。',
      ],
    ),
  },
  {
    key: 'security',
    en: bank(
      [
        'the Ministry of Public Security',
        'the Municipal Public Security Bureau',
        'the procuratorate',
        "the people's court",
      ],
      'Public Security Bureau',
      [
        'Police in {place} cracked a telecom fraud case involving {yuan}',
        'A man in {place} was detained for spreading rumors online',
        'The market supervision department of {place} exposed {n2} typical cases of false advertising',
        'The "summer public security crackdown" in {place}: the number of criminal cases dropped by {pct}',
      ],
      [
        'After investigation, the criminal gang used the pretext of "high-return investment" to defraud more than {n3} victims.',
        'The police arrested {n2} criminal suspects on the spot and seized a large number of mobile phones and bank cards.',
        'The public security organs remind the public not to click on unknown links and not to transfer money to strangers.',
        'The man admitted that he fabricated false information in order to attract attention and increase traffic.',
        'In accordance with the law, the public security organ gave him an administrative detention of {n1} days.',
        'The court of first instance sentenced the defendant to {n1} years in prison and fined him {n3},000 yuan.',
        'The police have opened official accounts on Weibo, WeChat and Douyin to release police information in a timely manner.',
        'The relevant person in charge of {org} said that it will maintain a high-pressure posture and resolutely crack down on illegal and criminal activities.',
        'The number of telecom network fraud cases fell by {pct} year-on-year, and {yuan} of funds were recovered for the masses.',
        'Netizens are requested to abide by the law, and not to create, believe or spread rumors.',
      ],
    ),
    zh: bank(
      ['公安部', '市公安局', '市人民检察院', '市中级人民法院'],
      '公安局',
      [
        '{place}警方破获一起涉案{yuan}的电信诈骗案',
        '男子网上造谣被行政拘留',
        '{place}夏季治安打击整治行动成效明显 刑事案件同比下降{pct}',
      ],
      [
        '经查，该犯罪团伙以“高回报投资”为幌子，骗取{n3}余名受害人钱财。',
        '民警当场抓获犯罪嫌疑人{n2}名，查获大量手机和银行卡。',
        '公安机关提醒，不要点击陌生链接，不要向陌生人转账。',
        '该男子交代，其为博取关注、增加流量而编造虚假信息。',
        '公安机关依法对其处以行政拘留{n1}日。',
        '{org}有关负责人表示，将保持高压态势，依法严厉打击各类违法犯罪活动。',
      ],
    ),
  },
  {
    key: 'weather',
    en: bank(
      [
        'the Provincial Meteorological Observatory',
        'the Municipal Emergency Management Bureau',
        'the flood control and drought relief headquarters',
      ],
      'Emergency Management Bureau',
      [
        'Cold wave brings a sharp drop in temperature, the meteorological department reminds the public to keep warm',
        '{province} launches level IV emergency response for flood control',
        'Heavy rain in {place}: {n2} roads were closed and schools were suspended for one day',
        'The high temperature continues! The highest temperature in {place} will exceed 40℃ in the next three days',
      ],
      [
        'Affected by strong cold air, most parts of the province will experience a temperature drop of {drop}℃, and some areas in the north will have sleet.',
        'The meteorological department reminds the public to add clothes in time and pay attention to traffic safety on icy roads.',
        'The flood control and drought relief headquarters launched a level IV emergency response and dispatched {n3} rescue personnel.',
        'The cumulative rainfall at {n2} stations exceeded 100 millimeters, and the maximum rainfall reached {n3} millimeters.',
        'A total of {n4} people were transferred urgently, and no casualties have been reported so far.',
        'The emergency management department has pre-positioned rescue materials and equipment in key areas.',
        'Schools in the affected areas suspended classes for one day, and students studied online at home.',
        'Experts said that the high temperature weather this year started early, lasted long and had a wide range of influence.',
        'Power companies took measures such as peak shifting to ensure the electricity consumption of residents.',
        'Citizens are requested to pay attention to the early warning information released by the meteorological department and avoid going out in thunderstorms.',
      ],
    ),
    zh: bank(
      ['省气象台', '市应急管理局', '防汛抗旱指挥部'],
      '应急管理局',
      [
        '寒潮来袭气温骤降 气象部门提醒市民注意保暖',
        '{province}启动防汛四级应急响应',
        '{place}遭遇强降雨 {n2}条道路临时封闭',
      ],
      [
        '受强冷空气影响，全省大部地区将出现{drop}℃的降温，北部部分地区有雨夹雪。',
        '气象部门提醒市民及时添衣保暖，注意道路结冰带来的交通安全隐患。',
        '防汛抗旱指挥部启动防汛四级应急响应，调派救援人员{n3}名。',
        '共有{n2}个站点累计降雨量超过100毫米，最大降雨量{n3}毫米。',
        '紧急转移群众{n4}人，目前暂无人员伤亡报告。',
        '受灾地区学校停课一天，学生居家开展线上学习。',
      ],
    ),
  },
]

/** Sentences that fit any story; about a third of a body comes from here. */
const GENERIC_EN: readonly Template[] = [
  'It is reported that {org} will hold a special meeting next month to study and deploy the follow-up work.',
  'It is understood that the relevant work will be completed before the end of {year}.',
  'The reporter learned from {org} on the {nth} that the relevant work is progressing smoothly.',
  'According to the relevant person in charge, the next step will be to further improve the long-term mechanism and consolidate the results.',
  'At present, all the work is being carried out in an orderly manner.',
  'The meeting emphasized that it is necessary to thoroughly implement the decision-making and deployment of the Party Central Committee and the State Council.',
  'Actively integrate into the new development pattern and accelerate comprehensive opening up.',
  'This is also the first time that {place} has carried out such work on a large scale.',
  'Since the 18th National Congress of the Communist Party of China, the relevant work has achieved historic results.',
  'Compared with the same period last year, the number increased by {n3}, an increase of {pct}.',
  'Many citizens said that this measure is a good thing for the people, and hope that it can be promoted as soon as possible.',
  'Netizens have left messages to praise it, and some said that "this wave of operations is worth a thumbs-up".',
  'The relevant departments will strengthen supervision and inspection, and those who do not implement it in place will be seriously held accountable.',
  'In the past ten years, a series of policy measures have been introduced, and the sense of gain of the masses has been continuously enhanced.',
  'Experts believe that this move will help stabilize expectations and boost confidence.',
  'During the 14th Five-Year Plan period, the province will invest {yuan} in related fields.',
  'The activity lasted for {n1} days and attracted more than {n4} people to participate.',
  'The notice will be implemented from the date of issuance.',
  'For details, please pay attention to the official website of {org}.',
  'The person in charge said that they will sum up the experience and promote it in the whole city.',
  '{person}, {role}, said that {country} has always attached great importance to this work.',
  '{Org} also announced {n2} typical cases, involving {n3} people in total.',
  'The reporter saw at the scene that the staff were busy, and everything was in good order.',
  'On the same day, {place} also held a mobilization meeting to deploy the work in the next stage.',
  'The relevant person in charge of {org} answered questions from reporters on the spot.',
  'In the first half of the year, the city completed an investment of {yuan}, accounting for {pct} of the annual plan.',
  'The province has set up {n2} working groups to go deep into the grassroots to carry out supervision.',
  'Since the beginning of this year, {place} has focused on solving the urgent, difficult and anxious problems of the masses.',
  'The notice requires all localities to compact the main responsibility and refine the work measures.',
  'Some netizens asked whether the policy applies to people from other places, and the staff said that it does.',
  'The hotline received {n4} calls from the public, and the satisfaction rate reached {pct}.',
  "Many deputies to the National People's Congress have put forward suggestions on this issue in recent years.",
  'Next, {place} will make persistent efforts and strive to achieve new and greater results.',
  'The two sides signed {n2} cooperation agreements at the meeting, with a total contract value of {yuan}.',
  'A questionnaire survey showed that more than {pct} of the respondents were satisfied with the results.',
  'The pilot work will be carried out in {n2} counties (cities, districts) first, and then promoted in the whole province.',
].map(compile)

const GENERIC_ZH: readonly Template[] = [
  '据了解，相关工作将于{year}年底前全部完成。',
  '{org}有关负责人表示，下一步将进一步健全长效机制，巩固工作成果。',
  '目前，各项工作正有序推进。',
  '会议强调，要深入贯彻落实党中央、国务院决策部署，确保各项任务落到实处。',
  '不少市民表示，这是一件惠民的好事，希望能尽快推广。',
  '与去年同期相比，数量增加{n3}个，增长{pct}。',
  '专家认为，此举有利于稳定预期、提振信心。',
  '活动为期{n1}天，吸引{n4}余人参与。',
  '相关部门将加强督促检查，对落实不到位的严肃问责。',
  '党的十八大以来，相关工作取得历史性成就。',
  '{person}表示，{place}将认真总结经验，在全市范围内推广。',
  '记者在现场看到，工作人员忙而不乱，各项工作井然有序。',
  '当天，{place}还召开动员部署会，对下一阶段工作作出安排。',
  '上半年，全市累计完成投资{yuan}，占年度计划的{pct}。',
  '全省成立{n2}个工作组，深入基层开展督导。',
  '今年以来，{place}聚焦群众急难愁盼问题，推出一批务实举措。',
  '通知要求，各地要压实主体责任，细化工作措施。',
  '热线共受理群众来电{n4}件，满意率达到{pct}。',
  '双方现场签约合作项目{n2}个，总金额{yuan}。',
  '问卷调查显示，超过{pct}的受访者对工作成效表示满意。',
  '试点工作将先在{n2}个县（市、区）开展，再逐步在全省推开。',
  '下一步，{place}将持续用力、久久为功，努力取得新的更大成效。',
].map(compile)

/** "First, …", "The second is …": the list of aspects official summaries love. */
const ASPECTS: readonly Template[] = [
  'the overall layout is continuously optimized, and the level of opening up has been further improved.',
  'the construction of the system has continued to speed up, and the ability to serve high-quality development is stronger.',
  'the pattern of coordinated development has been continuously improved, and the regional gap has been further narrowed.',
  'the reform of key areas has been deepened, and the vitality of development has been continuously released.',
  "the people's livelihood has been effectively guaranteed, and the sense of happiness of the masses has increased significantly.",
  'the grassroots governance capacity has been significantly improved, and the "last mile" of services has been opened up.',
  'the talent team has been continuously strengthened, and the support for innovation is more solid.',
  'the publicity and guidance have been strengthened, and a good atmosphere of participation by the whole society has been formed.',
  'the supervision and inspection have been carried out in depth, and {n2} outstanding problems have been rectified.',
  'the service guarantee is more precise, and the masses can handle affairs "at most once".',
].map(compile)

const ORDINALS = [
  ['First', 'Second', 'Third', 'Fourth', 'Fifth', 'Sixth'],
  ['First', 'The second is', 'The third is', 'The fourth is', 'The fifth is', 'The sixth is'],
]
const COUNT_WORDS = ['two', 'three', 'four', 'five', 'six']
const ASPECT_INTROS = [
  'Specific situation is summarized to {k} aspects:',
  'It is mainly reflected in the following {k} aspects:',
  'The main work is as follows:',
]

const RESIDENTS_EN = ['Ms. Zhou', 'Mr. Li', 'Aunt Zhang', 'Uncle Liu', 'Mr. Chen', 'Ms. Wang']
const RESIDENTS_ZH = ['市民周女士', '市民李先生', '张阿姨', '刘大爷', '陈先生', '王女士']

const WECHAT_TOP = [
  'Click the blue word to follow us',
  'Click the blue words above to follow us',
  'Follow us by clicking the blue word',
]
const WECHAT_BOTTOM = [
  'Long press to identify the QR code',
  'Long press to identify the QR code to follow us',
  'Scan the QR code to follow us',
]
const WECHAT_LAST = [
  'Read the original text',
  'Click "Read the original text" to learn more',
  'Share, like and watching',
]
const END_MARKS = ['- END -', '- END -', '-END-', '(End)', '- End -']

// ---------------------------------------------------------------------------------------------
// Filling templates

/** Everything one article's sentences share: its topic, place, date and MT engine's habits. */
interface Ctx {
  zh: boolean
  topic: Topic
  bank: Bank
  place: Pair
  year: number
  /** Probability that a `{country}` comes out as "my country"/"our country". */
  myCountry: number
  spacedHyphens: boolean
  /** Probability of a space before each comma/semicolon/full stop. */
  spacePunct: number
  pctSpace: boolean
  dollarSpace: boolean
  /** Probability that two sentences of a paragraph are glued (`field.As`). */
  glue: number
  /** Probability that a sentence gets one word doubled (`degree degree`). */
  doubleRate: number
  curly: boolean
  /** Templates this article has used, so it repeats itself less. */
  used: Set<Template>
}

const lang = (c: Ctx, p: Pair): string => (c.zh ? p[1] : p[0])

function withCommas(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

function ordinal(n: number): string {
  const tens = n % 100
  if (tens >= 11 && tens <= 13) return `${n}th`
  return `${n}${n % 10 === 1 ? 'st' : n % 10 === 2 ? 'nd' : n % 10 === 3 ? 'rd' : 'th'}`
}

const decimal = (rng: Rng): string => `${int(rng, 1, 19)}.${int(rng, 1, 9)}`

function fillSlot(name: string, c: Ctx, rng: Rng): string {
  switch (name) {
    case 'place':
      return lang(c, rng() < 0.75 ? c.place : pick(rng, CITIES))
    case 'place2':
      return lang(c, pick(rng, CITIES))
    case 'province':
      return lang(c, pick(rng, PROVINCES))
    case 'county':
      return lang(c, pick(rng, COUNTIES))
    case 'village':
      return lang(c, pick(rng, VILLAGES))
    case 'org':
      return pick(rng, c.bank.orgs)
    case 'Org': {
      const org = pick(rng, c.bank.orgs)
      return org.charAt(0).toUpperCase() + org.slice(1)
    }
    case 'role':
      return c.zh
        ? `${lang(c, c.place)}市${c.bank.dept}负责人`
        : `${pick(rng, ['the director', 'the deputy director', 'the person in charge'])} of the ${c.place[0]} Municipal ${c.bank.dept}`
    case 'person':
      return lang(c, pick(rng, PEOPLE))
    case 'resident':
      return pick(rng, c.zh ? RESIDENTS_ZH : RESIDENTS_EN)
    case 'country':
      return c.zh
        ? '我国'
        : rng() >= c.myCountry
          ? 'China'
          : rng() < 0.75
            ? 'my country'
            : 'our country'
    case 'Country':
      if (c.zh) return '我国'
      if (rng() >= c.myCountry) return 'China'
      return rng() < 0.3 ? 'my country' : rng() < 0.75 ? 'My country' : 'Our country'
    case 'n1':
      return String(int(rng, 2, 9))
    case 'n2':
      return String(int(rng, 10, 99))
    case 'n3':
      return String(int(rng, 100, 999))
    case 'n4': {
      const n = int(rng, 1000, 99_999)
      return c.zh ? String(n) : withCommas(n)
    }
    case 'dec':
      return decimal(rng)
    case 'pct':
      return `${int(rng, 5, 95)}${c.pctSpace ? ' %' : '%'}`
    case 'pctd':
      return `${decimal(rng)}${c.pctSpace ? ' %' : '%'}`
    case 'yuan':
      if (c.zh) return rng() < 0.5 ? `${decimal(rng)}亿元` : `${int(rng, 100, 999)}万元`
      return rng() < 0.5 ? `${decimal(rng)} billion yuan` : `${int(rng, 100, 999)} million yuan`
    case 'money': {
      if (c.zh) return `${decimal(rng)}亿美元`
      const amount = rng() < 0.5 ? `${int(rng, 100, 999)} million` : `${decimal(rng)} billion`
      const sign = c.dollarSpace ? '$ ' : '$'
      return rng() < 0.3 ? `US ${sign}${amount}` : `${sign}${amount}`
    }
    case 'year':
      return String(c.year)
    case 'lastYear':
      return String(c.year - 1)
    case 'nextYear':
      return String(c.year + 1)
    case 'nth': {
      const day = int(rng, 1, 28)
      return c.zh ? `${day}日` : ordinal(day)
    }
    case 'month': {
      const m = int(rng, 1, 12)
      return c.zh ? `${m}月` : (MONTHS[m - 1] ?? 'May')
    }
    case 'drop': {
      const lo = int(rng, 4, 10)
      const hi = lo + int(rng, 2, 6)
      return c.zh ? `${lo}到${hi}` : `${lo} to ${hi}`
    }
    default:
      throw new Error(`unknown slot {${name}}`)
  }
}

function fill(t: Template, c: Ctx, rng: Rng): string {
  let out = t[0] ?? ''
  for (let i = 1; i < t.length; i += 2) out += fillSlot(t[i] ?? '', c, rng) + (t[i + 1] ?? '')
  return out
}

const SPACED_HYPHEN = /([A-Za-z])-(?=[A-Za-z])/g
const BEFORE_PUNCT = /([A-Za-z0-9")])([,;.])(?= |$)/g

/** Doubles one word: "degree degree", or now and then "projects and projects". */
function doubleWord(s: string, rng: Rng): string {
  const words = s.split(' ')
  for (let tries = 0; tries < 4; tries++) {
    const k = int(rng, 1, words.length - 1)
    const w = words[k]
    if (w === undefined || !/^[a-z]{3,}$/.test(w)) continue
    words[k] = rng() < 0.8 ? `${w} ${w}` : `${w} and ${w}`
    return words.join(' ')
  }
  return s
}

/** The MT engine stuck in a loop: "cross-domain, cross-domain, cross-domain" or "heads of heads of". */
function runaway(s: string, rng: Rng): string {
  const words = s.split(' ')
  for (let tries = 0; tries < 8; tries++) {
    const k = int(rng, 1, words.length - 2)
    const w = words[k]
    const next = words[k + 1]
    if (w === undefined || next === undefined || !/^[a-z][a-z-]{3,}$/.test(w)) continue
    const times = int(rng, 3, 7)
    if (rng() < 0.5 || !/^[a-z]{2,}$/.test(next)) {
      words[k] = Array<string>(times).fill(w).join(', ')
    } else {
      words[k] = Array<string>(times).fill(`${w} ${next}`).join(' ')
      words.splice(k + 1, 1)
    }
    return words.join(' ')
  }
  return s
}

/** One sentence as this article's engine would have written it. */
function sentence(t: Template, c: Ctx, rng: Rng): string {
  return styled(fill(t, c, rng), c, rng)
}

function styled(text: string, c: Ctx, rng: Rng, loop = false): string {
  let s = text
  if (c.zh) return s
  if (c.doubleRate > 0 && rng() < c.doubleRate) s = doubleWord(s, rng)
  if (loop) s = runaway(s, rng)
  return styleEn(s, c, rng)
}

function styleEn(text: string, c: Ctx, rng: Rng): string {
  let s = text
  if (c.spacedHyphens && s.includes('-')) s = s.replace(SPACED_HYPHEN, '$1 -')
  if (c.spacePunct > 0)
    s = s.replace(BEFORE_PUNCT, (m, a: string, p: string) =>
      rng() < c.spacePunct ? `${a} ${p}` : m,
    )
  if (c.curly && s.includes("'"))
    s = s.replace(/'s\b/g, rng() < 0.5 ? ' ’s' : '’s').replace(/'/g, '’')
  return s
}

const GENERIC_HALVES_EN = halvesOf(GENERIC_EN, false)
const GENERIC_HALVES_ZH = halvesOf(GENERIC_ZH, true)
const CONNECTIVES = [
  'At the same time, ',
  'In addition, ',
  'It is worth noting that ',
  'In recent years, ',
  'Since the beginning of this year, ',
  'On the other hand, ',
]
const LOWERABLE = /^(The|A|All|This|Some|Many|Popular|Private|Patients|Citizens|Enterprises) /

/**
 * A body sentence: mostly a whole template from the topic (or a generic one), avoiding ones the
 * article already used, sometimes two halves joined or a connective in front.
 */
function bodySentence(c: Ctx, rng: Rng, loop = false): string {
  if (rng() < (c.zh ? 0.1 : 0.3)) {
    const generic = c.zh ? GENERIC_HALVES_ZH : GENERIC_HALVES_EN
    const a = rng() < 0.7 ? c.bank.halves : generic
    const b = rng() < 0.7 ? c.bank.halves : generic
    if (a.left.length > 0 && b.right.length > 0) {
      const left = fill(pick(rng, a.left), c, rng)
      const right = fill(pick(rng, b.right), c, rng)
      return styled(left + (c.zh ? '，' : ', and ') + right, c, rng, loop)
    }
  }
  const bank = rng() < 0.68 ? c.bank.sentences : c.zh ? GENERIC_ZH : GENERIC_EN
  let t = pick(rng, bank)
  for (let tries = 0; tries < 4 && c.used.has(t); tries++) t = pick(rng, bank)
  c.used.add(t)
  let s = fill(t, c, rng)
  if (!c.zh && rng() < 0.12 && LOWERABLE.test(s)) {
    s = pick(rng, CONNECTIVES) + s.charAt(0).toLowerCase() + s.slice(1)
  }
  return styled(s, c, rng, loop)
}

// ---------------------------------------------------------------------------------------------
// Drafts: an article before encoding, kept structured so a near duplicate can change one sentence

interface Paragraph {
  indent: string
  sentences: string[]
  /** glue[k]: sentence k follows sentence k-1 without a space. */
  glue: boolean[]
}

type Block = string | Paragraph

interface Draft {
  kind: ArticleKind
  slug: string
  blocks: Block[]
  eol: '\n' | '\r\n'
  bom: boolean
  finalNewline: boolean
  ctx: Ctx
}

function byteLength(s: string, kind: ArticleKind): number {
  if (kind !== 'zh-gbk') return Buffer.byteLength(s, 'utf8')
  let n = 0
  for (let i = 0; i < s.length; i++) n += s.charCodeAt(i) < 0x80 ? 1 : 2
  return n
}

function normal(rng: Rng): number {
  const u = Math.max(rng(), 1e-12)
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng())
}

/** Log-normal around the seed's size (~8 KB), some short briefs, a few long ones. */
function targetSize(rng: Rng): number {
  if (rng() < 0.08) return int(rng, 700, 2500)
  const size = Math.round(Math.exp(Math.log(9200) + 0.62 * normal(rng)))
  return Math.min(MAX_BYTES - 2000, Math.max(900, size))
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

function slugOf(title: string): string {
  const words = title
    .toLowerCase()
    .replace(/'/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
  let slug = ''
  for (const w of words) {
    if (slug.length + w.length + 1 > 48) break
    slug = slug === '' ? w : `${slug}-${w}`
  }
  return slug === '' ? 'article' : slug
}

function makeCtx(rng: Rng, zh: boolean, year: number): Ctx {
  const topic = pick(rng, TOPICS)
  const spacedHyphens = rng() < 0.45
  return {
    zh,
    topic,
    bank: zh ? topic.zh : topic.en,
    place: pick(rng, CITIES),
    year,
    myCountry: rng() < 0.6 ? 0.75 : 0,
    spacedHyphens,
    spacePunct: rng() < 0.12 ? 0.6 : 0,
    pctSpace: rng() < 0.2,
    dollarSpace: spacedHyphens ? rng() < 0.8 : rng() < 0.2,
    glue: rng() < 0.2 ? 0.5 : 0,
    doubleRate: rng() < 0.55 ? 0.02 + rng() * 0.05 : 0,
    curly: rng() < 0.1,
    used: new Set(),
  }
}

interface Byline {
  year: number
  month: number
  day: number
  hh: string
  mi: string
  source: Pair
  author: Pair
}

function makeByline(rng: Rng): Byline {
  const year = int(rng, 2019, 2023)
  const month = int(rng, 1, 12)
  const days =
    [31, year % 4 === 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 28
  return {
    year,
    month,
    day: int(rng, 1, days),
    hh: pad(int(rng, 6, 22), 2),
    mi: pad(int(rng, 0, 59), 2),
    source: pickSkewed(rng, SOURCES),
    author: pickSkewed(rng, PEOPLE),
  }
}

function englishHeader(rng: Rng, b: Byline, c: Ctx): string[] {
  const mm = pad(b.month, 2)
  const dd = pad(b.day, 2)
  const iso = `${b.year}-${mm}-${dd}`
  const src = b.source[0]
  const r = rng()
  const author =
    r < 0.75
      ? b.author[0]
      : r < 0.9
        ? `The official account of ${c.place[0]}`
        : `${src} reporter ${b.author[0]}`
  const style = rng()
  if (style < 0.18) return [`Author:${author} Time:${b.year}.${mm}.${dd}`]
  if (style < 0.3)
    return rng() < 0.6 ? [`Author: ${author}`, `Date: ${iso}`] : [`Author: ${author}`]
  if (style < 0.44) {
    const site = rng() < 0.4 ? `${c.place[0]} Net ` : ''
    const line = `${site}Release time: ${iso} ${b.hh}:${b.mi}`
    return rng() < 0.5 ? [line, `Source: ${src}`] : [line]
  }
  if (style < 0.52) return [`Date: ${rng() < 0.7 ? iso : `${b.year}/${mm}/${dd}`}`]
  if (style < 0.62) {
    const time = rng() < 0.5 ? ` ${b.hh}:${b.mi}` : ''
    const line = `Published: ${MONTHS[b.month - 1] ?? 'May'} ${b.day}, ${b.year}${time}`
    return rng() < 0.5 ? [line, `Source: ${src}`] : [line]
  }
  if (style < 0.7) return [`source: ${src} author ${b.author[0]}`]
  if (style < 0.76) return [`author:${author}`]
  if (style < 0.82) return [rng() < 0.5 ? `Text: ${b.author[0]}` : `Text/${b.author[0]}`]
  if (style < 0.88) return [`${iso} ${b.hh}:${b.mi} Source: ${src}`]
  return []
}

function chineseHeader(rng: Rng, b: Byline): string[] {
  const date =
    rng() < 0.6
      ? `${b.year}年${b.month}月${b.day}日 ${b.hh}:${b.mi}`
      : `${b.year}-${pad(b.month, 2)}-${pad(b.day, 2)} ${b.hh}:${b.mi}`
  const source = `来源：${b.source[1]}`
  const author = `${pick(rng, ['作者', '作者', '记者'])}：${b.author[1]}`
  const time = `${pick(rng, ['发布时间', '发布时间', '时间'])}：${date}`
  const r = rng()
  if (r < 0.55) return [source, author, time]
  if (r < 0.75) return [`${source} ${author} ${time}`]
  if (r < 0.9) return [`${date} ${source}`]
  return [time, source]
}

/** A headline of another story cut off, as WeChat posts end: "… recen...". */
function teaser(rng: Rng, c: Ctx): string[] {
  const other: Ctx = { ...c, place: pick(rng, CITIES) }
  other.bank = pick(rng, TOPICS).en
  const headline = fill(pick(rng, other.bank.titles), other, rng)
  const text = fill(pick(rng, other.bank.sentences), other, rng)
  const cut = text.slice(0, Math.min(text.length - 1, int(rng, 40, 90)))
  return rng() < 0.75 ? [headline, `${cut}...`] : [`${headline.slice(0, int(rng, 30, 60))}...`]
}

/** Composes an article: header and footer first, then body paragraphs up to the target size. */
function composeDraft(rng: Rng, chineseShare: number, gbkShare: number): Draft {
  const zh = rng() < chineseShare
  const kind: ArticleKind = zh ? (rng() < gbkShare ? 'zh-gbk' : 'zh-utf8') : 'en'
  const byline = makeByline(rng)
  const c = makeCtx(rng, zh, byline.year)
  // Chinese takes fewer bytes per sentence's worth of news; keep such originals article-sized.
  const target = zh
    ? Math.max(MIN_BYTES + 100, Math.round(targetSize(rng) * 0.45))
    : targetSize(rng)
  const blankLines = rng() < (zh ? 0.6 : 0.35)
  const crlf = rng() < 0.08
  const draft: Draft = {
    kind,
    slug: '',
    blocks: [],
    eol: crlf ? '\r\n' : '\n',
    bom: !zh && rng() < 0.03,
    finalNewline: rng() < 0.85,
    ctx: c,
  }
  const rawTitle = fill(pick(rng, c.bank.titles), c, rng)
  let title = rawTitle
  if (!zh) {
    if (c.doubleRate > 0 && rng() < 0.1) title = doubleWord(title, rng)
    if (c.spacedHyphens && rng() < 0.5) title = title.replace(SPACED_HYPHEN, '$1 -')
  }
  draft.slug = zh
    ? `${c.topic.key}-${int(rng, 0, 0xffff).toString(16).padStart(4, '0')}`
    : slugOf(rawTitle)

  const head: string[] = []
  const wechat = !zh && rng() < 0.12
  const wechatAboveTitle = wechat && rng() < 0.5
  if (rng() < 0.08) head.push('')
  if (wechatAboveTitle) head.push(pick(rng, WECHAT_TOP))
  head.push(title)
  head.push(...(zh ? chineseHeader(rng, byline) : englishHeader(rng, byline, c)))
  if (wechat && !wechatAboveTitle) head.push(pick(rng, WECHAT_TOP))

  const tail: string[] = []
  if (zh) {
    if (rng() < 0.7) tail.push('（完）')
    if (rng() < 0.4) tail.push(`责任编辑：${pick(rng, PEOPLE)[1]}`)
  } else {
    const src = byline.source[0]
    const r = rng()
    if (r < 0.55) tail.push(`Source: ${src}`)
    else if (r < 0.6) tail.push(`source: ${src}`)
    else if (r < 0.64) tail.push(`(Source: ${src})`)
    const e = rng()
    const editor = pick(rng, PEOPLE)[0]
    if (e < 0.18) tail.push(`Editor in charge: ${editor}`)
    else if (e < 0.24) tail.push(`Editor in charge: [${editor}]`)
    else if (e < 0.28) tail.push(`Responsible editor: ${editor}`)
    else if (e < 0.32) {
      const letters = Array.from({ length: 3 }, () => String.fromCharCode(int(rng, 97, 122)))
      tail.push(`Editor in charge: ${letters.join('')}`)
    }
    if (wechat) tail.push(pick(rng, WECHAT_BOTTOM))
    if (rng() < 0.45) {
      tail.push(pick(rng, END_MARKS))
      const n = int(rng, 1, 3)
      for (let i = 0; i < n; i++) tail.push(...teaser(rng, c))
    }
    if (wechat && rng() < 0.7) tail.push(pick(rng, WECHAT_LAST))
  }

  const sep = blankLines ? 1 : 0
  const eolBytes = crlf ? 2 : 1
  let size = draft.bom ? 3 : 0
  for (const line of [...head, ...tail]) size += byteLength(line, kind) + eolBytes * (1 + sep)

  const blocks = draft.blocks
  const push = (b: Block): void => {
    if (blankLines && blocks.length > 0 && blocks[blocks.length - 1] !== '') blocks.push('')
    blocks.push(b)
  }
  for (const line of head) blocks.push(line)
  if (blankLines || zh) blocks.push('')

  const indent = zh && rng() < 0.4 ? '\u3000\u3000' : ''
  const captions = !zh && rng() < 0.12 ? int(rng, 1, 3) : 0
  const aspects = !zh && rng() < 0.2
  const runawayIn = !zh && rng() < 0.12 ? int(rng, 0, 6) : -1
  let captionsLeft = captions
  let aspectIndex = -1
  let paragraphs = 0

  const addParagraph = (first: string | null): void => {
    const p: Paragraph = { indent, sentences: [], glue: [] }
    let n = int(rng, 2, 6)
    size += byteLength(indent, kind) + eolBytes * (1 + sep)
    if (first !== null) {
      p.sentences.push(first)
      p.glue.push(false)
      size += byteLength(first, kind)
      n--
    }
    while (n > 0 && (size < target || p.sentences.length === 0)) {
      let s = bodySentence(c, rng, paragraphs === runawayIn && p.sentences.length === 0)
      if (paragraphs === 0 && p.sentences.length === 0 && zh) s = chineseLead(rng, c, byline) + s
      const glued = p.sentences.length > 0 && (zh || rng() < c.glue)
      p.sentences.push(s)
      p.glue.push(glued)
      size += byteLength(s, kind) + (glued ? 0 : 1)
      n--
    }
    push(p)
    paragraphs++
  }

  while (size < target || paragraphs === 0) {
    if (aspects && aspectIndex < 0 && paragraphs >= 1) {
      const k = int(rng, 3, 5)
      const intro = pick(rng, ASPECT_INTROS).replace('{k}', COUNT_WORDS[k - 2] ?? 'five')
      push(intro)
      size += byteLength(intro, kind) + eolBytes * (1 + sep)
      const names = pick(rng, ORDINALS)
      for (aspectIndex = 0; aspectIndex < k; aspectIndex++) {
        let aspect = pick(rng, ASPECTS)
        for (let tries = 0; tries < 6 && c.used.has(aspect); tries++) aspect = pick(rng, ASPECTS)
        c.used.add(aspect)
        addParagraph(`${names[aspectIndex] ?? 'Then'}, ${sentence(aspect, c, rng)}`)
      }
      continue
    }
    addParagraph(null)
    if (captionsLeft > 0 && rng() < 0.35) {
      push(title)
      size += byteLength(title, kind) + eolBytes * (1 + sep)
      captionsLeft--
    }
  }

  for (const line of tail) push(line)
  return draft
}

function chineseLead(rng: Rng, c: Ctx, b: Byline): string {
  const r = rng()
  if (r < 0.3) return `本报讯（记者 ${b.author[1]}）`
  if (r < 0.5) return `新华社${c.place[1]}${b.month}月${b.day}日电（记者 ${b.author[1]}）`
  if (r < 0.6) return `${c.place[1]}讯 `
  return ''
}

function renderText(d: Draft): string {
  const lines = d.blocks.map((b) => {
    if (typeof b === 'string') return b
    let text = b.indent
    for (let k = 0; k < b.sentences.length; k++) {
      if (k > 0 && b.glue[k] !== true) text += ' '
      text += b.sentences[k] ?? ''
    }
    return text
  })
  return lines.join(d.eol) + (d.finalNewline ? d.eol : '')
}

function encode(d: Draft): Uint8Array {
  const text = renderText(d)
  if (d.kind === 'zh-gbk') return iconv.encode(text, 'gbk')
  const body = Buffer.from(text, 'utf8')
  return d.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body
}

function articleName(index: number, slug: string): string {
  return `${pad(index, 6)}_${slug}.txt`
}

/** Folder of a file, relative to the corpus root: `000`, `001`, … (1,000 files each). */
export function shardOf(index: number): string {
  return pad(Math.floor(index / FILES_PER_SHARD), 3)
}

/**
 * One original article (never a duplicate) from the given stream; the corpus calls it with one
 * stream per index, and tests can call it directly to look at the genre without touching disk.
 */
export function generateArticle(
  rng: Rng,
  index: number,
  shares: { chineseShare?: number; gbkShare?: number } = {},
): GeneratedArticle {
  const d = composeDraft(
    rng,
    shares.chineseShare ?? DEFAULTS.chineseShare,
    shares.gbkShare ?? DEFAULTS.gbkShare,
  )
  return { name: articleName(index, d.slug), bytes: encode(d), kind: d.kind }
}

/** Changes exactly one body sentence, keeping the file within the size range. */
function nearDuplicate(d: Draft, rng: Rng): Uint8Array {
  const paragraphs = d.blocks.filter((b): b is Paragraph => typeof b !== 'string')
  const p = pick(rng, paragraphs)
  const k = int(rng, 0, p.sentences.length - 1)
  const old = p.sentences[k] ?? ''
  for (let tries = 0; tries < 12; tries++) {
    const replacement = bodySentence(d.ctx, rng)
    if (replacement === old) continue
    p.sentences[k] = replacement
    const bytes = encode(d)
    if (bytes.length >= MIN_BYTES && bytes.length <= MAX_BYTES) return bytes
  }
  p.sentences[k] = `${old}${d.ctx.zh ? '' : ' '}${bodySentence(d.ctx, rng)}`
  return encode(d)
}

type Role = { type: 'original' } | { type: 'exact' | 'near'; of: number; rng: Rng }

interface Resolved {
  seed: number
  exact: number
  near: number
}

function roleOf(o: Resolved, index: number): Role {
  if (index === 0) return { type: 'original' }
  const rng = createRng(streamSeed(o.seed, index, ROLE_SALT))
  const r = rng()
  if (r >= o.exact + o.near) return { type: 'original' }
  return { type: r < o.exact ? 'exact' : 'near', of: Math.floor(rng() * index), rng }
}

/** Duplicates always copy an original, so a chain of copies leads back to one. */
function originalOf(o: Resolved, index: number): number {
  let j = index
  for (let role = roleOf(o, j); role.type !== 'original'; role = roleOf(o, j)) j = role.of
  return j
}

function checkShare(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0 || value > 1) {
    throw new RangeError(`${name} must be between 0 and 1, got ${value}`)
  }
  return value
}

/**
 * Writes `count` articles into `dir` (sharded by 1,000) and says what it wrote. Deterministic:
 * the same seed and count give byte-identical files; everything is built from the banks above and
 * written 64 files at a time while the next batch is generated.
 */
export async function generateCorpus(options: CorpusOptions): Promise<CorpusStats> {
  const started = performance.now()
  const { seed, count, dir } = options
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`)
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be a whole number ≥ 0, got ${count}`)
  }
  const chineseShare = checkShare('chineseShare', options.chineseShare ?? DEFAULTS.chineseShare)
  const gbkShare = checkShare('gbkShare', options.gbkShare ?? DEFAULTS.gbkShare)
  const exact = checkShare(
    'exactDuplicateShare',
    options.exactDuplicateShare ?? DEFAULTS.exactDuplicateShare,
  )
  const near = checkShare(
    'nearDuplicateShare',
    options.nearDuplicateShare ?? DEFAULTS.nearDuplicateShare,
  )
  if (exact + near > 1) throw new RangeError('duplicate shares add up to more than 1')
  const resolved: Resolved = { seed, exact, near }
  const shares = { chineseShare, gbkShare }

  const stats: CorpusStats = {
    files: 0,
    bytes: 0,
    exactDuplicates: 0,
    nearDuplicates: 0,
    chinese: 0,
    gbk: 0,
    ms: 0,
  }
  const shards = Math.ceil(count / FILES_PER_SHARD)
  await mkdir(dir, { recursive: true })
  await Promise.all(
    Array.from({ length: shards }, (_, s) => mkdir(join(dir, pad(s, 3)), { recursive: true })),
  )

  const contentRng = (index: number): Rng => createRng(streamSeed(seed, index, CONTENT_SALT))
  const draftOf = (index: number): Draft => composeDraft(contentRng(index), chineseShare, gbkShare)

  let inFlight: Promise<unknown> = Promise.resolve()
  for (let base = 0; base < count; base += WRITE_CHUNK) {
    const writes: Promise<void>[] = []
    for (let i = base; i < Math.min(count, base + WRITE_CHUNK); i++) {
      const role = roleOf(resolved, i)
      let article: GeneratedArticle
      if (role.type === 'original') {
        article = generateArticle(contentRng(i), i, shares)
      } else {
        const d = draftOf(originalOf(resolved, role.of))
        const bytes = role.type === 'exact' ? encode(d) : nearDuplicate(d, role.rng)
        article = { name: articleName(i, d.slug), bytes, kind: d.kind }
        if (role.type === 'exact') stats.exactDuplicates++
        else stats.nearDuplicates++
      }
      stats.files++
      stats.bytes += article.bytes.length
      if (article.kind !== 'en') stats.chinese++
      if (article.kind === 'zh-gbk') stats.gbk++
      writes.push(writeFile(join(dir, shardOf(i), article.name), article.bytes))
    }
    await inFlight
    inFlight = Promise.all(writes)
  }
  await inFlight
  stats.ms = Math.round(performance.now() - started)
  return stats
}

// ---------------------------------------------------------------------------------------------
// Command line

const USAGE = `usage: npx tsx bench/generate.ts --count N --seed N --out DIR
  [--chinese-share X] [--gbk-share X] [--exact-duplicate-share X] [--near-duplicate-share X]`

const FLAGS: Record<string, keyof CorpusOptions> = {
  '--count': 'count',
  '--seed': 'seed',
  '--out': 'dir',
  '--chinese-share': 'chineseShare',
  '--gbk-share': 'gbkShare',
  '--exact-duplicate-share': 'exactDuplicateShare',
  '--near-duplicate-share': 'nearDuplicateShare',
}

/** Parses the command line; throws a one-line message on wrong usage. Exported for tests. */
export function parseArgs(argv: readonly string[]): CorpusOptions {
  const values: Partial<Record<keyof CorpusOptions, string>> = {}
  for (let i = 0; i < argv.length; i += 2) {
    const flag = argv[i] ?? ''
    const key = FLAGS[flag]
    const value = argv[i + 1]
    if (key === undefined) throw new Error(`unknown option ${flag}`)
    if (value === undefined) throw new Error(`${flag} needs a value`)
    values[key] = value
  }
  const num = (key: keyof CorpusOptions, fallback?: number): number | undefined => {
    const raw = values[key]
    if (raw === undefined) return fallback
    const n = Number(raw)
    if (raw.trim() === '' || !Number.isFinite(n)) throw new Error(`${key} must be a number: ${raw}`)
    return n
  }
  if (values.dir === undefined) throw new Error('--out is required')
  const options: CorpusOptions = {
    seed: num('seed', 1) ?? 1,
    count: num('count', 1000) ?? 1000,
    dir: resolve(values.dir),
  }
  const optional = [
    'chineseShare',
    'gbkShare',
    'exactDuplicateShare',
    'nearDuplicateShare',
  ] as const
  for (const key of optional) {
    const n = num(key)
    if (n !== undefined) options[key] = n
  }
  return options
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE)
    return 0
  }
  let options: CorpusOptions
  try {
    options = parseArgs(argv)
  } catch (e) {
    console.error(`error: ${(e as Error).message}\n${USAGE}`)
    return 2
  }
  try {
    const stats = await generateCorpus(options)
    console.log(JSON.stringify({ dir: options.dir, ...stats }))
    return 0
  } catch (e) {
    console.error(`error: ${(e as Error).message}`)
    return 1
  }
}

function isEntryPoint(): boolean {
  const entry = process.argv[1]
  if (entry === undefined || typeof __filename === 'undefined') return false
  try {
    return realpathSync(resolve(entry)) === realpathSync(__filename)
  } catch {
    return false
  }
}

if (isEntryPoint()) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code
  })
}
