using Redress.Domain.Cases;

namespace Redress.Features.Admin;

internal static partial class DemoData
{
    private sealed record Story(
        bool English, string Category, int Grade, CaseFlags Flags, CustomerDemand Demand, string Product, string Sku,
        string Subject, string Description, string Facts, string RootCause, string[] Whys, string Measures, decimal? Compensation);

    private sealed record Person(string Name, string? Phone, string? Email, string? Address, string? Id);

    private static readonly Person[] ChineseCustomers =
    [
        new("张敏", "13812345678", "zhangmin@example.cn", "上海市浦东新区世纪大道100号", "C100231"),
        new("李娜", "+86 139 0211 4567", null, "北京市朝阳区建国路88号", "C100877"),
        new("王建国", "15900001111", "wjg1968@example.cn", null, null),
        new("赵磊", "18600002222", null, "广州市天河区体育西路191号", "C101452"),
        new("周晓燕", "13700003333", "zxy@example.cn", "杭州市西湖区文三路90号", "C102003"),
        new("孙浩", "13600004444", null, null, "C102118"),
    ];

    private static readonly Person[] EnglishCustomers =
    [
        new("Olivia Bennett", "+44 20 7946 0018", "olivia.bennett@example.co.uk", "14 Kings Road, London", "C200114"),
        new("James Carter", "+1 415 555 0132", "jcarter@example.com", null, null),
        new("Sophie Martin", null, "sophie.martin@example.com", "22 Rue de Rivoli, Paris", "C200561"),
        new("Daniel Wu", "+852 5555 0199", "daniel.wu@example.hk", null, "C200790"),
    ];

    private static readonly Story[] Stories =
    [
        new(false, "Q-DAMAGE", 3, CaseFlags.None, CustomerDemand.Exchange, "滚筒洗衣机 WD-100", "WD100-W",
            "收到的洗衣机外壳破损", "我于11月20日在官网购买的洗衣机今天送达，外包装完好但机身右侧有明显凹陷和划痕，要求换货并说明原因。",
            "仓库出库照片显示机身完好，破损发生在干线运输环节，承运商装卸时挤压。", "干线运输装卸不规范导致外壳挤压变形",
            ["机身凹陷", "运输中受挤压", "装车时与其他货物紧贴堆放", "未按规范使用隔板", "承运商作业标准未落实"],
            "为客户免费换新，上门取回破损机；要求承运商整改装卸流程。", null),
        new(false, "Q-SAFETY", 1, CaseFlags.Escalated | CaseFlags.Urgent, CustomerDemand.Compensation, "电热水壶 KT-18", "KT18-S",
            "电水壶使用时冒烟起火", "昨晚使用贵司电水壶烧水时底座突然冒烟并起火，厨房墙面被熏黑，孩子受到惊吓。要求赔偿损失并给出检测报告，否则将向12315投诉并联系媒体。",
            "送检样品温控器触点粘连，同批次抽检发现2%温控器不良。", "供应商温控器批次质量缺陷，来料检验未覆盖触点寿命测试",
            ["底座起火", "温控器未断电", "触点粘连", "该批温控器材料不良", "来料检验缺少寿命测试项"],
            "赔偿客户财产损失并全额退款；同批次产品召回检测；增加温控器来料寿命测试。", 3000m),
        new(false, "S-RUDE", 3, CaseFlags.None, CustomerDemand.Apology, "门店服务", "STORE-SH-05",
            "门店店员态度恶劣", "周六下午在徐汇门店咨询退货时，店员不耐烦地说“自己看说明”，还当着其他顾客的面大声指责我，希望公司给个说法并道歉。",
            "调取门店监控属实，当班店员因排队人数多情绪失控。", "高峰时段人手不足且店员服务培训不到位",
            ["店员态度差", "当时排队顾客多压力大", "周末排班人手不足", "排班未按客流预测"],
            "门店经理当面致歉，对店员进行服务规范培训，调整周末排班。", null),
        new(false, "L-LATE", 4, CaseFlags.None, CustomerDemand.Explanation, "空气净化器 AP-3", "AP3-G",
            "快递延误一周仍未送达", "订单显示11月15日发货，承诺三天送达，但至今一周物流信息没有更新，客服只让我等，请尽快核实。",
            "包裹在中转站因面单破损滞留。", "中转站异常件未及时上报",
            ["包裹未送达", "中转站滞留", "面单破损无法扫描", "异常件处理流程未触发预警"],
            "补发新品并加急配送，原包裹找回后退回仓库。", null),
        new(false, "B-OVERCHARGE", 3, CaseFlags.Repeat, CustomerDemand.Refund, "会员年卡", "VIP-Y",
            "会员费被重复扣款", "我的信用卡在11月1日被扣了两次会员年费，各398元，已经第二次反映了还没有处理，要求退还多扣的费用。",
            "支付网关回调超时导致订单重复创建扣款。", "支付回调幂等校验缺失",
            ["重复扣款", "生成了两笔订单", "回调超时后系统重试", "重试未做幂等校验"],
            "退还多扣的398元并赠送一个月会员；支付系统增加幂等校验。", 398m),
        new(false, "Q-FOOD", 2, CaseFlags.Escalated, CustomerDemand.Compensation, "全麦面包 450g", "BR450",
            "面包中发现异物", "今天早上给孩子吃的全麦面包里发现一段金属丝，幸好及时发现没有受伤，要求公司解释并赔偿，保留了实物和购买小票。",
            "生产线筛网局部破损，金属检测仪灵敏度设置偏低。", "金属检测仪参数设置错误且点检流于形式",
            ["面包含金属丝", "筛网破损脱落", "金属检测未报警", "灵敏度设置偏低", "点检记录未核对参数"],
            "按食品安全法十倍赔偿并登门致歉；更换筛网、校准金属检测仪并加强点检。", 1000m),
        new(false, "A-REPAIR", 3, CaseFlags.None, CustomerDemand.Repair, "变频空调 AC-35", "AC35-INV",
            "空调维修三次仍不制冷", "空调安装不到一年，已经报修三次，每次师傅来加完氟过几天又不制冷，严重影响生活，要求彻底解决。",
            "检测发现室外机铜管焊点砂眼导致缓慢泄漏。", "安装时焊接质量不合格，前两次维修未做保压检漏",
            ["反复不制冷", "冷媒泄漏", "焊点有砂眼", "安装焊接质量差", "维修未按规范保压检漏"],
            "更换室外机连接管并保压检漏，延长整机保修一年。", null),
        new(false, "O-PRIVACY", 2, CaseFlags.Escalated, CustomerDemand.Explanation, "会员服务", "CRM",
            "个人信息被泄露收到骚扰电话", "在贵司注册会员后一周内接到大量推销电话，对方能准确说出我的姓名和购买记录，怀疑信息泄露，我已咨询律师。",
            "第三方外呼服务商违规留存并转售客户数据。", "对外包服务商的数据访问缺少最小化授权与审计",
            ["收到骚扰电话", "外呼商有客户数据", "数据导出未脱敏", "外包合同无数据审计条款"],
            "终止与该服务商合作并报警；向客户书面致歉并说明整改措施。", null),
        new(true, "Q-DEFECT", 3, CaseFlags.None, CustomerDemand.Refund, "Wireless earbuds E2", "E2-BLK",
            "Left earbud stopped charging after two weeks", "The left earbud of my E2 set stopped charging after two weeks of normal use. I tried a different cable and reset the case as the manual says. I would like a refund.",
            "The charging contact of the left bud was corroded; the batch had a plating defect.", "Supplier plating thickness below specification for batch B2610",
            ["Bud does not charge", "Contact corroded", "Plating too thin", "Supplier skipped thickness test for the batch"],
            "Full refund; quarantine batch B2610 and audit the supplier's plating line.", null),
        new(true, "L-LOST", 3, CaseFlags.None, CustomerDemand.Exchange, "Coffee grinder CG-5", "CG5-STEEL",
            "Parcel marked delivered but never arrived", "Tracking says the grinder was delivered on Monday at 14:02 but nobody was home and there is nothing at the door or with the neighbours. The delivery driver did not ring.",
            "GPS of the delivery scan was 2 km from the address.", "Driver scanned the parcel as delivered before reaching the address",
            ["Parcel missing", "Scanned as delivered elsewhere", "Driver pre-scanned to meet route targets"],
            "Send a replacement by express; carrier to retrain the driver and investigate.", null),
        new(true, "S-NORESPONSE", 4, CaseFlags.None, CustomerDemand.Explanation, "Customer hotline", "HOTLINE",
            "No reply to three emails about my warranty", "I wrote to support three times in two weeks about the warranty on my vacuum cleaner and got no answer at all. Please tell me who is handling this.",
            "The emails were routed to an unmonitored legacy mailbox.", "Mail routing rule not updated after the mailbox migration",
            ["No reply", "Mail in old mailbox", "Routing rule left pointing at it"],
            "Answer the warranty question today and fix the mailbox routing.", null),
        new(true, "B-PROMO", 4, CaseFlags.None, CustomerDemand.Refund, "Air fryer AF-4", "AF4-W",
            "Charged full price during the Double 11 sale", "The product page showed 20% off on 11 November but I was charged the full price at checkout. I have a screenshot of the page.",
            "The promotion was configured for the app channel only, the web page showed it anyway.", "Promotion channel scope not applied to the web product page",
            ["Full price charged", "Promo limited to app", "Web page ignored channel scope"],
            "Refund the difference and correct the promotion display.", 79m),
        new(true, "Q-SAFETY", 2, CaseFlags.Escalated | CaseFlags.Urgent, CustomerDemand.Compensation, "Electric heater H-20", "H20-OIL",
            "Heater overheated and melted the plug", "Our oil heater overheated last night, the plug melted and the socket is scorched. My son burned his finger when he tried to unplug it. I will contact a lawyer if this is not taken seriously.",
            "Thermal cut-off failed to trip; plug pins undersized for 2 kW load.", "Design margin of plug pins insufficient; no load test at maximum setting",
            ["Plug melted", "Pins overheated", "Pins undersized", "Load test skipped at max setting"],
            "Compensate medical costs and the socket repair; recall the model for plug replacement.", 2500m),
        new(true, "CONTRACT", 3, CaseFlags.None, CustomerDemand.Explanation, "Extended warranty plan", "EW-3Y",
            "Extended warranty claim refused", "I bought the 3-year extended warranty but my claim for the broken compressor was refused because of 'wear and tear', which the contract does not mention.",
            "The refusal cited an internal guideline not in the customer contract.", "Claims team applied an internal exclusion that contradicts the contract",
            ["Claim refused", "Internal guideline used", "Guideline not aligned with contract"],
            "Accept the claim and align the claims guideline with the contract wording.", null),
        new(false, "L-WRONG", 4, CaseFlags.None, CustomerDemand.Exchange, "儿童运动鞋 32码", "KS-32",
            "收到的鞋子尺码发错", "给孩子买的32码运动鞋，收到后是35码，鞋盒标签也是35码，孩子等着穿，请尽快换货。",
            "拣货员拣错货位，复核环节未扫码核对。", "拣货复核未强制扫码",
            ["尺码发错", "拣错货位", "相邻货位标签相似", "复核未扫码"],
            "顺丰上门换货，仓库复核环节强制扫码。", null),
        new(false, "A-RETURN", 3, CaseFlags.None, CustomerDemand.Refund, "扫地机器人 R7", "R7-W",
            "七天无理由退货被拒", "商品签收第五天申请七天无理由退货，客服以包装拆封为由拒绝，我认为不合理，商品完好无损。",
            "客服误用了定制商品的退货规则。", "退货规则培训不足，系统未按商品类型提示",
            ["退货被拒", "客服误判规则", "系统无规则提示"],
            "同意退货并承担运费；客服系统增加退货规则提示。", null),
    ];
}
