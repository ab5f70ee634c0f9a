using Microsoft.Extensions.Localization;
using Redress.Components;
using Redress.Domain.Cases;

namespace Redress.Features.Portal;

/// <summary>
/// The complaint form as the portal posts it, the same fields for the page and the API: the complaint, the
/// answer to the question with its token, and the field only robots fill in.
/// </summary>
public sealed class PortalFileForm
{
    public string? Name { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Subject { get; set; }
    public string? Description { get; set; }
    public CustomerDemand? Demand { get; set; }
    public string? OrderNumber { get; set; }
    public string? ProductName { get; set; }
    public DateTimeOffset? OccurredAt { get; set; }
    /// <summary>Leave empty: a form with it filled is taken for a robot's and files nothing.</summary>
    public string? Website { get; set; }
    /// <summary>The sum asked by the challenge (GET /portal/challenge).</summary>
    public string? Answer { get; set; }
    /// <summary>The challenge's token, sent back as it came.</summary>
    public string? ChallengeToken { get; set; }

    public bool IsFromRobot => !string.IsNullOrEmpty(Website);

    // Empty boxes post "", which is not an email address: an optional field left empty is null.
    public PortalComplaint ToComplaint() =>
        new(Name?.Trim() ?? "", Blank(Phone), Blank(Email), Subject?.Trim() ?? "", Description?.Trim() ?? "", Demand, Blank(OrderNumber), Blank(ProductName), OccurredAt);

    /// <summary>Field errors in the reader's language: the complaint's own rules, and the question.</summary>
    public Dictionary<string, string> Check(PortalGuard guard, IStringLocalizer l)
    {
        var errors = RequestValidation.Check(ToComplaint(), l);
        if (!guard.Passes(ChallengeToken, Answer)) errors[nameof(Answer)] = l["Portal.ChallengeWrong"];
        return errors;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
