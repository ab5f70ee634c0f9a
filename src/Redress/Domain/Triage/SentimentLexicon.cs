namespace Redress.Domain.Triage;

internal enum LexiconKind
{
    Positive,
    Negative,
    Negator,
    Intensifier,
    /// <summary>Taking it further: 投诉, 曝光, a lawyer. Negative, and it raises the anger.</summary>
    Threat,
    /// <summary>Words of anger itself: 气死, 忍无可忍, furious, fed up.</summary>
    Anger,
    /// <summary>Look-alikes that mean nothing here and would otherwise be misread: 贵司 is polite, not 贵; 快递 is not 快.</summary>
    Neutral,
}

/// <summary>A lexicon word: its kind and its weight (polarity for sentiment words, a multiplier for intensifiers).</summary>
internal sealed record LexiconEntry(string Word, LexiconKind Kind, double Weight);

/// <summary>
/// The sentiment words of complaints in Chinese and English. Compounds are listed whole where the parts would
/// mislead (不错 is praise, 不满 is not; 好吃 is praise, 好慢 is not), since the longest word wins.
/// </summary>
internal static class SentimentLexicon
{
    public static readonly IReadOnlyList<LexiconEntry> Entries = Build();

    private static List<LexiconEntry> Build()
    {
        var all = new List<LexiconEntry>();
        void Add(LexiconKind kind, double weight, string words) =>
            all.AddRange(words.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new LexiconEntry(w.Replace('_', ' '), kind, weight)));

        // Chinese
        Add(LexiconKind.Positive, 1.5, "非常好 完美 超赞 太棒了 五星好评 非常满意 特别满意");
        Add(LexiconKind.Positive, 1.0, "满意 好吃 好评 不错 喜欢 很好 挺好 真好 好用 给力 棒 赞 感谢 谢谢 推荐 优秀 热情 耐心 周到 专业 实惠 干净 新鲜 方便 快捷 值得 放心 贴心");
        Add(LexiconKind.Positive, 0.5, "还可以 还行 凑合 好看 准时 快");
        Add(LexiconKind.Negative, -1.5, "垃圾 骗子 骗人 欺骗 恶心 坑人 坑爹 太差 最差 极差 差劲 糟糕透 烂透 黑心 无良 霸王条款 态度恶劣 恶劣");
        Add(LexiconKind.Negative, -1.0, "差 失望 不满 不满意 糟糕 烂 难吃 难用 敷衍 推诿 拖延 欺诈 虚假 坑 忽悠 投诉无门 不负责 不负责任 不专业 不好 不行 没用 破损 损坏 故障 变质 发霉 异味 难闻 质量问题 态度差 冷漠 不耐烦 乱收费 后悔 上当 退款难 无人处理 没人管 踢皮球 坏了 坏掉 无语 无法使用 无法正常使用 无法联系 联系不上 打不通");
        Add(LexiconKind.Negative, -0.5, "慢 太慢 贵 一般 一般般 麻烦 延误 迟到 没收到 等了 不新鲜 凉了 少了 错了 有问题 不方便 不准时");
        Add(LexiconKind.Negator, 0, "不 没 没有 未 无 别 不是 并不 从不 从没 绝不 毫不 并非");
        Add(LexiconKind.Intensifier, 1.6, "非常 特别 极其 超级 简直");
        Add(LexiconKind.Intensifier, 1.5, "太 十分 严重 巨 超 极");
        Add(LexiconKind.Intensifier, 1.3, "很 真 实在 相当 挺");
        Add(LexiconKind.Threat, -0.5, "我要投诉 要投诉 去投诉 投诉你们 继续投诉 举报 曝光 维权 12315 找媒体 告你们 起诉 律师 法院 差评 媒体");
        Add(LexiconKind.Neutral, 0, "贵司 贵公司 贵方 贵店 宝贵 快递 快点 尽快 加快 赶快 快要 很快就 别人 不久 好像 好几 好多 不过 不管 不同 不少 不断 无论 没关系 不用 不知道 差不多 差点 出差 差价 滚筒 无法 未能 没想到 不得不 不仅");
        Add(LexiconKind.Anger, -1.5, "气死 愤怒 火大 忍无可忍 太过分 过分 欺人太甚 无法接受 不能接受 岂有此理 恼火 受够了 无耻 滚 气愤 生气 离谱 什么破");

        // English
        Add(LexiconKind.Positive, 1.5, "excellent perfect amazing outstanding fantastic wonderful");
        Add(LexiconKind.Positive, 1.0, "good great happy satisfied pleased love helpful thanks thank_you appreciate recommend friendly quick professional resolved");
        Add(LexiconKind.Positive, 0.5, "ok okay fair decent");
        Add(LexiconKind.Negative, -1.5, "terrible horrible awful worst scam fraud fraudulent disgusting useless garbage rubbish nightmare incompetent");
        Add(LexiconKind.Negative, -1.0, "bad poor disappointed disappointing unhappy dissatisfied broken defective rude unprofessional misleading wrong failed refuse refused denied unfair frustrated frustrating problem problems harass harassed harassment lied lying stolen");
        Add(LexiconKind.Negative, -0.5, "late slow delayed expensive missing confusing annoying issue waiting");
        Add(LexiconKind.Negator, 0, "not no never without hardly barely nobody none don't doesn't didn't isn't wasn't aren't weren't won't wouldn't can't cannot couldn't haven't hasn't");
        Add(LexiconKind.Intensifier, 1.8, "extremely incredibly utterly");
        Add(LexiconKind.Intensifier, 1.5, "absolutely totally completely very_very");
        Add(LexiconKind.Intensifier, 1.4, "very so really too highly");
        Add(LexiconKind.Threat, -0.5, "lawyer attorney lawsuit sue report_you the_media the_press bbb better_business_bureau ombudsman legal_action");
        Add(LexiconKind.Anger, -1.5, "furious outraged outrageous angry livid fed_up sick_of sick_and_tired unacceptable ridiculous disgusted disgraceful pathetic infuriating infuriated enraged");
        return all;
    }
}
