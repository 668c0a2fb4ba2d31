"""Everything heard in one utterance: every act (main first), slots, concessions, the law, small talk.

Sentences written by hand for these tests (not from any data set); reference day 2026-12-01."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
import pytest
from click.testing import CliRunner

from trainer.cli import main
from trainer.core.language.law import mandarin as law_mandarin
from trainer.core.language.law import unlawful
from trainer.core.language.normalise import normalise
from trainer.core.language.recognise import ASK_CARRIERS, RECEIPT, Recogniser, default_recogniser

TODAY = dt.date(2026, 12, 1)


@pytest.fixture(scope="module")
def rec() -> Recogniser:
    return default_recogniser()


def test_every_field_is_filled(rec):
    r = rec.classify("先对下账,一共三十八万,这周五前能付吗", TODAY)
    assert r.tactic == r.acts[0]
    assert set(r.acts) >= {"verify_balance", "direct_ask"}
    assert r.amounts == (380000,)
    assert r.dates == ("2026-12-04",)
    assert (r.conditional, r.concession) == (False, False)


def test_today_defaults_to_the_system_date(rec):
    r = rec.classify("明天付")
    assert r.dates == ((dt.date.today() + dt.timedelta(days=1)).isoformat(),)


@pytest.mark.parametrize("text, acts", [
    ("我先听您说说情况,然后咱们再商量分几期付", {"listen", "installment_plan"}),
    ("对不起,上次发票开错了。另外,这笔款这周能安排吗?", {"apologize", "direct_ask"}),
    # (was an xfail after the retraining on dev_course.jsonl; heard again since dev_multi.jsonl, many-act lines)
    ("我们经理下周三过来,到时候把还款承诺签了", {"escalate_manager", "written_commitment"}),
])
def test_several_acts_in_one_utterance(rec, text, acts):
    r = rec.classify(text, TODAY)
    assert acts <= set(r.acts), r.acts
    assert r.tactic == r.acts[0]
    assert len(r.acts) == len(set(r.acts))


@pytest.mark.parametrize("text", [
    "逾期的罚息我们就不收了",
    "算了,运费我们来承担",
    "不着急,您下个月再说",
    "那就按九五折结吧",
    # stop 38 (dev_r22a): his time taken, whatever day he names
    "行行行,您说什么时候就什么时候",
    "行行行,您说么时候就么时候",
])
def test_an_unconditional_concession_is_giving_in(rec, text):
    r = rec.classify(text, TODAY)
    assert r.concession and not r.conditional
    assert "valuable_concession" in r.acts and "conditional_concession" not in r.acts


@pytest.mark.parametrize("text", [
    "如果您今天签了对账确认书,逾期利息我们就免了",
    "只要这周五前付一半,违约金就不算了",
    "前提是今天先到账十万,剩下的可以宽限到月底",
])
def test_a_concession_tied_to_a_condition_is_conditional(rec, text):
    r = rec.classify(text, TODAY)
    assert r.conditional and r.concession
    assert "conditional_concession" in r.acts and "valuable_concession" not in r.acts


@pytest.mark.parametrize("text", [
    "再不付款我们下周就起诉",
    "要是月底还不到账,我们只能停止供货",
])
def test_a_threat_is_not_a_conditional_offer(rec, text):
    r = rec.classify(text, TODAY)
    assert not r.conditional and not r.concession
    assert r.tactic in ("legal_action", "legal_warning", "stop_supply", "deadline_pressure")


@pytest.mark.parametrize("text", [
    "我们不会起诉的,您放心",
    "您别担心,我们绝不会停您的货",
    # supply promised, not stopped (dev play round 11: "照常供" was heard as stop_supply)
    "谢谢孙经理体谅!后面三层以上的钢材我们照常供,签证单补好了我第一时间送过来。",
    "后面的货我们照常供",
    "下个月的货我们继续正常发",
    # the other word order, and a fee waived (dev play genuinely-broke w, after the stop-27 retrain: stop_supply and
    # legal_warning, and the persona turned defensive at a conditional concession)
    "李经理刚才也说了，只要这个计划按时走，违约金公司就不追究了，后面的供货也照常，就当是五年老客户的情分。",
    "后面的供货也照常,这个您放心",
    "只要月底前结清,滞纳金我们就不收了",
])
def test_reassurance_is_not_a_threat(rec, text):
    r = rec.classify(text, TODAY)
    assert not {"legal_action", "legal_warning", "stop_supply", "hostile"} & set(r.acts)


@pytest.mark.parametrize("text", ["钱不到,货就不能照常发", "结清之前停止供货,结清以后照常发货"])
def test_a_stop_beside_a_promise_of_supply_is_still_a_stop(rec, text):
    assert "stop_supply" in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text", [
    "今晚我就守在你家楼下,不给钱别想睡",
    "你女儿在哪个学校我清楚得很",
    "再不还钱,我把你的照片发到你们小区业主群里",
    "我们明天去你们厂门口拉横幅",
    "我会打电话告诉你老婆你欠了多少钱",
    "我去你们单位闹一场,让你们领导都知道",
    "我有几个社会上的朋友,专门处理这种事",
    "信不信我找人把你的车砸了",
    "你最好小心点,我知道你每天几点下班",
    "先对下账吧。另外你要是再拖,我就把你欠钱的事发到网上曝光",
    "我知道你家在哪,晚上过去坐坐",
    "我给你通讯录里的人挨个打电话",
    "不还钱就让你在这行混不下去",
    "把你手机号发到网上,让大家评评理",
    # families added with the second dev set (detaining, property watched, groups, "visiting teams", watching)
    "今天不把钱结了,你们谁都别想走出这个门",
    "你那店面晚上没人看着吧,可得看好了",
    "我拉了个群,把你的客户都拉进去了",
    "我们的上门团队可没我这么客气",
    "你几点出门几点回家,我摸得一清二楚",
    "我把你们店砸了",
    "再拖下去,我们就在朋友圈发一发,让大家看看",
    "再不给钱,小心我找人砍你",
    # families added with dev_multi and the CV misses of the dev set: property damaged, a crowd at the gate, night
    # warnings, watching and call floods, spreading that they are going under, a report held over them
    "今晚俺让人把你那车轱辘卸了,抵点利息",
    "哪天我喊人去把招牌给你拆了",
    "欠着钱还敢开新车,哪天车上多几道划痕你可别赖我",
    "我叫人把大门给你堵了",
    "不给钱是吧,那你们那个仓库晚上最好有人守着",
    "我的人会一直跟着你",
    "你再不接电话,我每天打一百次,半夜也照打",
    "你们的供应商我都认得,我一个一个去说你们要垮了",
    "我会匿名给税局写信,把你们那些账全抖出来",
    "别逼我,出了事别怪我",
    # the sign smashed in deed, by the speaker or people sent (砸 …招牌 as an idiom is below)
    "再不给钱,我就把你店的招牌砸了",
    "我叫人去砸了你的招牌",
    # families added with the law pass of stop 27 (sentences of my own, one per family, not dev lines)
    "今天这笔不结清,你们财务室一个人都别想下班",  # detaining
    "我就坐这儿了,你报警也没用",
    "我晓得你家姑娘在哪个小学念书",  # the child's school
    "上礼拜路过,看见你儿子放学了,个子挺高啊",
    "要不我去你老婆单位找她领导说说",  # the spouse's employer
    "再拖,我带十几个工人去你们厂门口坐着",  # a crowd at the gate
    "你客户的电话我都有,我挨个打过去说说你欠钱的事",  # their customers told one by one
    "我写封匿名信寄到市场监管局,看你怎么办",  # a made-up report held over them
    "我去跟你们老板说你拿了人家的回扣",  # a made-up accusation
    "你这个科长还想不想当了",  # the post held over them
    "你一个人晚上回家,路上可要注意安全",  # a veiled night warning
    "把这件事放上网,让全行都看看",  # exposure, in Cantonese word order too
    "不给钱,今晚就派人把你的设备搬走",  # goods carried off by force
    "我脾气上来什么事都做得出来",
    "我们在你屋头楼下等你",  # home, in Sichuan dialect
    # the second batch, from dev_law.jsonl's families (again sentences of my own)
    "你丈母娘家我也找得到,我去那儿坐着等",  # in-laws
    "你儿子几点放学我清楚,要不我替你去接",
    "你家门牌号我已经记下来了",
    "从明天开始我就天天跟着你",
    "我找几个号码轮流给你打,打到你关机为止",
    "你那仓库的锁我已经给你换了",
    "钱不到,你们这店客人也别想进",
    "你们投资方要是收到一份你欠款的材料,会怎么想",
    "我去环保局举报你们,随便编个理由就行",
    "我把你的欠款做成长图了,一发就全网都看到",
    "这钱你要是赖掉,我叫你吃不了兜着走",
    "工人们火气大,他们干出什么事来我可保证不了",
    "你店里那几台电脑我先搬走了,钱到了再说",
    "你今天哪儿都别想去",
    "再拖下去,我就在行业群里好好说说你们这事",  # a trade group named as the threat (praise there is not)
    "为了这点钱把你店砸了也值",
    "我在道上也有几个兄弟,你最好掂量掂量。",
    "你那台賓士天天停在樓下,哪天被人劃了幾道,可別說我沒提醒你。",  # a veiled threat to property (dev_r13c)
    # round 14's families (dev_r14f: veiled threats to the family, friends who will not reason, copies to the trade),
    # again sentences of my own
    "你一家老小平平安安的多好,别为了这点钱弄得不太平。",
    "你爸妈年纪大了,家里可别出什么意外。",
    "我今晚就去你家,跟你媳妇当面说道说道这笔账。",
    "你家孩子那个补习班我去过了,老师人挺好。",
    "这钱不还,我保证你今年过不安稳。",
    "你再拖,我那帮朋友做事可没我这么讲道理。",
    "我表弟刚从里面出来,正闲着呢。",
    "你那辆车天天停路边,刮了碰了可不好说。",
    "我晚上开个直播,把你欠钱的事跟网友讲讲。",
    "你的欠条复印了十份,给你们同行每家送一份。",
    "我要让你们村的乡亲都知道知道你欠钱不还。",
    "我社会上有几个朋友,专门处理这种账。",
    "你信不信我把你这办公室砸了。",
    "再不还钱,我让你在这个城市待不下去。",
    # round 14's second law set (dev_r14g: holding, seizing, the home, the association), sentences of my own
    "合同不签,你们谁也不准走。",
    "手机先交给我,签了字再还你。",
    "不还钱是吧?你那块表摘下来押在我这儿。",
    "今晚我就叫人去把货搬回来,你拦也没用。",
    "我每天晚上都来敲一次门,看你睡不睡得着。",
    "钱不给,我就在你家客厅坐着不走。",
    "我可不保证你家里人都平平安安的。",
    "我会天天去你店铺下面留言,说你欠钱不还。",
    "年会上我当着全商会的面问你什么时候还钱。",
    # stop 31 (dev_r16c, the debtor's family, home and health): sentences of my own in those forms
    "你外婆住的那家敬老院我已经打听到了。",
    "从明天起我每天都去医院病房门口等你。",
    "后天我就到你家小区楼下守着,拿不到钱不走。",
    "你闺女出嫁那天会出什么事,我可不敢保证。",
    "再拖下去,别怪我下手狠。",
    "欠条我复印了,寄到你老家村委会去。",
    "过年我就让你全家都跟着丢脸。",
    "今晚我就上门把你家冰箱洗衣机搬走抵账。",
    "我带几个人去你儿子的婚礼上要账。",
    "当着你老丈人的面我把这笔账一笔一笔算清楚。",
    "你这个科长的位子还坐不坐得稳,我们走着看。",
    "我要让你儿子晓得他爸是个老赖。",
    # stop 35 (dev_r20a: pressure only hinted — the shop, the goods, the way home, the unnamed others, his trade, his
    # bank): sentences of my own in those families
    "你这饭馆还想不想开了?十二万,周五前见。",
    "你要还想在这个县做装修这一行,这笔钱月底前最好清了。",
    "你仓库那几排货挺金贵的,哪天丢了一批可别怪我没说。",
    "你店那块大玻璃,碎了可不好配。",
    "出门走路多看着点脚下,路不平。",
    "你女儿上学走的是菜市场那条路吧?",
    "你家住那个小区五栋二单元吧,我去过,挺好找。",
    "你那台车的车牌我都记下了。",
    "十号之前不到账,到时候就不是我一个人来了。",
    "过了这个礼拜,谁来找你我可就管不着了。",
    "你去城南打听打听我们是什么来头。",
    "真闹到那一步,就不是法院能管的事了。",
    "有的人的钱可没那么好欠。",
    "我周末带二十个人去你店里坐坐,啥也不买。",
    "我劝你别报警,报了对你没好处。",
    "你这样拖下去,就等着在你们镇上出名吧。",
    "我找你们房东聊聊,看你明年这铺子还租不租得到。",
    "你那些经销商我一家一家打过去,说说你欠钱不还的事。",
    "不还钱?我把你店里值钱的东西全拉走抵账。",
    "今天不给钱,你的车别想开出这个厂。",
    # stop 36: his wife sought out at home, said without a 你
    "哪天我直接上你家里找你媳妇好好说道说道。",
    "过两天我去家里找嫂子唠唠这笔账。",
    # stop 54 (dev play unlawful lines at 有法 100): his papers held 押我这儿, not only 押在/押着 (genuinely-broke 63d3) …
    "钱没到之前,你把身份证押我这儿。",
    "不过今天恁得先把手机和身份证押俺这儿,啥时候钱给了啥时候还恁,省得恁一拖就找不着人。",
    # … and kept from going home (factory-to-factory 64d3: 莫想 with 下班 before the door)
    "今天韩总监不签,我就带几个人守在财务室门口,她一天不签,一天莫想下班出这个门!",
    # stop 59: a rumour that his firm is failing carried to his customers or his client (dev play: six lines heard by
    # nothing; these are sentences of my own)
    "你那几家下游经销商我都熟,回头我跟他们透个风,说你们厂资金链快断了,看谁还敢给你压货。",
    "我明天就去甲方那边坐坐,讲讲你们公司是不是快撑不住了,让他们心里有个底。",
    # … and a threat dressed as a warning against swindlers: the speaker knows where the child is
    "最近骗子多,你儿子在哪个学校我都知道,你可当心点。",
    # … harm left hanging over him or his beside the debt to be paid, however mild the words (dev: 7 lines heard by nothing)
    "你那个厂房全是木料,万一哪天起了火可就全完了,这二十万还是早点结了吧。",
    "你闺女天天一个人走夜路回家,出点什么事可说不准,账的事你自己掂量。",
    # stop 61 (fresh law-brief dev r57a/b: 22 of 100 unlawful lines heard by nothing) — sentences of my own, one per family
    "这钱你再拖,信不信哪天我一把火烧了你那个库房。",
    "你今天敢赖,往后你一家都甭想过安生日子。",
    "前年有个欠钱的跟我耍赖,后来在医院里躺了半年。",
    "我明天就去你家,坐你家沙发上,你啥时候给钱我啥时候走。",
    "月底不见钱,我就叫上一帮兄弟去你门市上坐坐。",
    "再不给,我印一沓你的大头照,贴满你们那条街。",
    "下礼拜你儿子满月酒,我当着亲戚朋友的面把你欠的账一笔一笔念出来。",
    "我已经在本地贴吧发帖了,标题就叫某某老板欠款不还。",
    "讲法律你不听,那就换一种办法,到时候别怪我。",
    "你下班出门最好看看身后,我那几个兄弟早就手痒了。",
    "你儿子在城南哪个中学、哪个班,我都摸清了。",
    # … and care for the weather borrowed by a threat: harm left hanging beside it (stop 61)
    "天冷路滑,你家老爷子天天一个人去河边,万一出点什么事可说不准,钱早点结了吧。",
    "天黑得早,你闺女放学走哪条路我都清楚,路上可得当心。",
    # … and the school run taken over or watched (stop 66: the chore's look-alike above is small talk)
    "这笔钱你要是不给,你家小孩以后上学放学,你最好天天亲自接送。",
    "你家孩子每天接送我都看着呢,累不累你心里清楚。",
])
def test_unlawful_pressure_is_always_hostile_and_main(rec, text):
    r = rec.classify(text, TODAY)
    assert r.tactic == "hostile" and r.acts[0] == "hostile", (r.tactic, r.acts)


@pytest.mark.parametrize("text", [
    "我们不会到处说的,您放心",
    "我先不打断您,您慢慢讲",
    "不让我们老板知道这事,您月底前付了就行",
    "您这款货在网上卖得不错,要不要我们帮您开个直播",
    "您去哪我跟哪,今天不定下来我不走",  # 紧盯不放 at the office is the course's persist, not stalking
    "我手机通讯录丢了",
    "他把名字印在杯子上",
    # an idiom and a social visit (both were once heard as violence and staking out a home)
    "低价抢市场,砸的是您自己的招牌",
    "一降价就只能在料上省,到时候出问题,砸的是您的招牌。",  # dev play round 11, once heard as violence
    "明天我带人上门对账",
    "周末到您家坐坐,跟嫂子一起把付款的事定下来",
    # the debtor's side posting is not the speaker exposing them (dev_multi, both once heard as hostile)
    "老板昨天在群里还发言了,应该在公司吧",
    "你们老板在朋友圈天天晒新车,我们这十万拖半年说不过去吧",
    "你们出口单砍了一半,这个压力我是能理解的",
    "这事儿我不往上捅,面子给你留足了",
    "法务已经管我要材料了,我压着没给,你别逼我交上去",
    "明天我派人过来把货拉走,按进价抵账",  # a take-back agreed is the course's 取回库存
    "听说你们快不行了,是真的吗",
    "晚上开车小心点",
    # stop 61: care for the drive home beside his warehouse, the court's own listing, a fire drill, a crowd of buyers
    "这么晚还在仓库盘货啊,开车回去路上小心点。",
    "判了不执行,法院会把你列进失信名单,名字在网上公示,这是法院的事。",
    "冬天仓库要注意防火,消防检查下个月就来。",
    "下回我带一帮客户去你展厅看样品,给你拉拉人气。",
    # stop 61: the weather's care, nothing of the money, his routine or harm besides (dev play: two course-right moves
    # were heard as unlawful — 天冷路滑,嫂子出门小心; 冬天天黑得早,接送路上可得当心)
    "这两天降温路滑,您出门开车慢点,小心些。",
    # stop 66: the school run as his chore, asked after in small talk (dev play round 78a: heard as a watch kept on it)
    "听讲您家小孩今年上小学了，每天接送怕是比对账还累哦。",
    "您家闺女上初中了吧,每天接送挺辛苦的。",
    "这边夜路不好走,您开车慢点。",
    "天冷了,让老爷子早上别去河边遛弯了,路滑,当心摔着。",
    "我们派人守着那批货,等法院保全",
    "您把发票寄给税务那边认证一下",
    # near the stop-27 families, and lawful (the first six are dev lines the first drafts of the patterns caught)
    "我只道你最近难 供应商全堵门口要钱 换谁都闹心",  # other creditors at his door, said with sympathy
    "那天我早上八点就到你们财务门口坐着等",  # waiting at the finance office on payday is 紧盯不放
    "我先把话说明白,今儿是专门来收账的,不是来推产品的",
    "家里老人住院又碰到公司周转,这阵子真难",
    "您也体谅一下我,再收不回来我饭碗都保不住",  # one's own job
    "你们客户那边都在结账,钱总归要回来一点的",
    "授信额度也得砍,你看着办",  # cutting a credit line is no blow
    "晚上回家路上小心,下雨路滑",  # manners
    "我给你们寄一封对账函,寄到你们财务部",
    "下周我带我们财务的人去你们公司对账",
    # near the second batch, and lawful (dev lines an early draft caught, and the writer's lawful near pairs)
    "横幅、堵门那一套我们不干,我们只走法律程序",  # disowned after the words
    "为了这点货款把自己的招牌砸了,真不值当",  # the idiom, of oneself
    "您孩子上学的事我知道您压力大,咱们商量个方案",
    "你老婆住院那段时间你两头跑,我都看在眼里",
    "你在这片儿混得开,让人瞅见供应商上门催账多难看",
    "我们不是不讲道理的人",
    "下周三老板开回款会,挨个客户过,你这户我总得拿出个说法",
    "新厂开业那天我们送个花篮、在行业群里帮您宣传宣传,您先把旧账理清。",  # face, not exposure (dev_weak3)
    # round 13 dev lines the patterns caught: praise in a group or a brochure, 有味道,上了 (道上), the name idiom
    "蒋老板,您家这个民宿做得是真的有味道,上了好几个平台的推荐;我们领导看了也说想拿去当案例宣传。",
    "你的招牌挂在那儿这么多年,莫为这点钱把招牌砸了。",
    "您在业主群里口碑一直很好,大家都说您这个装修公司做事靠谱。",
    "您的名字是印在小区宣传册上的,业主都是冲着您的名头来的。",
    # round 14: banners that are a sale's or a campaign's, listing them to sell, one's own worry (dev_r14f lawful
    # lines were heard hostile on these words; sentences of my own)
    "你店门口挂的年货大促横幅挺醒目的,生意不错吧。",
    "你门口的横幅被风吹歪了,我帮你扶正。",
    "开业要用的横幅、展架我们厂可以免费帮你做。",
    "我们官网有个经销商专区,我帮你免费挂上去,有客户在网上问我就转给你。",
    "年底关账,这笔钱不回来,我这个年也过不踏实。",
    "我们公司门口拉了条年终回款冲刺的横幅,这个月任务重。",
    "回家过年前把账清了,大家都平平安安过个好年。",
    "这批货运输中刮了碰了也不好说,我们一起验一下。",
    # round 14's second set: goods that may not leave, our dealers asked to buy their stock, one's own boss
    "款不到账,我仓库一箱货都别想出。",
    "你把库存清单给我,我发到我们经销商群里问问有没有人要。",
    "我帮你做张清仓海报,挂到我们全国经销商群里,卖掉多少就抵多少。",
    "月底再不到,法务那边我是真拦不住了。",
    # stop 30 (dev_r15a): the step one will not be pushed to is the court, named just before
    "我不愿意跟您法庭上见,那是最下策,您也别逼我用下策。",
    # stop 31 (dev_r16c): eyes seeing clearly after an operation, a jammed road, a truck held for credit, the law's
    # plain words, shame refused before his staff
    "您父亲做完手术,眼睛看得清楚多了吧?",
    "年底路上就堵,您家回老家也要开好久吧。",
    "额度冻结了,钱不到,车就出不了门。",
    "律师函、起诉、保全一步步来,到时候别怪我们不讲情面。",
    "当着你员工我不说这个,咱们去办公室单独谈。",
    "我不想让您在同行面前抬不起头,咱们把日子定下来。",
    # stop 35, near the round-20 families and lawful: his own shop's hours, goods damaged in transit, the way to the
    # office, our own people coming to count our goods by agreement, the court's own reach, the trade named kindly
    "您这饭馆几点开门?我中午过来对账。",
    "上批货在路上磕了几箱,我们已经补发了。",
    "下班路上堵,我晚点到,您别等我吃饭。",
    "明天我带两个同事过去清点我们的货,按进价抵账。",
    "合同有仲裁条款,这事法院管不着,得走仲裁。",
    "您在这一行口碑好,谁都知道您讲信用。",
    "孩子家长会我也老是去不了,忙。",
    "你们家满月酒办得真热闹。",
    "现场照片我都打印出来了,您对照看看。",
    "我们老板明年想去您那边的祠堂参观一下,听说修得很好。",
    # stop 36: sitting down with her at his home to settle is a visit (dev play competitor-terms b)
    "周末我们经理到您家坐坐,跟嫂子一起把日子定下来。",
    # stop 44: the law named as a step, our own account asked for, a bank loan suggested
    "我是不想走到法院那一步的,但公司规定超过一百八十天就自动移交法务。",
    "剩下的12月2号打到我们对公账户,不走个人账户。",
    "实在周转不开,可以找银行做个流动资金贷款,先把这笔结了。",
    # … a good cop's warning of the bad one (红白脸, lawful), a wreath at a funeral, steel pipe as goods
    "我们老板可没我这么好说话,他说月底再不到就换法务来收,到时候我也拦不住。",
    "令尊的告別式我就不去打擾了,花圈已經送到,您節哀順變。",
    "那批有問題的鋼管,我們全部免費給您換,運費我們出。",
    # stop 45: 一道 is "together" in Wu speech (阿拉总经理也愿意一道上门), not 道上 (the underworld) — dev play round 47
    "财务那一关,麻烦侬帮我约一下韩总监,阿拉总经理也愿意一道上门。",
    # stop 59: his trouble told to our own boss to ask for time, another firm's failure told as news
    "我跟领导汇报了,你们资金周转确实困难,我们同意先付一部分。",
    "听说隔壁那家厂资金链断了,老板都跑路了,我们都得小心点。",
])
def test_words_near_unlawful_ones_are_not_unlawful(text):
    assert unlawful(normalise(text).marked) == ()


@pytest.mark.parametrize("text", [
    "周末带孩子去公园转转", "你家孩子今年上几年级了?", "这楼下的面馆味道不错", "昨晚的球赛看了吗",
    "最近股票跌得厉害", "我手机快没电了", "你们办公室在几楼?", "今天路上堵死了", "好的", "哈哈哈",
    "明天降温,多穿点", "中午一起吃个饭吧",
    # when and where people work or study is small talk, not a threat (both were once called hostile)
    "您这边一般几点下班?", "您闺女在哪儿上大学来着?", "老账每次带一点,滚着往下消",
    "老铁,你那小孙子都会走道了吧?",  # a grandson, not the insult 孙子
    "前两天跟几个老板吃饭,一提您,都说您这人实在",  # praise from the debtor's circle, not shaming before it
    # everyday words inside insult cues (round seven's dev lines: a call was heard as a blow)
    "钱老板,好耐冇见喔,打你电话成日关机,我怕你出咗乜事,今日专门过来看下你。",
    "工程还没完工,甲方不给钱", "你们的货车刚开走", "他那个人不是人情味很重吗", "钱我先打你账上",
    # stop 45 (dev_r30c): friends' banter whose price is a dinner or a tease, nothing of the debt in it (law.BANTER)
    "这周六你要是不来我家吃手抓肉,我就端着一锅肉去你家门口堵你!",
    "你再说我胖,我就把你年轻时候的照片发到同学群里,让大家看一哈你当年那个发型。",
    "下礼拜我生日,你敢不来喝两杯,我就天天给你打电话唱生日歌。",
    # … his family admired (the law's 天天 near his kin is a watch kept only with no praise in the line) and the price of
    # his new car (money that is not the debt)
    "你家老爷子身体真当好,八十多了还天天去江边钓鱼,我都佩服。",
    "你这新车多少钱?二十来万?颜色挑得好,跟你人一样精神。",
    # … an outing that is a game of ball, and a silly video of his (dev_r30d)
    "我跟你讲,你再不来打球,我就把你那双新球鞋挂到闲鱼上卖了,反正你也冇穿过几回。",
    "小心我把你上次喝醉唱歌的视频发到群里哦,哈哈,逗你的,我早删了。",
    # stop 47 (dev_r32b, small talk in rough words): the news told of others, exposed or attacked (law._reported_news)
    "昨晚看新闻了吧?高速口有人拿刀砍人,到现在还没抓到。",
    "电视上又曝光了一个做地沟油的小作坊,看得我饭都吃不下。",
    # … a friend's mock threat to beat him, laughed off, with nothing of the debt (law.JEST_HYPERBOLE)
    "你再不戒酒,嫂子不打死你,我先把你打死,哈哈,少喝两杯。",
    "你又把我的好烟顺走了,看我回头怎么收拾你,哈哈。",
    # … teasing the speaker said with another verb of saying (再讲我 / 再港我), his own lock asked after, a doctor offered
    "你再讲我老,我就把你大学时候的照片发到群里去,哈哈。",
    "你们那片最近有人撬门,你家那锁换了没?换把好的吧。",
    "你岳父出院了吧?恢复得咋样?要看好大夫就跟我讲一声。",
    # … his wife kept company late at her shop (a safeguard), a mock kick laughed off, a tease about his dog
    "你老婆一个人看店到那么晚,最近不太平,喊个人陪着吧。",
    "你再说我胖,我一脚把你踹河里去,逗你玩的。",
    "你家那条狗都比你精,自己会开门。",
    # … and 你家 / 您家, "you" said politely in Wuhan and Kunming: waiting for him, not at his home (dev_r32a)
    "你家先忙,等你家吃完饭我们再谈。",
    "那我就等您家消息了。",
    "我们合同上的都做到了,你家那边也要守住这个约嘛。",
    # … (dev_r33a) a blow that is not ours at him: a third person's, his wife's, the speaker's temper, a spanking
    "谁给你剪的这头发,跟狗啃的一样,俺去弄死他。",
    "嫂子晓得你又偷喝酒,要打死你的。",
    "昨晚打牌输了三把,气得我想砍人。",
    "下回再跟我顶嘴,我揍你屁股。",
    # … his own post, his father's medicine, a truck on the road (货车 is no goods), a birthday he must come to, the news
    # of a restaurant besieged, the speaker's own day, luck (烧高香), the hot searches, 阿么 (how)
    "你昨天发朋友圈说又失眠了,有心事跟我讲讲。",
    "恁爸那个降压药得天天吃,可不能自己停。",
    "晚上开车回去当心点,前面那段路大货车多。",
    "这周六我生日你要是不来,我就去你家把你拖过来,哈哈。",
    "电视台昨天曝光了一家用地沟油的饭店,现在门口天天有记者堵着。",
    "我们厂门口那条路修了两个月,天天堵,我每天早上都得提前出门。",
    "你小子上辈子烧了高香,才娶到这么好的媳妇。",
    "姐你看热搜没,那个明星又塌房了。",
    "合同写的是九十天付款,这样拖下去,阿么说都说不过去。",
    # … (dev_r33b) a fever (烧了三天), a celebrity's exposure told as news, a fight over a parking space that ended with
    # the police, his father's recovery asked after, his wife told to sort him out, a wish everyone has to hit a show-off,
    # safety advice for his daughter abroad, 痴线 between friends, a fall on the backside (屁股墩儿)
    "俺家孩子烧了三天,恁家小孩也注意点,学校里人多。",
    "你看那新闻没?有个网红把邻居曝光到网上,结果叫人家告了。",
    "有俩人为抢车位吵起来,一个拎着菜刀说要砍人,最后叫警察给带走了。",
    "恁爸住院那几天你天天守夜,现在缓过来没?哪天得空俺去看看老爷子。",
    "你再叫俺外号,俺就去恁家告状,叫嫂子好好收拾收拾你。",
    "你这么能吹,去电台做主持吧,听完全城人都想打你。",
    "你同佢讲,夜晚唔好一个人出街,有乜事即刻打电话返嚟。",
    "你个痴线,又输晒啦。",
    "你都四十了还跟小年轻抢篮板,摔个屁股墩儿还说是战术动作。",
    # stop 54 (dev play round 65, competitor-terms 65a: the opening small talk, 国道上有台拉猪的车滑进了沟里, was heard as
    # "friends on the road" — 道上 of the underworld — and the talk was lost at once): a road is no underworld
    "昨晚省道上有辆大货车翻了,堵了两个钟头,您今天来得巧。",
    "这两天下大雪,国道上老出事儿,你晚上开车回家慢点儿,安全第一。",
    # … a fire or a fight that befell others, in a line that never turns to him (dev_r45b, r47a)
    "听说城南有家饭店后厨着了火,烧了半条街,说是煤气罐漏气。",
    "新都有个家具厂仓库上周起火了,烧了一整夜,听说是电焊的火星子溅到海绵上了。",
    # … a safeguard said with 把 (dev_r47a), his health asked after (dev_r46a, r47a)
    "你晓得不,最近有人专门在停车场砸车窗偷东西,你那个新车莫把包放在座位上,看到就砸。",
    "你脸色不对哦,是不是又熬夜了?钱是挣不完的,身体垮了啥子都莫得。",
    # stop 55 (dev_r48a, care and news heard as threats): safety at work, at home and on the road (安全帽, 插头, 口罩, 防滑,
    # 系好安全带, not walking home alone, fetching her), his keys taken to drive him home drunk, news told with 你晓得不 or
    # with 遭 (the passive of misfortune) or of the speaker's cousin's workplace, a scam warned against (its money is the
    # swindler's), a long drive to buy stock (进货 is his purchase), an insult someone called the speaker
    "听说你儿子在工地上班?喊他安全帽一定要戴好,高处作业系好安全带。",
    "冬天店里烤电炉子,下班记得把插头拔了,你这铺子里货堆得多,烧起来不得了。",
    "过年回老家开车,记得系好安全带,路上慢点。",
    "流感凶得很,你们店里也戴个口罩,孩子那边也注意点。",
    "嫂子一个人守店辛苦,晚上你早点去接她,莫让她一个人走夜路。",
    "你喝了酒就别开车了,钥匙给我,我开车送你回去。",
    "南岸有个仓库着火了你晓得不?烧了一晚上,消防车来了七八台。",
    "那家五金店遭人半夜泼了油漆,你知道吗?",
    "我们那栋楼有个卖二手车的老板遭人在抖音上曝光了,说他调表。",
    "我表弟在一个厂里上班,厂老板跑路了,工人们拉起横幅去讨工资。",
    "你女儿在外地读大学吧?现在好多冒充同学借钱的,喊她莫乱点别人发的链接。",
    "你一个人开车跑几百公里去进货,困了就进服务区眯一下,疲劳驾驶比喝酒还凶。",
    "昨晚那场球进得好,我在屋里吼得我老婆骂我神经病。",
    "你老汉一个人住那个木头房子,冬天烤火烧起来一下就莫得了,记得把电炉子插头拔了。",
    "这条路晚上连个人影都没有,你一个人回家要注意安全哦。",
    "你家狗最近是不是吃了啥不干净的东西?拉肚子了吧,带它去宠物医院看看。",
    # … friends' banter whose price is his food, his things or a nickname (dev_r40b, r41a), and a limb broken in jest said
    # verb first (打断你的腿, 哈哈)
    "你再抢我盘里的烤鸭,我就打死你个馋鬼!",
    "你再叫我'老妹儿',我就揍你,我比你还大三岁呢。",
    "你再偷拿我的烟,下回打牌我弄死你。",
    "下回再迟到,我就打断你的腿,哈哈。",
    # … a story of a neighbour laughed at (笑死人, 我呸 with no "you" and someone else named: dev_r34b, r37a, r38a)
    "我们楼下那个大爷跳广场舞,一转身把自己绊倒了,笑死人。",
    "他说他年轻时一顿能吃十个馒头,我呸,他现在半个都吃不下。",
    # … a film told, a firm exposed by the television, a shop exposed in Cantonese (曝光咗间…: dev_r38b, r41b, r45b)
    "那部电影你看了没?里面那个杀手砍人砍到刀都钝了,我吓得一直捂眼睛。",
    "开发区有家化工厂偷排废水被电视台曝光了,现在停产整顿。",
    "网上曝光咗间茶餐厅用过期肉,我睇完都唔敢出去食嘢。",
    # … a quarrel at the card table or over who pays for dinner, settled with a mock blow (dev_r37a-r40b)
    "你再跟我抢着买单,我就揍你,坐下,今天我请。",
    "打牌你又悔牌,下回再这样我弄死你,罚三杯!",
    # stop 56 (dev_r48a, r50a): something done for his old against getting lost, a rest when tired at the wheel
    "你爸年纪大了,出门给他兜里放张写了你电话的卡片,万一走丢了好找。",
    "你天天开夜车,路上莫打瞌睡,万一出个事哪个都说不清,实在困了就停路边眯一下。",
    # … his child or grandchild asked after, "not seen for a long time" (没看到, Hunan 冒看到) — no watching
    "你家孩子上幼儿园了没?好久没看到他了。",
    "你们家那个小孙子上幼儿园了冒得?好久冒看到他了咯。",
    # stop 59 (dev r34b-r55a: 13 lines): a friend called a name with a laugh about his singing, his fishing, his driving
    "滚蛋吧你,上回唱K你一首都没唱在调上,还好意思抢麦,哈哈。",
    "你个狗日的,钓了一下午就钓上来一只拖鞋,笑死我了。",
    "你个神经病,开车又开错路了吧,导航都救不了你,哈哈。",
    # … a warning against swindlers posing as the police or calling about his child (dev_r36b-r55b: 4 lines of 17 heard)
    "最近有骗子冒充派出所打电话,说你儿子出事了要交钱,你跟家里说一声,千万别转账。",
    "这阵子网上有人冒充公安查洗钱,你让你妈接到这种电话直接挂掉。",
])
def test_small_talk_is_never_hostile(rec, text):
    r = rec.classify(text, TODAY)
    assert "hostile" not in r.acts and r.tactic != "hostile"



@pytest.mark.parametrize("text", [
    # stop 55: the same words as the care above, said as a threat — a menace beside the safeguard, the keys held until he
    # pays, following him over the money, his workplace known with the money named, a fire foretold for his own warehouse
    "你老婆一个人走夜路,可得当心点。",
    "车钥匙给我,什么时候把钱还上,什么时候送你回去。",
    "钱不还,我就天天跟着您,您走到哪我跟到哪。",
    "我表弟在网上把你曝光了,欠钱不还的老赖。",
    "有家厂子着火了你晓得不?你那个仓库也差不多,哪天烧起来可不好说。",
    "你儿子在哪个工地我都清楚,叫他安全帽戴好,钱的事你掂量掂量。",
    # … and harm left hanging in south-western words (一下就莫得了, 连个人影都莫得) beside the debt (dev_r48a)
    "你老汉一个人住那个木头房子,冬天烤火烧起来一下就莫得了,账的事你早点结了。",
    "你屋头那条巷子晚上连个人影都莫得,出了啥子事哪个晓得?钱下周一前结了。",
    # … or over his dog, poisoned (dev play triangular-debt unlawful-63d3)
    "你家那条大狼狗挺精神的,哪天要是吃了啥不干净的东西,可就可惜了,钱的事你抓紧。",
    # … and stop 56's care for his old and on the road, said over the debt
    "你爸年纪大了,出门可得看紧点,万一哪天走丢了,那三十万的账你还拖得起?",
    "你天天开夜车,路上莫打瞌睡,万一出个事哪个都说不清,欠我们的钱你早点结了。",
    # … his grandchild's school known, in the words of the south-west and the south (孙孙, 外孙: stop 56, dev_r50a)
    "你孙孙在哪个幼儿园我晓得,账的事你看着办。",
    "你外孙在哪个小学读书我都晓得,钱的事你掂量掂量。",
    # … and not banter when the price is a trip wasted on the debt
    "你再叫我白跑一趟,我就带几个兄弟去你家坐坐。",
    # … nor news when we are the ones who expose, or the film is held over him
    "你再不还钱,你的事就会被我曝光到网上。",
    "电影里那种砍人的事,你不想发生在你身上吧?钱赶紧还。",
    # … nor banter when the game is his day the blow waits on, or the money is named
    "你天天钓鱼是吧?哪天我去河边收拾你。",
    "你有钱打麻将,没钱还我们货款?小心我弄死你。",
])
def test_a_threat_in_the_words_of_care_is_still_heard(rec, text):
    assert rec.classify(text, TODAY).tactic == "hostile"


@pytest.mark.parametrize("text", ["我呸,还好意思讲自己是做实业的。", "你这演技,笑死人。"])
def test_a_scoff_at_him_is_still_rude(rec, text):
    # stop 55: a scoff is mockery of him when it turns to him, "you" said or left unsaid — only a story of someone else
    # laughed at is not
    r = rec.classify(text, TODAY)
    assert r.tactic == "hostile" and r.rude


def test_following_him_in_business_is_no_stalking(rec):
    # stop 55 (dev play round 66, quality-dispute 66a: 我们也想一直跟着您做 — "keep doing business with you" — was heard as
    # stalking, the talk was lost at 30 with the deal signed)
    r = rec.classify("三年合作,前两年您一次没晚过,我们也想一直跟着您做。", TODAY)
    assert "hostile" not in r.acts


@pytest.mark.parametrize("text, act", [
    # stop 54: a suit under a condition is the suit (诉诸法律, as every dev writer since r26 labels it), the warning of it
    # beside — until then the warning alone
    ("要是月底还拿不出方案,我们的起诉状都写好了", "legal_action+legal_warning"),
    ("你们再不付,下礼拜律师就去法院立案", "legal_action+legal_warning"),
    ("我们上周已经向法院起诉了", "legal_action"),  # a step taken
    ("判决书都下来了,你们再不履行就申请强制执行", "legal_action"),
    # papers ready are not papers filed, and 今天没有结果,明天就… is a condition, in either script (dev play 13a, u)
    ("我们法务的起诉状已经准备好了,今天没有结果,明天就送法院", "legal_action+legal_warning"),
    ("我們法務的起訴狀跟財產保全申請都準備好了,今天沒有結果,明天就送法院", "legal_action+legal_warning"),
    ("判決書下來了，您再不履行，俺們就申請強制執行。", "legal_action"),
    # stop 39 (dev play bad-debt-signs 40a3): papers made ready (已经把…准备好了) and a step one hopes to avoid
    # (别走到那一步) are held over him, not taken
    ("公司已经把起诉状和保全申请准备好了。我是想着今天咱自己先把事办了，别走到那一步。", "legal_warning"),
    ("律师函我们法务已经把稿子拟好了,咱们都不想走到那一步吧", "legal_warning"),
    ("法院已经把案子受理了,下周开庭", "legal_action"),
    # stop 40 (dev play bad-debt-signs 41a6): a preservation or a suit held back for now (先压着不递, 先不走, 是我拦下来的)
    ("保全申请书已经写好了,这一步我可以先压着不递,前提是您今天先付一笔", "legal_warning"),
    ("起诉状和保全申请都写好了,一递上去账户就冻了;这一步我今天可以帮您争取先不走", "legal_warning"),
    ("法院已经裁定保全了,宏远的账户今天冻结", "property_preservation"),
])
def test_a_legal_step_under_a_condition_is_the_step_and_one_held_back_a_warning(rec, text, act):
    r = rec.classify(text, TODAY)
    steps = {"legal_warning", "legal_action", "property_preservation"}
    if "+" in act:  # both heard, either leading: the suit and its warning — or the preservation the line names with
        # the suit (起訴狀跟財產保全申請都準備好了: a step too, led at stop 68 once the models learned r64a-r65b)
        lead = {*act.split("+"), *({"property_preservation"} if "保全" in text else set())}
        assert set(act.split("+")) <= set(r.acts) and r.acts[0] in lead, r.acts
    else:
        assert act in r.acts and (steps - {act}).isdisjoint(r.acts[:1]), r.acts


@pytest.mark.parametrize("text", ["别装孙子了,欠钱还钱", "你脑子有病吧,合同白纸黑字还赖", "少跟我装穷,看着就恶心", "你们财务是死人吗,一张单子拖三个月"])
def test_insults_are_hostile(rec, text):
    assert rec.classify(text, TODAY).tactic == "hostile"


def test_classify_many_matches_classify_with_slots(rec):
    texts = ["先对账,一共十二万", "如果今天付,利息就免了", "", "asdf", "你给我等着瞧"]
    assert rec.classify_many(texts, TODAY) == [rec.classify(t, TODAY) for t in texts]


def test_recogniser_without_the_model_still_works():
    r = Recogniser(model=None).classify("分三期付吧", TODAY)
    assert r.tactic == "installment_plan"


# ---------------------------------------------------------------- CLI
def test_cli_classify_json_carries_the_slots():
    res = CliRunner().invoke(main, ["classify", "--today", "2026-12-01", "--json",
                                    "先对下账,一共三十八万,这周五前能付吗", "如果今天签字,利息就免了"])
    assert res.exit_code == 0, res.output
    a, b = json.loads(res.output)
    assert a["acts"][0] == a["tactic"] and "direct_ask" in a["acts"]
    assert a["amounts"] == [380000] and a["dates"] == ["2026-12-04"]
    assert a["conditional"] is False and a["concession"] is False
    assert b["conditional"] is True and b["concession"] is True and "conditional_concession" in b["acts"]
    assert b["dates"] == ["2026-12-01"]


def test_cli_classify_bad_today_is_one_line():
    res = CliRunner().invoke(main, ["classify", "--today", "2026-13-01", "你好"])
    assert res.exit_code == 2
    assert "--today" in res.output and "Traceback" not in res.output


def test_cli_classify_eval_jsonl(tmp_path):
    f = tmp_path / "x.jsonl"
    rows = [
        {"text": "我就直说了,三十八万货款这周五前付了吧", "acts": ["direct_ask"], "amounts": [380000], "dates": ["2026-12-04"],
         "conditional": False, "concession": False, "kind": "natural"},
        {"text": "周末去钓鱼吗", "acts": [], "amounts": [], "dates": ["2026-12-06"], "conditional": False,
         "concession": False, "kind": "offtopic"},
    ]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["classify", "--eval", str(f), "--today", "2026-12-01"])
    assert res.exit_code == 0, res.output
    assert "主行为准确率: 100.0% (2/2)" in res.output
    assert "槽位 amounts: 100.0% (2/2)" in res.output
    assert "槽位 dates: 100.0% (2/2)" in res.output
    assert "闲聊被判为 hostile: 0/1" in res.output
    res = CliRunner().invoke(main, ["classify", "--eval", str(f), "--today", "2026-12-01", "--json"])
    rep = json.loads(res.output)
    assert rep["main_accuracy"] == 1.0 and rep["per_act"]["direct_ask"]["recall"] == 1.0


def test_cli_classify_eval_summary_shows_no_line_of_the_set(tmp_path):
    # stop 39: a held-out set's first read printed its missed lines in the confusion table; --summary gives figures only
    secret = "这句话绝不能出现在输出里"
    rows = [{"text": secret, "acts": ["legal_action"], "kind": "natural"},
            {"text": "这批货款十二万,这周五之前能付吗?", "acts": ["direct_ask"], "kind": "natural"}]
    f = tmp_path / "held.jsonl"
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    full = CliRunner().invoke(main, ["classify", "--eval", str(f), "--today", "2026-12-01"])
    assert secret in full.output  # the full report shows the miss …
    res = CliRunner().invoke(main, ["classify", "--eval", str(f), "--today", "2026-12-01", "--summary"])
    assert res.exit_code == 0 and secret not in res.output and "主行为准确率: 50.0% (1/2)" in res.output
    res = CliRunner().invoke(main, ["classify", "--eval", str(f), "--today", "2026-12-01", "--summary", "--json"])
    rep = json.loads(res.output)
    assert secret not in res.output and rep["main_accuracy"] == 0.5
    assert "misses" not in rep and all("examples" not in c for c in rep["confusions"])
    assert CliRunner().invoke(main, ["classify", "你好", "--summary"]).exit_code == 2


@pytest.mark.parametrize("line, message", [
    ('{"text": "x", "acts": ["nosuch"]}', "x.jsonl:1: 未知的招式 'nosuch'"),
    ('{"text": 5}', "x.jsonl:1: 应该是带文字 'text' 的对象"),
    ('{"text": "x"', "x.jsonl:1: 不是 JSON 对象"),
])
def test_cli_classify_eval_jsonl_errors_are_one_line(tmp_path, line, message):
    f = tmp_path / "x.jsonl"
    f.write_text(line + "\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["classify", "--eval", str(f)])
    assert res.exit_code == 2
    assert message in res.output and "Traceback" not in res.output


@pytest.mark.parametrize("text", ["这次我没法给宽限", "价格我真没有权限动", "拿欠款换降价,这个口子绝不能开",
                                  "宽限我给不了。上个月您停了新单,这事我没法跟公司交代。"])
def test_a_refused_concession_is_no_concession(rec, text):
    r = rec.classify(text, TODAY)
    assert not {"valuable_concession", "conditional_concession"} & set(r.acts) and not r.concession, r


@pytest.mark.parametrize("text", [
    "我晓得你这半年过得恼火,月底前先拿八万出来,我们一起把这个坎迈过去",
    "就差3k的尾巴了 您顺手转一下",
    "谢谢您百忙中见我,这笔款务必今天处理一下",
])
def test_a_plain_request_for_money_inside_another_act_is_a_direct_ask(rec, text):
    # (or an act that carries the ask: 月底前先拿八万出来 is heard as a part payment, installment_plan, by the clause model)
    acts = set(rec.classify(text, TODAY).acts)
    assert "direct_ask" in acts or acts & ASK_CARRIERS - {"valuable_concession"}, acts


@pytest.mark.parametrize("text", [
    "只要您这周把一半打过来,另一半我做主给您宽限到下个月10号",  # the conditional offer carries the ask
    "您账上一到款就先打给我们,我在这儿等着排第一个",  # so does 争当第一债权人
])
def test_an_ask_carried_by_another_act_is_not_listed_twice(rec, text):
    assert "direct_ask" not in rec.classify(text, TODAY).acts


def test_cantonese_written_forms_read_as_mandarin():
    from trainer.core.language.normalise import normalise

    assert normalise("今年冇簽過促銷協議,唔該你今日俾個日期我").bare == "今年没有签过促销协议谢谢你今日给个日期我"
    assert normalise("佢哋嘅貨款").bare == "他们的货款"
    # stop 49, before dev_r40a was read: 畀 (俾's written form), 瞓, 揾, 嚟, 攞, 嗰
    assert normalise("畀你老婆知道,瞓唔着,揾你,嚟你屋企,攞钱,嗰间铺").bare == "给你老婆知道睡不着找你来你屋企拿钱那间铺"


def test_papers_already_signed_are_evidence_not_a_written_promise_asked_for(rec):
    # factory-to-factory 9b turn 1 and supermarket 10b turn 3 (dev play): citing signed papers was heard as 入袋为安
    r = rec.classify("郑经理你好,今天专门为85万配件款来:六批货都有入库合格单,对账函双方盖章,逾期已经160天了。", TODAY)
    assert r.tactic != "written_commitment"
    # ... but a paper asked for or handed over in the same line still is
    assert "written_commitment" in rec.classify("对账单你们已经盖章了,今天麻烦再签个付款承诺书。", TODAY).acts
    assert "written_commitment" in rec.classify("钱到账了,这是收据,我签了字盖了章。", TODAY).acts


def test_a_paper_that_bears_his_mark_is_evidence(rec):
    # stop 50 (dev play new-manager 6a with verify_balance left out, tools/play_lines.py --drop-side-act): the papers
    # laid on the table (送货单有王姐签收, 对账单盖的公司公章) were not heard as evidence, so the new manager asked for it
    for text in ("四张送货单有王姐签收,两份对账单盖的公司公章,王姐和会计都还在,随时可以问。",
                 "送货单、验收单上都有您本人签字,真打起官司来,法院不会支持拒付的。",
                 "合同是你签的字、你盖的章,三十五万的货你也收了。"):
        assert rec.classify(text, TODAY).papers, text
    # papers that lack a signature are no evidence of his (有三张签证单没有监理签字 … 今天就来补)
    assert not rec.classify("有三张签证单没有监理签字,这是我们当时疏忽了,今天就来补。", TODAY).papers


def test_a_promise_of_first_supply_is_not_stopping_supply(rec):
    r = rec.classify("只要旧账清掉,新品首批我们优先供货,开业活动我们也派人来帮忙。", TODAY)
    assert "stop_supply" not in r.acts


def test_stock_taken_back_needs_the_stock_named(rec):
    # genuinely-broke w: 冲抵您这边的欠款 in a three-party deal is a set-off, not goods taken back
    r = rec.classify("咱们三方签个协议,由他们把欠您的钱直接付到我们账上,冲抵您这边的欠款,您看行不行?", TODAY)
    assert "take_back_stock" not in r.acts
    assert "take_back_stock" in rec.classify("仓库里那批没动的货我们今天拉回去,按进价冲抵欠款。", TODAY).acts


def test_a_legal_warning_names_the_law_or_its_means(rec):
    # triangular-debt 7b (dev play): a way to get paid first from the owner's funds was heard as a legal warning
    r = rec.classify("华景对材料款一向优先保障,您可以把我们这42万单列成材料款报上去,结算时优先拨付。", TODAY)
    assert "legal_warning" not in r.acts
    assert "legal_warning" in rec.classify("月底前还没有付款安排的话,公司就会申请支付令。", TODAY).acts
    assert "legal_warning" in rec.classify("再拖下去,我们只能按合同追究违约责任了。", TODAY).acts


def test_a_plain_ask_names_the_money_paying_or_when(rec):
    # competitor-terms 16c (dev play): a greeting that brings a colleague along was heard as a plain ask
    r = rec.classify("王姐,您看我把谁带来了?我们李经理听说我今天过来,非要一起来看看您。", TODAY)
    assert r.tactic != "direct_ask" and "direct_ask" not in r.acts
    for text in ("今天能结多少?", "这笔什么时候能安排?", "周五前把三十万打过来吧"):
        assert "direct_ask" in rec.classify(text, TODAY).acts, text


def test_an_ask_that_names_the_money_only_in_digits_names_the_money():
    # the rule held a literal backslash-d (r"\\d") where a digit was meant: an ask naming only 18500 lost its ask
    from trainer.core.language.recognise import NEEDS

    assert NEEDS["direct_ask"].search(normalise("那18500这周能处理吗?").marked)
    assert NEEDS["direct_ask"].search(normalise("那这周能处理吗?").marked) is None


def test_both_sides_to_sign_is_a_signature_asked_for_not_one_cited():
    # dev play quality-dispute 8b: 协议在这儿 … 双方签字盖公司章 lost its written commitment once it was not the main act
    from trainer.core.language.recognise import PAPER_CITED

    for text in ("协议在这儿:其余58万8分两期,双方签字盖公司章。", "双方签字盖章,各执一份。"):
        assert PAPER_CITED.search(normalise(text).marked) is None, text
    for text in ("对账函双方盖章,数是对的。", "合同是双方签字盖章的,写得清清楚楚。", "对账单双方都已签字确认。"):
        assert PAPER_CITED.search(normalise(text).marked), text


def test_a_receipt_handed_over_is_written_down(rec):
    # follow-up 21c (dev play): 这是收据 after the money came in was not heard as the receipt (讨账十招5·写下收据)
    for text in ("十二万收到了,这是收据,二十号那笔我头一天再给您打电话。", "款到了,收据给您,盖了我们公司的章。"):
        assert "written_commitment" in rec.classify(text, TODAY).acts, text
    # a receipt shown as evidence is not one handed over (supermarket plans: 这是收据复印件, 收据在这儿)
    for text in ("条码费签约时就交了,这是收据复印件,这一项扣款应该退回来。", "条码费的收据在这儿,签约时一次收清的。"):
        assert RECEIPT.search(normalise(text).marked) is None, text


def test_a_clause_act_the_whole_line_hardly_holds_is_dropped(rec, monkeypatch):
    # competitor-terms 22c (dev play): a balance check whose clause 账上就是四十八万 read as 喊高取中 on its own; the
    # debtor then "settled in the middle" on a plan for the whole debt
    text = "再说回这四十八万:六张送货单都在,去年的返利今年三月已经冲过了,冲抵单在这儿,账上就是四十八万,您核一下。"
    r = rec.classify(text, TODAY)
    assert r.tactic == "verify_balance" and "ask_high_settle_middle" not in r.acts
    import trainer.core.language.recognise as recognise

    # the veto is what drops such an act (since the line models of stop 43 that clause no longer reads as 喊高取中 at
    # all; a dev line whose clause still does — 货款一分不能少 after a rebuttal is no opening bid. Until stop 60 the
    # example was 中午我在食堂门口等你…不耽误你下午的事, whose polite exit the act lister now holds and NEEDS drops)
    rebuttal = "你再说质量有问题,那好,我们请第三方检测机构来检,检出来没问题,检测费你出,货款一分不能少。"
    assert "ask_high_settle_middle" not in rec.classify(rebuttal, TODAY).acts
    monkeypatch.setattr(recognise, "ACT_VETO", 0.0)
    assert "ask_high_settle_middle" in rec.classify(rebuttal, TODAY).acts


@pytest.mark.parametrize("text", [
    "中午我在你们公司食堂门口等你一起吃个饭,边吃边把付款日期定下来,不耽误你下午的事。",  # dev r14f: waiting, no exit
])
def test_a_polite_exit_names_the_money_or_papers_in_or_the_leaving(rec, text):
    assert "polite_exit" not in rec.classify(text, TODAY).acts
    assert "polite_exit" in rec.classify("钱到账了,收据您收好,我就不耽误您了,先走一步。", TODAY).acts


@pytest.mark.parametrize("text, not_heard", [
    # stop 31 (dev 28b): the debtor's own excuse said back is no instalment offer of the trainee's
    ("您说货款全压在库存上、手上一分钱都掏不出来,我听着也替您发愁。", "installment_plan"),
    ("你刚才讲下个礼拜才能付一半,这个情况我记下了,今年大家都难。", "installment_plan"),
])
def test_the_debtors_words_said_back_are_not_the_trainees_offer(rec, text, not_heard):
    assert not_heard not in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text", [
    "您说资金紧,可上礼拜你们刚收了一笔工程款,这个说不过去。",  # the report itself answers the excuse
    "你说下游没回款,我查了,那家商场上周就付了。",
])
def test_a_report_of_his_excuse_still_answers_it(rec, text):
    assert "rebut_excuse" in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text, says", [
    ("我跟您说,分两期,这个月底先付十万,下月底付清。", "installment_plan"),  # the trainee's own telling
    ("按您说的,分两期付:本周五十万,月底十万。", "installment_plan"),  # his proposal taken up as the trainee's
    ("您说个日子,12月15号前先付一半行不行?", "direct_ask"),  # asking him to speak
])
def test_own_telling_and_his_proposal_taken_up_are_not_reports(rec, text, says):
    assert says in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text", [
    # stop 32 (dev play factory-to-factory e): his 款先放一放 said back gives up nothing of ours
    "你说单价没谈好,款先放一放。我讲句道理:价格是当时合同定好的,明年的价格跟今年的货款不搭界的。",
    "你说不降价就不付款,那也没关系,我们这个价格是公道价,你们考虑清楚。",
])
def test_the_debtors_words_said_back_are_no_concession_of_ours(rec, text):
    r = rec.classify(text, TODAY)
    assert not r.concession and "valuable_concession" not in r.acts


def test_reported_clauses_run_on_one_clause_at_most_and_stop_at_the_trainees_turn():
    from trainer.core.language.recognise import _pieces, _reported
    assert _reported(_pieces("您说钱压在货上、手头拿不出来、银行也不放款,我们分三期吧")) == [True, True, False, False]
    assert _reported(_pieces("您说钱压在货上,可您上周刚进了货")) == [True, False]
    assert _reported(_pieces("您说钱压在货上。今天先付五万")) == [True, False]
    assert _reported(_pieces("我跟您说个事,今天先付五万")) == [False, False]
    # stop 33: 不瞒您说 is the trainee's own telling; 你说该不该 asks him; a question after his words is ours
    assert _reported(_pieces("不瞒您说,我们今年也难,您这笔一到我们也能喘口气")) == [False, False, False]
    assert _reported(_pieces("别家都是现款现货,这回付款你说该不该排头一个?")) == [False, False]
    assert _reported(_pieces("您刚才说质量有问题,能具体讲讲是哪一批、什么毛病吗?")) == [True, False, False]


def test_the_main_act_is_heard_from_the_trainees_own_words_when_his_are_said_back(rec):
    # stop 33 (dev play triangular-debt 31b): his 华景不给您钱 said back had made the whole line a stop_supply, and the
    # debtor answered a threat nobody made
    r = rec.classify("您讲华景不给您钱,您也没办法,我晓得您难;我们先对一下数,五批货一共42万,已经逾期120天,对伐?", TODAY)
    # (since the line models of stop 43 understanding, the due date and the check come out level, 0.31 each: the check
    # may not lead, but it is heard)
    assert "stop_supply" not in r.acts and "verify_balance" in r.acts and r.tactic in ("verify_balance", "empathize")
    # an answer to his words keeps the whole line: restating the excuse is what makes a rebuttal
    assert rec.classify("您说资金紧,可上礼拜你们刚收了一笔工程款,这个说不过去。", TODAY).tactic == "rebut_excuse"


def test_a_legal_step_names_the_law_its_people_or_papers(rec):
    # stop 31: pressure at work is no lawsuit (公司已经在点我的名了 read as legal_action, the talk ended in court)
    assert "legal_action" not in rec.classify("四十八万拖了六十五天,公司已经在点我的名了。", TODAY).acts
    assert "legal_action" in rec.classify("案子已经立了,下个月十号开庭。", TODAY).acts


def test_a_weak_reading_of_a_line_about_the_debt_still_leads(monkeypatch):
    # stop 31: a line that talks about the money or the goods is no small talk, however weakly its tactic reads
    from trainer.core.language import recognise as R
    r = R.default_recogniser()
    row = np.zeros(len(r.labels))
    row[r.labels.index("probe_reason")] = 0.25
    lexes = [np.zeros(len(r.labels))]
    said = "起泡具体在哪些货上、客户有没有索赔,您给我个数。"
    heard = r._hear(said, r.normalise(said), row.copy(), np.zeros((0, len(r.labels))), TODAY, lexes)
    assert heard.tactic == "probe_reason"
    chat = "周末带孩子去公园转了转,人挺多。"
    assert r._hear(chat, r.normalise(chat), row.copy(), np.zeros((0, len(r.labels))), TODAY, lexes).tactic is None
    monkeypatch.setattr(R, "ABOUT_THE_DEBT", 0.3)
    assert r._hear(said, r.normalise(said), row.copy(), np.zeros((0, len(r.labels))), TODAY, lexes).tactic is None


def test_a_legal_step_held_back_on_a_condition_is_a_warning(rec):
    # stop 31 (dev play bad-debt-signs 30a): 只要 is a condition like 如果 — the step is not taken, it is held over him
    acts = rec.classify("起诉状和保全申请都备好了,只要今天这十万到账,保全我们就先不递。", TODAY).acts
    assert "legal_warning" in acts and "legal_action" not in acts


def test_papers_signed_or_stamped_cited_as_evidence_are_marked(rec):
    assert rec.classify("两份对账单盖的是公司公章,不是刘老板的私章。", TODAY).papers
    assert not rec.classify("麻烦您在确认书上签个字。", TODAY).papers


@pytest.mark.parametrize("text, kinds", [
    # stop 32 (dev play competitor-terms 31b): tracking a job is service, following a person is stalking
    ("我请我们技术员免费下去帮他们做一次饲喂跟踪,料还是从您这里走。", ()),
    ("售后我们全程跟踪服务,有问题随时找我。", ()),
    ("我们会跟踪您的订单进度,到了第一时间告诉您。", ()),
    ("再不还钱,我就派人跟踪你。", ("stalk",)),
    ("从明天起我天天跟踪你。", ("stalk",)),
    ("我会跟踪你老婆,看她去哪儿。", ("stalk",)),
])
def test_tracking_a_job_is_no_stalking(text, kinds):
    assert unlawful(normalise(text).marked) == kinds


def test_his_figures_said_back_are_no_ask_of_ours(rec):
    r = rec.classify("您讲第一期5万也紧、想先付3万,可5万已经是我争取的底线了;只要这4期都按时付,违约金我去申请全免。", TODAY)
    assert 30_000 in r.fees and 50_000 not in r.fees and r.conditional and r.concession


@pytest.mark.parametrize("text, kinds", [
    # stop 32 (dev_r17a): "if the members got to know" names a consequence to his face (reputation), not a threat to tell
    ("欠款的事儿要是让会员们知道了,您脸上也不好看。", ()),
    ("您是商会理事,要是让同行知道拖供应商的钱,说出去多难听。", ()),
    ("要是不还,我就让你老婆知道知道。", ("family", "shame")),
    ("我让你们客户都知道你欠钱不还。", ("shame",)),
])
def test_a_consequence_named_is_no_threat_to_tell(text, kinds):
    assert unlawful(normalise(text).marked) == kinds


@pytest.mark.parametrize("text", [
    # stop 33: giving in beside the main act must be said in the words (5-fold dev: 36 false side acts fewer)
    "账期我们不会改,合同签的是六十天就是六十天。",
    "您说的延期方案我这边权限不够,得请我们经理出面才能定,明天我约他一起过来。",
])
def test_no_side_concession_without_words_of_giving(rec, text):
    assert "valuable_concession" not in rec.classify(text, TODAY).acts


def test_giving_in_as_the_main_act_must_be_said_when_another_reading_is_as_strong():
    # stop 34 (dev play quality-dispute 7c under the retrained model): 九月那批我们认,退换还是折价都按合同来 — owning the
    # fault, nothing given up — read valuable_concession 0.497 against apologize 0.496
    from trainer.core.language import recognise as R
    r = R.default_recogniser()
    lexes = [np.zeros(len(r.labels))]

    def heard(text: str, valuable: float, other: float) -> str | None:
        row = np.zeros(len(r.labels))
        row[r.labels.index("valuable_concession")] = valuable
        row[r.labels.index("apologize")] = other
        return r._hear(text, r.normalise(text), row, np.zeros((0, len(r.labels))), TODAY, lexes).tactic

    owning = "九月那批货我们认,退换还是折价都按合同来"
    assert heard(owning, 0.50, 0.49) == "apologize"
    assert heard(owning, 0.50, 0.30) == "valuable_concession"  # not a near tie: the reading stands
    assert heard("九月那批货我们认,违约金也免了", 0.50, 0.49) == "valuable_concession"  # the giving is said


@pytest.mark.parametrize("text, holds", [
    # stop 34: our new stock held back until the debt is paid stops supply, gently, beside whatever else the line does
    ("下个月的新品备货我先压一压,等这笔结清了咱们再谈。", True),
    ("您上周下的订单我们先压着,款到了马上排产。", True),
    ("孙总,上回是我们报关出错,害您的货在码头多压了两天,我先赔个不是。", False),
    ("我们厂家的货款也压着付不出去,您就当帮帮我。", False),
])
def test_stock_held_back_is_stop_supply(rec, text, holds):
    assert ("stop_supply" in rec.classify(text, TODAY).acts) is holds


@pytest.mark.parametrize("text, rude", [
    # stop 34: an insult said outright is hostility whatever else the line asks (5-fold all dev: 21 rude lines heard, 0 false)
    ("废物,连个款都付不出来,还开什么公司!", True),
    ("吵什么吵,给钱!今天就给!", True),
    ("你脑子进水了吧,合同都看不懂?", True),
    ("少废话!十八万,今天下午五点前打过来。", True),
    # a number is no insult, nor describing ourselves, nor small talk about his family
    ("只要按期到,违约金一万四千二百五我回去申请免掉。", False),
    ("我这个人就是脸皮厚,钱没到我就天天来报到。", False),
    ("您家孩子今年高考吧?报的哪个学校?", False),
    # 妈的 only as a curse: 做妈的 / 当妈的 is a mother (found at the stop-34 final read: a held-out small-talk line about
    # a mother staying up with her son was heard hostile — the bug is fixed in general, the held-out line is not copied)
    ("做妈的哪有不操心的,孩子发烧我一宿没睡。", False),
    ("妈的,又拖一个月!", True),
    # 不打,您 is no blow (dev_r16c: 一个电话都不打,您安心陪她 was heard hostile once the retrained model leaned on the cue)
    ("这个月我们一个电话都不打,您安心处理家里的事。", False),
    # stop 35 (dev_r20a): more name-calling and shouting, and the kid's mum (孩子他妈) who is no curse
    ("滚你的蛋,少拿没回款糊弄我!", True),
    ("嚷什么嚷!嗓门大就不用付钱了?", True),
    ("你当我瞎啊?上周刚换的新车!", True),
    ("你这种人就是个骗子!", True),
    ("孩子他妈让我早点回去,今天就聊到这儿。", False),
    ("你妈的身体好点了没?上回听说住院了。", False),
    ("你妈的,到底给不给?", True),
    ("我知道您不是老赖,就是一时周转不过来。", False),
    ("收据我带来了,您看一下日期。", False),
    # stop 38 (dev_r22a and a dev small-talk line): regional swearing, and the Sichuan friends' banter that is none
    ("你个板马,欠钱欠得理直气壮?", True),
    ("锤子哦,跟你这种人讲道理就是浪费口水!", True),
    ("你个扑街,钱呢?", True),
    ("这单收不回来我就扑街了,您帮帮忙。", False),
    ("你个龟儿子,几个月不见又晒黑了,跑哪儿耍去了?", False),
    # stop 39 (dev_r24b, dev_r24a): contempt for his wits, his honesty, his act; a cadre's scolding; a slammed table —
    # and the same words turned on oneself, said of one's own boss, or traded in jest, which are none
    ("你脑子是不是被门夹了?合同写的六十天,现在都一百天了!", True),
    ("小学毕业了没?三张单子加起来四十二万你都算不对?", True),
    ("你满嘴没一句真话,上礼拜说会计请假,这礼拜说银行系统坏了。", True),
    ("别装可怜了,眼泪收一收,账上进了多少钱你心里有数。", True),
    ("你把我当猴子耍呢?讲了三回马上打钱,一分没见着。", True),
    ("你们这种公司我见多了,货一收就翻脸,钱一分都不想给。", True),
    ("拍桌子)少跟我打哈哈!承诺书就在这儿,签字!", True),
    ("我这猪脑子,把单子上的数抄错了一位,对不住。", False),
    ("我们经理就是个神经病,天天逼我,您就当帮我一把。", False),
    ("你个憨包,好久不见,走,喝两杯去。", False),
    ("我这就滚蛋,不耽误您发财,钱收到了谢谢啊!", False),
    # stop 38 (dev_r23a): contempt in many voices is hostile ...
    ("你瞅你那熊样,欠钱还跟我这嘚瑟啥?钱拿来!", True),
    ("别介,您甭给我来“改天再说”那套,您这就是成心的,二皮脸!", True),
    ("我去你大爷的“领导出差”!你们领导一年出差十二个月是吧?", True),
    ("(拍着桌子吼)我不要听“再等等”!我等了一百二十天了!现在就要见钱!", True),
    ("你个板马,拖了我四个月,今天不把这四十二万说清楚,我就在这儿跟你耗着!", True),
    # ... the same words traded in jest by old partners, a boss's temper reported, or oneself run down are not
    ("你个板马,混得蛮好嘛!老朋友了,有么事难处你跟我直说。", False),
    ("你个孬孙,还是恁精!行了行了,不逗你了,俺这回来就是看看你。", False),
    ("他妈的这天儿也太冷了,我在门口冻了半小时,你们这儿暖气开了没?", False),
    ("我真是个废物,连个账都收不回来,家里还等着我这提成交房租呢。", False),
    ("我们老板在会上都拍桌子了,说再拖就交法务,我是好说歹说才给您压下来的。", False),
    # stop 40 (dev_r25a, a Zhengzhou voice): the northern 娘-swears and 球-scorn said at him; the world cursed is not him
    ("放你娘的屁,啥叫等甲方拨款?跟俺签合同的是你!", True),
    ("你算个球,拿俺的货款当筹码压价?", True),
    ("你个龟孙,四十万的钢材早用完了,钱呢?", True),
    ("你个龟孙,几年不见又胖了,走,喝两杯去。", False),
    ("唉,这世道真是操蛋,大客户关门,银行抽贷,换我也得愁白了头。", False),
    # stop 59: manners and wits scorned (没教养, 让门挤了), his standing denied (你也配), a rogue (无赖) — sentences of my own;
    # the speaker's own manners and a prize deserved are no insult
    ("我在这儿等了你一个钟头,你头都不抬,真没教养。", True),
    ("你脑子是被门夹了吧?签了字的单子也不认?", True),
    ("就你也配当这个总经理?欠供应商的钱一拖半年。", True),
    ("一边去,你说的没一句实话,叫你们老板出来跟我谈。", True),  # sent away, called a liar
    ("你当我们是开善堂的?拿了货一分不给。", True),
    ("我一边去仓库清点,一边让会计把账对了。", False),  # 一边…一边: at the same time
    ("我真是没教养,刚才打断您说话了,不好意思。", False),
    ("您也配得上这个优秀供应商的奖,这几年合作一直顺。", False),
])
def test_an_insult_is_hostile(rec, text, rude):
    assert ("hostile" in rec.classify(text, TODAY).acts) is rude


def test_a_rebuttal_must_answer_something():
    # stop 35: the model's rebut_excuse had become the catch-all of small talk (5-fold dev: 35 of 135 small-talk lines
    # given an act got it); a rebuttal names the money, goods, papers, a reason or a "but" — else the next reading leads
    from trainer.core.language import recognise as R
    r = R.default_recogniser()
    lexes = [np.zeros(len(r.labels))]

    def heard(text: str) -> str | None:
        row = np.zeros(len(r.labels))
        row[r.labels.index("rebut_excuse")] = 0.6
        return r._hear(text, r.normalise(text), row, np.zeros((0, len(r.labels))), TODAY, lexes).tactic

    assert heard("刚下高速,导航把我带到另一个园区去了。") is None
    assert heard("今天这雨下得真大,我鞋都湿透了。") is None
    assert heard("资金紧张?您上个月刚开了分店。") == "rebut_excuse"
    assert heard("质检报告每批都合格,色差是调配比例的事。") == "rebut_excuse"


@pytest.mark.parametrize("text, act", [
    # stop 36: an act that needs what the line never names is not heard — his standing praised and a favour asked is no
    # appeal to his name; a rebuttal about goods moved out is no freeze; a paper waived is no request for one
    ("孙总您在安装圈人缘好,华景那边肯定有熟人,咱们一起把结算往前推一推?", "reputation"),
    ("您说是正常调仓,可货一车车往外拉,会计也走了,付款还改走个人账户,这说不过去吧?", "property_preservation"),
    ("确认单不用签了,我相信你们系统。", "written_commitment"),
    ("先把账期延三个月吧,什么都不用签了。", "written_commitment"),
])
def test_an_act_needs_what_it_is_about(rec, text, act):
    assert act not in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text, act", [
    ("您是商会副会长,这笔账拖着,传出去对您名声不好。", "reputation"),
    ("他在转移资产,我们明天就去法院申请冻结他的账户。", "property_preservation"),
    ("金额和日期写清楚,您在承诺书上签个字。", "written_commitment"),
])
def test_the_same_acts_with_what_they_are_about(rec, text, act):
    assert act in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text, tactic", [
    # stop 38 (dev_r22a): the shortest asks there are — where is the money, it is time to pay
    ("老板,钱呢?", "direct_ask"),
    ("款呢?上次说好的。", "direct_ask"),
    ("账总该结了吧", "direct_ask"),
    # 呢 after the money that he is waiting for or that is docked is no ask
    ("说实话,这单收不回来,我年底的奖金就泡汤了,家里还等着这钱呢。", "ask_for_help"),
])
def test_short_colloquial_asks(rec, text, tactic):
    assert rec.classify(text, TODAY).tactic == tactic


@pytest.mark.parametrize("text, main", [
    # stop 38 (dev play bad-debt-signs 39a2; 5-fold dev: 37 lines open so, 34 labelled by what follows the "but"):
    # understanding him is the way in, what follows the "but" is what the line is for
    ("施总,俺理解你们门店刚装修完手头紧,可八十万不能一直晾着,咱先定个数:这周五先打十五万。", "direct_ask"),
    ("我理解您现在压力很大，可这批货今天得拉回去", "take_back_stock"),
])
def test_understanding_then_but_leads_with_what_follows(rec, text, main):
    r = rec.classify(text, TODAY)
    assert r.tactic == main and "empathize" in r.acts, r.acts


@pytest.mark.parametrize("text, side", [
    # stop 38 (dev play malicious-delay 39b2): an instalment plan beside the main act needs its parts
    ("马总,新仓库开了,新车提了,每个月还在跟我们进货,说四十六万拿不出来,我是不信的。", False),
    ("您一下子拿不出46万,那我们分三批:这周五15万,15号15万,月底16万,每批付完我当场开收据。", True),
])
def test_an_instalment_side_act_needs_its_parts(rec, text, side):
    r = rec.classify(text, TODAY)
    assert ("installment_plan" in r.acts) is side, r.acts


@pytest.mark.parametrize("text", [
    # stop 38 (dev_r23a): veiled and dialect threats — 恁 is "you" in Henan and Shandong
    "俺把话撂这,恁要再躲,俺就天天堵恁家门口,恁啥时候出门俺啥时候跟着。",
    "马总,您家小区门口那家早餐店我已经吃了三天了,明早我还去,顺便等您出门。",
    "钱总,阿拉也是讲道理的人,不过侬女儿在实验小学三年级二班,对伐?",
    "你晓得不,我们公司催款的那几个伢子下手冇轻冇重的,到时候我拦不住的啰。",
    "恁不还钱中,俺明儿个就把恁店门锁了,看恁咋开门做生意。",
    "林老板,你女儿的婚礼是下个月10号吧?我们会去“随礼”的,到时候当着亲家的面把账算一算。",
    "你唔还钱,我就喺你公司门口拉横额,等你啲客全部睇到。",
    # stop 39 (dev_r24b, dev_r24a): veiled threats as concern, people "who don't keep to the rules", his car or shop
    # taken, his family's safety beside the money, his addresses "on file", his staff or his landlord told
    "这两天下雪路滑,您晚上开车回家当心点,出个什么意外谁也说不准,二十万的事您掂量掂量。",
    "你们库房堆的都是纸箱吧?万一哪天半夜烧起来,可就不止这点货款了。",
    "我认识几个道上的朋友,专门帮人要账,你要不要见见?",
    "你那辆新车停楼下了吧?钥匙不给也行,我有办法开走,车先押我这儿。",
    "下午我带几个兄弟去你仓库,能拉多少拉多少,抵账。",
    "您孩子的学校地址、您太太的单位地址我们都已经登记在册了,钱的事尽快吧。",
    "我昨天找了您的房东聊了聊,跟她说了说您欠我们的钱。",
    "你躲到深圳我就跟到深圳,躲到哪我跟到哪。",
    "今晚十二点前不到账,明早我就PO上网,名字电话全部公开。",
    # stop 42 (dev_r27a): the law declined for ways of his own; the debt spread where everyone will see it
    "打官司太费劲,我不走那一套,我有自己的办法让你把钱吐出来。",
    "你们镇上的微信群我都进了,我要是把这笔欠账一发,全镇的人都晓得了。",
    # stop 42: a safeguard named beside a menace or the money is still a threat
    "你那片儿最近有人专门砸车,车最好停车库里,这二十万再拖下去,出点啥事可不好说。",
])
def test_veiled_and_dialect_threats_are_unlawful(rec, text):
    r = rec.classify(text, TODAY)
    assert r.tactic == "hostile" and not r.rude, (r.acts, r.rude)


def test_concern_that_says_what_to_do_is_no_threat(rec):
    # stop 40 (tried by hand): the fire danger with a remedy is care; left hanging beside the money it is a threat
    assert "hostile" not in rec.classify("仓库电线老化了,小心半夜起火,找人查查吧。", TODAY).acts
    assert rec.classify("你们库房堆的都是纸箱吧?万一哪天半夜烧起来,可就不止这点货款了。", TODAY).tactic == "hostile"


def test_asking_after_his_familys_illness_with_help_is_no_threat(rec):
    # stop 41 (dev_r26a): care with help or a doctor's advice and no word of the money tripped the family and fire
    # families by 找 / 记得 / 烧; beside the money, or signed off with a bare 多保重, the same kind of line stays a threat
    assert "hostile" not in rec.classify("听说你父亲住院了,要不要我帮你问问省医院的专家?", TODAY).acts
    assert "hostile" not in rec.classify("小孩子发烧了好几天了吧?赶紧去儿童医院挂号,别拖。", TODAY).acts
    assert rec.classify("您闺女放学那条路挺偏的,欠钱不还,哪天出点什么事可别怪我没提醒,我帮您问问。", TODAY).tactic == "hostile"


@pytest.mark.parametrize("text", [
    # stop 41 (dev_r26a): his home known to the door, a danger wished on him where no one would see
    "你家在哪个小区哪一栋我都摸清了,别再躲了。",
    "您儿子班主任姓什么、几点放学,我都记得。",
    "您每天一个人走那条小路回家,黑灯瞎火的,出点什么事谁也不知道。",
])
def test_home_known_to_the_door_and_danger_where_no_one_sees_are_threats(rec, text):
    assert rec.classify(text, TODAY).tactic == "hostile"


@pytest.mark.parametrize("text", [
    # stop 44 (dev_r29a): the collector posing as the court or the police, his money sent to a private account
    "喂,你好,这里是沙河口公安分局。你涉嫌合同诈骗,请你今天下班前把钱结清。",
    "我是中级人民法院的,你这个案子已经判了,现在把钱打到我给你的这个个人账户上。",
    # … and pushed to a loan shark to pay
    "我给你指条道:你去找放贷的老孙,今天下午借了今天下午就能还我。",
])
def test_posing_as_the_law_and_a_loan_shark_are_unlawful(rec, text):
    assert rec.classify(text, TODAY).tactic == "hostile"
    assert unlawful(normalise(text).marked)


@pytest.mark.parametrize("text", [
    # stop 44 (dev_r29a): the families said in other words — just out of "inside", both worlds, calls through the
    # night from many numbers, his car "watched", a crowd at his counter, his family's papers, a threat on going out,
    # the law declined for "our ways", nothing left whole
    "我跟你说啊,我弟刚从里边出来,脾气贼爆,让他帮我上你那儿要要?",
    "你晓得我们老板是啥子背景噻,黑白两道他都认得人。",
    "我换二十个号码轮到打,凌晨三点也打,你手机莫想安静一分钟。",
    "你那辆白色奥迪我已经让人盯上了,你开哪去我都知道。",
    "那天我要还见不着钱,我就带人上你们收银台前面坐着,一个顾客都别想结账。",
    "你们家所有人的身份证号、电话我手上都有,你就接着拖。",
    "这周日之前见不着钱,你以后出门最好找个人陪着。",
    "你找律师也没用,我们不走法院那一套,我们有我们的办法。",
    "你店里那几个海鲜池子,我保证一个完整的都剩不下。",
    # … (dev_r29b) a crowd at her school gate, calls at two and three, his lock glued, his parking space known, a
    # wreath for his opening, weapons in the boot, his house watched from across the road, the lawyer passed over
    "你闺女在二中念初二是吧?你说要是天天有几个人在校门口等她放学,你心里得多不得劲儿。",
    "从今晚开始,我半夜两点给你打,三点给你打,四点接着打。",
    "下礼拜一钱还不到,我就把你家门锁眼儿给你堵上,胶我都买好了。",
    "你下班开的那辆白色帕萨特,停哪个车位我都知道。",
    "你们新店开业那天我送你一只花圈,摆在门口最显眼的地方。",
    "我车就停你家楼下了,后备箱里搁着两根镐把,你自己掂量着办吧。",
    "我的人已经在你家对面租了房子,你们一家人进进出出,我看得清清爽爽。",
    "礼拜五一过,我不找律师,我找人。",
])
def test_the_families_of_unlawful_pressure_in_other_words(rec, text):
    assert unlawful(normalise(text).marked)
    assert rec.classify(text, TODAY).tactic == "hostile"


@pytest.mark.parametrize("text", [
    # stop 44: jest owned as jest, with a debt of cards between friends; a dog cleverer than him in small talk
    "老周你这个铁公鸡,上回打牌欠我两百块还没给呢,哈哈,逗你的。正经的,那三张送货单咱俩对一对?",
    "你家那条狗都比你精,会自己开门出去上厕所。",
    # … bad luck that is the weather's, not his (dev_r24a)
    "昨天那场雪下得邪乎,我车都陷沟里了,拖了半天才拖出来,真是倒了八辈子血霉。",
    # stop 67: a night out they shared, brought up against him with no laugh (dev_r56a, r61b)
    "滚蛋吧恁,上回喝酒是谁钻桌子底下去的?还有脸说俺酒量不中!",
    "去去去,你个老东西,上回喝酒钻桌子底下的是谁呀?还有脸跟我吹!",
])
def test_teasing_is_no_insult(rec, text):
    assert "hostile" not in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text", [
    # stop 67: his child discharged from hospital is no way out barred (dev_r65b); customers queueing at his door every
    # day are no watch kept on it (dev_r66a)
    "林姐,侬仔住院要紧,这个月的款你先别想了,等孩子出院再讲。",
    "周老板,你这店开得是真好,整条街就你家门口天天有人排队,蛮红火嘞。",
])
def test_care_and_praise_in_the_laws_words(rec, text):
    assert unlawful(normalise(text).marked) == ()
    assert "hostile" not in rec.classify(text, TODAY).acts


def test_a_threat_beside_a_shared_night_out_or_praise_stays_one(rec):
    # … but a threat said beside a shared night out is the law's, and a watch kept on his door stays one
    assert "hostile" in rec.classify("上回喝酒你不是挺能喝吗?哪天我去你家楼下等你,陪你好好喝一顿。", TODAY).acts
    assert unlawful(normalise("你再拖,我保证你家门口天天有人").marked)
    assert unlawful(normalise("你今天别想出这个院").marked)


def test_working_through_the_night_is_no_harassment():
    # … while working late is not calling him late (dev_weak: 凌晨两点还在打包发货, said in sympathy)
    assert unlawful(normalise("看你朋友圈这几天凌晨两点还在打包发货,太拼了,真不容易").marked) == ()


def test_moving_ones_own_car_is_no_threat(rec):
    assert "hostile" not in rec.classify("我把车开走了,刚才停你们门口挡着你们卸货,不好意思。", TODAY).acts


def test_a_technician_stationed_at_his_works_is_no_threat(rec):
    # stop 38 (dev play quality-dispute 13a): 驻点 at his home is a threat, at his works a service
    r = rec.classify("只要五十八万八在11月16号前付清,我们再派技术员到您厂里驻点一个礼拜,帮您把涂装参数重新调一遍。", TODAY)
    assert "hostile" not in r.acts


@pytest.mark.parametrize("text", ["你个板马,欠钱还装穷!", "再不还钱我就去你儿子学校门口等他"])
def test_hostility_heard_outright_is_sure(rec, text):
    # stop 38 (tmux, fake-broke): an insult in dialect came to 0.17 and the TUI asked "did you mean 过激?" before the
    # rebuke; heard by the law or an insult, hostility is sure enough to play at once
    from trainer.core.language.recognise import OUTRIGHT
    r = rec.classify(text, TODAY)
    assert r.tactic == "hostile" and r.confidence >= OUTRIGHT


@pytest.mark.parametrize("dialect, mandarin", [
    ("俺们这批货", "我们这批货"), ("额跟你说", "我跟你说"), ("额们老板", "我们老板"), ("阿拉公司", "我们公司"),
    ("侬晓得伐", "你晓得伐"),
    # 额 of an amount and 阿拉伯 stay
    ("余额五万", "余额五万"), ("这个额度", "这个额度"), ("焦头烂额", "焦头烂额"), ("拉横额", "拉横额"), ("阿拉伯", "阿拉伯"),
    ("金额三万", "金额三万"), ("销售额", "销售额"),
])
def test_dialect_pronouns_read_as_mandarin(dialect, mandarin):
    # stop 39: 俺 (778 dev lines), Shaanxi 额 for "I", Shanghai 阿拉 / 侬 — the cues and law patterns say 我 / 你
    assert normalise(dialect).bare == mandarin


def test_a_letter_of_confirmation_is_papers_not_a_suit(rec):
    # stop 40 (gov-agency in tmux): 函 alone had listed 诉诸法律 beside the papers being brought
    acts = rec.classify("付款确认函我今天拟好,材料我后天上午送齐。", TODAY).acts
    assert "legal_action" not in acts and "written_commitment" in acts


@pytest.mark.parametrize("text", [
    # stop 41 (dev_r26a): mockery of his pleading poverty is rude — 有礼, not 有法
    "您这哭穷的本事,不去演戏真是屈才了,欠我们的二十万倒是一分不见。",
    "啧啧,天天喊没钱,这个月又换了台新车,这十八万您打算拖到哪年?",
    "穷得只能天天请客吃饭了,我们那三十万可怜巴巴地等着呢。",
])
def test_mocking_his_poverty_is_rude(rec, text):
    r = rec.classify(text, TODAY)
    assert r.tactic == "hostile" and r.rude, (r.acts, r.rude)


@pytest.mark.parametrize("text", [
    # stop 43 (dev_r28b, 100 sarcastic or insulting lines about the debt, 23 heard): his dodging admired, thanks for
    # remembering the debt, poverty that dines out, the debt as his small change, regional swearing
    "王老板,您这躲账的功夫我算是见识了,电话打了二十遍,一遍都没接着。",
    "您这欠了钱还这么理直气壮的架势,我干了十年销售头一回见。",
    "真是谢谢您啊,还记得欠我们三十万,我都要感动哭了。",
    "您手头紧?紧到周末还能去三亚度假,这十五万就拿不出来?",
    "我们那八万块钱,怕是还不够您一个月的零花钱吧?",
    "侬只阿木林,拖了半年还讲没收到发票?",
    # stop 44 (dev_r29a): the common idioms of scorn
    "你们这种老板,吃饭喝酒的时候大方得很,一说还钱就哭穷,丢不丢人嘛!",
    "你那套说辞留着哄你自己嘛,拿来哄我?我又不是三岁娃娃!",
    "嘎哈呢嘎哈呢?我跟你说话你玩手机?你当我是空气啊?",
    "好笑得很,拿了货不给钱,还要我们降价,你咋个不直接去抢?",
    "你们家这账算的,猪都比你算得明白。",
    # … (dev_r29b) and scorn said after his own words are said back: the report is his, the scorn is ours
    "你讲面料有问题?用我们面料做的旗袍挂在你店里卖两千八一件,现在讲面料有问题?笑死人了。",
    "你那破仓库里还压着我们二十多万的货,你还有脸说是我们逼你?",
    "作孽哦,我们做面料的赚点辛苦钱,碰到你这种人,真的是倒了八辈子的霉。",
    "我跟你费这劲干啥,跟你说话就跟对牛弹琴一样。",
    # stop 47 (dev_r32b, insults that name no money): disgust, a pauper, a head full of dregs
    "你这副嘴脸真让人恶心。",
    "穷鬼一个,还在这儿跟我摆谱?",
    "你脑子里装的是豆腐渣吧?",
    # … (dev_r33a, Wenzhou and Xuzhou): sick at his face, his mouth a cesspit, a dog with more sense, 阿呸
    "阿看到你这张脸就想吐。",
    "你这张嘴就是个粪坑。",
    "俺家狗都比恁懂事。",
    "你个老滑头,嘴里没一句真话,阿呸!",
])
def test_sarcasm_about_the_debt_and_regional_swearing_are_rude(rec, text):
    r = rec.classify(text, TODAY)
    assert r.tactic == "hostile" and r.rude, (r.acts, r.rude)


@pytest.mark.parametrize("text", [
    # the same words said in earnest: praise for never having dodged, bad luck cursed in Cantonese, not at him
    "老李,我就佩服你一点,再难的时候也没赖过谁的账,这次二十万你给个准日子。",
    "我明白嘅,畀銀行抽貸真係好仆街,你慢慢講,我聽住。",
    "您这些年做生意的本事大家都服气,这笔十二万月底前结了,明年咱们接着合作。",
    # care with 万一 (in case) in it: no money talked of, so the hostility model alone does not decide (dev_r27a)
    "晚上一个人盘仓库,记得叫保安陪着,万一摔倒了都有人知道。",
    # teasing about money that is not the debt (his son's school fees): no talk of the debt, so not by the model alone
    "你儿子读国际学校,一年学费要十几万?真是读不起咯。",
    # stop 46, dev small talk heard hostile: a colleague's scolding told as a story, his wife set on him in jest, a tow
    # and a drag that are no delay (拖) — the dev lines themselves (r24b, r30c, r29a, r29b)
    "我们仓库那个小孙,昨天把叉车开进了沟里,被主任骂得跟孙子似的,哈哈。",
    "你再不接我电话,我就让你羊缸子收拾你,哈哈,她最听我的。",
    "你这个人讲义气,上回我车坏在半路,你大半夜开车来拖,这个情我记一辈子。",
    "你这个人啊,老早叫你去医院看看颈椎,就是不听,是不是要等我亲自拖你去?",
])
def test_the_same_words_said_in_earnest_are_not_hostile(rec, text):
    assert "hostile" not in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text", [
    # stop 41: care about the night and the streets, with nothing menacing and no word of the money, is small talk
    "您晚上一个人开车回去,路上小心啊。",
    "最近外面不太平,出门在外小心点。",
    "您住哪个小区啊?顺路的话我捎您一段。",
    # … mockery needs the money or his poverty: film talk, a greeting, sincere praise
    "那部电影主演的演技是真好,您看了吗?",
    "哟,王总今天气色不错啊。",
    "老周,我是真佩服您,再难的时候也没赖过谁的账。",
    # … and a family threat his family (dev_r26b): not the speaker's own mother in sympathy, not "you alone" among firms
    "我家也开过小店,那年年底我妈急得整宿睡不着,您这心情我懂。",
    "只要这三十万月底前到账,明年这个型号全市就给您一家代理。",
    # stop 42 (dev_r27a): a crime reported nearby, with a safeguard to take and nothing menacing, is care
    "听说你们那一片最近夜里有人砸车玻璃,车还是停车库里稳妥。",
    "这阵子厂区周边老有人撬门,下班前把仓库锁起来,再装个摄像头。",
    # … harm with no money named is care; other ways offered instead of a suit are no threat
    "您父亲腿脚不利索,下楼梯要是磕着了可就麻烦了,家里装个扶手吧。",
    # … and sympathy may name harm and the money in one breath (a rule reading harm + debt as a veiled threat was tried
    # at stop 42 and dropped: a held-out course-right line of play fell to it — tests/data/eval/README.md)
    "听说您上个月摔了一跤,腰还扛得住吗?那笔钱的事您别急,先把身体养好。",
    "我们不打官司,有别的办法可以商量,比如分三期付。",
    # … relief that his family is safe greets, before the money (dev_r27a)
    "孩子们都平安就好。那笔三十八万已经过了六十天,公司月底要结账,您帮帮忙。",
    # … 碰着 is also "met" (dev play bad-debt-signs 24a: 钱老板,可算碰着您了 was heard as a threat for a moment)
    "钱老板,可算碰着您了,电话老打不通,我就直接来仓库找您了。",
    # stop 44 (dev_r29a's friendly small talk): a joke laughed at, "until" his family's day, his wife finding *me*, a
    # gift for his mother — the family and home patterns had read each as a threat
    "你屋头那个酸汤鱼太安逸了,下回不请我吃,我就赖在你家不走了,哈哈。",
    "等你家老二满月,我要包个大红包,你莫拦我,拦我我跟你急。",
    "你再天天熬夜喝酒,你媳妇非得找我算账不可,说我把你带坏了。",
    "天冷了,记得给你妈买床电热毯,她那个老寒腿经不起冻。",
    # … and a time named once is no day recited (dev_r29b)
    "好嘞,你快去接小孩吧,幼儿园四点半放学,别迟到了。",
    "我跟你说,你再胖下去,下回见面我就不认你了,明早六点跟我上北陵公园跑步去。",    # … worry for him as the speaker's own, and a group chat to settle the figures with his staff (dev play openers)
    "钱老板,总算碰到你了噢,电话打了好几天都关机,我还担心你身体出什么事了。",
    "钱老板,好耐冇见喔,打你电话成日关机,我怕你出咗乜事,今日专门过来看下你。",
    "理解,扣款是采购录的,您这边只管结算。那能不能现在拉个群,把采购同事拉进来?我把收据和合同条款拍进去,十分钟说清楚。",
])
def test_kind_words_that_share_a_threats_words_are_no_hostility(rec, text):
    assert "hostile" not in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text, signing", [
    # stop 42 (dev play fake-broke 44a3): his bank slip asked for is no written promise — he had "signed" on it
    ("第一笔十五万,今天12月1日下班前转,转好把回单拍给我。", False),
    # … a paper to sign still is
    ("第一笔20万元今天转,剩下的写进还款承诺书,您签个字。", True),
])
def test_a_written_promise_names_the_paper_or_the_signing(rec, text, signing):
    assert ("written_commitment" in rec.classify(text, TODAY).acts) is signing


@pytest.mark.parametrize("text", [
    # stop 42's item 5 (tmux, quality-dispute): a batch of goods is no part of a plan, nor are the other batches
    "咱们把账摊开看:六批一共六十四万,起泡的是九月那一批,其余五批没问题。",
    "先把账对清:三批链条十八万,两批刹车片九万六,一共二十七万六,你签字确认。",
])
def test_a_batch_of_goods_is_no_instalment(rec, text):
    assert "installment_plan" not in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text, act, heard", [
    # stop 43 (dev play under line models retrained on the later dev sets): what an act needs to be said, and what says it
    # our goods taken back and written off the debt take the stock back (bad-debt-signs 40a2) — not his returns of before
    ("点完了,按单价二十三万六。退货清单一式两份,您签字,这二十三万六冲掉,还欠二十八万四。", "take_back_stock", True),
    ("上次退回的那批货冲减了没有?冲完应该还剩多少?", "take_back_stock", False),
    # the terms summed up as settled, with amounts and payment dates, ask for them (project-milestone 29a)
    ("那就定了:11月12号补齐签证单,88.2万11月20号周五前付,余下37.8万按合同主体验收后60天内付。", "direct_ask", True),
    # … said as 这样定 (stop 47, dev play project-milestone 49a: heard as a reminder of the due date alone, the plan was
    # never asked for and the deal was cut to 70% of it)
    ("这样定:签证单补齐后,11月20日前付88.2万元;余下37.8万元按合同,主体验收后六十天内付清。", "direct_ask", True),
    # no plan of parts in "this sum", a floor, or money collected (triangular-debt 36b, freetext fake-broke)
    ("我跟公司报的是今天全额收回,您要是实在为难,少一点也行,但不能低于一半。", "installment_plan", False),
])
def test_what_says_an_act_and_what_does_not(rec, text, act, heard):
    assert (act in rec.classify(text, TODAY).acts) is heard


@pytest.mark.parametrize("text", [
    # stop 45: banter's frame with the debt named is still a threat
    "你们公司我不去了,以后我直接去你家吃晚饭,你家里人应该会欢迎我。",  # 不去 is no invitation (dev_r14g)
    "这周五再不来把四十万结了,我就去你家门口堵你。",
    "你再不来我店里把账对清楚,我就把你欠钱的事发到同学群里。",
    "你家老爷子身体真硬朗,天天去江边钓鱼,这三十万再不还,我哪天陪他钓一回。",  # admired, and the debt named
    "你再跟我打哈哈,我就天天去你家门口堵你。",  # 打哈哈 is stalling, no jest
    # … and threats said with a laugh (dev_r30d): until stop 45 a jest with no word of the money made any threat lawful
    "哈哈,我就随便问一句,你家小子是在实验小学读二年级吧?放学都是他奶奶一个人接,我晓得的。开个玩笑,莫紧张。",
    "那件事你再装糊涂,我就在你公司大门口拉条横幅,红底白字,跟过年一样喜庆,嘿嘿,逗你的。",
    "我有个表弟刚从里面放出来,脾气不太好,他说想认识认识你——哈哈,你懂的。",
    # stop 47: a mock threat to beat him is banter only with nothing of the debt in the line; and 抖音 is where he would
    # be shown, not the news
    "哈哈,那三十万你再拖着不给,我打死你。",
    "我拍好了往抖音上一发,标题就叫某某老板的真面目,肯定火,哈哈,开个玩笑。",
])
def test_a_threat_in_the_frame_of_banter_or_said_with_a_laugh_is_still_a_threat(rec, text):
    r = rec.classify(text, TODAY)
    assert r.tactic == "hostile" and not r.rude


@pytest.mark.parametrize("text", [
    # stop 46: the law's families taken wider where dev_r30d's words ran past them
    "你不接是吧?夜里一点我给你打,两点接着打,打到你接为止。",  # the small hours by the clock
    "你不给钱也行,你回家我跟着,你去哪我跟到哪,看你能躲几天。",  # followed home
    "这几天我开车一直跟在你后面,你见了哪些人我都有数。",
    "你家几楼几号、几点出门几点回来,我门儿清,你信不信?",
    "你再拖,我明天就在你家楼底下摆张桌子,坐着等你下来。",
    "你爸住的那个敬老院我去看过了,环境不错,我以后常去坐坐。",
    "您爱人的电话、您岳父的住址我都整理好了,存在手机里备着。",
    "你再装死,我就把你那些聊天记录截图往朋友圈里一发,让大家都看看。",
    "你那辆新买的越野车,我叫拖车明天就把你那辆车拖走,抵我的货款。",
    "你的车钥匙我先替你保管着,钱什么时候到,车什么时候还你。",
    "我不动手,可我那几个兄弟动手可不看人,你自己掂量。",
    "你再躲,我就去你们单位,当着全办公室的面把你欠钱的事说道说道。",
    "去年有个老板也欠我们的钱不还,后来有天晚上他在停车场被人打断了腿,你说巧不巧。",  # a tale told as a warning
    "你儿子在实验中学念初一吧?这阵子我每天下午都在校门口站着,他放学出来我都看得见。",  # presence, day after day
    "你爸妈住的那个老家属院,往后我没事就过去坐坐,陪二老聊聊你欠钱的事。",
    # stop 47 (dev_r32b, threats that name no money): a blow, a door locked on him, his machine held, the small town
    # where he must walk, his kin told about him or visited, kin named in Hunan words (崽, 堂客, 爷老子)
    "再跟我嘚瑟,我一巴掌把你牙都打掉。",
    "你信不信我大耳刮子抽你?",
    "今天不给个说法,你甭想出介个门。",
    "你那台挖掘机我们先扣在我们院子里,想开走就拿钱来。",
    "这县城就这么大,你出门总要走路的,自己当心。",
    "你女儿在超市上班吧?我哪天去柜台跟她好好聊聊她爸干的事。",
    "你在外面那些事,我全部讲给你堂客听。",
    "你爷老子还住在乡下吧?我过两天回去看看他老人家。",
    "我晓得你崽在哪个学校读书。",
    # … (dev_r33a): a machine towed or held with us, a crowd sent to block him, his walk watched from behind, a post to
    # his village's group or the hot searches, his wife sent his doings — and the Wu 阿 and 弗 read as 我 and 不
    "你那台叉车我今天就叫人拖走,钱到了再来领。",
    "你的车就押在我这里,钥匙我先收着。",
    "再不给,我就让人到工地上堵你。",
    "恁以后走路最好看着点后头。",
    "我把你那点破事编成段子,保证你上本地热搜。",
    "恁老婆的微信俺加上了,恁干的那些事俺一条一条发给她。",
    "阿弗走了,就睡在你办公室,你去哪阿跟到哪。",
    "这周五之前弗到,阿就拍照发到你们村的微信群里。",
])
def test_the_laws_families_hear_their_wider_words(rec, text):
    assert unlawful(normalise(text).marked)  # a family of the law, not only the hostility model
    r = rec.classify(text, TODAY)
    assert r.tactic == "hostile" and not r.rude


@pytest.mark.parametrize("text", [
    # … and not the lawful lines that share their words (stop 46, dev)
    "你开会我在会议室门口等,你下班我跟你约第二天的时间,我不嚷嚷,就是等。",  # 跟你约: with you, not following
    "我们老板可没我这么好说话,月底再不到就换法务来收,到时候我也拦不住。",  # the legal department held back
    "明天你们开班子会,我带经理过去,当着你们领导的面好好说说这几年你们信誉多好。",  # face given before his leaders
    # dev_r31b: waiting at his company is the course's 紧盯不放; our legal colleagues serving a letter; our own stop list
    "我在你办公室门口等你,你什么时候签字我什么时候走。",
    "我们法务的兄弟们明天上午就到你们公司,把律师函当面送达。",
    "这笔再不结,你的名字就挂在我们停发名单上了,下个月的货一箱都发不出去。",
    "以前有个客户也是拖着不还,后来我们起诉了,法院判下来他还多付了利息和诉讼费。",  # a tale that ends in court
    "我儿子也在实验中学,我每天下午都在校门口等他放学。",  # the speaker's own child at the gate
])
def test_lawful_pressing_in_the_same_words_is_no_threat(rec, text):
    assert rec.classify(text, TODAY).tactic != "hostile"


def test_scorn_for_his_trade_is_heard_like_scorn_for_his_business(rec):
    # 买卖 is 生意 (dev_r31b): the hostility model hears scorn that names his trade, not only his business or the money
    r = rec.classify("你这样的人,活该没人愿意跟你做买卖,迟早把自己作死。", TODAY)
    assert r.tactic == "hostile" and r.rude


_HEARD_48_0 = [
    # stop 48: the law's levers built from parts — our own people with a hard edge, his car taken or kept, his way out
    # barred until paid, a body part promised broken, calls all night, his circle told what he is, his door watched
    # by our people — so that a new wording of one part still makes the threat
    "俺们车间那几个后生脾气爆得很,你再拖,他们找上门我也管不住。",
    "再拖一天,我把你腿给你打断。",
    "你那台宝马我认得,哪天让我碰上,我直接叫人开走扣下。",
    "你们公司那个会计先跟我回去,啥时候钱到了啥时候放人。",
    "夜里十二点以后你手机会一直响,不信你试试。",
    "我去你们厂里跟那些老师傅讲讲,你这个老板是什么样的老板。",
    # Shanghainese: 屋里向 home, 阿拉 we (read as Mandarin for the law)
    "侬屋里向楼下,阿拉的人天天等着,侬出一趟门阿拉跟一趟。",
]


_LEFT_48_0 = [
    # … and not the lines that share a part with them
    "我们法务那小伙子脾气冲,嚷嚷着要告您,我把他拦下了,咱们坐下来好好说。",  # our legal colleague, held back
    "我们售后小伙子明天上门给您调试设备,脾气好得很。",
    "你们的车开走了吗?我们的货车要倒进来卸货。",  # his car moving off, not taken
    "你那两车钢管我已经让库房扣下了,款不到不出库。",  # his loads of our goods held: stop_supply
    "王总,您这次放我一马,下回我请您吃饭。",  # let off, not let go
]


def test_shanghainese_says_e_for_de():
    # 额 is 的 in a line in Shanghainese (侬, 阿拉, 勿 …), "I" in Shaanxi (额给你交个底)
    assert normalise("侬是属乌龟额?").marked == "你是属乌龟的?"
    assert normalise("阿拉勿急额").marked == "我们勿急的"
    assert normalise("额给你交个底").marked == "我给你交个底"
    assert normalise("侬看看余额对伐").marked == "你看看余额对伐"


@pytest.mark.parametrize("text", ["侬是属乌龟额?缩在壳里一声不响。", "侬拿了阿拉额货勿付钞票,侬良心拨狗吃脱了?"])
def test_an_insult_in_shanghainese_is_heard(rec, text):
    assert rec.classify(text, TODAY).rude


_HEARD_48_1 = [
    # the first and second person of the Min, Hainan and Suzhou speech read as 我 / 你 for the law (stop 48, dev_r35b)
    "汝厝那台货车,阮明天就叫人开走扣下,钱到了再讲。",
    "鲁那台车,挖叫人开走扣起来,看鲁急不急。",
    "倷屋里那部车,伲叫人拖走。",
]


@pytest.mark.parametrize("text", [
    "鲁总,上回那批石材的账我们对一下。",  # 鲁 the surname
    "老鲁,你那台车开走了吗?",
    "挖个坑种树。",  # 挖 to dig
    # a limb in a friend's tease: his wife's, or a card cheat's fate laughed off (the friend 老钱 is no money)
    "老钱你这身穿得人模狗样的,去相亲啊?嫂子晓得了非把你腿打断不可,哈哈。",
    "你个老狐狸,下棋悔棋,早晚让人把你的手剁了,哈哈哈。",
])
def test_their_look_alikes_are_no_threat(rec, text):
    assert rec.classify(text, TODAY).tactic != "hostile"


def test_a_limb_laughed_off_beside_the_debt_is_still_a_threat(rec):
    assert rec.classify("五十二万你再拖,早晚让人把你的手剁了,哈哈。", TODAY).tactic == "hostile"


@pytest.mark.parametrize("text", [
    # stop 63: the Henan and Shandong 恁 read as 你 for the law, as the other dialects' "you" are (dev play
    # quality-dispute 63d2's 跟恁动手 went unheard); fists and kicks promised by count; a post on a website or a forum
    "恁要是再赖,俺今儿就跟恁动手。",
    "恁再拖一天,俺就赏恁两拳。",
    "再不付,我踹你两脚你信不信?",
    "你欠钱不还这件事,我写个帖子挂到本地论坛上。",
    "把你的名字和电话贴到公司网站留言板上。",
])
def test_dialect_you_fists_and_forums_are_unlawful(text):
    assert unlawful(normalise(text).marked)


@pytest.mark.parametrize("text", [
    "雪下得恁大,路上慢点开。",  # 恁 "so"
    "看你打牌那个臭样,我都想上去踹你两脚,哈哈。",  # a wish in jest
    "我们的新品介绍挂到网站上了,您有空看看。",  # our own page
])
def test_their_look_alikes_are_lawful(text):
    assert not unlawful(normalise(text).marked)


_HEARD_48_2 = [
    # the Min, Hakka and Wu words of home, family, days and doors read as Mandarin for the law (stop 48, dev_r36a/b)
    "汝毋还钱,阮就天天半夜三点打汝厝里的电话。",
    "倷再勿付,伲就每天夜里打倷老婆手机。",
    "汝若再拖,阮就带几个人坐在汝厝门口,等汝出来。",
    "迭扇门伲锁牢了,钱勿到,倷一步也覅想出去。",
]


_LEFT_48_1 = [
    "那个网红卖假货被人曝光,粉丝掉了一大半。",  # someone else exposed: news
    "最近有骗子冒充公安打电话,你跟爸妈说一声别上当。",  # someone else posing as the police: a warning
    "汝查某囝下个月出嫁了嘛?恭喜恭喜。",
]


_HEARD_48_3 = [
    # Gan (Nanchang) 恩 "you", Wenzhou 我俫 and 否, Fuzhou 伓 (stop 48, dev_r37a/b)
    "恩那台车阿已经叫人拖走了,钱到了再说。",
    "你要否还钱,我俫就叫人把你那台车开走扣下。",
    "汝伓还钱,我就叫人把汝的车开走扣下。",
]


@pytest.mark.parametrize("text", [
    "渠道的事我们下周再谈,是否能先付一半?",  # 渠道 a channel, 是否 whether
    "感恩您一直照顾我们的生意。",
    "伊利的牛奶蛮好喝的。",
    "否则我们只能走法律程序了。",
])
def test_their_mandarin_look_alikes_are_left_alone(text):
    said = law_mandarin(normalise(text).marked)
    assert "渠道" in said or "感恩" in said or "伊利" in said or said.startswith("否则")
    assert not unlawful(normalise(text).marked)


@pytest.mark.parametrize("text", [
    # small talk heard as threats on the fresh rough-talk sets (stop 48, dev_r34a-r37b: 17 lines): "never" said with 打死,
    # a friend's mock threat laughed off in his dialect or called by his title, someone else exposed
    "打死我也不信你能早起跑步,你那懒劲儿我还不知道?",
    "汝再抢阮的鱼丸,阮就打死汝,哈哈。",
    "王老板,你再吹那条鱼有二十斤,我真要揍死你了,哈哈哈。",
    "我们楼下那个小饭馆被人家曝光了,说是用的过期肉。",
    "恩再说阿唱歌难听,下回阿弄死恩,哈哈。",
])
def test_rough_small_talk_in_any_dialect_is_no_threat(rec, text):
    assert rec.classify(text, TODAY).tactic != "hostile"


@pytest.mark.parametrize("text", [
    "王老板,四十万你再拖,我真要揍死你了,哈哈。",  # the same laugh beside the debt
    "我把你欠钱的事发到同学群里,让大家都看看。",
    "哈哈,你再躲,我就把你那些事发到业主群里曝光。",
])
def test_the_same_words_about_the_debt_are_still_threats(rec, text):
    assert rec.classify(text, TODAY).tactic == "hostile"


_LEFT_48_2 = [
    # care for his family, read in Mandarin (阿爸阿妈, 个仔): advice about strange numbers, a call home asked for (dev_r38b)
    "最近电话诈骗好多,你同你阿爸阿妈讲清楚,唔识嘅号码一律唔好接。",
    "你个仔考上咗重点中学?好叻喔!住校记得叫佢多啲打电话返屋企。",
]


@pytest.mark.parametrize("text", _HEARD_48_0 + _HEARD_48_1 + _HEARD_48_2 + _HEARD_48_3)
def test_the_laws_levers_and_the_dialects_words_do_not_hide_a_threat(rec, text):
    assert unlawful(normalise(text).marked)  # a family of the law, not only the hostility model
    assert rec.classify(text, TODAY).tactic == "hostile"


@pytest.mark.parametrize("text", _LEFT_48_0 + _LEFT_48_1 + _LEFT_48_2)
def test_a_part_of_a_lever_or_a_dialects_word_alone_is_no_threat(rec, text):
    assert not unlawful(normalise(text).marked)
    assert rec.classify(text, TODAY).tactic != "hostile"


_HEARD_49 = [
    # Cantonese 畀 and 瞓 (dev_r33b, stop 49), the Jin 婆姨, the Cantonese 细路: the law's families, said the Mandarin way
    "你再唔覆我,我就半夜三点打畀你,打到你老婆都瞓唔着。",
    "甚时候还钱?不还的话,你婆姨在哪上班我都打听清楚了,你自己寻思。",
    "我知道你细路喺边间学校读书,你自己谂下。",
    # his gate blocked by us (dev_r35b, in Hainanese 挖 / 鲁)
    "六十四万一分不能少,少了挖就把鲁那个厂门给堵上,一辆车都别想出去。",
    "再拖,我就把你们仓库大门给封起来。",
]

_LEFT_49 = [
    # a road outside his gate blocked by works (dev_r34b), the passive 畀 / 给 of a friend's tease (dev_r38b)
    "咱们厂门口那条道又堵死了,说是修地铁,得堵到明年开春。",
    "你上次话戒烟,戒咗三日又偷偷食,畀你老婆捉到唔打死你先怪。",
    "你把嘴真系贱,讲嘢冇遮冇拦,迟早畀你老婆撕烂佢,哈哈。",
    # Mandarin 甚 and 黑夜
    "甚至连合同都没看过就说不付?",
    "黑夜里开车小心点,到家了说一声。",
]


@pytest.mark.parametrize("text", _HEARD_49)
def test_dialect_words_listed_before_the_fresh_sets_were_read_do_not_hide_a_threat(rec, text):
    assert unlawful(normalise(text).marked)
    assert rec.classify(text, TODAY).tactic == "hostile"


@pytest.mark.parametrize("text", _LEFT_49)
def test_a_blocked_road_a_passive_give_and_mandarin_look_alikes_are_no_threat(rec, text):
    assert not unlawful(normalise(text).marked)
    assert rec.classify(text, TODAY).tactic != "hostile"


@pytest.mark.parametrize("said, mandarin", [("做甚", "做什么"), ("甚时候", "什么时候"), ("欺人太甚", "欺人太甚"), ("甚至", "甚至"),
                                            ("你婆姨", "你老婆"), ("黑夜", "夜里"), ("倾下", "谈谈"), ("倾向", "倾向")])
def test_jin_and_cantonese_words_read_as_mandarin(said, mandarin):
    assert law_mandarin(normalise(said).marked) == mandarin


def test_the_hour_is_not_waiting_at_his_home(rec):
    # stop 50 (dev_r42a care, dev_r16-era escalation): 候 of 时候 read as "waiting" before 你家/您家 — 到时候您家给句准话
    # (您家 is a polite "you" in Wuhan) and 我来得不是时候,你家里有事 were heard as staking out his home
    for text in ("我们王总明天亲自过来,到时候您家给句准话。", "歹势,我来得不是时候,你家里有事你先忙,我改天再来。"):
        assert "hostile" not in rec.classify(text, TODAY).acts, text
    assert "hostile" in rec.classify("钱不到账,我就候在你家门口,等你回来。", TODAY).acts


def test_one_copy_each_and_without_exception_are_not_the_law(rec):
    # stop 50 (dev play round 55, fresh): 签字给您,一家一份 ("one copy each") was heard as threatening his whole family
    # (gov-agency 55a's signing move: capped at 0), and 一律停止赊销 ("without exception") as a lawsuit (bad-debt-signs 55a:
    # the debtor answered a suit and emptied his warehouse, 4)
    signing = rec.classify("麻烦您出一份付款确认函,写明68万、12月10号前支付;清单我也签字给您,一家一份。", TODAY)
    assert "hostile" not in signing.acts and "written_commitment" in signing.acts
    assert "hostile" in rec.classify("我去找你一家老小说道说道。", TODAY).acts
    stop = rec.classify("公司已经定了:不发。从今天起,旧账没清之前一律停止赊销。", TODAY)
    assert "stop_supply" in stop.acts and "legal_action" not in stop.acts
    # ... while 律师 after 周一 is still the law's (下周一律师函就寄到您店里)
    assert "legal_action" in rec.classify("孙老板,十八万这周不到账,下周一律师函就寄到您店里。", TODAY).acts


def test_an_exposure_disowned_after_it_is_named_is_none(rec):
    # stop 50 (dev play round 56, fake-broke 56b: 30 with everything recovered): a jest about posting his early payment
    # in the chamber's group, then 账上的事我一个字都不会往外说 — the disowning comes after the match, where the
    # cancelling words before it cannot reach
    jest = "要不我现场帮您在商会群里发一句“宏达周会长今天提前清账”,给您把面子挣足,哈哈——开玩笑的,账上的事我一个字都不会往外说。"
    assert "hostile" not in rec.classify(jest, TODAY).acts
    assert "hostile" in rec.classify("再不还钱我就把你的欠条发到商会群里,让大家都看看。", TODAY).acts


def test_a_photo_posted_with_a_title_of_honour_is_a_tease(rec):
    # stop 51 (dev play round 56, factory-to-factory 56b: 0): his photo pinned up in our workshop as "best opponent of
    # the year", laughed off, was heard as exposure — the praise sat in the title, where ``_PRAISED`` did not look
    tease = "郑经理,您拿我们的货款压我们的价,这招太狠了,我回去得把您的照片贴在车间,评个“年度最佳对手”,哈哈。"
    assert "hostile" not in rec.classify(tease, TODAY).acts
    assert "hostile" in rec.classify("我回去把您照片贴在门口,评个年度最佳老赖。", TODAY).acts


def test_his_customers_are_an_audience_for_shaming(rec):
    # stop 51 (dev_r42b, unlawful): 当着你员工和顾客的面把这笔账算一算 — 顾客 was missing from the audiences
    line = "赵总,我明天上午去你们新店,当着你员工和顾客的面把这笔账好好算一算,嗓门大点也不怕。"
    assert "hostile" in rec.classify(line, TODAY).acts


def test_a_promise_not_to_press_inside_the_match_cancels_it(rec):
    # stop 51 (dev_r42a, care): 你孩子住院这个礼拜,我不会打电话催你 — the reassurance sits between his child named and
    # the call, where the cancelling words before a match could not reach; 我不会放过你 is still the threat
    care = "欠款是欠款,人情是人情。你孩子住院这个礼拜,我不会打电话催你,等孩子出院了,我们再约时间好好谈。"
    assert "hostile" not in rec.classify(care, TODAY).acts
    assert "hostile" in rec.classify("你孩子在哪上学我都知道,我不会放过你的。", TODAY).acts


def test_words_of_following_calls_and_no_place_left_read_in_their_sense(rec):
    # stop 51 (dev play round 57, fresh): three course-right or plain moves heard as unlawful by a word out of its sense —
    # our paint that "has followed his cabinet doors" for three years (quality-dispute 57b: 30 with 92% recovered), a fond
    # story of his calling us at midnight for cable (triangular-debt 57a: 0), the speaker's own "I can hardly stay on at
    # my firm" (quality-dispute)
    for text in ("三年来我们的漆一直跟着您的柜门出口,这份信任我们会用行动补回来。",
                 "三年前有个项目抢工期,您半夜给我打电话要电缆,我从仓库亲自押车送过去,那天咱俩在工地啃烧饼的事我一直记得。",
                 "我这个人平时最讲理,可您这一压就是五十天,我在公司里也快待不下去了。"):
        assert "hostile" not in rec.classify(text, TODAY).acts, text
    for text in ("从今天起我一直跟着您,您去哪我去哪。", "不还钱我半夜打你电话。", "再不还钱,我让你在这行待不下去。"):
        assert "hostile" in rec.classify(text, TODAY).acts, text


def test_following_behind_him_and_friends_with_local_clout_are_unlawful(rec):
    # stop 51 (dev play round 57, quality-dispute unlawful-57d8 and 57d11: 有法 100): his day recited and us "keeping
    # him company from behind"; friends who "carry weight around here" coming to "mediate"
    for text in ("您每天早上七点四十从家里出门,先送孩子,再去茶楼吃早茶,这几天我都在后面陪着您,以后也会一直陪着,直到这事了结。",
                 "跟您说句实在话,我有几个朋友,在这一片说话挺管用的,听说这事都说要过来帮我调解调解。"):
        assert "hostile" in rec.classify(text, TODAY).acts, text
    # … not a friend whose word counts offered as help
    assert "hostile" not in rec.classify("我有个朋友在当地说话挺管用的,帮您问问银行贷款。", TODAY).acts


def test_care_for_his_health_is_not_hostile_by_the_model_alone(rec):
    # stop 51 (dev play round 57: genuinely-broke 57c1 and supermarket-chain 57a, each 30 with everything recovered): care
    # for his and his father's health, with the money named, was heard hostile by the hostility model alone
    for text in ("你家老爷子腿脚还好吧?上回来他还在院里晒辣椒呢。钱的事再急,你和老人的身体可别熬坏了。",
                 "听说您这几天为了月底对账天天加班到很晚,孩子放学都是老人接吧?可得注意身体。"):
        assert "hostile" not in rec.classify(text, TODAY).acts, text
    # stop 66 (dev play round 75a, fake-broke: 30 with everything recovered): asking after his family, in Cantonese words
    # the hostility model hears at 0.92
    for text in ("周老板,好耐冇见!屋企人都好吧?个仔读书几好?", "王总,好久不见,嫂子和孩子都还好吧?"):
        assert "hostile" not in rec.classify(text, TODAY).acts, text
    # … harm or callers at his door named beside it still make it a threat (dev, labelled hostile)
    for text in ("您要保重身体,万一出点么意外,屋里人还得替您还这四十万。",
                 "嫂子和孩子都还好吧?这年头不太平,出点什么事可说不准,那四十万还是早点结了。",
                 "老表身体要紧,你有心脏病,冇想被人气到吧?那些收数的人上门讲话好难听的,钱还是早点给。"):
        assert "hostile" in rec.classify(text, TODAY).acts, text


@pytest.mark.parametrize("text", [
    # stop 51 (dev play round 58d, factory-to-factory: five unlawful lines at 有法 100 with every move said)
    "说句交心的话,看在老交情上我一直压着:我在镇上有几个很吃得开的朋友,平时专门帮人“协调”这种账,他们也认识您,前两天还说想找个晚上"
    "请您出去喝喝茶、聊一聊,我是真不想让他们出面,可再拖下去,我也拦不住了。",
    "郑经理,您这段时间可真辛苦,我都看在眼里:每天早上七点四十从翠湖苑开那辆白色车出门,中午在厂门口那家粤菜馆吃饭,晚上在金海湾酒楼"
    "应酬到十点多才回家;身体要紧啊,往后您去哪儿,我都“顺路”陪着您,直到这笔钱到账。",
    "您要是还拖,那也行,下个月机械行业协会开年会,马董是副会长,我就把您的照片和这些单据做成幻灯片,在会上当着马董和全体会员的面放出来,"
    "把您郑经理怎么压款、怎么逼我们降价一五一十讲清楚,让马董和同行们评评理。",
    "我跟你客气了半年,换来的就是一句“明年再说”?今天不给准话,你这茶台、这电脑、这柜子,我一样一样给你砸了!",
    "看来跟你好好说没用,那我换个身份跟你谈:这是经侦支队的工作证,这笔欠款我们已经按合同诈骗立案了,今天你不付,我就以公安的名义把你"
    "带回去协助调查。",
    "明天我还会以法院执行局的名义给你们财务发冻结通知,冻你们的账户,让你们出口订单的钱一分都动不了。",
])
def test_factory_pressure_of_round_58_is_unlawful(rec, text):
    assert "hostile" in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text", ["他在镇上是个吃得开的人,付款的事他说了算。", "我有个吃得开的朋友在银行,可以帮您问问贷款。",
                                  "法院会以执行局的名义发通知,到时候就不是我们能谈的了。"])
def test_clout_and_the_courts_name_said_lawfully(rec, text):
    assert "hostile" not in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text", ["恁这脑子是不是让驴踢了,自个儿签的合同都不认?", "你是属貔貅的吧,光进不出?",
                                  "您老人家耳朵是不是不好使?俺说了八百遍了,还钱!"])
def test_stock_insults_said_another_way_are_rude(rec, text):
    # stop 51 (dev_r43a, rude): 脑子让驴踢了 beside 被驴踢, 属貔貅的 beside 属乌龟的, his ears "not working" or deaf
    x = rec.classify(text, TODAY)
    assert x.acts[0] == "hostile" and x.rude


def test_the_speakers_own_ears_are_no_insult(rec):
    assert "hostile" not in rec.classify("我这耳朵不好使,您再说一遍?", TODAY).acts


@pytest.mark.parametrize("text", [
    # stop 51 (dev play round 59d, fresh: 13 of 39 unlawful lines, every move said, at 有法 100): papers held as a
    # pledge, a colleague passed off as a judge, friends in an office of the state, his seal or his equipment seized, his
    # spouse sought at work, a crowd at his meeting or a third party's office, a blow promised, his door learned to call
    # there, harm to his car by "someone" — each a lever the law lists, in words no pattern held
    "要是今天还是推到明年,下个月市机械行业协会开年会,我就带我们厂二十来个工人穿着工装去会场门口,举着对账函站一排,请马会长和各位会员评评理。",
    "我今天带来的这位是区法院执行局的王法官,他顺路过来了解了解情况。你们要是还不付,他说可以直接先冻结你们出口订单的预付款。",
    "开个玩笑啊孙哥,你门口那辆面包车四个轮胎挺新的,要是哪天晚上让人给扎了,可别怪到我头上。",
    "我还能帮你个忙:我有个朋友专门放款,当天就到,月息五分是高了点,你今天就去借,先把我们这26万还了,借条我都帮你准备好了。",
    "不过丑话说在前头:你把身份证和户口本交给我押着,钱还清了我再还你,不交今天我就不走。",
    "对了刘老师,听说您爱人也在区里上班,我这两天正好去他单位,顺便找他聊聊这事,让他回家也帮着劝劝您。",
    "你敢说一句“不认”,我今天就在这屋里跟你动手,大不了我进去蹲几天。",
    "我有个朋友在市场监管局管开业审批,我跟他打过招呼了,您新店开业那些手续能不能顺利批下来,就看您今天对这笔账的态度了。",
    "孙经理,我也提个醒:你们工地上安全文明施工有些地方不太规范,我有朋友在住建局,“依法”反映一下也就是一个电话的事,停工整改可不是闹着玩的。",
    "今天这字你要是不签,我就把你们项目部的公章抢过来自己盖,你看我敢不敢。",
    "可您一句“全都有问题”就压了64万,再不给,我今天就叫车把您车间那几台喷涂设备拉走抵账。",
    "钱经理您这么晚下班,辛苦了。今晚我开车送您回家,顺便认认门,以后对账有啥说不清的,我就直接上家里找您。",
    "要不我陪您一起去华景“讨说法”,咱把您的工人也叫上,往他们售楼部里一坐,让来看房的都看看,不怕他不给。",
    # stop 51 (dev play round 60d, fresh after round 59d's mends: still 10 of 39 unlawful lines at 有法 100 with the move
    # said — each writer finds his own words): an officer friend, a loan shark by his daily rate, a beating in the dark, his
    # things kept "for safe keeping", his photo posted, his secrets carried to his wife, his landlord and buyers told, a
    # bribe alleged to his boss, his customers told at his door; and 我也不想为难您 is a threat's preface, not a retraction
    "郑经理,额也不瞒你,额有个老同学在经侦支队,材料额已经递过去了,他说你们这种有钱不付、压款要价的,够得上合同诈骗,下礼拜就能来厂里'请'你去喝茶。",
    "实在不行额给你想个办法:额认识个放款的兄弟,日息千分之五,当天放款不看流水,额现在就开车带你过去,借来先把额这38万清了,你的面子也保住了。",
    "哈哈,孙哥你嫑紧张,额开玩笑呢——不过这年头欠钱不还的人,晚上回家走黑巷子,叫人敲个闷棍都没人同情,你说是不是?",
    "这样吧,你办公室这几台电脑和配送车的钥匙额先拿回去替你'保管'着,算个抵押,你啥时候还钱额啥时候还你,这也是给你个动力嘛。",
    "您看这么拖也不是个事,额也不想为难您,额就发个朋友圈,把您的照片和办公室电话配上,说说这68万走了五个月流程,请大家评评理,这不过分吧?",
    "马哥,咱也算老交情,额提醒你一句:你城东仓库、新车的钱是咋来的,还有你晚上常去的那个地方,额要是哪天跟嫂子和税务局的朋友随口聊两句,怕你不好收场,你说是不是?",
    "赵总你嫑多心,额就是给你新店的房东、装修队还有几家供货的老板'提个醒',说鼎盛不认前面的账,让他们自己心里有个数,这也是为大家好嘛。",
    "方总,额也是为你好:额给你们那几家外商客户写封邮件'友情提示'一下,说恒美柜门用的漆可能起泡,请他们到港验验货,这不也是对客户负责嘛。",
    "钱经理,额也不想这样,可额明天就去你们总部找老板'汇报汇报',顺便把你平时咋卡供应商、私下是不是收了谁的好处,给老板提一提,让老板自己判断。",
    "钱经理,额也是没办法,额明天就带几个人在你们卖场门口摆个桌子'做促销',顺便给进门的顾客讲讲惠万家咋扣供应商的钱、欠着货款不给,这总不犯法吧?",
    # stop 51 (dev play round 61d, fresh after rounds 59d and 60d's mends: 19 of 39 unlawful lines at 有法 100 with the
    # move said). Their near misses widened — an officer passed off a few words further on, his seal taken to stamp
    # ourselves, his child's class and school gate, his home sat in, brothers and his nights, a bribe alleged to his
    # chairman, a word let slip to his buyers, a video of his shop's faults, his papers in his peers' group, his landlord
    # sought out, his way out watched, our old hands' tempers — 17 heard (and 上你家去喝茶…等这事办完 is no wait at his
    # home: 等 of "when"); a punch (一拳就削你脸上: 削你 is friends' banter
    # in four small-talk lines of dev) and a forged court notice are left
    "黄哥,老张老李那俩养猪大户我也常去串门,他们要是问我兴旺咋样了,我这人嘴没把门的,万一说漏一句“黄老板欠账不还、怕是要黄了”,他们以后还敢不敢上你这拿料,你自己寻思寻思。",
    "我把话撂这：你今天不给,我明儿个就上你家去,当着嫂子和你家孩子的面往沙发上一坐,你家吃饭我看着,你睡觉我也不走,天天去,看你这日子还过不过得下去。",
    "实话跟你说,我身边这位是市公安局经侦支队的王警官,今天跟我一块儿过来了解情况,你们这是恶意拖欠,够立案了,你自己掂量掂量。",
    "马董事长不是市机械行业协会的副会长嘛,我寻思把咱这张对账函和逾期天数发到协会会员群里,让各位同行都评评理,看看副会长家的厂子是咋对待供应商的,这也不算过分吧?",
    "你要是还卡着不放,那我也不客气了：你这两年从别的供应商那儿拿了多少好处,我心里有本账,我直接捅到马董事长那儿去,你这采购经理也就别干了。",
    "你那仓库房东我认识,我寻思找他唠唠你这边的难处,让他心里也有个数,提前做个打算,你看我这是不是为你好?",
    "刘老师,我也不想走到那一步,可要是再这么压着,我只能去找分管副局长反映反映,就说您这边一直压着不办,是不是想要点啥“意思”,到时候说不清的可是您。",
    "刘老师,听说您闺女在实验小学四年级二班吧?我这人记性好,有空路过也去校门口转转,替您看着点孩子。",
    "你城东那新仓库挺气派啊,我寻思哪天带几个兄弟过去“参观参观”,顺便帮你看看门,你晚上睡觉可得踏实点。",
    "赵总,新店开业那天,我们厂一帮老业务员肯定去“捧场”,举着这两份对账单站门口,跟来道喜的客人唠唠这35万,给您热闹热闹。",
    "赵总,我也听说了点你家里头那点事儿,还有你外头那个“朋友”,我要是哪天跟嫂子和你那几个新合伙人唠唠,你脸上也不好看吧?",
    "孙经理,业主那边的甲方代表我也认识,我寻思哪天跟他喝顿酒,顺嘴提一句你们项目部钢材以次充好、拿了拨款不付供应商,你说他会咋想?",
    "方总,您的柜门是出口的吧,那几家外商的采购我也能联系上,我寻思给他们发个邮件,说说恒美最近资金紧、付款不正常,也是提醒他们注意风险,为大家好嘛。",
    "咱三年老交情,我当朋友提醒你一句：我们厂几个老师傅脾气暴,听说你一分不给都要来“拜访”你,你家住哪他们都打听好了,我拦得住一回,拦不住两回。",
    "你不给办是吧?那我自己来,把你们结算部的章给我拿过来,我自己盖,今天这确认单我非盖上不可。",
    "可条码费、促销费这样乱扣,我也不跟你吵,我寻思回去拍个视频发网上,顺便说说你们冷柜里那些临期货,让消费者都来评评理,你看你们领导坐不坐得住。",
    "孙总,今天你要不给个准话,咱俩就在这屋喝着茶慢慢唠,我那俩司机就在门口抽烟,你想出去上个厕所都得他们陪着,哈哈,开玩笑,也不全是开玩笑。",
    # round 62d (fresh after rounds 59d-61d's mends: 15 of 39 at 有法 100 — four writers, 13, 10, 19, 15): a uniform put
    # on, his parents told of the debt, a bribe rumoured to the discipline office, his number handed to the media, a blow
    # promised outright, his landlord primed, our workers sent "on their own", his finished goods hauled off, a fake
    # complaint staged, a fire "some night", friends "who don't go easy" — 13 heard; a rumour of collapse with no debt
    # named and a wall "repainted" at night are left
    "我是念在五年老交情才跟汝讲：我认识几个专门帮人“收尾”的朋友，他们做事毋像我这么客气，汝也毋想他们哪天去汝家里坐坐吧。",
    "汝们再拖，我就叫两个朋友穿上警服，以经侦的名义来厂里把汝跟韩总监带去问话，看汝们还拖不拖。",
    "对了，下礼拜我回老家顺路，去汝家看看汝阿爸阿母，顺便跟两位老人家讲讲汝欠人钱的事，让他们也劝劝汝。",
    "刘老师，我也毋想多想，可外面有人讲这款一直卡着，是在等人去“意思意思”，这话要是传到纪委那边……汝说是吧？",
    "我有个做自媒体的朋友，最近在找“拖欠民企款”的选题，他问我能不能把您的名字和电话给他，我还没答应呢。",
    "汝那台新车就停在楼下，今天不付，我马上叫拖车把它拖走抵账。",
    "马老板，我是为汝好才讲：汝新仓库那么大，堆的都是货，万一哪天夜里起个火，可就什么都没了，钱还是早点结清比较安心。",
    "汝再跟我讲“找前任要去”，信毋信我现在就动手，让汝知道阮的拳头比送货单还硬。",
    "听讲汝新店的房东是我表舅，我跟他讲一声汝这人信用不好、账都不认，续租的事就难讲了哦。",
    "孙经理，阮厂里几十个工人也是要吃饭的，他们要是自己跑到项目部门口“讨个说法”，我可拦不住哦。",
    "可汝不能六批全压着不给，再不付，我就叫车把汝厂里那批做好的柜门拉走抵账。",
    "我有几个消费者朋友，可以去汝门店买点阮的产品“吃出点问题”，投诉一下上个热搜，到时候就不只是对账的事了。",
    "我跟汝们董事长吃过饭，下回见面我顺口提一句：钱经理收了别家供应商的好处，才专门卡阮鲜源。",
])
def test_unlawful_moves_of_rounds_59_to_62_are_heard(rec, text):
    assert "hostile" in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text", ["这批电机我们今天拉回去抵账,您签个字。", "您车间那几台我们的设备先拉回去,冲抵货款。",
                                  "这位是我们公司法务王律师,今天一起来对账。", "我有个同学在税务局,可以帮您问问退税的政策。",
                                  "天晚了,我送您回家吧,路上也聊聊。", "大不了我回去挨顿骂,这单我认了。", "您爱人在哪上班呀?上回听您说在银行。",
                                  "身份证复印件给我一份,我们走对公开票要用。", "工人们都叫上,今晚咱们一起吃个饭。",
                                  "要是哪天车让人给划了,记得报警,别怪我没提醒您装个记录仪。",
                                  "我也不想为难您,咱们把账对清楚,您看这周五前能不能安排?", "跟嫂子说一声,我改天带点水果来看老爷子。",
                                  "我帮您给那几家外商客户写封邮件,说明0915那批我们包退包换,让他们放心。",
                                  "我们老板最讨厌收回扣的,这点您放心,公司有规定。", "朋友圈我看到了,您家小孩钢琴考级过了,恭喜!",
                                  "对账单我发到咱们的对账群里了,您让会计核一下。", "我给您那几家客户打个电话,说说我们新出的水性漆。",
                                  "上你家去喝茶那是必须的,等这事办完我带两瓶好酒。", "我帮您在幼儿园门口等孩子放学,您先去医院。",
                                  "我们厂老师傅手艺好,下周派过来帮您调机器。", "拍个视频发朋友圈,帮你们店宣传宣传新品。",
                                  "你要是真周转不开,我认识一家做供应链金融的朋友,应收账款可以拿去保理,我帮你牵个线。",
                                  "我现在就动手写承诺书,您看着。", "法院穿制服的执行员明天来,这是程序,我们也没办法。"])
def test_the_lawful_side_of_rounds_59_to_62s_levers(rec, text):
    assert "hostile" not in rec.classify(text, TODAY).acts


def test_a_liquid_thrown_in_his_face_is_violence(rec):
    # stop 51 (dev_r43b, unlawful): 我当场一杯开水泼你脸上 — not a warning to mind the kettle
    assert "hostile" in rec.classify("你再扯一句华景没给钱,我当场一杯开水泼你脸上。", TODAY).acts
    assert "hostile" not in rec.classify("小心开水别泼到你身上,烫着了可不好。", TODAY).acts


def test_who_are_you_kidding_is_rude_only_about_the_money(rec):
    # stop 51 (dev play round 60, factory-to-factory 60a: 0 — he walked out on a friend's tease): 骗鬼 is the swearing old
    # partners trade in jest (dev: four small-talk lines heard hostile by it); said of his pleading poverty it is rude
    for text in ("上回喝酒你讲要戒烟,我看你桌上烟灰缸又满了,你个老烟枪骗鬼呢,哈哈。", "你减肥减咗三年,磅都冇跌过一斤,你骗鬼咩?"):
        assert "hostile" not in rec.classify(text, TODAY).acts, text
    rude = rec.classify("你有钱买游艇,没钱给我结账?你骗鬼呢。", TODAY)
    assert rude.acts[0] == "hostile" and rude.rude




def test_a_number_with_a_decimal_point_or_thousands_stays_in_its_clause():
    # stop 53: "." and "," split clauses even inside a number: 3.5万 came apart into 那批3 + 5万…, and the short piece,
    # joined to the next, read as 那批35万 — the clause models heard ten times the sum
    from trainer.core.language.recognise import _pieces
    assert _pieces("那批3.5万的货确实有问题,这个我们认") == [("那批3.5万的货确实有问题", ","), ("这个我们认", "")]
    assert [p for p, _ in _pieces("合计1,280,000元,请核对")] == ["合计1,280,000元请核对"]
    assert [p for p, _ in _pieces("好的.明天我们对账")] == ["好的明天我们对账"]  # a full stop after a word still ends it


def test_he_keeps_saying_is_no_plain_talk(rec):
    # stop 53: the cue 直说 (我就直说了) matched inside 一直说 "he keeps saying", an ask heard in a report of his words
    direct = rec.labels.index("direct_ask")
    assert rec.lexical(normalise("他一直说下个月就好,我们也等了三个月了"))[direct] == 0
    assert "direct_ask" not in rec.classify("他一直说下个月就好,我们也等了三个月了", TODAY).acts
    assert rec.classify("我就直说了,这笔钱今天能不能付", TODAY).acts[0] == "direct_ask"


@pytest.mark.parametrize("text", ["你啥时候把款结清,我啥时候恢复发货", "什么时候对完账,什么时候再谈新单",
                                  "明天上午我先打个电话给您", "今天来得冒昧,打扰您了"])
def test_whenever_a_call_or_a_visit_is_no_question_of_payment(rec, text):
    # 啥时候…啥时候 is "whenever" (a condition), 打 in 打电话 / 打扰 is a call or a bother: none asks when the money
    # comes, as 钱什么时候能打过来? does (stop 53: "今天…打扰" gave every polite goodbye of dev play a side ask)
    direct = rec.labels.index("direct_ask")
    assert rec.lexical(normalise(text))[direct] == 0
    assert rec.lexical(normalise("钱什么时候能打过来?"))[direct] >= 0.35


def test_a_call_the_day_before_asks_for_nothing(rec):
    assert rec.classify("明天上午我先打个电话给您", TODAY).acts == ("confirm_day_before",)
    assert "direct_ask" not in rec.classify("今天不多打扰了,谢谢您", TODAY).acts


@pytest.mark.parametrize("text", ["方总您好,今天我专门过来,先不谈钱,您把这几批漆到底出了什么问题跟我说说,我记下来。",
                                  "这回我不是来催款的,就是顺路看看您,问问新设备用得怎么样。"])
def test_the_ask_disowned_is_no_side_ask(rec, text):
    # stop 53, found in the TUI: a trainee who opens as the coach says (先不谈钱, 您把问题跟我说说) was heard asking for
    # the money beside his open question — and 不是来催款的 holds the cue 来催款
    assert "direct_ask" not in rec.classify(text, TODAY).acts


def test_an_ask_said_after_the_ask_disowned_still_asks(rec):
    acts = rec.classify("我不是来催命的,就想跟您商量下,这十二万您看先能拿多少出来?", TODAY).acts
    assert "direct_ask" in acts



def test_the_underworld_and_a_fire_wished_on_him_are_still_threats(rec):
    for text in ("我在道上也认识几个兄弟,你掂量掂量。",
                 "你那仓库哪天要是烧了,可别怪我没提醒,钱早点结。"):
        assert "hostile" in rec.classify(text, TODAY).acts, text
    # a knock from "someone" left hanging over him has the veiled shape (dev play competitor-terms: 哪天夜里骑车在乡道上被人
    # "碰"一下,那就毋好看了,钱还是早点还比较平安 was heard only by 道上)
    from trainer.core.language.law import hints_harm
    for text in ("你那车天天停路边,哪天被人蹭了,那就不好看了。", "你骑车回家哪天被人推一下,可就麻烦了。"):
        assert hints_harm(rec.normalise(text).marked), text



def test_news_of_someone_elses_debt_exposed_is_no_exposure():
    # stop 56 (dev_r34b, r50a small talk): a banner or an exposure done by someone else to someone else, in a line that
    # turns to no one, is news even when it names that other debt (有个老板拖工人工资,工人在他公司门口拉横幅) — until
    # stop 56 any word of money or goods in the line (拖, 欠, 假货) kept the law's exposure
    def exposes(text: str) -> bool:
        return "expose" in unlawful(normalise(text).marked)

    assert not exposes("城南有个包工头欠了工人三个月工钱,工人们在他公司门口拉了横幅,还上了电视。")
    assert not exposes("有个卖保健品的骗了老人好多钱,被网友在网上曝光了,店都关了。")
    # the same exposure turned to him, or done by us, stays the law's
    assert exposes("有个老板欠钱不还,工人们在他公司门口拉了横幅,你也想这样?")
    assert exposes("上礼拜有个老板欠了我们的货款,我们在他公司门口拉了横幅。")


def test_friends_known_in_society_are_the_society_lever(rec):
    # stop 56 (dev_r50a, a veiled threat unheard): 我们公司在社会上也认得几个朋友 — the issue's "friends from society" said
    # with a verb of knowing between; the pattern held only 社会上的 / 社会上几个 朋友
    threat = "我们老板在社会上认识不少朋友,你这钱再拖,他们可不会像我这么客气。"
    assert rec.classify(threat, TODAY).tactic == "hostile"
    # … not when the friends are offered as an introduction
    assert "hostile" not in rec.classify("我在社会上也认识些朋友,都是做建材的,回头介绍给你认识。", TODAY).acts


def test_an_honour_before_his_dealers_is_no_shaming(rec):
    # stop 57 (dev_r52a, a conditional offer heard as shaming): 年会上当着全省经销商的面给您颁个"金牌合作商" — the audience
    # of the shaming pattern, with an honour given before it, not the debt told
    honour = "只要这个月把钱结清,年会上我们老板当着全省经销商的面给您颁个优秀合作伙伴的奖,您面上也有光。"
    assert "hostile" not in rec.classify(honour, TODAY).acts
    assert "hostile" in rec.classify("年会上我当着全省经销商的面把你欠钱不还的事念一念。", TODAY).acts
    assert "hostile" in rec.classify("年会上当着你们全体员工的面,给你颁个年度老赖奖。", TODAY).acts


def test_his_father_known_to_be_in_hospital_is_sympathy_not_where_he_lies(rec):
    # stop 57 (dev_r52a, empathy heard as a family threat; dev_r37b small talk): knowing *that* his father is in hospital
    # is sympathy; knowing which hospital, ward or bed is the lever
    sympathy = "我知道您家老爷子住院了,这阵子您医院、店里两头跑,真不容易,钱的事咱们下礼拜再约个时间。"
    assert "hostile" not in rec.classify(sympathy, TODAY).acts
    assert "hostile" in rec.classify("我知道你家老爷子住在哪个医院,几楼几床我都清楚,钱的事你看着办。", TODAY).acts


@pytest.mark.parametrize("text", [
    "哈哈,你讲话跟放屁一样,说了等于没说。",  # his talk mocked: rudeness, however he laughs
    "你个王八蛋,欠我们的钱打算拖到哪年?还有脸喝酒,哈哈。",  # the debt named
    "哈哈,上回喝酒你溜得快,这几天我天天在你家楼下等你。",  # a watch kept on his home: the law's
])
def test_a_laugh_over_the_debt_his_talk_or_his_home_is_no_tease(rec, text):
    assert "hostile" in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text", [
    "你们刚评上诚信企业,要是让人知道拖着供应商的款,牌子可就砸了。",  # a brand ruined: 讲名声
    "下雪路滑,你开车慢点开,钱的事不急,等你回来再说。",  # a danger with its remedy, the debt put off
    "这笔账收不回来我没法交差,明天早上九点我还在你公司前台等你。",  # his day met at his office: 紧盯不放
])
def test_the_debt_beside_a_danger_or_a_ruin_is_no_threat_when_nothing_hangs_over_him(rec, text):
    assert "hostile" not in rec.classify(text, TODAY).acts


@pytest.mark.parametrize("text", [
    # stop 62: a cue word of two characters said split by 个 is the same word (牵线 → 牵个线, 托人 → 托个人)
    "陈工跟监理熟,我想请陈工帮忙牵个线,您看可以吗?",
    "华景那边我托个人去问问,看他们的进度款到底卡在哪一步。",
])
def test_a_cue_word_said_split_by_a_measure_word_is_still_heard(rec, text):
    from trainer.core.language.recognise import _split_words
    assert _split_words(("牵线", "带话", "三角债")) == ("牵线", "带话", "三角债", "牵个线", "带个话")
    lex, _ = rec.evidence(rec.normalise(text))
    assert lex[rec.labels.index("third_party")] > 0
    assert "third_party" in rec.classify(text, dt.date(2026, 11, 2)).acts
