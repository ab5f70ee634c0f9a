using System.Globalization;
using Redress.Features.Cases;

namespace Redress.Components;

/// <summary>Reference data carries both names (zh, en); pages show the one of the current UI culture.</summary>
public static class Localized
{
    public static bool IsChinese => CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.Ordinal);

    public static string Name(string zh, string en) => IsChinese ? zh : en;

    public static string Name(this NamedRef named) => Name(named.NameZh, named.NameEn);
}
