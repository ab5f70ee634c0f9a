using System.Globalization;
using System.Text;
using Redress.Domain.Cases;

namespace Redress.Bench.Seeding;

internal sealed partial class CaseGenerator
{
    private sealed record Text(string Subject, string Description, string Product, string Order, string Sku, string Batch);

    private const double RealTextShare = 0.3;

    private static readonly Dictionary<CaseTexts.ProductKind, CaseTexts.Product[]> ProductsByKind = Enum.GetValues<CaseTexts.ProductKind>()
        .ToDictionary(k => k, k => CaseTexts.Products.Where(p => k == CaseTexts.ProductKind.Any || p.Kind == k).ToArray());

    private Text Write(CaseTexts.Topic topic, CustomerDemand demand, string language, DateTime created, Random random)
    {
        var products = ProductsByKind[topic.Products];
        var product = products[random.Next(products.Length)];
        var purchased = DateOnly.FromDateTime(created.AddHours(8)).AddDays(-random.Next(1, 31));
        var model = product.Code + random.Next(100, 1000).ToString(CultureInfo.InvariantCulture);
        var order = string.Create(CultureInfo.InvariantCulture, $"SO{purchased:yyyyMMdd}{random.Next(10000, 100000)}");
        // A production lot of this product: lots of different products do not share a number (a shared one made
        // every product's complaints one group complaint).
        var batch = string.Create(CultureInfo.InvariantCulture, $"{product.Code}{purchased:yyMM}-{random.Next(1, 100):00}");
        var store = CaseTexts.Stores[random.Next(CaseTexts.Stores.Length)];
        var slots = new Slots(random.Next(2, 16), random.Next(5, 200) * 10, random.Next(1, 40), model, order);
        var english = language == "en";
        var s = random.Next(topic.SubjectsZh.Length);
        var subjectZh = slots.Fill(topic.SubjectsZh[s], product.Zh);
        var subjectEn = slots.Fill(topic.SubjectsEn[s], product.En);

        var body = new StringBuilder();
        if (english)
        {
            body.Append(slots.Fill(Any(random, CaseTexts.OpeningsEn), product.En, purchased.ToString("d MMMM yyyy", CultureInfo.InvariantCulture), store.En)).Append(' ');
            body.Append(slots.Fill(Any(random, topic.ProblemsEn), product.En)).Append(' ');
            Sentence(body, Any(random, CaseTexts.DetailsEn), " ");
            body.Append(CaseTexts.DemandEn(demand)).Append(' ');
            Sentence(body, Any(random, CaseTexts.ClosingsEn), " ");
            if (RealWords(topic, english) is { Count: > 0 } words && random.NextDouble() < RealTextShare)
                body.Append("Customer's own words: ").Append(words[random.Next(words.Count)]);
        }
        else
        {
            body.Append(slots.Fill(Any(random, CaseTexts.OpeningsZh), product.Zh, $"{purchased.Month}月{purchased.Day}日", store.Zh));
            body.Append(slots.Fill(Any(random, topic.ProblemsZh), product.Zh));
            Sentence(body, Any(random, CaseTexts.DetailsZh), "");
            body.Append(CaseTexts.DemandZh(demand));
            Sentence(body, Any(random, CaseTexts.ClosingsZh), "");
            if (RealWords(topic, english) is { Count: > 0 } words && random.NextDouble() < RealTextShare)
                body.Append("客户原话：").Append(words[random.Next(words.Count)]);
            // Mixed: a Chinese complaint forwarded with an English note, as the intake form of the probe shows.
            if (language == "mixed") body.Append(' ').Append(slots.Fill(Any(random, topic.ProblemsEn), product.En));
        }
        var subject = language switch { "en" => subjectEn, "mixed" => $"{subjectZh} / {subjectEn}", _ => subjectZh };
        return new Text(subject, body.ToString().Trim(), english ? product.En : product.Zh, order, $"{product.Code}-{model}", batch);
    }

    /// <summary>Real text that fits the topic, or none: an earphone repair should not quote a takeaway review.</summary>
    private IReadOnlyList<string> RealWords(CaseTexts.Topic topic, bool english)
    {
        var finance = topic.Category is "CONTRACT" or "O-PRIVACY" || topic.Category.StartsWith("B-", StringComparison.Ordinal);
        if (english) return finance ? _realText.EnglishFinance : [];
        return topic.Products switch
        {
            CaseTexts.ProductKind.Food => _realText.ChineseFood,
            CaseTexts.ProductKind.Appliance => _realText.ChineseAppliance,
            _ => _realText.ChineseAny,
        };
    }

    private static void Sentence(StringBuilder body, string sentence, string separator)
    {
        if (sentence.Length > 0) body.Append(sentence).Append(separator);
    }

    private static string Any(Random random, string[] options) => options[random.Next(options.Length)];

    private sealed record Slots(int Days, int Amount, int Code, string Model, string Order)
    {
        public string Fill(string template, string product, string? date = null, string? store = null)
        {
            if (!template.Contains('{', StringComparison.Ordinal)) return template;
            var sb = new StringBuilder(template)
                .Replace("{p}", product).Replace("{m}", Model).Replace("{o}", Order)
                .Replace("{n}", Days.ToString(CultureInfo.InvariantCulture))
                .Replace("{a}", Amount.ToString(CultureInfo.InvariantCulture))
                .Replace("{c}", Code.ToString("00", CultureInfo.InvariantCulture));
            if (date is not null) sb.Replace("{d}", date);
            if (store is not null) sb.Replace("{s}", store);
            return sb.ToString();
        }
    }

    // A tenth of the complaints come from people who complained before (R-IN-6 history has something to find).
    private const int RegularCustomers = 5_000;

    private static Customer MakeCustomer(bool english, Random random)
    {
        if (random.NextDouble() < 0.1)
        {
            var k = random.Next(RegularCustomers);
            return NewCustomer(k % 5 == 0, new Random(k), $"M{10_000_000 + k}");
        }
        return NewCustomer(english, random, random.NextDouble() < 0.3 ? $"M{random.Next(20_000_000, 99_999_999)}" : null);
    }

    private static Customer NewCustomer(bool english, Random random, string? customerId)
    {
        var mobile = string.Create(CultureInfo.InvariantCulture, $"1{random.Next(3, 10)}{random.Next(0, 10)}{random.Next(10_000_000, 100_000_000)}");
        var (city, districts) = CaseTexts.Cities[random.Next(CaseTexts.Cities.Length)];
        var address = string.Create(CultureInfo.InvariantCulture, $"{city}{districts[random.Next(districts.Length)]}{CaseTexts.Roads[random.Next(CaseTexts.Roads.Length)]}{random.Next(1, 999)}号");
        if (english)
        {
            var first = CaseTexts.FirstNames[random.Next(CaseTexts.FirstNames.Length)];
            var last = CaseTexts.LastNames[random.Next(CaseTexts.LastNames.Length)];
            return new Customer
            {
                Name = $"{first} {last}",
                Email = string.Create(CultureInfo.InvariantCulture, $"{first}.{last}{random.Next(1, 999)}@example.com").ToLowerInvariant(),
                Phone = random.NextDouble() < 0.5 ? "+86 " + mobile : null,
                Address = random.NextDouble() < 0.3 ? address : null,
                CustomerId = customerId,
            };
        }
        var name = CaseTexts.Surnames[random.Next(CaseTexts.Surnames.Length)] + CaseTexts.GivenNames[random.Next(CaseTexts.GivenNames.Length)];
        var phone = random.NextDouble() < 0.95 ? mobile : null;
        return new Customer
        {
            Name = name,
            Phone = phone,
            Email = random.NextDouble() < 0.2 ? string.Create(CultureInfo.InvariantCulture, $"user{random.Next(100_000, 9_999_999)}@example.cn") : null,
            // Intake needs at least one way to reach the customer.
            Address = phone is null || random.NextDouble() < 0.5 ? address : null,
            CustomerId = customerId,
        };
    }
}
