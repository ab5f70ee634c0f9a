using System.Globalization;
using System.Text;
using Redress.Domain.Cases;

namespace Redress.Domain.Incidents;

/// <summary>What a group of complaints is about: a production batch, or a product (its SKU, else its name).</summary>
public enum GroupKeyKind
{
    Batch,
    Product,
}

/// <param name="Value">The normalised key stored and indexed: "batch:…" or "product:…".</param>
/// <param name="Label">What people read: the batch or product as the first case wrote it.</param>
public sealed record GroupKey(string Value, GroupKeyKind Kind, string Label);

/// <summary>
/// 群体投诉: the keys that make complaints "the same issue" (ADR 0011). A case has at most two: its product (SKU
/// when given, the product name otherwise), then its batch number. The product comes first because it is the
/// broader key: customers often do not know the batch, and an incident opened on the product gathers them too;
/// the batch still groups complaints that name no product. Keys are written
/// the same way however intake typed them: NFKC (full-width letters and digits become ASCII), lower case,
/// without spaces or punctuation, so "KT-18 S" and "ｋｔ１８ｓ" are one product.
/// </summary>
public static class GroupKeys
{
    public const int MaxLength = 220;

    public static IReadOnlyList<GroupKey> For(ProductReference product)
    {
        var keys = new List<GroupKey>(2);
        var sku = Normalise(product.Sku);
        var name = Normalise(product.ProductName);
        if (sku is not null) keys.Add(new("product:" + sku, GroupKeyKind.Product, Label(product.ProductName, product.Sku!)));
        else if (name is not null) keys.Add(new("product:" + name, GroupKeyKind.Product, product.ProductName!.Trim()));
        if (Normalise(product.BatchNumber) is { } batch) keys.Add(new("batch:" + batch, GroupKeyKind.Batch, product.BatchNumber!.Trim()));
        return keys;
    }

    /// <summary>
    /// Who the complainant is, for counting distinct customers: the company's customer id, else the phone, else
    /// the email, else the address. The same person filing twice counts once; one filing by phone and one by
    /// email only, twice (the keys of one case do not join up with the other's).
    /// </summary>
    public static string CustomerOf(Customer c)
    {
        if (!string.IsNullOrWhiteSpace(c.CustomerId)) return "id:" + c.CustomerId.Trim();
        if (Customer.NormalisePhone(c.Phone) is { } phone) return "tel:" + phone;
        if (!string.IsNullOrWhiteSpace(c.Email)) return "mail:" + c.Email.Trim().ToLowerInvariant();
        return "addr:" + (Normalise(c.Address) ?? Normalise(c.Name) ?? "");
    }

    /// <summary>Letters and digits only, compatibility-normalised and lower case; null when nothing is left.</summary>
    public static string? Normalise(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var builder = new StringBuilder(text.Length);
        foreach (var ch in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(ch)) builder.Append(char.ToLowerInvariant(ch));
        }
        if (builder.Length == 0) return null;
        return builder.Length <= MaxLength - 8 ? builder.ToString() : builder.ToString(0, MaxLength - 8);
    }

    private static string Label(string? name, string sku) =>
        string.IsNullOrWhiteSpace(name) ? sku.Trim() : string.Create(CultureInfo.InvariantCulture, $"{name.Trim()} ({sku.Trim()})");
}

/// <summary>Configuration Triage:Group: how many distinct customers within how many hours make a group complaint.</summary>
public sealed class GroupPolicy
{
    /// <summary>Distinct customers, counting the new case's, that open an incident. Below 2 the check is off.</summary>
    public int MinCustomers { get; set; } = 5;
    public int WindowHours { get; set; } = 24;

    public bool Enabled => MinCustomers >= 2 && WindowHours > 0;

    public TimeSpan Window => TimeSpan.FromHours(WindowHours);

    public bool Reached(int distinctCustomers) => Enabled && distinctCustomers >= MinCustomers;
}
