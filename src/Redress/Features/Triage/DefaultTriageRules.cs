using Redress.Domain.Cases;
using Redress.Domain.Triage;

namespace Redress.Features.Triage;

/// <summary>
/// The rules a new installation starts with, from the manuals (seed 000 §2.2 keyword identification, seed 001
/// p6 escalation of safety, legal, media and regulator complaints and malicious ones), in Chinese and English.
/// Escalation rules apply themselves (grade ≤ 2, escalated); the suspected-malicious patterns and the
/// category words only suggest. Administrators change them all under Administration → Triage rules.
/// </summary>
public static class DefaultTriageRules
{
    private const CaseFlags Escalated = CaseFlags.Escalated;
    private const CaseFlags Urgent = CaseFlags.Urgent;
    private const CaseFlags Malicious = CaseFlags.SuspectedMalicious;

    public sealed record Seed(string Name, TriageLanguage Language, MatchKind Kind, string Terms, string? Category, int? MaxGrade, CaseFlags Flags, int Priority, bool Apply);

    public static readonly IReadOnlyList<Seed> All =
    [
        // Safety (安全事故): fire, explosion, poisoning, injury, death. Traditional forms too, for Hong Kong and Taiwan customers.
        new("安全事故", TriageLanguage.Zh, MatchKind.Words,
            "起火 着火 失火 冒烟 自燃 爆炸 炸裂 漏电 触电 中毒 食物中毒 受伤 受傷 烫伤 烧伤 割伤 骨折 住院 送医 急诊 死亡 身亡 致死 伤亡 傷亡",
            "Q-SAFETY", 2, Escalated, 100, true),
        new("Safety incident", TriageLanguage.En, MatchKind.Words,
            "fire, caught fire, on fire, flames, smoke, explosion, explod*, exploded, blew up, poison*, electric shock, electrocut*, injur*, burns, burned me, hospital*, emergency room, died, death, killed, fatal",
            "Q-SAFETY", 2, Escalated, 100, true),
        // Legal (法律纠纷): lawyers, lawsuits, courts, the police.
        new("法律纠纷", TriageLanguage.Zh, MatchKind.Words, "律师 律師 律师函 起诉 起訴 诉讼 法院 法庭 打官司 仲裁 报警", null, 2, Escalated, 90, true),
        new("Legal action", TriageLanguage.En, MatchKind.Words,
            "lawyer*, attorney*, lawsuit*, sue, sued, suing, court, legal action, litigation, small claims, class action", null, 2, Escalated, 90, true),
        // Regulators (监管投诉): 12315, consumer associations, market and financial regulators.
        new("监管部门", TriageLanguage.Zh, MatchKind.Words,
            "12315 12345 12378 消费者协会 消協 消协 市场监管 市場監管 工商局 银保监 金融监管 人民银行 证监会 质监局 监管部门", null, 2, Escalated, 85, true),
        new("Regulator", TriageLanguage.En, MatchKind.Words,
            "regulator*, cfpb, consumer financial protection bureau, fca, financial conduct authority, ombudsman, ftc, attorney general, better business bureau, bbb, trading standards",
            null, 2, Escalated, 85, true),
        // Media (媒体曝光): press, social media exposure.
        new("媒体曝光", TriageLanguage.Zh, MatchKind.Words, "媒体 媒體 曝光 记者 記者 报社 电视台 微博 抖音 小红书 头条 发帖 朋友圈", null, 2, Escalated, 80, true),
        new("Media exposure", TriageLanguage.En, MatchKind.Words,
            "media, the press, journalist*, reporter*, newspaper*, tv station, twitter, tiktok, facebook, social media, go viral", null, 2, Escalated, 80, true),
        // Suspected malicious (恶意投诉): money demanded under threat of exposure. Only suggested: a person verifies.
        new("敲诈勒索嫌疑", TriageLanguage.Zh, MatchKind.Pattern,
            "(赔|补偿|给钱|退钱|给个说法|钱).{0,20}(否则|不然|要不然).{0,20}(曝光|媒体|记者|网上|微博|抖音|发帖|差评|闹大|好看)|不(给|赔|退|解决).{0,15}就.{0,10}(曝光|发到网上|找媒体|发微博|发抖音|闹大|差评)",
            null, null, Malicious, 70, false),
        new("Extortion language", TriageLanguage.En, MatchKind.Pattern,
            @"\bpay (me|us)\b.{0,60}\bor (else|i('| wi)ll|we('| wi)ll)\b|\b(unless|if you don't)\b.{0,40}\b(pay|compensate|refund)\b.{0,60}\b(i|we)('ll| will)\b.{0,40}\b(post|expose|publish|tell|go to|contact)\b",
            null, null, Malicious, 70, false),
        // Urgency: only suggested.
        new("紧急", TriageLanguage.Zh, MatchKind.Words, "紧急 十万火急 急需 立即处理 马上处理 今天必须 刻不容缓", null, null, Urgent, 50, false),
        new("Urgent", TriageLanguage.En, MatchKind.Words, "urgent*, asap, immediately, emergency, right away", null, null, Urgent, 50, false),

        // Categories of the default taxonomy (R-CL-1), both languages in one rule each; suggestions only.
        Words("功能故障 Defect", "Q-DEFECT", "故障 坏了 不能用 无法使用 死机 失灵 不工作 不制冷 不加热 漏水 质量问题 质量差 异响 黑屏 开不了机 充不进电 defect*, broken, malfunction*, stopped working, not working, doesn't work, faulty, leak*, won't turn on"),
        Words("外观破损 Damaged", "Q-DAMAGE", "破损 损坏 划痕 凹陷 碎了 开裂 裂纹 裂开 damaged, cracked, scratch*, dent, dented, shattered"),
        Words("安全隐患 Safety hazard", "Q-SAFETY", "安全隐患 隐患 漏电 危险 safety hazard, hazard*, unsafe, dangerous"),
        Words("食品卫生 Food hygiene", "Q-FOOD", "异物 变质 发霉 过期 虫子 头发 拉肚子 腹泻 馊了 不新鲜 食品安全 foreign object, mold, mould, moldy, expired, spoiled, rotten, insect*, food safety, diarrh*"),
        Words("态度恶劣 Rude staff", "S-RUDE", "态度差 态度恶劣 态度不好 服务态度 不耐烦 骂人 辱骂 冷漠 敷衍 rude, impolite, disrespect*, yelled, shouted, unprofessional, attitude"),
        Words("响应不及时 No response", "S-NORESPONSE", "没人回复 不回复 无人处理 没人管 推诿 踢皮球 联系不上 打不通 没有回应 no response, never responded, no reply, ignored, unanswered, never called back, on hold"),
        Words("维修 Repair", "A-REPAIR", "维修 修理 报修 返修 维修师傅 上门 repair*, technician, service visit"),
        Words("退换货 Return or exchange", "A-RETURN", "退货 换货 退换 七天无理由 return it, return the, returned the, return policy, exchange"),
        Words("保修 Warranty", "A-WARRANTY", "保修 质保 三包 保修期 warranty, guarantee"),
        Words("配送延误 Late delivery", "L-LATE", "延误 迟迟 还没到 没收到 未送达 物流慢 快递慢 超时 物流信息 late delivery, delayed, not delivered, hasn't arrived, never arrived, still waiting, tracking"),
        Words("丢件 Lost parcel", "L-LOST", "丢件 丢失 包裹丢 找不到包裹 lost parcel, lost package, missing package, lost in transit"),
        Words("错发漏发 Wrong or missing item", "L-WRONG", "发错 错发 漏发 少发 发货错误 不是我买的 wrong item, missing item, incorrect item, wrong size"),
        Words("多收费 Overcharged", "B-OVERCHARGE", "多收 多扣 重复扣款 扣了两次 乱收费 收费不合理 扣费 overcharg*, charged twice, double charged, unauthorized charge*, hidden fee*, extra fee*"),
        Words("退款问题 Refund problem", "B-REFUND", "退款 不退款 退钱 没退 退费 refund*"),
        Words("促销价格争议 Promotion price", "B-PROMO", "优惠 促销 活动价 价格保护 降价 优惠券 满减 promotion, promo, discount, coupon, price match, advertised price"),
        Words("合同纠纷 Contract dispute", "CONTRACT", "合同 协议 违约 霸王条款 条款 违约金 contract, agreement, breach, terms and conditions, cancellation fee"),
        Words("个人信息 Personal data", "O-PRIVACY", "隐私 个人信息 泄露 骚扰电话 信息泄露 privacy, personal data, personal information, data breach, leaked, spam calls"),
        Words("虚假宣传 Misleading advertising", "O-ADVERT", "虚假宣传 夸大宣传 广告 误导 货不对板 与描述不符 false advertising, misleading, not as described, bait and switch"),
    ];

    private static Seed Words(string name, string category, string terms) =>
        new(name, TriageLanguage.Any, MatchKind.Words, terms, category, null, CaseFlags.None, 10, false);

    /// <summary>
    /// The seeds list Chinese words separated by spaces and English phrases by commas (a phrase may follow the
    /// last Chinese word before its comma): one word or phrase per line.
    /// </summary>
    private static string OnePerLine(string terms) =>
        string.Join('\n', terms.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).SelectMany(Pieces));

    private static IEnumerable<string> Pieces(string piece)
    {
        var english = new List<string>();
        foreach (var token in piece.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // Numbers (12315) stand alone; English words after the last Chinese one make a phrase.
            if (!token.Any(TriageText.IsCjk) && !token.All(char.IsAsciiDigit))
            {
                english.Add(token);
                continue;
            }
            if (english.Count > 0) yield return string.Join(' ', english);
            english.Clear();
            yield return token;
        }
        if (english.Count > 0) yield return string.Join(' ', english);
    }

    /// <summary>The seeds as rules, their categories looked up by code; a code the taxonomy lacks leaves the category empty.</summary>
    public static IEnumerable<TriageRule> Rules(IReadOnlyDictionary<string, int> categoryByCode, DateTime now)
    {
        foreach (var s in All)
        {
            var category = s.Category is { } code && categoryByCode.TryGetValue(code, out var id) ? id : (int?)null;
            // A category rule without its category would set nothing: skipped.
            if (category is null && s.MaxGrade is null && s.Flags == CaseFlags.None) continue;
            var terms = s.Kind == MatchKind.Words ? OnePerLine(s.Terms) : s.Terms;
            yield return TriageRule.Create(new TriageRuleSpec(s.Name, s.Language, s.Kind, terms, category, s.MaxGrade, s.Flags, s.Priority, s.Apply, true), "Redress", now).Value;
        }
    }
}
