// English names for county-level units that have none in any source: Hanyu pinyin (pinyin-pro,
// MIT) of the name's stem, then the English term for its kind: 郫都区 -> "Pidu District",
// 大厂回族自治县 -> "Dachang Hui Autonomous County". Reads names (one a line) on stdin, writes
// name_zh,name_en,name_en_source CSV on stdout. Usage: node county-names.js PINYIN_PRO_DIR < names.txt
'use strict';
const { pinyin, customPinyin } = require(require('path').resolve(process.argv[2]));

// Readings of place names that a general dictionary gets wrong.
customPinyin({
  乐清: 'yue qing', 单县: 'shan xian', 泌阳: 'bi yang', 洪洞: 'hong tong', 蔚县: 'yu xian',
  长子: 'zhang zi', 浚县: 'xun xian', 莘县: 'shen xian', 尉犁: 'yu li', 犍为: 'qian wei',
  荥经: 'ying jing', 番禺: 'pan yu', 六安: 'lu an', 铅山: 'yan shan', 东阿: 'dong e',
  筠连: 'jun lian', 繁峙: 'fan shi', 黄陂: 'huang pi', 牟平: 'mu ping', 茌平: 'chi ping',
});

// Units whose English (or Portuguese) name is official and not pinyin: Hong Kong's 18 districts and
// Macau's parishes; and AMap's pseudo-unit for the area Haixi prefecture administers directly.
const official = {
  中西区: 'Central and Western', 湾仔区: 'Wan Chai', 东区: 'Eastern', 南区: 'Southern', 油尖旺区: 'Yau Tsim Mong',
  深水埗区: 'Sham Shui Po', 九龙城区: 'Kowloon City', 黄大仙区: 'Wong Tai Sin', 观塘区: 'Kwun Tong',
  荃湾区: 'Tsuen Wan', 屯门区: 'Tuen Mun', 元朗区: 'Yuen Long', 北区: 'North', 大埔区: 'Tai Po', 西贡区: 'Sai Kung',
  沙田区: 'Sha Tin', 葵青区: 'Kwai Tsing', 离岛区: 'Islands', 花地玛堂区: 'Nossa Senhora de Fátima',
  花王堂区: 'Santo António', 望德堂区: 'São Lázaro', 大堂区: 'Sé', 风顺堂区: 'São Lourenço',
  嘉模堂区: 'Nossa Senhora do Carmo', 路凼填海区: 'Cotai', 圣方济各堂区: 'São Francisco Xavier',
  海西蒙古族藏族自治州直辖: 'Haixi (directly administered area)',
};

const kinds = [
  ['自治县', 'Autonomous County'], ['自治旗', 'Autonomous Banner'], 
  ['特区', 'Special District'], ['新区', 'New Area'], ['矿区', 'Mining District'], ['区', 'District'],
  ['县', 'County'], ['旗', 'Banner'], ['市', 'City'],
];
const peoples = {
  回族: 'Hui', 满族: 'Manchu', 蒙古族: 'Mongol', 藏族: 'Tibetan', 彝族: 'Yi', 苗族: 'Miao', 土家族: 'Tujia',
  壮族: 'Zhuang', 侗族: 'Dong', 瑶族: 'Yao', 朝鲜族: 'Korean', 哈萨克: 'Kazakh', 哈萨克族: 'Kazakh',
  白族: 'Bai', 傣族: 'Dai', 哈尼族: 'Hani', 傈僳族: 'Lisu', 佤族: 'Va', 拉祜族: 'Lahu', 纳西族: 'Naxi',
  景颇族: 'Jingpo', 布依族: 'Bouyei', 水族: 'Sui', 仡佬族: 'Gelao', 畲族: 'She', 黎族: 'Li', 羌族: 'Qiang',
  土族: 'Tu', 撒拉族: 'Salar', 东乡族: 'Dongxiang', 保安族: 'Bonan', 裕固族: 'Yugur', 锡伯: 'Xibe',
  达斡尔族: 'Daur', 鄂温克族: 'Evenki', 鄂伦春: 'Oroqen', 仫佬族: 'Mulao', 毛南族: 'Maonan',
  各族: 'Multi-ethnic', 普米族: 'Pumi', 独龙族: 'Derung', 怒族: 'Nu', 塔吉克: 'Tajik', 蒙古: 'Mongol',
};

/// "guo yang" -> "Guoyang"; "lu an" -> "Lu'an".
function capitalise(spaced) {
  let out = '';
  spaced.split(' ').forEach((s, i) => { out += (i > 0 && /^[aoe]/.test(s) ? "'" : '') + s; });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

function romanise(text) {
  const chars = [...text];
  // 都 is dōu only as an adverb; in a place name it is dū (成都, 郫都, 丰都, 都匀).
  const syllables = pinyin(text, { toneType: 'none', type: 'array', v: true })
    .map((s, i) => (chars[i] === '都' ? 'du' : s.replace(/v/g, 'ü')));
  let out = '';
  syllables.forEach((s, i) => { out += (i > 0 && /^[aoe]/.test(s) ? "'" : '') + s; });
  return out.charAt(0).toUpperCase() + out.slice(1);
}

// Stems whose reading a general dictionary gets wrong once the suffix is gone (单县 is Shan County).
const stems = {
  单: 'shan', 蔚: 'yu', 浚: 'xun', 涡阳: 'guo yang', 歙: 'she', 大埔: 'da bu', 蚌山: 'beng shan', 覃塘: 'tan tang',
  康巴什: 'kang ba shi', 乐亭: 'lao ting', 乐清: 'yue qing', 洪洞: 'hong tong', 泌阳: 'bi yang', 长子: 'zhang zi',
  莘: 'shen', 番禺: 'pan yu', 铅山: 'yan shan', 犍为: 'qian wei', 六安: 'lu an', 尉犁: 'yu li', 繁峙: 'fan shi',
};

function english(name) {
  let stem = name, term = '';
  if (name === '神农架林区') return 'Shennongjia Forestry District';
  for (const [suffix, en] of kinds) {
    if (stem.endsWith(suffix) && stem.length > suffix.length) { stem = stem.slice(0, -suffix.length); term = en; break; }
  }
  if (stems[stem]) return [capitalise(stems[stem]), term].filter(Boolean).join(' ');
  const groups = [];
  for (let changed = true; changed;) {
    changed = false;
    for (const [zh, en] of Object.entries(peoples).sort((a, b) => b[0].length - a[0].length)) {
      if (stem.endsWith(zh) && stem.length > zh.length) { stem = stem.slice(0, -zh.length); groups.unshift(en); changed = true; break; }
    }
  }
  return [romanise(stem), ...groups, term].filter(Boolean).join(' ');
}

const csv = (s) => (/[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s);
const names = [...new Set(require('fs').readFileSync(0, 'utf8').split('\n').map((s) => s.trim()).filter(Boolean))];
const row = (n) => (official[n] ? [n, official[n], 'official name'] : [n, english(n), 'pinyin (pinyin-pro), not checked by hand']);
process.stdout.write('name_zh,name_en,name_en_source\n' + names.map((n) => row(n).map(csv).join(',')).join('\n') + '\n');
