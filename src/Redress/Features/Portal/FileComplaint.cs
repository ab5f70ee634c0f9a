using System.ComponentModel.DataAnnotations;
using Redress.Domain;
using Redress.Domain.Cases;
using Redress.Features.Cases;

namespace Redress.Features.Portal;

/// <summary>What a customer fills in on the portal's complaint form.</summary>
public sealed record PortalComplaint(
    [property: Required, StringLength(100, MinimumLength = 1)] string Name,
    [property: StringLength(40)] string? Phone,
    [property: StringLength(254), EmailAddress] string? Email,
    [property: Required, StringLength(200, MinimumLength = 1)] string Subject,
    [property: Required, StringLength(10_000, MinimumLength = 1)] string Description,
    [property: Required] CustomerDemand? Demand,
    [property: StringLength(64)] string? OrderNumber,
    [property: StringLength(200)] string? ProductName,
    DateTimeOffset? OccurredAt);

/// <summary>
/// A complaint filed by the customer on the web (R-IN-1): registered through the same use case as every
/// other channel, with the customer as the actor, a private tracking link, and the files they attached.
/// </summary>
public sealed class FileComplaint(RegisterCase register, AddAttachment attachments, PortalGuard guard)
{
    public sealed record Filed(CaseDetails Case, string TrackingToken, IReadOnlyList<string> RefusedFiles);

    public async Task<Result<Filed>> HandleAsync(PortalComplaint c, IReadOnlyList<IFormFile> files, string address, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(c.Phone) && string.IsNullOrWhiteSpace(c.Email))
            return Error.Invalid("contact_required", "Give a phone number or an email address, so we can reach you.", "phone");
        if (!guard.AllowAddress(address) || !await guard.AllowContactAsync(c.Phone, c.Email, ct))
            return new Error("too_many_filings", "Too many complaints were filed from here recently. Please try again later or call us.", ErrorKind.TooManyRequests,
                RetryAfter: TimeSpan.FromHours(1));

        var request = new RegisterCaseRequest(
            Channel.Web, c.Subject.Trim(), c.Description.Trim(), c.OccurredAt,
            new CustomerInput(c.Name.Trim(), Blank(c.Phone), Blank(c.Email), null, null),
            new ProductInput(Blank(c.OrderNumber), Blank(c.ProductName), null, null),
            c.Demand, null, null, null, null, null, null);
        var (token, hash) = PortalAccess.NewToken();
        var customer = Actor.Customer(c.Name.Trim());
        var registered = await register.HandleAsync(request, customer, null, null, ct, portalTokenHash: hash);
        if (!registered.IsSuccess) return registered.Error!;

        // Files go on after the case exists; one the checks refuse does not undo the complaint.
        var refused = new List<string>();
        var owner = Actor.Customer(c.Name.Trim(), registered.Value.Case.Id);
        foreach (var file in files)
            if (!(await attachments.HandleAsync(registered.Value.Case.Id, file, owner, ct)).IsSuccess) refused.Add(file.FileName);
        return new Filed(registered.Value.Case, token, refused);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
