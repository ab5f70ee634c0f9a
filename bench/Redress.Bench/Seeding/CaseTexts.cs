using Redress.Domain.Cases;

namespace Redress.Bench.Seeding;

/// <summary>The words seeded cases are made of: products, stores, people, and the sentences around a problem.</summary>
internal static partial class CaseTexts
{
    public sealed record Product(string Zh, string En, string Code, ProductKind Kind);

    public static readonly Product[] Products =
    [
        new("洗衣机", "washing machine", "WM", ProductKind.Appliance), new("冰箱", "refrigerator", "RF", ProductKind.Appliance),
        new("空调", "air conditioner", "AC", ProductKind.Appliance), new("电热水器", "electric water heater", "WH", ProductKind.Appliance),
        new("扫地机器人", "robot vacuum", "RV", ProductKind.Appliance), new("电饭煲", "rice cooker", "RC", ProductKind.Appliance),
        new("微波炉", "microwave oven", "MW", ProductKind.Appliance), new("洗碗机", "dishwasher", "DW", ProductKind.Appliance),
        new("空气净化器", "air purifier", "AP", ProductKind.Appliance), new("净水器", "water purifier", "WP", ProductKind.Appliance),
        new("吸尘器", "vacuum cleaner", "VC", ProductKind.Appliance), new("电视机", "television", "TV", ProductKind.Appliance),
        new("油烟机", "range hood", "RH", ProductKind.Appliance), new("燃气灶", "gas hob", "GH", ProductKind.Appliance),
        new("手机", "mobile phone", "MP", ProductKind.Appliance), new("笔记本电脑", "laptop", "LT", ProductKind.Appliance),
        new("平板电脑", "tablet", "TB", ProductKind.Appliance), new("蓝牙耳机", "Bluetooth earphones", "BE", ProductKind.Appliance),
        new("婴儿奶粉", "infant formula", "IF", ProductKind.Food), new("纯牛奶", "whole milk", "MK", ProductKind.Food),
        new("坚果礼盒", "nut gift box", "NB", ProductKind.Food), new("月饼礼盒", "mooncake gift box", "MC", ProductKind.Food),
        new("速冻水饺", "frozen dumplings", "FD", ProductKind.Food),
    ];

    public static readonly (string Zh, string En)[] Stores =
    [
        ("官网商城", "online shop"), ("京东旗舰店", "JD flagship store"), ("天猫旗舰店", "Tmall flagship store"),
        ("线下门店", "retail store"), ("微信小程序", "WeChat mini program"), ("拼多多店铺", "Pinduoduo store"),
    ];

    public static readonly string[] OpeningsZh =
    [
        "我于{d}在贵公司{s}购买了{p}，订单号{o}。", "{d}通过{s}下单购买{p}（订单号{o}）。", "本人是贵公司的老客户，{d}在{s}购买了{p}，订单号{o}。",
    ];

    public static readonly string[] OpeningsEn =
    [
        "I bought a {p} from your {s} on {d}, order {o}.", "On {d} I ordered a {p} through your {s} (order {o}).",
        "I have been your customer for years and bought a {p} from your {s} on {d}, order {o}.",
    ];

    public static readonly string[] DetailsZh =
        ["已多次联系客服，没有得到有效解决。", "已保留照片和视频作为证据。", "这已经是第二次出现同样的问题。", "", "对贵公司的处理效率非常失望。", ""];

    public static readonly string[] DetailsEn =
    [
        "I have contacted customer service several times without a solution.", "I have kept photos and videos as evidence.",
        "This is the second time the same thing has happened.", "", "I am very disappointed with how slowly this is handled.", "",
    ];

    public static readonly string[] ClosingsZh = ["请尽快处理并回复。", "如不处理将向消费者协会投诉。", "", "联系方式见登记信息。"];

    public static readonly string[] ClosingsEn = ["Please reply as soon as possible.", "If this is not resolved I will go to the consumer association.", "", "My contact details are on file."];

    public static string DemandZh(CustomerDemand demand) => demand switch
    {
        CustomerDemand.Refund => "要求全额退款。",
        CustomerDemand.Exchange => "要求更换新品。",
        CustomerDemand.Repair => "要求尽快免费维修。",
        CustomerDemand.Apology => "要求相关人员道歉。",
        CustomerDemand.Compensation => "要求赔偿相应损失。",
        CustomerDemand.Explanation => "请给出书面说明。",
        _ => "请尽快处理。",
    };

    public static string DemandEn(CustomerDemand demand) => demand switch
    {
        CustomerDemand.Refund => "I want a full refund.",
        CustomerDemand.Exchange => "I want a new replacement.",
        CustomerDemand.Repair => "Please repair it free of charge as soon as possible.",
        CustomerDemand.Apology => "I expect an apology.",
        CustomerDemand.Compensation => "I expect compensation for my loss.",
        CustomerDemand.Explanation => "Please explain in writing.",
        _ => "Please deal with this quickly.",
    };

    public static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗", "郑", "梁", "谢", "宋", "唐"];

    public static readonly string[] GivenNames =
        ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "晓燕", "子涵", "浩然", "欣怡", "宇轩", "梓萱"];

    public static readonly string[] FirstNames = ["James", "Emma", "Oliver", "Sophie", "Liam", "Mia", "Noah", "Chloe", "Lucas", "Hannah", "Daniel", "Grace", "Thomas", "Laura", "David", "Anna"];

    public static readonly string[] LastNames = ["Smith", "Brown", "Wilson", "Taylor", "Clark", "Walker", "Wright", "Green", "Hall", "Martin", "Müller", "Schmidt", "Dubois", "Rossi", "Kim", "Nguyen"];

    public static readonly (string City, string[] Districts)[] Cities =
    [
        ("上海市", ["浦东新区", "徐汇区", "闵行区", "静安区"]), ("北京市", ["朝阳区", "海淀区", "丰台区"]), ("广州市", ["天河区", "越秀区", "番禺区"]),
        ("深圳市", ["南山区", "福田区", "龙岗区"]), ("杭州市", ["西湖区", "滨江区", "余杭区"]), ("成都市", ["武侯区", "锦江区", "高新区"]),
        ("南京市", ["鼓楼区", "建邺区"]), ("武汉市", ["洪山区", "江汉区"]),
    ];

    public static readonly string[] Roads = ["人民路", "解放路", "中山路", "建设路", "和平路", "长江路", "世纪大道", "科技园路", "滨江路", "文化路"];
}
