using System.Globalization;
using Microsoft.Extensions.Localization;
using Redress.Components;
using Redress.Domain.Cases;
using Redress.Domain.Sla;
using Redress.Features.Reference;

namespace Redress.Features.Sla;

/// <summary>Limits, match criteria and durations in the reader's words, for the SLA pages and the bucket report.</summary>
public static class SlaText
{
    public static string Limit(TimeLimit limit, IStringLocalizer l) =>
        limit.Amount == 1 ? l[$"SlaAdmin.Limit.{limit.Unit}.One"] : Format(l, $"SlaAdmin.Limit.{limit.Unit}", limit.Amount);

    public static string Duration(int minutes, IStringLocalizer l) =>
        minutes % 60 == 0 ? Format(l, "SlaAdmin.Hours", minutes / 60) : Format(l, "SlaAdmin.Minutes", minutes);

    /// <summary>Grades and flags are alternatives; categories and channels narrow (see <see cref="PolicyMatch"/>).</summary>
    public static IEnumerable<string> Describe(PolicyMatch m, ReferenceData.Snapshot? refs, IStringLocalizer l)
    {
        if (m.Grades.Count == 0 && m.AnyFlags == CaseFlags.None && m.CategoryIds.Count == 0 && m.Channels.Count == 0)
        {
            yield return l["SlaAdmin.MatchAny"];
            yield break;
        }
        if (m.Grades.Count > 0) yield return Format(l, "SlaAdmin.MatchGrades", List(m.Grades.Select(g => l[$"Grade.{g}"].Value), l));
        if (m.AnyFlags != CaseFlags.None)
            yield return Format(l, m.Grades.Count > 0 ? "SlaAdmin.MatchOrFlags" : "SlaAdmin.MatchFlags",
                List(Enum.GetValues<CaseFlags>().Where(f => f != CaseFlags.None && m.AnyFlags.HasFlag(f)).Select(f => l[$"Flag.{f}"].Value), l));
        if (m.CategoryIds.Count > 0)
            yield return Format(l, "SlaAdmin.MatchCategories", List(m.CategoryIds.Select(id => CategoryName(id, refs)), l));
        if (m.Channels.Count > 0) yield return Format(l, "SlaAdmin.MatchChannels", List(m.Channels.Select(c => l[$"Channel.{c}"].Value), l));
    }

    public static string CategoryName(int id, ReferenceData.Snapshot? refs) =>
        refs?.Categories.GetValueOrDefault(id) is { } c ? Localized.Name(c.NameZh, c.NameEn) : $"#{id}";

    /// <summary>Target names are sentence fragments ("first contact"); at the start of a line they take a capital.</summary>
    public static string Capital(string text) => text.Length == 0 ? text : char.ToUpper(text[0], CultureInfo.CurrentCulture) + text[1..];

    public static string Format(IStringLocalizer l, string key, params object[] args) => string.Format(CultureInfo.CurrentCulture, l[key], args);

    private static string List(IEnumerable<string> items, IStringLocalizer l) => string.Join(l["SlaAdmin.ListSeparator"], items);
}
