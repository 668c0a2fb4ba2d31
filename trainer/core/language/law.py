"""Unlawful pressure, heard in every scenario whatever the persona or phrase files say.

The course (清收逾期账款的十大方法·不做出过激行为) rules out any collection that leans on the person
rather than the debt. The patterns below describe that *kind* of act, one family per line of the
issue's list, not particular sentences: threats to the person or their family, violence, waiting or
staking out their home, exposing them online / in chat groups / with banners and leaflets, shaming
them before family, village or employer, and "friends from society". A match makes ``hostile`` the
main act of the utterance. A pattern said under a canceller ("我们不会到处说的", "绝不会去您家") is
reassurance and does not count.

Patterns run over the *marked* normalised text (Simplified, no spaces or punctuation).
"""

from __future__ import annotations

import re

from trainer.core.language.lazyre import LazyPattern, lazy

_YOU = r"(你|您|你们|您们|侬|恁|恁们)"  # 侬 Shanghai, 恁 Henan / Shandong
_FAMILY = r"(爷老子|堂客|娭毑|老豆|(?<![一二两三四五六七八九十几个小])崽(?!子)|爹妈|爸妈|老妈|老爸|老汉儿|老汉|老爷子|老太太|老母亲|老父亲|老娘|老爹|丈母娘|老丈人|丈人|岳父|岳母|爷爷|奶奶|外公|外婆|姥姥|姥爷|孙女|(?<![个瓜])伢(?!伢)|公婆|公公|婆婆|太太|女儿|儿子|孩子|小孩|(?<=家)小子|(?<=家的)小子|闺女|娃娃|(?<![个瓜])娃(?!娃)|妹崽|仔女|老婆|媳妇|爱人|老公|爸|妈|父母|爹|娘|家人|家里人|家属|老人|全家|一家|母亲|父亲|二老|嫂子|弟妹)"
#: "I know" that goes on to the debtor's own trouble is empathy ("您孩子上学的事我知道您压力大")
_I_KNOW = r"我知道(?!(您|你)(的)?(压力|难|不容易|辛苦|为难|心情|着急|也))"
_KIN_OR_BOSS = r"(家人|家里人|老婆|老公|媳妇|父母|亲戚|邻居|乡里乡亲|乡亲|街坊|全村|村里人|村里|老家|领导|单位|同事|全公司|客户|老板|房东|甲方|病人|患者|会员)"
#: the debtor's home, in dialect too (屋头, 屋企)
_HOME = r"(家|屋头|屋企|屋里厢|屋里|老家|小区|家门|家楼下|住的)"

#: his family safe, said as a lever — not as relief (家里人都平安就好)
_SAFE_NOT_RELIEF = r"平平?安安?(?!就好|就行|最要紧|比什么都强|比啥都强)"

#: where his family is found (the school gate, the old home, the market, the park, the ward) and how the speaker keeps
#: coming there, and what he does there
_PRESENCE_PLACE = (r"(校门口|学校门口|学校|幼儿园|老家|老厝|厝里|厝门口|家属院|院门口|院里|家门口|家楼下|菜市场|公园|养老院|敬老院|病房|"
                   r"丈母娘家|娘家)")
_PRESENCE_OFTEN = r"(天天|每天|每晚|每早|每个?礼拜|每周|没事就|往后|以后天天|以后常|常去|经常|这几天天天|这礼拜每晚|一直)"
_PRESENCE_DOING = r"(转转|转一转|转悠|看一看|看看|坐坐|坐一坐|坐一下|站着|站一站|蹲|圪蹴|守着|陪|等着|碰见|打招呼|盯着)"
_PRESENCE_RX = (_PRESENCE_PLACE + r"[^。]{0,14}" + _PRESENCE_OFTEN + r"[^。]{0,6}(去|在|过去|来|到)?[^。]{0,10}" + _PRESENCE_DOING + "|"
                + _PRESENCE_OFTEN + r"[^。]{0,6}(去|在|到)[^。]{0,12}" + _PRESENCE_PLACE + r"[^。]{0,10}" + _PRESENCE_DOING)
_PRESENCE = re.compile(_PRESENCE_RX)
#: how a tale of another debtor opens (上回有个客户…, 前两年有个老板…)
_TALE_OPENING = ("以前", "上回", "上次", "前两年", "前几年", "去年", "有一回", "之前", "前阵子", "前段时间", "我见过", "听说")
#: his family or his home named
_HIS_OWN = re.compile(_YOU + r"(的|家|们)?.{0,3}" + _FAMILY + "|" + _YOU + r"(家|的家|厝|老家|丈母娘)")

UNLAWFUL: tuple[tuple[str, LazyPattern], ...] = tuple((name, lazy(rx)) for name, rx in (
    # the family named as a lever: where they are, what will happen to them
    # (where they study or work is small talk — 您闺女在哪儿上大学 — until it comes with knowing, watching or a visit)
    # (我知道 that goes on to the debtor's own trouble is empathy: 您孩子上学的事我知道您压力大)
    ("family", _YOU + r"(的)?(家)?" + _FAMILY + r".{0,12}(打听|" + _I_KNOW + r"|我都知道|"
     r"我可知道|我都晓得|我晓得|我(都|也|很|可)?清楚|电话号码|手机号|号码|电话我|找(?!我|俺)|小心|安全|出事|天天|说道|别逼|等着|接送|门口|短信)"),
    ("family", _FAMILY + r".{0,20}(我们的人|我的人|我们的兄弟|有人)(都)?(看在眼里|盯着|看着)"),
    ("family", _FAMILY + r".{0,24}(要是|万一|哪天|保不齐|最好别|可别).{0,6}出(点|了|个)?(什么|啥)?(事|意外)"),
    ("family", _FAMILY + r".{0,24}(不平安|平不平安|不太平)|不保证.{0,10}(平安|安全|没事)"),
    # the wife told at home, or asked along to hear it: 去你家里跟你老婆好好聊一聊, 请嫂子一起来坐坐,让她也知道知道
    ("family", r"(去|到|上)" + _YOU + r"(的)?家(里)?.{0,4}(跟|和|找)" + _YOU + r"(的|那.{0,6}的)?" + _FAMILY),
    # his wife sought out at home, said without a 你 (哪天我直接上家里找嫂子聊聊这事); sitting down with her at his home
    # to settle (周末到您家坐坐,跟嫂子一起把付款的事定下来) is a visit
    ("family", r"(去|到|上)(" + _YOU + r"(的)?)?家(里)?.{0,4}找" + _FAMILY),
    ("family", _FAMILY + r".{0,16}(让|叫)(她|他)(们)?(也|都)?知道"),
    ("family", r"(让|叫)" + _YOU + r"?(的)?(全家|一家|家里人|家人|" + _FAMILY[1:-1] + r").{0,6}(丢脸|丢人|没脸|抬不起头|跟着(丢|难堪|受罪))"),
    # the debt told to his children or his kin to shame him (让您伢晓得他爸是个老赖), or shame promised outright
    ("family", r"(让|告诉|通知|叫)" + _YOU + r"?(的)?" + _FAMILY + r".{0,4}(知道|晓得)(?!.{0,8}(分期|方案|安排|计划|日子|好消息))"),
    ("shame", r"(让|叫)" + _YOU + r".{0,12}(抬不起头|没脸见人|丢尽脸|颜面扫地)|(让|叫)(大家|所有人|街坊|邻居|同事|员工)(都)?(来)?评评理|"
     r"(跟|给|告诉|对)(她们|他们|大家|所有人|每个人).{0,4}(说|讲|说说|讲讲|宣传).{0,8}(欠钱不还|欠债不还|赖账|老赖|不还钱)"),
    # (the weather or the work is no lever: 你妈那个老寒腿经不起冻)
    ("family", _FAMILY + r".{0,20}(经不经得起|经得起|受得了|受不受得了|吃得消|睡不着|睡不好)(?!.{0,2}(冻|冷|热|晒|风|累|饿|熬夜))"),
    ("family", _FAMILY + r".{0,20}(下课|放学).{0,12}(去接|接一趟|接他|接她|替.{0,3}接)|(替|帮)(你|您)(们)?去接"),
    ("family", r"(家里人|全家|一家|家人|老婆孩子|家里).{0,4}(也)?(别想|甭想|休想)(过好|好过|安生)"),
    ("family", r"(知道|晓得|打听|清楚|摸清)" + r".{0,10}" + _FAMILY + r".{0,10}(学校|上学|放学|幼儿园|在哪|住哪|单位|医院)"),
    ("family", _FAMILY + r".{0,16}(学校|小学|中学|上学|放学|幼儿园|单位|医院|住院|读书|上课|舞蹈班|补习班|兴趣班|上班).{0,12}"
     r"(" + _I_KNOW + r"|我都知道|我也知道|我晓得|晓得|清楚|记得|门口|去看|探望|看望|等|看到|看见|见过|去过)"),
    # the child seen on the way from school, the spouse's or parents' place found: "那天看到你儿子放学"
    ("family", r"(看到|看见|碰到|见到|遇到|路过).{0,8}" + _FAMILY + r".{0,8}(放学|上学|上课|学校|舞蹈班|补习班|单位)"),
    ("family", _FAMILY + r".{0,4}(住哪|住在哪|在哪上班|在哪个单位|哪个单位|哪个学校|在哪读书).{0,10}(知道|晓得|清楚|有数)"),
    # going to them: to the school, the spouse's employer, the parents' door
    ("family", r"(去|到|上)(学校|" + _YOU + r"(的)?" + _FAMILY + r"(的)?(单位|学校|那儿|那里|家|那边)).{0,8}(找|堵|聊|说|摆|问问|等|坐)"),
    ("family", _FAMILY + r".{0,6}(知道|晓得|清楚)" + _YOU + r".{0,12}(欠|赖账|不还)"),
    # stop 47 (dev_r32b): his kin told about him by us (我上她柜台前头跟她说说她爹干的好事, 去跟老太太聊聊您), his doings carried
    # to them (丑事全部抖给你堂客听), his old father visited in the village
    ("family", _FAMILY + r".{0,30}(跟|给|对|同)(她|他|老太太|老爷子|老人家)(老人家)?(好好)?(说说|聊聊|讲讲|唠唠|说道|摆摆|策一策)|"
     r"(跟|盯)了(他|她)(两|三|几|好几|这几)天|" + _FAMILY + r"(的)?(微信|电话|手机号)(我)?(加上了|加了|要到了|拿到了)|(一条一条|全部|都)发给(她|他)(看)?|"
     r"(抖|说|讲|告诉|捅)(给|到)" + _YOU + r"(的)?" + _FAMILY + r"(听|知道)|"
     + _FAMILY + r".{0,16}(住在|住|在)(村里|老家|乡下|养老院|敬老院|医院).{0,16}(去|回去|过去)(看下|看看|看一下|看望|探望|陪陪|坐坐|聊聊)"),
    # (a gift or a greeting for them is not going to them: 记得给你妈买床电热毯)
    ("family", r"(找|去找|告诉|通知|打电话给|给|联系|堵)" + _YOU + r"(的)?(家)?" + _FAMILY +
     r"(?!.{0,2}(买|带|捎|寄|送|做|挑|准备|过生日|拜年|看病|问好|问个好|带个好))"),
    # waiting / staking out at home
    # (not "until" his family's day: 等你家老二满月,我要包个大红包)
    # (你家 / 您家 is also "you" said politely in Wuhan and Kunming: 我等你家消息, 等您家空了 wait for him, not at his home —
    # so 等 needs 在/到 or a place at the home: dev_r32a, five lines of courtesy and praise heard as threats)
    ("home", r"((守|(?<!路上就)(?<![路车])堵|蹲|住|候|赖)(在|到)?|等(在|到))" + _YOU + r"(的)?" + _HOME +
     r"(?!(里)?(的)?(老[大二三四幺]|孩子|小孩|儿子|女儿|闺女|娃|宝宝|.{0,8}(满月|结婚|生日|办酒|喜事|装修好|搬完|开业)))"),
    # at his door or under his window to wait him out, reached by going there (明天我就到您屋里楼下守着)
    ("home", r"等" + _YOU + r"(的)?(家|屋头|屋企)(的)?(门口|楼下|楼底下|外面|外头|附近|院子)"),
    # (not 到 of a verb, nor keeping one's word: 我们这边一样都没少做到,你家那边也要守住这个约)
    ("home", r"(在|(?<![做办收找想说看得拿买])到|去)" + _YOU + r"(的)?(家|屋里|屋头|屋企|老家|小区|住的地方)(的)?(楼下|门口|门外|外面|对面)?.{0,4}"
     r"(守(?!住?(这个|个)?(约|承诺|信|规矩|本分|合同))|堵|蹲)"),
    # where the family lies ill, lives out old age or is buried, gone to and waited at (天天去病房门口等您, 养老院每个礼拜去看她)
    ("family", r"(天天|每天|每个礼拜|每周|每个星期|日日).{0,4}(去|到|上).{0,6}(病房|医院|养老院|敬老院|学校|幼儿园|坟).{0,6}(等|守|堵|蹲|看(她|他))|"
     r"(病房|养老院|敬老院|坟|墓).{0,8}(我)?(已经|都|也)?(打听到|打听|晓得|知道|找到|去看过|去过|看过了)"),
    # (a visit to sit down and settle with the family, 到您家坐坐, is manners; sitting there until paid is not)
    ("home", r"(去|到|上)" + _YOU + r"(的)?(家里?|屋头|屋企|老家|小区|住的地方)(去)?.{0,8}(闹|说道|堵|守|蹲|坐着不走|坐到|坐起|不走|找|等|贴|喊)"),
    ("home", r"在" + _YOU + r"(的)?(家|屋头|屋企|老家|小区|家门口|家楼下|楼下|家楼底下|楼底下).{0,6}(等|守|堵|蹲|坐|摆)"),
    ("home", _YOU + r"(的)?家(的)?(客厅|门口|楼下|沙发).{0,4}(坐|等|守|蹲|堵|睡)|(每天|天天|每晚|半夜|晚上).{0,6}(来|去)?敲(一次|几次|一下)?门|"
     r"(去|到|上)" + _YOU + r"(的)?家(里)?.{0,4}吃(晚)?饭"),
    ("home", r"(打|去|到)(去)?" + _YOU + r"(的)?(屋企|屋头).{0,10}(打到|等到|为止|天天|日日)|(天天|日日|每天)(打|去)(去)?" + _YOU + r"(的)?(家|屋企|屋头)"),
    ("home", r"(知道|打听).{0,6}" + _YOU + r".{0,6}(住哪|住在|几点下班|走哪条路|每天几点)"),
    # when someone comes and goes is small talk (您几点下班?) until the speaker shows he is watching it
    ("home", r"(走哪条路|出门小心|晚上走路|走夜路)"),
    ("home", r"(知道|清楚|摸清|打听|盯).{0,10}(几点|什么时候)(出门|回家|下班|上班|接孩子)"),
    ("home", r"(几点|什么时候)(出门|回家|下班|上班|接孩子|进出|出入).{0,10}(一清二楚|清清楚楚|我都知道|我知道|我都清楚|摸清|摸得)"),
    ("home", r"闹到" + _YOU + r"(的)?(家|老家|单位|公司)|(家里|家门口|老家)(去)?闹"),
    ("home", r"(知道|打听).{0,6}" + _YOU + r"(的)?家(在哪|住哪|地址)"),
    ("home", _YOU + r"(的)?(家|屋头|屋企)(在)?(哪|哪儿|哪里|哪点|住址|地址|门牌号).{0,6}(我)?(都|也)?(知道|晓得|清楚|有数|记下)|"
     r"(门牌号|家庭住址|家的地址).{0,6}(记下|记住|我有|我知道|我晓得|查到)|别装不在家"),
    ("home", r"(几点|几时)(下楼|出门|出家门).{0,10}(告诉我|通知我|跟我说|报给我)"),
    ("home", r"(去|到|上)" + _YOU + r"(的)?家(里)?(去)?(要|讨|催|拿|坐着|坐到|吃住)"),
    # following and harassing the person
    # following a person, not tracking a job (饲喂跟踪, 跟踪服务, 跟踪您的订单 are service)
    ("stalk", r"(派人|找人|叫人|让人|雇人|请人|偷偷|悄悄|一路|天天|每天)跟踪|跟踪(你|您|他|她)(?!们?的?(订单|项目|进度|物流|货|单|需求|反馈))|"
     r"跟踪(你|您)(们)?的?(家|老婆|孩子|儿子|女儿|爱人|老公|家人)|跟着" + _YOU + r"(回家|下班|上下班)|盯着" + _YOU + r"(家|的家|上下班)|"
     r"(打|发|联系|群发|爆).{0,6}通讯录|通讯录.{0,6}(打|发|联系|群发)|电话轰炸|短信轰炸|打爆" + _YOU + r"|打到.{0,6}(手机)?爆|"
     r"(盯着|跟着)" + _YOU + r"的车|(顺路|一路|偷偷|悄悄)跟着|跟(着)?" + _YOU + r"(们)?(回家|去玩|出去玩)|坐" + _YOU + r"隔壁桌|"
     r"(从明天(开始|起)|以后|从今天(开始|起))(我)?(就)?(天天)?跟着" + _YOU + r"|轮流(给" + _YOU + r")?打|打到.{0,8}(没电|关机)|"
     r"(让|叫)" + _YOU + r"(们)?(全家|一家|家里)?(都)?睡不(好|着)觉?|" + _YOU + r"(去|走|开)到?哪(去|儿|里)?(我|我们)都(知道|晓得|清楚)|(让人|派人|找人|叫人)(盯(上|着)|蹲(上|着)(?!.{0,3}(那批|这批)?(货|设备|机器)))(了)?"),
    # their customers, patients, members or suppliers told one by one about the debt
    ("shame", _YOU + r"(们)?(的|那些|所有|那几家|诊所的|医院的|店里的|厂里的)?.{0,4}(客户|病人|患者|会员|供货商|供应商|甲方)"
     r".{0,16}(挨个|一个一个|一个个|挨家|每一位|每一个|挨家挨户)"),
    ("shame", r"(挨个|一个一个|一个个|挨家|每一位|每一个|挨家挨户).{0,10}(客户|病人|患者|会员|供货商|供应商).{0,12}(说(?!法)|讲|告诉|聊|打招呼|知道)"),
    ("shame", r"(客户|病人|患者|会员|供货商|供应商).{0,6}(我|我们).{0,4}(挨个|一个一个|一个个|挨家|都)(打|说|讲|告诉|通知|聊|寄)"),
    # made-up accusations carried to their bosses or the authorities: "跟你们院长说你吃了回扣"
    ("shame", r"(说|讲|告诉|举报|告).{0,8}(吃|拿|收)了?.{0,6}(回扣|好处费|黑钱)"),
    # what kind of person he is, carried to his customers, bosses or investors: "说说你们公司是什么德行"
    ("shame", r"(说说|讲讲|看看|告诉.{0,6})(你|您|你们|他)?.{0,6}(是)?(个)?(什么|啥|啥子)(德行|货色)|"
     r"(投资人|投资方|股东|银行|合作方|甲方).{0,10}(收到|看到|知道).{0,12}(拖欠|欠款|欠钱|欠账|材料)|"
     r"当着.{0,8}(亲戚|全场|大家|所有人|客户|员工|同事|全办公室|全单位|全公司|宾客|客人|商会|会员|邻居|同行|隔壁床|病友|街坊|乡亲|老师|同学|全村人|村里人|" + _FAMILY[1:-1] + r")"
     r"((的)?面.{0,12}(算|说|讲|要|念|问)|把.{0,10}(算|念|读|摊|亮))|"
     r"(寄|送|递|贴|发)(到|给)" + _YOU + r"?(的)?(老家)?(村委会|居委会|村里|老家|家族群|亲戚群|家长群|孩子学校)|"
     r"(寄|送|递)(一箱|一份|一堆|几份|一摞)?材料(给|到)" + _YOU + r"?(的)?(上级|领导|老板|单位|总部|集团)|"
     r"(找|去找)" + _YOU + r"(们)?(的)?领导.{0,6}(让他|叫他)(看看|知道|评评)"),
    # their post or career held over them: "真闹大了你这个处长还当不当得成"
    ("shame", r"(讲|说|闹)到(你|您|恁).{0,8}抬不起头|(领导|老板|单位).{0,20}(唠唠|说说|聊聊|讲讲).{0,6}(是个)?(啥|什么)(人|东西)"),
    ("expose", r"(发|贴|挂)(到|在|进)(你|您|恁)(们)?(村|单位|公司|小区|家族|同学|老乡|商会)?(的)?(微信)?群|(让|叫|保证)(你|您|恁).{0,4}上(本地|全网|全市)?热搜|网红.{0,6}转|编成段子"),
    ("shame", _YOU + r"(这个|的)?(处长|局长|科长|院长|主任|经理|乌纱帽|位子|饭碗).{0,6}(还)?(当不当得成|还想不想当|保不住|保不保得住|当到头|坐不稳|坐不坐得稳|别想要了)"),
    # exposing: online, chat groups, leaflets, banners
    # (posting is only exposure when it is about the person or the debt: 会议号我发群里了 is logistics)
    ("expose", r"(你|您|欠|赖|照片|名字|身份证|这事|这件事|这笔账|丑事|嘴脸).{0,12}(发|贴|挂|曝光|公布|晒|传|印|放)(到|在|上|成)?.{0,12}"
     r"(网上|朋友圈|微信群|群里|工作群|家长群|抖音|微博|快手|小红书|网络|传单|大字报|小区|门店|村里|公告栏)"),
    ("expose", r"(发|贴|挂|曝光|公布|晒|传|印|放)(到|在|上|成)?.{0,12}(网上|朋友圈|微信群|群里|工作群|家长群|抖音|微博|快手|"
     r"小红书|网络|传单|大字报|小区|门店|村里|公告栏).{0,8}(让|叫|给)(大家|所有人|都|他们|同行|客户)"),
    ("expose", r"(曝光|人肉|大字报|传单|横幅|布条|条幅|挂网上|上网曝|放上网|发上网|贴上网)"),
    ("expose", r"直播.{0,12}" + _YOU + r"(的)?.{0,6}(欠|拖|赖|聊天记录|嘴脸)|(念|讲|说|播)给网友"),
    ("shame", r"(欠款单|欠条|账单|聊天记录)(复印|打印|印)(了|出来|几份|一沓)?.{0,12}(会员|同行|邻居|亲戚|商会|员工|客户)"),
    ("expose", r"(贴满|挂满|发满|撒满)" + _YOU + r"|(做成|做了)(长图|海报|图片|视频).{0,10}(发送|发出去|发到|贴|一发)|"
     r"(举|拿)(个|块)?(牌子|纸牌)|(牌子|纸板|纸牌).{0,6}写.{0,8}欠"),
    # (a group named to speak well of them is face, not exposure: 在行业群里帮您宣传宣传)
    ("expose", r"(行业群|商会群|业主群|同学群|家长群|老乡群)(?!.{0,8}(宣传|推荐|表扬|点赞|夸|感谢|好话|美言|介绍|推广|捧场|口碑|好评))"),
    ("expose", _YOU + r"(的)?(照片|身份证|电话号码|手机号|住址|名字).{0,8}(发|贴|挂|公布|印)(到|在|上|出去|满)"),
    ("shame", r"(发|告诉|通知|说给)" + _YOU + r"(的|们的)?(客户|同事|领导|家人|亲戚|邻居|供应商)"),
    # (only when the speaker posts: 老板昨天在群里还发言了, 你们老板在朋友圈晒新车 are what the debtor's side does)
    ("expose", r"(我|我们|咱|咱们|把).{0,8}(在|到|往)(网上|朋友圈|群里|工作群|抖音|微博|快手|小红书).{0,4}(发|贴|挂|曝光|公布|晒)"),
    # shaming before family, village, employer
    # (跟几个老板吃饭,一提您都说您实在 is praise: the circle must be told or made to see, about the debt)
    # (要是让会员们知道了,您脸上也不好看 is a consequence named, not a threat to tell: no 让 after 要是/如果/万一 …)
    ("shame", r"((?<!要是)(?<!如果)(?<!万一)(?<!一旦)(?<!假如)(?<!若是)让|告诉|通知|跟|叫)" + _YOU + r"?(的|们的)?.{0,4}" + _KIN_OR_BOSS +
     r".{0,8}(知道|看看|评评理|说道)"),
    ("shame", r"(去|到)" + _YOU + r"(们)?(的)?.{0,6}(公司|单位|店里|门口|前台|医院|诊所|大厅|车间|厂里|厂门口|办公室).{0,8}"
     r"(闹|大闹|坐着不走|喊|拉横幅|拉条幅|拉布条)"),
    ("shame", r"大闹|闹一场"),
    ("shame", r"(" + _KIN_OR_BOSS[1:-1] + r"|二老|爸妈|老人).{0,12}(说说|说道|告诉|讲讲|评评理).{0,8}(欠钱|欠款|赖账|不还钱|欠债|"
     r"这事|这笔账|这笔钱|这件事)"),
    # pulling their suppliers, customers or peers into a group to shame them
    # (a group to settle the figures with his own staff is logistics: 拉个群,把采购同事拉进来,把收据拍进去,十分钟说清楚)
    ("expose", r"(建|拉)了?(一)?个?群(?!.{0,12}(采购|财务|会计|经办|同事|对账|核对|说清楚|对一对|确认))|"
     r"(供应商|客户|同行|亲戚|朋友|爹妈|父母|员工|家里人).{0,6}都?拉(进|到)"),
    # "friends from society", gangs
    # their shop, store or meeting room locked, blocked or taken over
    ("detain", r"(店门|大门|仓库|卷帘门|门).{0,8}(从外面)?(锁上了|给你锁了|锁死|一直堵[着著]|堵[着著])|锁(我|我们)?(已经)?(给你)?换了(?!没|吗|么|嘛|[?？])|"
     r"(客人|客户|顾客)(也)?(别想|甭想|莫想|休想)进|一个(顾客|客人|客户)都(别想|甭想|莫想|休想)|(会议室|办公室|店|前台).{0,4}(我们)?先占了|(甭想|别想|休想)开(了|成)|"
     r"进来一个(客户|客人|顾客).{0,8}(讲|说)"),
    # a crowd sent to their door, shop, clinic or workshop: "喊几个兄弟天天去你诊所门口坐起", "二十个工人去你公司门口上班"
    ("society", r"(兄弟|弟兄|大哥|工人|十几个人|几十个人|一帮人|一群人|二十个人|好多人).{0,12}(去|到|上|在)" + _YOU + r"(们)?(的)?.{0,6}"
     r"(店|公司|厂|车间|诊所|医院|门口|办公室|那儿|那里|家|单位|屋头|工地)"),
    ("society", r"(叫|让)" + _YOU + r"吃不了兜着走|(那些人|他们|那帮人|那伙人)(做事|办事|下手)?.{0,4}(不(跟|和)" + _YOU + r"|没我这么)讲(什么)?道理|(刚|才)从(里面|里头|里边|号子|局子|看守所|监狱|牢里|大牢)(放)?出来|(发小|朋友|兄弟|亲戚|表哥|表弟|哥们).{0,10}混得开|(那片|这片|那一片|你那片).{0,4}有人|"
     r"(找人|叫人|请人).{0,4}(处理|办|料理)(你|您|他)|"
     r"(干出|做出|干出来|做出来)(什么|啥|啥子)(事|来).{0,10}(保证不了|不敢保证|管不了|说不准|不晓得|不知道|可不好说)|"
     r"不是钱能解决的|(有的是|多的是|有得是)办法(让|叫)(" + _YOU[1:-1] + r"|它|他|她)|(我有我|我)自己的办法.{0,12}(试试|等着|不信)|"
     r"(留神|小心)着?点儿?.{0,10}(天天出事|出事|出点事)"),
    ("society", r"(下手|手段).{0,6}(没我这么客气|可不客气|可没这么客气|狠|黑)|(专门|专业)(做|搞|帮人)(.{0,2})收账的"),
    ("society", r"社会上(有)?(的|几个|一些|一帮)(朋友|兄弟|人|大哥|哥们|小弟)|管不住.{0,6}(朋友|兄弟|那些人|那帮人)|(朋友|兄弟)们?(的)?脾气(比我)?(大|爆|不好|急)|(兄弟|哥们|朋友|弟兄).{0,16}脾气.{0,6}(爆|大|不好|冲|急)|(朋友|兄弟|弟兄|哥们儿?|表弟|表哥|亲戚|小弟)(们)?.{0,4}(打人|动手|下手)(?!(不|没))|(朋友|兄弟|弟兄|哥们儿?|表弟|表哥)(们)?.{0,8}手脚(不太|不大|不)?(稳|干净|重)|(?<![知味报轨街赛跑频渠通车行管隧航坡铁一])道上|黑社会|找几个兄弟|兄弟们.{0,4}(去|找|上门)|找人.{0,6}(砸|打|收拾|弄|堵|教训|上门)|(叫|派|喊|带)(几个)?人.{0,6}(砸|打你|打他|收拾|教训)"),
    # violence and veiled threats to the person. Not violence: 路上小心点 is manners (a threat says 最好/给我 小心点);
    # 砍单/砍价 cut orders and prices; 往上捅 reports upward; 别逼我交上去 warns of the legal department
    ("violence", r"(混不下去|待不下去|呆不下去|身败名裂|不会放过|没好日子|不得安生|让" + _YOU + r"后悔|废了" + _YOU + r"|躺着出去|见血|打残|"
     r"打" + _YOU + r"一顿|收拾" + _YOU + r")"),
    # a blow promised (一拳把你打醒, 大耳刮子抽您, 一巴掌扇过去把你牙齿都打落): stop 47, dev_r32b
    ("violence", r"(一拳|一巴掌|一脚|大耳刮子|大耳光|大嘴巴子|耳光|耳刮子)((把)?(你|您|恁|侬).{0,6}(打|扇|抽|踹|踢|呼)|.{0,3}(打|扇|抽|踹|踢|呼)(你|您|恁|侬|过去))|"
     r"牙(齿)?(都)?(给)?(你|您)?打(落|掉|飞)"),
    # their property watched: "您那辆车天天停在外面,可得看好了"
    ("violence", r"((?<![开坐打骑倒])车|店|门面|房子|厂|仓库|铺子).{0,16}(看好了|可得看好|小心点|注意点|保不齐|出点什么事|出点事)"),
    # their property damaged or taken by force: tyres let down, wheels off, the sign torn down, a car scratched
    # (砸 …招牌 is the idiom for ruining a name, "砸的是您的招牌": the sign smashed in deed is 把招牌砸了, below)
    # a veiled one: something of theirs "may get" damaged (你那台车天天停楼下,哪天被人划了几道)
    ("violence", _YOU + r".{0,14}(哪天|万一|小心|说不定|保不齐|难保).{0,4}(被人|让人|叫人|给人)(给)?(划|砸|扎|烧|泼|撬)"),
    # a year or a life that will not be quiet for him (我这个年也过不踏实 is the speaker's own worry)
    ("violence", r"(?<!我)" + _YOU + r"(这个|今年|的)?(年|日子)?.{0,3}过不(安稳|踏实|消停|太平|安生)"),
    ("violence", r"(会|要)?出(点|个)?(什么|啥|么|么子|啥子)事.{0,6}(我)?(可|就|也)?(不敢保证|保证不了|不好说|说不准|管不了|不负责)|"
     r"(莫怪|别怪|休怪)我.{0,2}(做事|下手|手)?(难看|太狠|狠)"),
    # his household goods carried off for the debt (上门把电视冰箱搬走抵账): no court, no agreement
    ("violence", r"(电视|冰箱|空调|洗衣机|沙发|家具|家电|床).{0,8}(搬走|拉走|抬走|搬空)|(上门|去(你|您)(的)?家|到(你|您)(的)?家).{0,8}(搬走|拉走|抬走|搬东西)"),
    # people brought to the ward, the school, the wedding or the funeral
    ("society", r"(带|叫|喊|找)(几个|一帮|一群)?人.{0,4}(去|到|上)(病房|医院|学校|幼儿园|婚礼|酒席|葬礼|灵堂|养老院)"),
    ("violence", _YOU + r"(的|那台|那辆|家)?.{0,4}车.{0,16}(刮|碰|划|砸)了?.{0,6}(可不好说|说不准|不好说|难说|保不齐)"),
    ("violence", r"(放|扎|卸|拆|划|撬)(了|掉)?.{0,4}(轮胎|车轱辘|轱辘|轮子|招牌|牌匾|门锁)|砸(了|掉)?.{0,4}(轮胎|车轱辘|轱辘|轮子|门锁)|"
     r"(轮胎|车轱辘|轱辘|招牌|牌匾).{0,6}(放了|扎了|卸了|拆了|放气|扎破|卸掉|拆掉)|(车|门|玻璃)上.{0,4}(多|添).{0,4}(划痕|道子|口子)|"
     r"(派人|叫人|找人|喊人|带人).{0,10}抢"),
    # a crowd to block or surround them, their gate or their site
    ("society", r"(叫|喊|带|找|派)(了)?.{0,12}(人|工人|兄弟|弟兄).{0,12}(围|堵)(起|住|了|着)?|(大门|门口|厂门).{0,6}(堵|围)(了|住|死)|"
     r"(把|将)(你|您|你们).{0,4}围(起|住|了)"),
    # warnings that something will happen to them at night, or that "my people" are watching
    ("violence", r"(一个人|你等着).{0,12}(路上|回家).{0,8}(小心|注意安全)|(这年头|最近|外面)(不太平|乱得很)|"
     r"(晚上|半夜|夜里).{0,8}(关好门窗|锁好门|最好有人守|有人守着)|(出了|出什么|出点)(什么)?事.{0,4}(别怪|可别怪|管不了|不负责)"),
    ("stalk", r"(一直|天天|每天|24小时).{0,4}(跟着|盯着)(你|您)|(盯|守|转悠|蹲)(着|在)?.{0,10}(进出|哪台车|几点出门|谁来谁走)|"
     r"(每天|天天|半夜|一天).{0,8}打.{0,4}(一百|几十|上百)(次|个|遍)|半夜打|半夜.{0,4}(也)?(照打|打电话|照样打|也打)|半夜也打"),
    # spreading that they are going under, to their banks, suppliers, customers: defamation as leverage
    ("shame", r"(我|我们|我就|我会|挨个|挨家|一个一个|到处)(去)?.{0,6}(说|讲|告诉|通知|宣扬|散布).{0,16}(你们|你|贵司|他们)(公司)?.{0,4}(要垮|快垮|要倒闭|快倒闭|要跑路|快不行|要破产)|"
     r"(刷|写|发).{0,4}差评|留言.{0,12}(欠|不还|赖账|老赖)|(找人|叫人|请人)刷|(配|写|加|标|挂|印).{0,4}老赖|评论区.{0,8}(刷|骂|留言)"),
    # a report to the authorities held over them to get paid (匿名信, 纪委, 税务) is extortion, not the law's way
    ("expose", r"匿名信|(写|寄).{0,3}(封|几封|一封)?信.{0,10}(寄|送|递)(到|给).{0,8}(街道|税务|税局|卫健委|纪委|工商|市场监管|环保|消防|甲方|"
     r"老婆|老公|家里|商会|会员|单位)|"
     r"(匿名|写信|举报|告发|检举|投诉).{0,12}(税务|税局|纪委|工商|街道|监察|派出所|卫健委|市场监管|环保|住建|消防|安监|城管)|"
     r"(环保局|住建局|消防|安监|城管|税务局|卫健委).{0,6}(举报|投诉|一投诉|告)(?!.{0,6}(你们的|我们的)?(质量|产品))|(编个|编一个|随便找个|随便编个)(理由|罪名|由头)|"
     r"(纪委|税务|税局).{0,12}(查查|好好查|查你|查一查|电话.{0,4}查到|感兴趣)"),
    # holding someone against their will (and below): not let go, the phone taken, the night spent there, a truck held
    ("detain", r"(不准|不许)(你|您|他|任何人)?(走|离开|出去)|谁(也|都)不(准|许|能)走|哪(儿|里)?都别去|哪(儿|里)?都不(许|准)去|(今晚|今天)?就在这(儿|里)过夜|"
     r"手机(先|也)?(交给我|交出来|给我收着)|扣(了|住|下).{0,8}(什么时候|啥时候).{0,12}(放车|放人|放)"),
    # their things taken by force: 拦也没用, 不用你同意, a watch taken as a pledge, the car keys
    ("violence", r"((你|您)拦也没用|不用(你|您)同意|不管(你|您)同不同意)|(表|手机|项链|戒指|首饰|金链)(摘下来|押在|交出来|留下来)|"
     r"钥匙(拿来|拿过来).{0,8}(开|抵)"),
    # holding someone against their will
    ("detain", r"(谁都别想|谁也别想|你别想|今天别想|都别想).{0,4}(出|走出|离开|走)(这个|这)?(门|屋|办公室|房间)?"),
    ("detain", r"(别想|甭想|莫想|休想)(出|走出|离开)(这个|这间|这|介个|介|咯个|咯)?(门|屋|办公室|房间|厂)|(我|咱)(就)?把门(一|给)?锁|守着门|(我|我们)(让|叫)(门卫|保安|人).{0,4}(把|将)(大)?门(给)?锁|(顾客|客人|客户).{0,4}敢(进|来)|(谁|哪个|一个人|一个|你们)(都|也)?(别想|甭想|莫想|休想)"
     r"(走|下班|离开|出去|回家)|(门|屋|办公室).{0,4}(别想|甭想|莫想|休想)(出|走)|(哪儿|哪里|哪)都(别想|甭想|莫想|休想)去|"
     r"(出不了|走不出|出不去)(这个|这)?(门|屋)|车?钥匙(给我|我先收着|交出来|我收着)|迈出(这个)?门|(就在|在)这屋(里)?待着|就?别下班了|"
     r"(你|您|谁|哪个)(都|也)?(莫想|甭想|休想)(走|跑)|(报警|叫警察|找警察).{0,4}(也|都)(没用|莫得用|没有用|不好使)"),
    # their goods or machines carried off by force, at night or "to cover the debt" (a take-back agreed is 取回库存)
    ("violence", r"(招牌|牌匾|店门|玻璃|车窗).{0,10}(给" + _YOU + r")砸|(收银机|设备|机器|叉车|电脑|家具|灌装机).{0,6}(我|我们|先|今晚|派人|叫人).{0,4}(搬走|拉走|开走|扣下|扣了)|"
     # (towed by our people: 叉车我今天就叫人拖走 — stop 47, dev_r33a)
     r"(车|皮卡|挖机|挖掘机|货车|卡车|面包车|铲车|吊车|叉车|设备|机器)[^。]{0,16}(我|我们|俺)(今天|明天|马上)?(就)?(喊|叫|让|找|派)人.{0,4}(开走|拖走|拉走|扣)|"
     r"扣(在|到|进)(我们|我|俺们|俺)(的)?(院子|院里|厂里|仓库|场子|车库|停车场)|"
     r"(全|都)拉走抵(账|债)|(今晚|半夜|连夜).{0,6}(派人|叫人|找人)?(搬走|拉走|开走)|车我(也)?(已经|先)?(给你)?开走|钥匙(交出来|拿来).{0,8}开走|"
     # stop 47 (dev_r33a): held with us (这辆车就押在我这里), the tyre slashed (把你车胎扎了), nothing left to drive out
     # (车一辆也别想开出来)
     r"(车|车子).{0,4}(押|扣)(在)(我|我们)(这|这里|这儿|手上)|"
     r"把(你|您|恁)(的)?车胎.{0,2}(扎|放|划)|(车|货).{0,4}(一辆|一台|一件|一箱)(也|都)?(别想|甭想|休想)(开|拉|运)(出来|出去|走)"),
    # a "visiting team" that will not be polite: collection by intimidation
    ("society", r"(外访|上门|催收)(团队|的人|小组|队).{0,12}(不客气|没我这么客气|不好说话|不讲情面|可不管)"),
    ("violence", r"把(?!(自己|自家|您自己|你自己|招牌|牌子))(?!.{0,4}自己的).{0,6}(店|门|车|玻璃|东西|厂|铺|场子|家|招牌|牌匾|办公室|仓库).{0,2}砸|砸(了|烂|坏|掉)?(你|您|他)(们)?(?!的?(招牌|饭碗|牌子|名声))|砸(了|烂|坏|掉)?(店|门|车|玻璃|东西|厂|铺|场子)|"
     r"(打断.{0,3}(腿|手|胳膊)|砍(死|伤)|砍人|砍(你|您|他)(一刀|几刀|两刀|了)|拿刀砍|欠揍|揍(你|您|他)|砸给(你|您)看|(被|叫|让).{0,4}修理|"
     r"(什么事情?|啥事|什么)都(做|干)得出来|捅(死|伤|人|你|您|他|一刀|刀子)|刀捅|弄死|打死|放火|烧了(?!高?香|(一|两|三|四|五|几|好几)?天)|泼(油漆|粪)|卸.{0,2}(腿|胳膊)|要你(的)?命|"
     r"别逼我(?!.{0,4}(交|报|上报|起诉|走法律|打官司|找律师|找法务|递))|出了事别怪|小心你的|(最好|给我|可得)小心(点|些|着)|有你好看|让你好看|等着瞧|走着瞧)"),
    # --- veiled pressure (dev round 20): the harm is only hinted, never named, which is how most threats are said
    # his shop or his trade held over him: 你这店还想不想开了, 你要还想在城关区干建材这行
    ("livelihood", r"(店|厂|铺子|门面|门店|馆子|饭馆|餐馆|饭店|酒楼|超市|公司|摊子|诊所|农家乐)(还)?想不想(开|干|做)|还想(在.{0,10})?(干|做|混|开).{0,4}(这行|这一行|下去)"),
    # his goods, glass, car or stock that "might" get broken, lost or let down: 玻璃门挺贵的吧?碎了可不好配, 仓库晚上可别锁得太松,
    # 轮胎瘪了可别怪路不好, 要是一屋子全磕了呢
    ("violence", r"(玻璃|门|车|轮胎|仓库|库房|瓷砖|货|招牌|店|窗).{0,12}(碎了|瘪了|丢(点|了|个|些)|磕(了|一块|坏)|全磕|划了|烧了|着了?火|失火|被偷)"
     r".{0,10}(可不好|可别怪|别怪|不好说|不号说|难说|不好配|保不齐|说不准|心疼|呢[?？]?$)|(晚上|夜里|半夜).{0,4}(可)?别锁(得|的)太松"),
    # his own safety on the road, at night, at his age: 出门走路多看着点脚下, 下班回家路上安不安全你得想想, 真出点啥事不值当
    ("violence", r"就(这|咯|介|那|恁)么(大|点大|点儿大|小)(点)?.{0,12}(出门|走路|坐车|开车|路上).{0,12}(小心|当心|留神|注意)|"
     r"(走路|出门)(最好)?(看着点|留神|小心|注意)(点)?(后头|身后|背后|后面)|(不要|别)逼我.{0,12}(动手|躺|医院)|"
     r"(躺|进|住)(在)?医院.{0,4}(不要|别|可别)后悔|(哪天|万一).{0,6}(不见了|丢了|没了).{0,8}(你)?(不要|别|莫)怪(我)|"
     r"(出门|走路|路上|回家|下班|夜路|开车).{0,12}(多看着?点脚下|看着点脚下|安不安全|安全不安全|多留神|操点心)|"
     r"(真|要是|万一)?出(点|个)?(啥|什么|么子|啥子)事.{0,2}(就|可)?(不值当|不划算|划不来)|躲(得|的)了初一.{0,2}躲不了十五"),
    # his children's way home, a wedding, trouble for them: 你儿子放学走的是黄河边那条路吧, 可别给她惹麻烦, 有人跑去婚礼上要账
    ("family", _FAMILY + r".{0,8}(放学|上学|下班|回家)(走的?是|走哪|路过|经过|那条路)|(别|莫|不要)(给|让)(她|他|孩子|家里)(们)?(惹|添|招)(麻烦|事)|"
     r"(婚礼|喜宴|酒席|葬礼|寿宴|满月酒|灵堂)(上|里)?.{0,6}(要账|讨债|催债|(?<!热)闹|收账)"),
    # his home or car found and noted: 你家住安宁区那个小区三单元吧,我去过; 车牌号我都记下来了
    ("home", _YOU + r"(家)?(住|在).{0,12}(单元|栋|号楼|号院|门牌).{0,8}(我去过|我知道|挺好找|找得到|我记得|我认得)|"
     r"车牌(号)?.{0,4}(我)?(都|也|早)?(记下|记住|抄下|拍下)"),
    # the unnamed others who will come, who "are not like me": 过了点我就不是一个人来了, 谁来找你我就管不着了, 打听打听我们是什么来头,
    # 就不是法院能管的事了, 有些人的钱可不是那么好欠的, 他们收账的手段你应该听说过, 几个纹身的小伙子, 带二十个人过去坐着
    ("society", r"不是(我)?一个人(来|去|上门|过来|过去)|(就|可)?不(光|只|止)是(我)?一个人(了)?|(老乡|同乡)(们)?.{0,12}脾气.{0,4}(不好|大|爆|急)|"
     r"(让|叫|派|喊)人.{0,8}(堵|围)(你|您|恁)|(谁|什么人|哪个|别人|有人)(来|去)?找(你|您).{0,6}(我)?(就|可)?(管不(着|著)|管不了|拦不住)|"
     r"打听打听.{0,8}(我|我们|老子).{0,6}(来头|是谁|是干什么的|什么人)|不是(法院|警察|派出所|法律)(能)?管(得了|得着|的)|"
     r"(有些人|有的人|那些人)的(钱|账).{0,6}(不是|没)(那么|这么)?好(欠|赖|拖)|(收账|要账|讨债|催收)的?(手段|办法|方式).{0,8}(听说过|知道|领教)|"
     r"纹身的|刺青的|(带|叫|喊|找)(上)?(十几|二十|三十|几十|一帮|一群|一伙|一车)(多)?个?(人|兄弟|弟兄|小伙子)|"
     r"(干|做)出(点|些)(什么|啥|啥子|么子).{0,8}(保证不了|不敢保证|管不了|说不准|不好说)|(劝你|最好)别报警|别(去)?报警"),
    # him filmed, his photos printed, his name made known in his village or trade, his affairs carried to the tax office or
    # his bank: 把你拍下来在快手上开个直播, 等着在你们村里出名吧, 合影印成海报, 捅到税务局, 跟你开户那家银行…聊聊你这个人
    ("expose", r"(把)?(你|您)(拍|录)(下来|成视频|个视频)|等着.{0,10}出名|(在|让(你|您)在).{0,8}(村里|圈子里|行业里|同行里|小区里|全城|县里|镇上)出名|"
     r"捅(到|给|去)(了)?.{0,6}(税务|税局|纪委|工商|环保|消防|市场监管|卫健委|行业协会|协会|商会|总部|媒体|记者)|"
     r"(银行|信贷|行长|客户经理).{0,12}(聊聊|说说|讲讲)(你|您)(这个人|的为人|的事)"),
    # (his own photos printed are shame, whatever the poster's other uses: not the stock poster that helps him sell)
    ("shame", r"(照片|合影|相片|身份证|全家福).{0,16}(印成|做成|打印成|印(了|出来).{0,4})(海报|传单|横幅|大字报|展板)"),
    # his shop shut, his car or trucks kept in, his way out barred: 你这个门面今天就莫开了, 让你这个店明天就开不了门,
    # 这店能不能开到过年还真不好说, 你的车别想开出这个院子, 别想从这个门出去, 走不出这条街
    ("livelihood", r"(店|厂|门面|铺子|铺头|门店).{0,8}(开不了门|莫开了|别开了|开不成|能不能开到|还做得成|做不成)|"
     r"(工作|饭碗|工程|活|门面|铺子|房子|贷款|位子|生意)(还|以后)?(要不要|保不保得住|接不接得到|租不租得到|续不续得上|干不干得下去|做不做得成)|"
     r"还(接|租|贷|续)不(接|租|贷|续)得(到|上)"),
    ("detain", _YOU + r"(的)?车.{0,4}(别想|甭想|休想|莫想)|(一辆车|车|货)都?(别想|甭想|休想)进出|(别想|甭想|休想|莫想)从(这个|这|葛个)?(门|屋|办公室)|"
     r"走不出(这条街|这个门|葛个门|这个院)|(走出|出)葛个门|把" + _YOU + r"(的)?.{0,6}门(给)?锁(了|上)"),
    # "my people" posted at his door, his family visited with people, a man found to "talk sense" into him
    ("society", r"(我的人|我们的人|几个兄弟|有的是人手?).{0,12}(站|坐|守|蹲|轮班)|"
     r"(带|叫|找|喊)(上)?(几个|一帮|一群)?(人|兄弟).{0,6}(去|到|上)" + _YOU + r"?(的)?(老家|家|孩子|学校|班上|单位|父母|爸妈|二老|岳父|丈母娘)|"
     r"找(几个)?人(跟|和)" + _YOU + r"(讲讲|聊聊|说说)|专门(处理|对付|收拾)" + _YOU + r"?(这种|这样的)?|保证" + _YOU + r"印象深刻|"
     r"(惹毛|惹急|逼急)了?(我|老子).{0,8}(后果|别怪|什么事)"),
    # his goods or valuables carried off without his say: 把你店里值钱的东西全拉走, 侬同不同意都没用
    ("violence", r"值钱的(东西|家当)|(同不同意|答不答应|愿不愿意)(都|也)(没用|得)|(清走|拉走|搬走).{0,2}一件不留"),
    # told to his customers, dealers or neighbours one by one, in his group, at his school or his village meeting
    ("shame", r"(挨个|一家一家|挨家挨户|一桌一桌|一个一个).{0,16}(老赖|欠钱|欠条|骗子|什么人|欠款的事|欠我们)|"
     r"(会员群|业主大会|村民大会|祠堂)(?=.{0,24}(欠|赖账|老赖|(你|您)(的|们的)事)).{0,14}(讲|说|挂|贴|发)|"
     r"(在哪个?|哪个|哪家).{0,6}(上班|单位|公司|学校).{0,6}(我|我们)?(都)?(查到|清楚得很|打听到)"),
    ("expose", r"往[^,，。;；]{0,8}(抖音|快手|网上|朋友圈|群里|微博|小红书|头条|视频号)(上|里)?一?(发|贴|挂|放|传|晒)|"
     r"(大名|名字|照片).{0,4}挂(到|上|在)?.{0,2}头条|直播(你|您)(的)?(每天|一天|行踪|上哪|去哪|吃饭)|在网上(看到|刷到)(自己|你|您)的?(照片|名字|脸|视频)|在网上出名|(欠钱|欠款|欠账|赖账)(不还)?的?事.{0,2}(做成|拍成|剪成)(视频|短视频)"),
    ("family", r"打" + _YOU + r"(的)?" + _FAMILY + r"(的)?电话|等着.{0,4}" + _FAMILY + r".{0,2}接电话|(校门口|学校门口).{0,6}(等|堵|守)"),
    ("stalk", r"半夜.{0,8}打电话|半夜.{0,6}给(你|您)打|(夜里|半夜|深夜|凌晨|后半夜)[^,，。;；]{0,4}([\d一二两三四五]|十二)[^,，。;；]{0,10}(给(你|您)打|打给(你|您)|接着打|再打|照打)|"
    r"(凌晨|夜里|半夜|深夜)([\d一二两三四五]|十二)[^。;；]{0,12}给(你|您)打(个|一个|一通)?电话|(凌晨|后半夜|深更半夜|三更半夜).{0,6}(也|接着|照样|照)?(打|发)(?![包卡扫工折开货款车球牌])|(换|用).{0,4}(几十|二十|十几|好多|多)个?号(码)?.{0,4}(打|轮)|"
     r"一(小时|个钟头)(打|发)一(遍|次|条|个)"),
    # dev_r23a (70 unlawful lines, many veiled, in a dozen voices; 49 heard at first):
    # waiting for him to leave home, people sent to live in or "visit" his home (not a technician 到您厂里驻点), his wife
    # sought out there
    ("home", r"等" + _YOU + r"出门|(派|安排)人.{0,6}(去|到|上)" + _YOU + r"?(的)?(家|屋里|屋企)|(家|屋里|屋企)(里)?.{0,4}驻点|吃住(都)?在" + _YOU + r"?(的)?家|"
     r"(去|到)" + _YOU + r"(的)?(屋里厢|屋里|家里).{0,6}(寻|找)" + _YOU + r"?(的)?" + _FAMILY),
    # his old home and his old mother "looked in on", his child's class named to him (…三年级二班,对伐?)
    ("family", r"(去|到|路过|顺道去)" + _YOU + r"(的)?老家.{0,6}(看了看|看看|转了转|走了走)|"
     + _FAMILY + r".{0,16}(学校|小学|中学|幼儿园|年级|班).{0,8}(对伐|对吧|是吧|没错吧|对不对|是不是)"),
    # people who "handle" debtors: heavy hands, from the streets, round the clock
    ("society", r"下手(没|冇|没有)(个)?轻(没|冇|没有)?重|下手(比较|很|挺|有点)重|社会上(混过|混的)|三教九流.{0,16}(出手|找上门|找你)|"
     r"(二十四|24)小时跟(人|着)"),
    # his goods, car or shop taken or locked without his say
    ("violence", r"不用经过" + _YOU + r"?(的)?同意|不同意也得同意|把" + _YOU + r"(的)?(车|货车).{0,4}(拖走|开走|扣下|扣了)|把" + _YOU + r"(的|那辆|那台|那部).{0,6}拖走|(车)?钥匙.{0,8}配(好|了)|"
     r"钥匙.{0,4}(替|帮)" + _YOU + r"(保管|收着|看着)|"
     r"把" + _YOU + r"?(的)?(店门|大门|店|仓库|厂门).{0,2}锁(了|上|起来)"),
    # shamed before his guests, his staff's party or his clients: the debt read out at his daughter's wedding, the year-end party
    ("shame", r"(年会|婚礼|婚宴|寿宴|酒席|满月酒|家长会|开业典礼).{0,20}(念一念|念念|宣读|算一算|把账算|当着.{0,6}(面|的面))|"
     r"(联系|找|拜访)了?.{0,6}(几个|几家)?(大)?客户.{0,10}(说明|聊|讲|说)了?.{0,8}(付款情况|欠|账|拖)|"
     r"(跟|陪)" + _YOU + r".{0,12}(客户|大客户).{0,10}(聊聊|说说|讲讲).{0,10}(欠|账)"),
    ("expose", r"拉横额|横额"),
    # stop 39, from dev_r24b (70 unlawful lines, most veiled; 47 unheard at first):
    # an "accident" wished on him or his property, said as concern (路滑,出个什么意外谁也说不准; 电缆皮易燃,万一半夜烧起来;
    # 屋头玻璃莫名其妙碎了; 那条路没路灯,自己多保重; 干出个啥事来,别怪我没提醒; 不想好好过年就接着拖)
    ("violence", r"意外.{0,6}(谁也|谁都)?(说不准|说不好|难说|不好说|保不齐|料不到)|(万一|哪天|半夜|夜里).{0,8}(烧起来|着火|失火|起火)|"
     r"(玻璃|窗户|车窗|挡风玻璃|招牌).{0,10}(莫名其妙|不小心|突然|哪天).{0,4}(碎|破|砸|坏)|(没有?路灯|黑灯瞎火|夜路).{0,10}(保重|小心)|"
     r"(干|做|闹)出(点|个|些)?(啥|什么|啥子|么子)?事(情)?来|(不想|别想|甭想)(好好|安安稳稳|安生)?过(个)?(好)?年"),
    # "friends" who collect in their own way, or a "special channel" the file was passed to
    ("society", r"烂仔|混混|马仔|打手|(外面|道上|外头)的(朋友|兄弟)|特殊渠道|(朋友|兄弟).{0,6}(好钟意|喜欢|专门)?帮人(追数|要账|讨债|收账)|"
     r"(他们|那帮人|那些人)(那套|的)(办法|手段)"),
    # his family by the names people call them (囡囡, 小宝, 个仔, 阿妈, 老豆) where they study, seen today, visited about the debt
    ("family", r"(囡囡|小宝|宝宝|(?<=[你您])个仔|阿妈|阿爸|老豆|老母|娃儿|伢儿).{0,16}(学校|小学|中学|幼儿园|年级|班|读书|上学|读紧)"
     r".{0,12}(我(都|也)?(晓得|知道|清楚|查到)|对吧|是吧|吧[?？]?$)|"
     r"(囡囡|小宝|宝宝|女儿|儿子|闺女|孩子|老婆|媳妇|太太).{0,4}(今天|今早|早上|刚才|昨天).{0,2}穿(的|着|了)|"
     r"(阿妈|老母|老豆|阿爸|父母|爸妈|老人|家人|家里人).{0,12}(探下|探望|看望|拜访).{0,12}(欠|账|数|钱)|上门拜访" + _YOU + r"(的)?(家人|家里人|父母|爸妈|老人)|"
     + _FAMILY + r".{0,16}(学校|小学|中学|幼儿园|读书|上学).{0,6}(我都查到|我查到|都查到)"),
    # his home found or reached: 新家的地址我已经有了, 已经到你家楼下了; followed for days
    ("home", r"(家|住)的?(地址|住址|门牌号)(我)?(已经|以经|早就|都|也)?(有了|拿到|查到|搞到|弄到)|"
     r"(到|在)" + _YOU + r"(的)?(家|屋企|屋头)(楼下|门口)了|(找人|派人|叫人|让人)跟(了|着)" + _YOU),
    # his goods, car or shop taken or locked, his word not asked (你的车我已经叫人拖走了; 你店门我刚换了把锁; 能拉多少拉多少)
    ("violence", _YOU + r"(的|那间|那个)?(车|货车|店门|店|铺子|仓库|厂门|大门).{0,10}(叫人|让人|找人)?(拖走|扣下|锁起来|"
     r"换了把锁|换了锁|铁链)|能(拉|搬|拿)多少(就)?(拉|搬|拿)多少|(用不着|不用|不必|无需)(跟|和|给)" + _YOU + r"(打招呼|商量)"),
    # his workers told their boss is sinking (在你们食堂跟工人聊了聊,说你们老板欠钱不还,工资发不发得出来都难说)
    ("shame", r"(跟|和|给)(你们?的?)?(工人|员工|职工|伙计|店员|司机|门卫|保安).{0,8}(聊|说|讲).{0,16}(欠|不还|工资)"),
    # a loudspeaker before his door; his post or his business "looked after" by friends in offices
    ("expose", r"大喇叭|循环播放|(喇叭|广播).{0,8}(欠款|欠钱|不还)"),
    ("shame", _YOU + r"(这个|的)?位置.{0,4}(还)?(坐不坐得稳|坐得稳|坐不稳|保不住)|(有关部门|税务|工商|消防|派出所)的?(朋友|熟人|关系).{0,10}(关照|查查|查一查|找找麻烦)"),
    # and from dev_r24a (70 unlawful lines; 38 unheard before dev_r24b's families, 24 after): people brought along who
    # "don't keep to the rules", his family's safety wished on him beside the money, a fall "you never know", his car
    # driven off or held, his door welded shut, whatever is worth most taken, followed from city to city, posted where
    # his customers read, his staff, landlord or wife told about the debt, the addresses of his child's school "on file"
    ("society", r"(道儿?上|不讲规矩)的(朋友|兄弟|人)|认(得|识)的人(也)?(杂|乱)|(带|找|叫)(上)?(几个|两个|一帮|一群)(人|哥们儿?|兄弟|后生|小弟)"
     r"(来|去|过去|上)?.{0,4}(找你|找您|你那|您那|你家|您家|你库房|你仓库|你店|坐坐)|(找上|找到)(你|您)家门|"
     r"(兄弟|哥们儿?).{0,10}不是吃(素|数)的|带人(来|去|过去)?(找你|找您)"),
    # (but relief that they are safe, 家里人都平安就好, greets: dev_r27a's polite dunning after small talk)
    ("family", r"(一家老小|家里人|家人|老婆孩子|爹妈|孩子).{0,16}" + _SAFE_NOT_RELIEF + r".{0,30}(钱|款|账|万)|"
     r"(钱|款|账|万).{0,30}(一家老小|家里人|家人|老婆孩子|孩子).{0,16}" + _SAFE_NOT_RELIEF),
    ("violence", r"(摔一跤|摔断|出(个|点)?(甚|啥|什么|么子)事).{0,6}(谁也|都)?(讲不定|说不定|说不准|难说|讲不准)|(摔|断了?腿|出事).{0,12}巧不巧|"
     r"(夜路|路滑|路不好走).{0,20}(平安|操心|讲不定|说不准)"),
    ("violence", _YOU + r"(的|那(间|个|台|辆|部))?(新)?.{0,4}(车|货车).{0,16}((有办法|叫人|找人|让人|我就|就叫人)(开走|拖走)|押(在)?我)|"
     r"(门|仓库|店|卷帘门).{0,4}焊(上|死)|(甚|啥|什么)(货)?值钱(就)?(拉|搬|拿)(甚|啥|什么)"),
    ("stalk", _YOU + r"(回家|回屋里?|回屋头|上床|上厕所|出门|下班|去哪(儿|里)?|走到哪(儿|里)?)[,，]?我(就|也|都)?(跟着|跟到|跟(你|您)(回|去|到))|"
     r"跟在" + _YOU + r"(的)?(后面|后头|屁股后)|全程跟着|跟" + _YOU + r"影子似的|躲到.{1,6}我(就)?跟到|(跑|躲|逃)到哪(儿|里)?我(就)?(追|跟|找)到哪|上厕所(我)?(都|也)?跟着"),
    ("expose", r"po(上|到|在)|(脸书|粉专|官网留言|留言区|点评).{0,10}(热闹|贴|发|公开)|(贴|发|公开)(到|在)?.{0,12}(脸书|粉专|留言区)|"
     r"(名字|电话|照片|地址).{0,10}(全部|统统|都)?公开"),
    ("shame", r"(全体|所有)(员工|职工|同事).{0,4}(知道|晓得)|(拜访|找|去找)了?(您|你)的?(房东|邻居|领导|同事|客户|岳父|岳母).{0,12}(聊|说|讲).{0,10}(欠|账)"),
    ("family", r"(给|找|跟)(嫂子|弟妹).{0,20}(讲|说|聊).{0,10}(欠|钱)|(去|到|上)" + _YOU + r"(的)?家(里)?.{0,4}(跟|和|找)" + _FAMILY +
     r".{0,16}(聊|说|讲).{0,10}(欠|钱|账|万|怎么回事)|(幼儿园|学校|单位)(的)?地址.{0,16}(登记在册|都有|掌握|知道|晓得|清楚)"),
    # stop 41, from dev_r26a (50 veiled threats beside 80 lines of real care; 20 heard at first): his home known to the
    # door (住哪个小区哪一栋我都清楚, 您家的门牌号…我都记得) — dev: 22 lines say so, every one of them hostile — and a
    # danger wished on him where no one would see (一个人…路又偏,真出点么事; 屋里就剩老婆孩子,您走得安心?)
    ("home", r"(哪个小区|哪一栋|哪栋楼|几栋|几单元|几楼几号|几号楼|门牌|住哪|住在哪|班主任|几点出门|几点回来|几点回家|走哪条道).{0,16}(知道|晓得|清楚|记得|门儿清|有数|摸清|找得到|上门|蹲|晒)|"
     r"(知道|晓得|清楚|记得|门儿清|有数|摸清).{0,16}(哪个小区|哪一栋|哪栋楼|几栋|几单元|门牌|住哪|住在哪|班主任)"),
    ("violence", r"(一个人|没人|没有人|黑灯|偏得|路又偏|没路灯|没有路灯).{0,16}(出(点|个|了)?(什么|啥|么)?(事|事故|意外|故障)|"
     r"安心[?？吗]|看紧|不见)"),
    # the law declined for ways of his own (我不走那个程序,要账我有我的办法; 打官司太慢,我有更快的办法) — not other ways
    # offered (不起诉,有别的办法可以商量)
    ("society", r"((不会|不)(去)?(告|起诉|打官司|走(那个|这个)?(程序|法律|法院(那一?套)?))|(打官司|走程序|起诉|走法律)(程序)?.{0,4}(太慢|没用|麻烦|费劲))"
     r".{0,12}(我|俺)(们)?(有|自有|另有)(我的|我们的|俺的|俺们的|更快的|自己的|我自己的)(办法|法子|路子|手段)"),
    # his debt spread where everyone he knows will see it (商户群…我一发,用不了半天全城都知道; 欠款名单往上一贴,全村人都看得到)
    ("expose", r"(我|俺)(一|就|要是|再)?(把.{0,8})?一?(发|说|贴|传|喊|嚷|宣传|挂|晒).{0,14}(全城|全村|全镇|全县|全市|全街|整条街|"
     r"整个(行业|圈子|市场|商会|村|镇|县|城)|所有人|圈里人|满城|大家)(的人)?(都|全)(会)?(知道|晓得|看得到|看到|听说|传遍)|"
     r"(名单|照片|名字).{0,6}(往上)?一?贴.{0,12}(都|全)(看得到|看到|知道|晓得)"),
    # stop 44, from dev_r29a (120 unlawful lines): the collector posing as the court or the police (这里是云岩区人民法院执行局,
    # 这边是经侦支队, 不打款就对你司法拘留) — only a court detains, and a court does not phone for the money
    ("impersonate", r"(这里|这边|我|我们|俺|俺们)(就)?是[^不想要走去说怕也真到跟和向找让请!?]{0,12}(人民法院|法院|执行局|执行庭|公安局|公安|派出所|经侦|检察院|警察|刑警)(?!.{0,3}(介绍|推荐|旁边|对面|附近))|"
     r"(冒充|假装|装成)(是)?.{0,4}(法院|公安|警察|律师)|(对|把)" + _YOU + r".{0,4}(司法拘留|拘留|拘传|抓起来)|(打|转)到我(给(你|您))?的?.{0,6}(个人账户|私人账户|个人卡)"),
    # weapons carried, a wreath at his opening or his door (not at a funeral), a crowd brought to "talk", the lawyer passed
    # over for "people" (dev_r29b); people of both worlds behind him, a crowd posted at his counter or his wife's shop
    # (dev_r29a: 黑白两道他都认得人, 带人上你们收银台前面坐着, 每天喊几个人在她店门口站起)
    ("society", r"(带|搁|揣|拿|拎|放|装)(着|了)?.{0,6}(镐把|钢管|铁棍|棒球棍|砍刀|开山刀|甩棍|棍子)|花圈.{0,12}(门口|开业|店|厂|公司)|(开业|门口).{0,12}(花圈|寿衣|纸钱)|(带|叫|喊|找)(几个|一帮|一群)人(直接)?(过来|过去|上门|来|去).{0,8}(谈谈|聊聊|坐坐|说说|找(你|您)|来得快)|"
     r"不找律师.{0,4}(找人|找兄弟)|黑白两道|白道黑道|黑道白道|黑道上|(带|叫|喊|找)(几个|一帮|一群|俩|两个|三个)?.{0,4}(人|小伙子|后生|大汉|壮汉|兄弟|哥们儿?).{0,12}(门口|收银台|柜台|前台|店里).{0,4}(站|坐|堵|守|蹲)"),
    # his door's lock glued, his tyres let down, his car's space known, his house watched from across the road
    ("violence", r"(锁眼|门锁|锁孔).{0,6}(堵|灌胶|塞|灌)|灌胶|(轮胎|车胎)(的)?气?.{0,4}(统统|全部|都)?(放掉|放光|放了)|停(哪|在哪)(个|儿|里)?(车位)?.{0,4}我(都|也)?(知道|晓得|清楚)"),
    ("home", r"(家|屋)(的)?(对面|楼下|隔壁).{0,6}租(了)?(个|间)?房|进进出出.{0,10}(看得|我都|我全)(清|知道|晓得)"),
    # his family's papers and numbers held over him (你们家所有人的身份证号、电话我手上都有)
    ("family", r"(家里人|全家|家人|所有人|一家老小)的?(身份证|电话|手机号|住址).{0,10}(都有|我有|手上|在我这)|"
     + _FAMILY + r"的?(电话|手机号|手机|住址|地址).{0,16}(都)?(整理好|存好|存了|记好|收集|搜集|备着)"),
    # a threat of his going out (以后出门最好找个人陪着) or his goods left whole (一个完整的都剩不下)
    ("violence", r"(出门|走路|回家|晚上).{0,6}最好(找|带)(个|几个)?人陪|完整的都?(剩不下|不剩|留不下)"),
    # stop 46, from dev_r30d (threats said with a laugh; 49 of 90 heard): the families above taken wider where their words
    # ran short — calls by the small-hours clock (夜里两点我接着打), following him home or behind him (您回家我跟着, 跟在你后面,
    # 全程跟着), his home's floor and his hours known (几楼几号、几点出门), a stool set under his block (您家楼底下摆个马扎儿),
    # his parent's care home "seen", his family's numbers "filed", posting "往抖音上一发", his car towed or its keys "kept for
    # him", his own people who hit or keep no steady hands, his boss's whole office as the audience. Dev 23 more lines
    # heard, none lost; on fresh dev_r31b (written meanwhile, measured before and after) they carried 57 → 59 of 100.
    # a tale of another debtor who came to harm after he held out (上回有个客户也是这么拖,后来他腿不晓得咋个就断了; 以前有个客户…
    # 后来有一晚…在巷子里被人……你懂的): the warning told as a story. Dev: 4 lines in all sets, every one hostile; a tale
    # that ends in court is the law's way (``_lawful_here``)
    ("violence", "(" + "|".join(_TALE_OPENING) + r")[^。]{0,6}(有个|有一个|一个|有家|有位)[^。]{0,10}"
     r"(老板|客户|人|家伙|老赖|经理|老总)[^。]{0,30}(欠|拖|赖|耍赖|失踪|不还|躲)[^。]{0,30}(后来|结果|最后)[^。]{0,40}"
     r"(断了|断了腿|被人|出(了)?事|意外|住院|摔|撞|蹭了|砸|烧了|不见了|你懂|谁做的|谁干的|是谁|有人坐着|有人守着|有人蹲)"),
    # someone of his family, or his home, kept company day after day (我天天下午在校门口那儿圪蹴着,都认得他了; 他们厝门口我这礼拜
    # 每晚都去看一看; 没事就去你家门口转转): presence as pressure. Dev: 13 lines of this shape with his family or home named,
    # every one hostile, none of the 170-odd lines of care (``_lawful_here`` asks for his family or home)
    ("stalk", _PRESENCE_RX),
    # pushed to a loan shark to pay (我认得个放贷的,月息一角,你今天就去借出来; 找家小贷公司,借出来当场转给我)
    ("extort", r"(放贷的|放高利|高利贷|网贷|小贷|借贷宝|套路贷|地下钱庄).{0,24}(借|贷|还|转给我|打给我)|(借|贷)(出来|了).{0,6}(当场)?(转|打|还)(给)?(我|我们)"),
))

#: words that turn what follows into reassurance ("我们不会到处说", "绝不会去您家")
CANCELLING = ("不会", "绝不", "决不", "不打算", "没打算", "不至于", "不是要", "别担心", "不用担心", "用不着", "没想过", "不想",
              "不要", "别")
WINDOW = 8


#: said after a family of pressure, these disown it: "横幅、堵门那一套我们不干"
_DISOWNED = re.compile(r".{0,8}(那一?套|这一?套|那些事|这种事|那种事)(我们|咱们|我)?(从来|绝对|是)?(不干|不搞|不会|不做|不来|不用)")
#: 别 inside these is the threat itself, not a canceller ("那你也别想好过", "出了事别怪我")
_NOT_CANCELLING = re.compile(r"别想|别怪|甭想|休想")


#: right after a place of exposure, these make it a showcase (印在小区宣传册上, 业主群里口碑好)
_PRAISED = re.compile(r"宣传|推荐|表扬|点赞|口碑|好评|夸|感谢|光荣榜|红榜")
#: listing them to sell is not posting them to shame (你们店我帮你免费挂上去,有人在网上问)
_HELPING = re.compile(r"(帮|替)(你|您)(们)?(免费|白)?(挂|发|放|上)|免费(挂|发|放|上)")
#: goods that "may not leave" are a refusal to ship (一片瓷砖都别想出仓), not a person held
_GOODS_HELD = re.compile(r"(货|瓷砖|螺丝|箱|件|片|桶|吨|台|批|根|颗|粒|包|瓶|卷|袋|仓|车)(都|也|就)?$")
#: our dealers asked to buy their stock: 库存清单发到我们经销商群里问问 is selling it, not exposing them
_SELLING = re.compile(r"清仓|清库存|库存|推货|买家|海报|九折|八折|促销|介绍给(你|您)|转给(你|您)|卖")
#: a banner is exposure when it is hung against them; not the shop's own sale banner, one we offer to print for their
#: promotion or our own campaign's (店门口挂的双十二大促横幅, 横幅、展架我们帮你免费做, 门口拉了条横幅"年终回款冲刺")
_BANNERS = frozenset({"横幅", "布条", "条幅"})
_PROMO = re.compile(r"促|清仓|甩卖|冲刺|展架|广告|品牌|打折|优惠|店庆|周年庆|欢迎|招聘")
_THEIR_BANNER = re.compile(r"(你|您)(们)?(的)?(店|家|厂|公司)?(门口)?(挂)?的$")


#: the law named as the step a line holds back (别逼我 after it is a legal warning: dev_r15a)
_LAW_NAMED = re.compile(r"法庭|法院|起诉|官司|律师|诉讼|仲裁|法律|法务")


#: a remedy the speaker recommends against the danger he names (找人查查, 装个灭火器, 慢点开, 锁好车, 多穿点)
_REMEDY = re.compile(r"找人(查|修|看|检修)|(查|修|检修|检查|换)(一下|一查|一修|查吧|修吧)|装(个|上)(监控|记录仪|灭火器|烟感)|慢点开|开慢点|"
                     r"锁好车|多穿|别着凉")


#: a safeguard recommended against a crime reported nearby (车停地库里吧, 车里甭放贵重东西, 装俩摄像头, 叫保安陪着, 锁换了没?): care
#: when the line menaces nothing and speaks of no money — a threat that names a safeguard still says 钱/可得/保不齐
_SAFEGUARD = re.compile(r"停(在)?(地库|车库|院里|院子)|(甭|别|不要)(把车)?停(马路|路边|外面)|(甭|别|不要|弗要|莫)放(贵重|包|东西|钱)|锁起来|"
                        r"装(俩|个|上|几个)?摄像头|(叫|让|找|喊)(个)?(保安|人)陪|换(把|个|一把)?(好|新|结实)(的|点的)|换锁|锁.{0,3}换(了|一下|一换)")
#: care that offers help or a doctor's advice (您老娘住院了…要找协和的医生,我帮您问问; 孩子烧了几天了?…去儿童医院记得早点挂号)
_CARING = re.compile(r"帮(您|你)(们)?(问问|打听|联系|找找|找个|介绍|挂|约|看看)|(记得|早点|赶紧|尽早).{0,6}(挂号|吃药|看医生|复查|医院|看病|休息)|"
                     r"(好好|多)休息|多喝(点)?(热)?水|早日康复|祝.{0,6}(健康|康复)|药.{0,4}(得|要|记得|必须)?(天天|按时|按顿|准时|每天)吃|(找|看|挂)(个|哪个)?(好)?(医生|大夫|专家)|恢复得?(怎么样|么样|咋样|如何|好不好|还好)|缓过来(了)?(没|吗|么|冇)|好(点|些)(了)?(没|吗|么|冇)")
#: danger in the air, said to anyone (一个人回家路上小心, 最近外面不太平): care, unless the line menaces (你等着, 可要, 出了事
#: 别怪我没提醒) or speaks of the money. Two dev lines said so, and labelled threats, are still heard by other words (走夜路,
#: the model); the course-only writers of stop 41 were asked for exactly such words as care, and small talk is never hostile
_AMBIENT = re.compile(r"一个人.{0,12}(路上|回家).{0,8}(小心|注意安全)|(这年头|最近|外面)((不|弗)太平|乱得很)")
_MENACE = re.compile(r"你等着|可要|可得|别怪|没提醒|不好说|说不准|保不齐|谁知道|难说|管不了|不负责|欠|钱|账|款|还(钱|款|账|债|清|上|我)|不还")
#: the speaker's own kin at the start of a family match (我妈, 俺爹, 我们家老爷子): his story, not a lever
_OWN_KIN = re.compile(r"(我|俺|我们家|我家|咱家)(的)?(妈|爸|爹|娘|老妈|老爸|老爷子|老太太|父母|爸妈|媳妇|老婆|孩子|儿子|女儿)")
#: 一家 as "one firm" (全县就给您一家做, 只给您一家代理)
_ONE_FIRM = re.compile(r"一家(做|来做|代理|经销|独家|包|供|卖|承办)")
#: a report of what others did to others (那个演员被曝光耍大牌, 网上又曝光了一家网红餐厅, 新闻里有人在菜市场抡刀砍人): the
#: news, not pressure — read only near words that name neither him nor us, in a line that names the news or a third
#: party exposed and nothing of the debt (dev_r32b: four such lines of small talk heard as exposure or violence). Not
#: 听说, 网上, 抖音: a veiled threat opens on 听说你每天晚上十点才走, and 往抖音上一发 is where he would be shown
_NEWS = re.compile(r"新闻|电视|报道|热搜|节目|综艺|卫视|央视|芒果台|[省市县]台|媒体|记者|网友|网红|网民|博主|头条|报纸|警察|民警|被曝光|曝光了一(家|个|批|起)")
_PEOPLE = re.compile(_YOU + r"|我|俺|咱|老子|阿拉|𠊎")
_HIS_PEOPLE = re.compile(_YOU)
NEWS_BEFORE, NEWS_AFTER = 4, 10
#: the debt or the money named: a line about it is never mere care
_ABOUT_MONEY = re.compile(r"欠|钱|款|账|还|万|付|结|债")


#: the frame of friends' banter: what he must do or stop doing to be spared is come to a meal, a drink or an outing
#: (这周六你要是不来我家吃手抓肉,我就端着一锅肉去你家门口堵你; 你来不来?不来我就上你家把你从被窝里拖出来), or stop
#: teasing the speaker (你再说我胖,我就…). The recogniser hears no hostility in a line of this frame that says nothing
#: of money, goods or the debt: every threat of a collector is about the debt, said or not, but not one whose price is
#: a dinner. Not 不去 (你们公司我不去了,以后我直接去你家吃晚饭 is a threat)
_OUTING = r"(生日|喝茶|吃饭|吃|喝酒|喝两杯|喝一杯|玩(?!意)|耍|爬山|钓鱼|打牌|打麻将|搓麻|唱歌|坐坐|聚|串门|骑车|溜达|打球|踢球|跑步|健身|游泳|喜酒)"
BANTER = lazy(r"(不来|来不来|不过来).{0,12}" + _OUTING + "|" + _OUTING + r".{0,12}(不来|来不来|放(我)?鸽子)|"
              r"不去也得去|不请我(吃|喝)|再(说|讲|港|笑|损|挤兑|取笑)我(?!的)|"
              # a silly moment of his shown to friends (你喝醉唱歌的视频, 年轻时候的照片): a tease, not a shaming for the debt
              r"(喝醉|醉酒|唱歌|跳舞|丑照|糗照|黑历史|年轻时候?|小时候)(的|那个|那段)?.{0,4}(视频|照片|相片|样子|发型)|"
              # his own wife or mother set on him (我就让你羊缸子收拾你,哈哈,她最听我的): a domestic tease (dev_r30c)
              r"(让|叫|找)((你|您|恁)(的)?)?(老婆|媳妇|羊缸子|嫂子|爱人|老妈|妈|娘|老娘)(来)?(好好)?(收拾|管管|说说|骂)")


#: a friend's mock threat, laughed off (下回再跟我打牌,我打死你,哈哈; 再不戒烟,我先把你打死——开玩笑的啰): the recogniser
#: reads it as banter only when the line says nothing of the debt or the dealings (dev: every one of the lines that
#: threatens to beat or kill him with a laugh and is labelled hostile names the money)
JEST_HYPERBOLE = lazy(r"^(?=.*(哈哈|嘻嘻|嘿嘿|开玩笑|开个玩笑|逗你|逗您|说着玩|闹着玩)).*((打死|弄死|揍死|掐死|整死|收拾|揍|踹)(你|您|恁|侬)|一脚.{0,4}踹)")


#: our own colleagues named before "brothers" (我们法务的弟兄, 销售部的兄弟们)
_OUR_STAFF = re.compile(r"(法务|律师|律所|财务|销售|业务|售后|技术)(部|部门|科|那边|这边)?(的)?$")
#: our own list, inside the firm (停发名单, 停供名单, 内部名单)
_OUR_LIST = re.compile(r".{0,4}(停发|停供|停货|内部|公司)名单")
#: his family admired (你家老爷子身体真当好,八十多了还天天去江边钓鱼,我都佩服): praise, not a watch kept on them
_ADMIRED = re.compile(r"身体(真|好|硬朗|棒|结实)|硬朗|佩服|羡慕|真(当|是)?(孝顺|懂事|乖|能干|有出息|争气)|有出息|争气")
#: the money named (not 还 alone, which is "still" as often as "pay back")
_OWED = re.compile(r"欠|钱|款|账|(?<!千)万(?!一)|付|结清|债|还(钱|款|账|债|清|上)")
#: what is at stake between us, read by the news and the blows not ours (``_reported_news``, ``_lawful_here``): the money
#: named (``_OWED``), any settling but 结果 / 结婚 …, the goods, the contract, the delay, the dealings
_STAKE = re.compile(_OWED.pattern + r"|结(?!果|婚|束|实|构|论|局|冰|伴|交)|货|合同|拖|赖|躲|生意|买卖")


def _own_family_only(marked: str) -> bool:
    """Only the speaker's own family in the line (我儿子也在实验中学,我每天下午都在校门口等他放学): no lever on his — read by
    the law's family and presence patterns and by the veiled-threat shape."""
    return _OWN_KIN.search(marked) is not None and _HIS_OWN.search(marked) is None


#: stop 47 (dev_r33a, small talk heard as threats): the blow is not ours nor at him — his wife's (嫂子晓得要打死你的), a
#: third person's fate (谁给你剪的,俺去弄死他 of a barber, 下回阿俩联手弄死他 of a card partner), the speaker's own temper
#: (气得俺想砍人), a spanking (揍你屁股), or he is the one who posts (你昨晚发朋友圈讲又失眠了)
_NOT_OURS_AT_HIM = re.compile(r"(弄死|打死|揍死|整死|收拾|砍死)(他|她|他们)(?!家|们家|的(老婆|孩子|儿子|女儿))|(气|急|恨)得.{0,3}想(砍人|杀人|打人)|"
                              r"(揍|打)(你|您|恁)(的)?屁股")
_HIS_WIFE_AT_HIM = re.compile(r"(嫂子|老婆|媳妇|堂客|羊缸子|爱人|婆娘)((晓得|知道).{0,10})?(了)?(要|得|会|非)?(打死|收拾|揍|骂死)(你|您|恁)|"
                              r"(跟|找|向)(嫂子|你老婆|你媳妇|你爱人|弟妹)告状.{0,4}(收拾|揍|骂)")
_HIS_OWN_POST = re.compile(r"(你|您|恁|侬)(昨晚|昨天|今天|今早|又|也|刚|刚刚|天天|还)?(发|晒)(了)?(个|条)?(朋友圈|抖音|微博|快手|小红书)")


def _reported_news(marked: str, m: re.Match[str]) -> bool:
    """The match is news told (``_NEWS``): the words around it name neither him nor us (the marked text has no
    punctuation left, so a few characters either side stand for its clause), and the line nothing of the debt."""
    if _STAKE.search(marked) or not _NEWS.search(marked):
        return False
    return (_PEOPLE.search(marked, max(0, m.start() - NEWS_BEFORE), m.end()) is None
            and _HIS_PEOPLE.search(marked, m.end(), m.end() + NEWS_AFTER) is None)


def _lawful_here(name: str, marked: str, m: re.Match[str]) -> bool:
    """What the words around a match of family ``name`` make lawful: goods held back, not a person; a name shown off,
    stock offered for sale or listed to help, a sale's or a campaign's banner — not someone exposed. Not a threat
    laughed off (哪天我带几个兄弟去坐一坐…别当真啊,嘻嘻): until stop 45 a jest with no word of the money was lawful, and
    on fresh dev_r30d that cleared 15 threats said with a laugh; friends' banter is the recogniser's (``BANTER``)."""
    if name == "family" and (_OWN_KIN.search(marked, max(0, m.start() - 4), m.start() + 3)
                             or _ONE_FIRM.match(marked, m.end() - 2)):
        # the speaker's own mother (我妈整宿整宿睡不着, said in sympathy), or "you alone" among firms (全县就给您一家做)
        return True
    if name == "family" and _ADMIRED.search(marked) and not _OWED.search(marked):
        return True
    if name in ("family", "stalk") and _own_family_only(marked):
        return True
    if _reported_news(marked, m):
        return True
    if not _STAKE.search(marked) and (
            (name == "violence" and (_NOT_OURS_AT_HIM.search(marked, max(0, m.start() - 6), m.end() + 6)
                                     or _HIS_WIFE_AT_HIM.search(marked, max(0, m.start() - 10), m.end() + 4))
             and not _HIS_OWN.search(marked))
            or (name == "expose" and _HIS_OWN_POST.search(marked, max(0, m.start() - 2), m.end() + 2))):
        # a blow that is not ours at him, or a post that is his own, in a line with nothing of the debt (dev_r33a)
        return True
    if name == "violence" and _AMBIENT.fullmatch(m.group()) and not _MENACE.search(marked):
        return True
    if name in ("violence", "society", "family") and _SAFEGUARD.search(marked) and not _MENACE.search(marked):
        # a crime reported in his area with a safeguard to take (听说你们那片儿夜里有人砸车窗,车停地库里吧): dev_r27a's
        # small talk, heard as a threat by 那片儿有人 and 砸车; his wife kept company late at her shop (最近不太平,喊个人陪下)
        # is the same care (dev_r32b)
        return True
    if name in ("family", "violence") and _CARING.search(marked) and not _ABOUT_MONEY.search(marked):
        # his family's illness asked after, with help or a doctor's advice, and no word of the money: care (dev_r26a,
        # two caring lines heard as threats by their 找 / 记得 / 烧)
        return True
    if name == "society" and _OUR_STAFF.search(marked, max(0, m.start() - 8), m.start()):
        # our own legal or sales colleagues, "brothers" in speech, serving the lawyer's letter at his company
        # (我们法务的弟兄今儿下午就到你们公司送达律师函): the law's way, not a crowd (dev_r31b)
        return True
    if name == "expose" and _OUR_LIST.match(marked, m.end()):
        # his name on our own list of accounts whose deliveries stop (你的名字挂在停发名单上了): stop_supply, not exposure
        return True
    if name == "violence" and m.group().startswith(_TALE_OPENING) and _LAW_NAMED.search(m.group()):
        return True  # a tale that ends in court (后来我们起诉了,法院判下来…)
    if name == "stalk" and _PRESENCE.fullmatch(m.group()) and not _HIS_OWN.search(marked):
        return True  # presence day after day, with no family or home of his named
    if name == "detain":
        return bool(_GOODS_HELD.search(marked, max(0, m.start() - 8), m.start()))
    if name == "violence" and _REMEDY.search(marked):
        # concern that says what to do about the danger (电线老化了,小心半夜起火,找人查查吧; 路上车多,您慢点开) is care, not a
        # threat: a veiled threat leaves the danger hanging (磕着碰着可不好说). No dev line labelled hostile says a remedy
        return True
    if name == "violence" and m.group().startswith("别逼我"):
        # the step he will not be pushed to is the law, named just before (法庭上见是最下策,您也别逼我用下策)
        return bool(_LAW_NAMED.search(marked, max(0, m.start() - 20), m.start()))
    if name != "expose":
        return False
    return bool(_PRAISED.search(marked, m.end(), m.end() + 12)  # 名字印在小区宣传册上
                or _SELLING.search(marked, max(0, m.start() - 12), m.end() + 4)
                or _HELPING.search(m.group())
                or (m.group() in _BANNERS and (_PROMO.search(marked, max(0, m.start() - 12), m.end() + 12)
                                               or _THEIR_BANNER.search(marked, max(0, m.start() - 10), m.start()))))


#: the speaker's dialect words for "I", "we" and "not" said the Mandarin way, for the law's patterns only: the Wu 弗 and
#: 阿 (阿弗走了,就睡在你办公室; 阿就拍照发到你们村的微信群里), Xuzhou and Shandong 俺, Hakka 𠊎, Cantonese 唔 and 冇 —
#: the law's families were written in Mandarin and missed such threats word for word (dev_r33a, stop 47). Not 阿 before
#: kin and names (阿姨, 阿姐, 阿里)
_DIALECT = ((re.compile(r"阿拉|俺们|阿们"), "我们"), (re.compile(r"俺|𠊎|阿(?![姨姐哥伯婆公弟妹叔嫂爸妈嬷仔爷奶里根胶Q么是门訇])"), "我"),
            (re.compile(r"弗|唔"), "不"), (re.compile(r"冇"), "没"), (re.compile(r"覅|勿要"), "不要"))


def mandarin(marked: str) -> str:
    """``marked`` with the speaker's dialect pronouns and negations in Mandarin (``_DIALECT``)."""
    for rx, to in _DIALECT:
        marked = rx.sub(to, marked)
    return marked


def unlawful(marked: str) -> tuple[str, ...]:
    """The families of unlawful pressure found in ``marked`` (normalised text), in pattern order, once each — read
    again in Mandarin (``mandarin``) when the dialect words hide them."""
    found = _unlawful(marked)
    said = mandarin(marked)
    return found if found or said == marked else _unlawful(said)


def _unlawful(marked: str) -> tuple[str, ...]:
    found: list[str] = []
    for name, rx in UNLAWFUL:
        if name in found:
            continue
        for m in rx.finditer(marked):
            before = marked[max(0, m.start() - WINDOW):m.start()]
            if marked[m.start() - 1:m.start()] in ("不", "别", "没") and m.start() > 0:
                continue
            if (any(c in _NOT_CANCELLING.sub("", before) for c in CANCELLING)
                    and not re.search(r"再不|还不|不还|不给|不付", before)):
                continue
            if _DISOWNED.match(marked, m.end()):
                continue
            if _lawful_here(name, marked, m):
                continue
            found.append(name)
            break
    return tuple(found)


# --- harm hinted (stop 44): most veiled threats name no act of their own — they wish an "accident" on him, his family or
# his property (一个烟头就能出大事, 哪天被划了砸了可就说不清了, 摔着碰着的多不好) or recite his family's day to him
# (每个礼拜六都带孙子去中山公园). Neither shape is a threat by itself — care says the same words (路上小心, 天冷路滑) — so
# the recogniser takes a line of this shape as a threat only when the hostility model leans that way too (``VEILED_FELT``).
#: harm that may befall: an accident, a fire, a break-in, a fall, a child lost, a fright
_HARM = lazy(r"出(点|个|了)?(什么|啥|么子|么|咩|甚|大|啥子)?(事|事故|意外|岔子|状况)|意外|摔(着|了|倒|一跤|断|跟头)|磕着|碰着|磕磕碰碰|"
             r"(着|起|失)了?火|火星|烟头|烧(起来|了|掉|着)|砸(了|烂|碎|坏)|碎了|瘪了|被(人)?(偷|撬|划|砸|泼|堵)|溜门撬锁|撬(锁|门)|"
             r"泼(油漆|粪|漆)|丢(点|了|个)|(孩子|人).{0,2}不见|吓(到|着|坏)|惊吓|扛得住|受得了|吃得消|打肿|见血|掉下来|"
             r"摔(?!门|杯|东西|电话|手机|碗)|断(了)?(腿|胳膊|手)|(腿|胳膊).{0,6}断|(遇|碰)(着|到|上).{0,4}(不三不四|坏人|歹人|混混)|没回家")
#: left hanging: when, whether, who is to blame — or told to watch out
_HANGING = lazy(r"哪天|万一|保不齐|说不准|说不好|说不定|讲不定|讲不准|难讲|难说|不好说|说不清|(料|想)不到|可(莫|别|白|不要)怪|"
                r"(没|冇|没有)提醒|多(留神|留个?心眼|长个心眼|注意着?点|看着点)|可得.{0,4}(当心|小心|注意|留神|看紧|看好)|小心(点|些)|当心|"
                r"看紧|看好了|揪心|替(您|你)(担心|捏把汗)|天干物燥|黑咕隆咚|黑灯瞎火|(没|冇)(有|得)?路灯|路(又|挺|很)?偏|人少|不太平|"
                r"就麻烦了|可就|就不好了|开到头|掂量")
#: whom or what of his it would befall
_HIS = lazy(_YOU + "|" + _FAMILY + r"|崽|伢|小宝|宝宝|囡囡|阿嫂|车|店|厂|仓库|库房|门面|门脸|铺子|货")
#: his family's or his own day recited: where they go every day or every week (每天下午四点半去幼儿园接孩子, 每天早上六点在
#: 人民公园跑步) — not 晚上一个人开车回去,路上小心 (care for tonight), not a time named once (幼儿园四点半放学,别迟到了;
#: 明早六点跟我上公园跑步去: dev_r29b's small talk, heard hostile by a clock time alone)
_DAY = (r"放学|上学|接孩子|送孩子|遛弯|遛狗|跑步|买菜|下班|回家|回来|出门|散步|上班|打牌|下棋|跳舞|公园|幼儿园|学校|补习班|"
        r"坐.{0,3}车|到站")  # where and when a day takes him or his
_ROUTINE = lazy(r"(每天|天天|每个?礼拜.|每周.|每个?星期.|每晚|每早).{0,14}(" + _DAY + r"|一个人|上课|练琴|琴行|兴趣班|培训班|补课)")


#: … or by the clock, when the speaker shows he keeps watch (早上七点出门送孩子…我都清楚; 四点半放学,我路过也能看见)
_SPEAKERS_DAY = re.compile(r"(我|俺|阿|阿拉|咱|𠊎)(们)?(也|都)?(?=每|天天)")
_TIMED = lazy(r"(\d+点|[一二三四五六七八九十]+点(半)?).{0,14}(" + _DAY + r"|回小区)")
_WATCHING = lazy(r"我(都|也|可)?(清楚|知道|晓得|查到|打听|摸清)|打听(过|到)|(路过|经过).{0,4}(看见|看到|瞧见)")


def hints_harm(marked: str) -> bool:
    """Whether ``marked`` has the shape of a veiled threat: harm left hanging over him or his, or his day recited to
    him. Not when it says what to do about the danger (a remedy, a safeguard, help) and speaks of no money."""
    if not _HIS.search(marked) or _own_family_only(marked):
        return False
    routine = _ROUTINE.search(marked)
    if routine and _SPEAKERS_DAY.search(marked, max(0, routine.start() - 3), routine.end()):
        routine = None  # the speaker's own day (阿每天早上要提前半个钟头出门: dev_r33a small talk)
    if not ((_HARM.search(marked) and _HANGING.search(marked)) or routine
            or (_TIMED.search(marked) and _WATCHING.search(marked))):
        return False
    return not ((_REMEDY.search(marked) or _SAFEGUARD.search(marked) or _CARING.search(marked)) and not _MENACE.search(marked))
